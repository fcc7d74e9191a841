import { checkPassword } from './password-policy';

describe('password policy', () => {
  it('accepts 8 characters and a 64-character passphrase', () => {
    expect(checkPassword('Tr1cky!x', 'alice')).toBeNull();
    expect(checkPassword('correct horse battery staple '.repeat(3).slice(0, 64), 'alice')).toBeNull();
  });

  it('rejects fewer than 8 and more than 128 characters', () => {
    expect(checkPassword('Sh0rt!x', 'alice')).toBe('TOO_SHORT');
    expect(checkPassword('x'.repeat(64) + 'y'.repeat(65), 'alice')).toBe('TOO_LONG');
  });

  it('counts characters, not bytes', () => {
    expect(checkPassword('社区服务点单系统', 'alice')).toBeNull();
  });

  it('rejects the username, common passwords and one repeated character', () => {
    expect(checkPassword('xxAlice2026', 'alice')).toBe('CONTAINS_USERNAME');
    expect(checkPassword('Password1', 'bob')).toBe('TOO_COMMON');
    expect(checkPassword('zzzzzzzzzz', 'bob')).toBe('ONE_CHARACTER');
  });
});
