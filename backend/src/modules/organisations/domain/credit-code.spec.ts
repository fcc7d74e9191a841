import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from './credit-code';

describe('unified social credit code (GB 32100)', () => {
  it('accepts published codes', () => {
    // Codes printed on public registration certificates.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
  });

  it('rejects a wrong check character, a forbidden letter and a wrong length', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
  });

  it('computes the check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('says what is wrong with a code', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91350100M000100Y44')).toBe('CHECK_CHARACTER');
    expect(creditCodeProblem('91350100M000100I43')).toBe('CHARACTERS');
    expect(creditCodeProblem('91350100m000100y43')).toBe('CHARACTERS');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('LENGTH');
  });
});
