import { FormControl } from '@angular/forms';
import type { Role } from '@diandan/access';

import { isLockedNow, rolesConflict, separateDuties, userActions } from './user-actions';

const now = new Date('2026-11-23T08:30:00.000Z');

describe('user actions', () => {
  it('offers unlock only while the lock lasts', () => {
    expect(isLockedNow({ lockedUntil: '2026-11-23T08:40:00.000Z' }, now)).toBe(true);
    expect(isLockedNow({ lockedUntil: '2026-11-23T08:30:00.000Z' }, now)).toBe(false);
    expect(isLockedNow({ lockedUntil: null }, now)).toBe(false);
    expect(userActions({ id: 5, lockedUntil: '2026-11-23T08:40:00.000Z' }, 1, now)).toEqual({
      unlock: true,
      resetPassword: true,
    });
  });

  it('never offers to reset one’s own password (change it instead)', () => {
    expect(userActions({ id: 1, lockedUntil: null }, 1, now)).toEqual({ unlock: false, resetPassword: false });
  });

  it('refuses ADMIN with AUDITOR in one account', () => {
    expect(rolesConflict(['ADMIN', 'AUDITOR'])).toBe(true);
    expect(rolesConflict(['ADMIN', 'FINANCE_OFFICER'])).toBe(false);
    expect(separateDuties(new FormControl<Role[]>(['AUDITOR', 'ADMIN']))).toEqual({ adminAndAuditor: true });
    expect(separateDuties(new FormControl<Role[]>(['AUDITOR']))).toBeNull();
  });
});
