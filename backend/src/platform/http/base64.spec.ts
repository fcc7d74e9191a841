import { isBase64Text } from './base64';

describe('isBase64Text', () => {
  it('accepts standard base64 with and without padding', () => {
    for (const s of ['', 'TQ==', 'TWE=', 'TWFu', Buffer.from('点单 Diandan ✓').toString('base64')])
      expect(isBase64Text(s)).toBe(true);
  });

  it('refuses other alphabets, misplaced or excess padding, a wrong length and non-strings', () => {
    for (const s of ['TWF', 'TQ===', '=TWE', 'TW=u', 'TW-_', 'TWF u', 'TWFu\n', 42, null])
      expect(isBase64Text(s)).toBe(false);
  });

  it('checks the ~7 MB text of a 5 MB file in one pass, without a stack overflow', () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x41).toString('base64');
    expect(big.length).toBeGreaterThan(6_900_000); // what a 5 MB file becomes
    expect(isBase64Text(big)).toBe(true);
    expect(isBase64Text(`${big.slice(0, -4)}@@@@`)).toBe(false);
  });
});
