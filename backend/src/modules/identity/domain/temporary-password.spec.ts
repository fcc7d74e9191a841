import { checkPassword } from './password-policy';
import { TEMPORARY_ALPHABET, temporaryPassword } from './temporary-password';

describe('temporary password', () => {
  it('is three groups of four unambiguous characters that meet the policy', () => {
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword('zhang');
      expect(p).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
      expect([...p.replace(/-/g, '')].every((c) => TEMPORARY_ALPHABET.includes(c))).toBe(true);
      expect(checkPassword(p, 'zhang')).toBeNull();
    }
    expect(TEMPORARY_ALPHABET).not.toMatch(/[0O1lI]/);
  });

  it('draws again when a draw would break the policy (here: it contains the username)', () => {
    // a random source that first spells "abcd-abcd-abcd" for user "abcd", then something else
    const first = 'abcdabcdabcd';
    let n = 0;
    const random = () => {
      const c = n < first.length ? first[n] : 'Zy3k'[n % 4];
      n++;
      return TEMPORARY_ALPHABET.indexOf(c);
    };
    expect(temporaryPassword('abcd', random)).toBe('Zy3k-Zy3k-Zy3k');
  });
});
