import type { AbstractControl, ValidationErrors } from '@angular/forms';
import type { Role } from '@diandan/access';

import type { User } from '../../../api';

/** The account is locked out now (failed sign-ins): an administrator may unlock it at once. */
export function isLockedNow(user: Pick<User, 'lockedUntil'>, now: Date = new Date()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now.getTime();
}

/** What an administrator may do to `user` besides editing: the backend refuses the same (own account: no reset). */
export function userActions(
  user: Pick<User, 'id' | 'lockedUntil'>,
  myId: number | null,
  now: Date = new Date(),
): { unlock: boolean; resetPassword: boolean } {
  return { unlock: isLockedNow(user, now), resetPassword: user.id !== myId };
}

/** Separation of duties (as the backend): one account never holds ADMIN and AUDITOR. */
export function rolesConflict(roles: readonly Role[]): boolean {
  return roles.includes('ADMIN') && roles.includes('AUDITOR');
}

/** Form validator: `{ adminAndAuditor: true }` for the pair. */
export function separateDuties(control: AbstractControl<Role[] | null>): ValidationErrors | null {
  return rolesConflict(control.value ?? []) ? { adminAndAuditor: true } : null;
}
