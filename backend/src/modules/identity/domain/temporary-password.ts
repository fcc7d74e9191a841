import { randomInt } from 'node:crypto';

import { checkPassword } from './password-policy';

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand (no 0/O, 1/l/I). */
export const TEMPORARY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/**
 * A temporary password for an administrator's reset: three groups of four characters from an unambiguous
 * alphabet (about 68 bits from a CSPRNG), e.g. `k7Qm-2xWp-9HcT`. It passes the password policy for the user it
 * is meant for; the user must replace it at the next sign-in, so it is good for one sign-in's purpose only.
 */
export function temporaryPassword(username: string, random: (max: number) => number = randomInt): string {
  for (;;) {
    const groups = [0, 1, 2].map(() =>
      Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[random(TEMPORARY_ALPHABET.length)]).join(''),
    );
    const candidate = groups.join('-');
    if (checkPassword(candidate, username) === null) return candidate;
  }
}
