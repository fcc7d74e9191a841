/**
 * Password policy (PRODUCT.md §5.1): at least 8 characters, long passphrases allowed (up to 128),
 * not the username, not a well-known password, not one character repeated. No composition rules:
 * length beats complexity (NIST SP 800-63B).
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const COMMON = new Set([
  'password',
  'password1',
  '12345678',
  '123456789',
  '1234567890',
  '11111111',
  '88888888',
  'qwertyui',
  'qwerty123',
  'abc12345',
  'iloveyou',
  'admin123',
  'a1234567',
  'woaini1314',
  'p@ssw0rd',
  'passw0rd',
]);

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_USERNAME' | 'TOO_COMMON' | 'ONE_CHARACTER';

export function checkPassword(password: string, username: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'TOO_SHORT';
  if (length > PASSWORD_MAX) return 'TOO_LONG';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'CONTAINS_USERNAME';
  if (COMMON.has(password.toLowerCase())) return 'TOO_COMMON';
  if (new Set(password).size === 1) return 'ONE_CHARACTER';
  return null;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  TOO_SHORT: `The password must have at least ${PASSWORD_MIN} characters.`,
  TOO_LONG: `The password may have at most ${PASSWORD_MAX} characters.`,
  CONTAINS_USERNAME: 'The password must not contain the username.',
  TOO_COMMON: 'The password is too common.',
  ONE_CHARACTER: 'The password must not be one character repeated.',
};
