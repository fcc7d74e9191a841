import type { ChangePasswordRequest, Me } from '../../../api';
import type { TranslationKey } from '../../../core/i18n/translation.service';

/**
 * The backend's password policy (backend/src/modules/identity/domain/password-policy.ts), checked here first
 * for quick feedback; the server has the last word (common passwords, 422 naming the field).
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export interface PasswordFormValue {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** What is wrong with the form before it is sent, as texts to show (empty: send it). */
export function passwordFormProblems(v: PasswordFormValue, username: string): TranslationKey[] {
  const out: TranslationKey[] = [];
  const length = [...v.newPassword].length;
  if (v.currentPassword === '') out.push('password.problem.currentRequired');
  if (length < PASSWORD_MIN) out.push('password.problem.tooShort');
  if (length > PASSWORD_MAX) out.push('password.problem.tooLong');
  if (username.length >= 3 && v.newPassword.toLowerCase().includes(username.toLowerCase()))
    out.push('password.problem.containsUsername');
  if (v.newPassword !== '' && v.newPassword === v.currentPassword) out.push('password.problem.sameAsCurrent');
  if (v.newPassword !== v.confirmPassword) out.push('password.problem.mismatch');
  return out;
}

/** The body of `POST /me/password` (the confirmation stays in the browser). */
export function toChangePasswordRequest(v: PasswordFormValue): ChangePasswordRequest {
  return { currentPassword: v.currentPassword, newPassword: v.newPassword };
}

/** After an administrator's reset, nothing but the password page opens until the password is changed. */
export function mustChangePassword(me: Me | null): boolean {
  return me?.mustChangePassword === true;
}
