import { Env } from '../../../config/env';
import { accountKey, FailureCounts, retryAfterSeconds, SignInLimits, signInWait } from './sign-in-limits';

const limits: SignInLimits = { perAccount: 10, perAddress: 100, windowSeconds: 900 };
const none: FailureCounts = { account: 0, accountTtlMs: -2, address: 0, addressTtlMs: -2 };

describe('sign-in limits', () => {
  it('lets an attempt through below both limits', () => {
    expect(signInWait({ ...none, account: 9, accountTtlMs: 5000, address: 99, addressTtlMs: 5000 }, limits)).toBe(0);
  });

  it('makes the next attempt wait for the rest of the window once an account or an address is at its limit', () => {
    expect(signInWait({ ...none, account: 10, accountTtlMs: 61_500 }, limits)).toBe(62);
    expect(signInWait({ ...none, address: 100, addressTtlMs: 1 }, limits)).toBe(1);
    // both: the longer wait
    expect(signInWait({ account: 10, accountTtlMs: 30_000, address: 120, addressTtlMs: 600_000 }, limits)).toBe(600);
  });

  it('announces at least one second and at most the window', () => {
    expect(retryAfterSeconds(10, 900)).toBe(1);
    expect(retryAfterSeconds(2_000_000, 900)).toBe(900);
    expect(retryAfterSeconds(-1, 900)).toBe(900);
  });

  it('names an account as the database matches it (case, trailing spaces), without keeping the typed text', () => {
    expect(accountKey('Officer ')).toBe(accountKey('officer'));
    expect(accountKey('officer')).not.toBe(accountKey('officer2'));
    expect(accountKey('officer')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('with the default settings, a bureau of 200 officers behind one address signs in at 8:30, typos and all', () => {
    const env = new Env();
    const defaults: SignInLimits = {
      perAccount: env.LOGIN_FAILURES_PER_ACCOUNT,
      perAddress: env.LOGIN_FAILURES_PER_ADDRESS,
      windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
    };
    // every request to the auth routes counts against AUTH_RATE_LIMIT: 200 sign-ins, 20 typos, 200 refreshes
    expect(env.AUTH_RATE_LIMIT).toBeGreaterThanOrEqual(420);
    const failures = new Map<string, number>();
    let address = 0;
    let refused = 0;
    for (let officer = 0; officer < 200; officer++) {
      const attempts = officer % 10 === 0 ? ['typo', 'right'] : ['right'];
      for (const attempt of attempts) {
        const counts = {
          ...none,
          account: failures.get(`o${officer}`) ?? 0,
          address,
          accountTtlMs: 1,
          addressTtlMs: 1,
        };
        if (signInWait(counts, defaults) > 0) refused++;
        else if (attempt === 'typo') {
          failures.set(`o${officer}`, (failures.get(`o${officer}`) ?? 0) + 1);
          address++;
        }
      }
    }
    expect(refused).toBe(0);
    // while a guessing run is stopped: on one account after its limit, from one address after its limit
    expect(signInWait({ ...none, account: defaults.perAccount, accountTtlMs: 1000 }, defaults)).toBeGreaterThan(0);
    expect(signInWait({ ...none, address: defaults.perAddress, addressTtlMs: 1000 }, defaults)).toBeGreaterThan(0);
  });
});
