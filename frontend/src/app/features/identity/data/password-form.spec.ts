import type { Me } from '../../../api';
import { mustChangePassword, passwordFormProblems, toChangePasswordRequest } from './password-form';

const ok = {
  currentPassword: 'k7Qm-2xWp-9HcT',
  newPassword: 'a long passphrase',
  confirmPassword: 'a long passphrase',
};

describe('password form', () => {
  it('accepts a new passphrase that is long enough, confirmed and not the current one', () => {
    expect(passwordFormProblems(ok, 'zhang.san')).toEqual([]);
    expect(
      passwordFormProblems({ ...ok, newPassword: '社区服务点单系统', confirmPassword: '社区服务点单系统' }, 'x'),
    ).toEqual([]);
  });

  it('names each problem: too short, too long, the username, the current one, not confirmed, no current', () => {
    expect(passwordFormProblems({ ...ok, newPassword: 'short', confirmPassword: 'short' }, 'zhang')).toEqual([
      'password.problem.tooShort',
    ]);
    expect(
      passwordFormProblems({ ...ok, newPassword: 'x'.repeat(129), confirmPassword: 'x'.repeat(129) }, 'z'),
    ).toEqual(['password.problem.tooLong']);
    expect(
      passwordFormProblems({ ...ok, newPassword: 'I am Zhang.San!', confirmPassword: 'I am Zhang.San!' }, 'zhang.san'),
    ).toEqual(['password.problem.containsUsername']);
    expect(
      passwordFormProblems({ ...ok, newPassword: ok.currentPassword, confirmPassword: ok.currentPassword }, 'z'),
    ).toEqual(['password.problem.sameAsCurrent']);
    expect(passwordFormProblems({ ...ok, confirmPassword: 'a long passphrasE' }, 'zhang')).toEqual([
      'password.problem.mismatch',
    ]);
    expect(passwordFormProblems({ ...ok, currentPassword: '' }, 'zhang')).toEqual(['password.problem.currentRequired']);
  });

  it('sends the current and the new password, never the confirmation', () => {
    expect(toChangePasswordRequest(ok)).toEqual({ currentPassword: ok.currentPassword, newPassword: ok.newPassword });
  });

  it('knows when the password must be changed first', () => {
    const me = { id: 1, username: 'u', roles: [], permissions: [] } as unknown as Me;
    expect(mustChangePassword(null)).toBe(false);
    expect(mustChangePassword(me)).toBe(false);
    expect(mustChangePassword({ ...me, mustChangePassword: true })).toBe(true);
  });
});
