import { creditCodeCheckChar, creditCodeProblem, normaliseCreditCode } from './credit-code';

describe('credit code in the form (GB 32100)', () => {
  it('accepts published codes, typed in lower case or with spaces', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000600037341L')).toBeNull();
    expect(creditCodeProblem(' 91350100m000100y43 ')).toBeNull();
    expect(normaliseCreditCode('9135 0100 m000100y43')).toBe('91350100M000100Y43');
  });

  it('says which check failed', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('checkCharacter');
    expect(creditCodeProblem('91350100M000100I43')).toBe('characters');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
  });

  it('computes the check character like the API', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
});
