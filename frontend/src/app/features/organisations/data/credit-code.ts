/**
 * 统一社会信用代码 (GB 32100-2015), checked in the form before the API checks it again (the check
 * character is computed by the backend's own function, shared through the `@diandan/credit-code` alias):
 * 18 characters from a 31-character alphabet (no I, O, S, V, Z); the last is the check character
 * C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0.
 */
import { creditCodeCheckChar } from '@diandan/credit-code';

export type CreditCodeProblem = 'length' | 'characters' | 'checkCharacter';

export { creditCodeCheckChar };

/** What is wrong with a code as typed (spaces ignored, lower case accepted), or null. */
export function creditCodeProblem(input: string): CreditCodeProblem | null {
  const code = normaliseCreditCode(input);
  if (code.length !== 18) return 'length';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'characters';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'checkCharacter';
}

export function normaliseCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
