/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V);
 * the last is a check character: C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`Invalid character ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c];
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

export type CreditCodeProblem = 'LENGTH' | 'CHARACTERS' | 'CHECK_CHARACTER';

/** Why `code` is not a valid credit code (null when it is), for a precise field error. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'LENGTH';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'CHARACTERS';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'CHECK_CHARACTER';
}

export const CREDIT_CODE_PROBLEM_TEXT: Record<CreditCodeProblem, string> = {
  LENGTH: 'creditCode must have exactly 18 characters',
  CHARACTERS: 'creditCode may contain only digits and the capital letters of GB 32100 (no I, O, S, V, Z)',
  CHECK_CHARACTER: 'creditCode has a wrong check character (GB 32100 checksum)',
};
