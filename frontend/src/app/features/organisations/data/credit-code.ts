/**
 * 统一社会信用代码 (GB 32100-2015), checked in the form before the API checks it again:
 * 18 characters from a 31-character alphabet (no I, O, S, V, Z); the last is the check character
 * C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'checkCharacter';

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
