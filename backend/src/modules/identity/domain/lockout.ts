/**
 * Lockout (PRODUCT.md §5.1): after `threshold` consecutive failed logins the account is locked for
 * `minutes`. Whether it is locked is decided by the database clock at login; the unlock job only
 * tidies the row (clears the lock and the counter) when the time has come.
 */
export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

export interface LoginCounters {
  failedCount: number;
  lockedUntil: Date | null;
}

export function isLocked(c: LoginCounters, now: Date): boolean {
  return c.lockedUntil !== null && c.lockedUntil.getTime() > now.getTime();
}

/** Counters as they stand at `now`: an expired lock counts as cleared. */
export function current(c: LoginCounters, now: Date): LoginCounters {
  if (c.lockedUntil !== null && !isLocked(c, now)) return { failedCount: 0, lockedUntil: null };
  return c;
}

/** The counters after one more failed attempt; `locked` is true when this failure locks the account. */
export function afterFailure(c: LoginCounters, now: Date, policy: LockoutPolicy): LoginCounters & { locked: boolean } {
  const base = current(c, now);
  const failedCount = base.failedCount + 1;
  if (failedCount >= policy.threshold) {
    return { failedCount, lockedUntil: new Date(now.getTime() + policy.minutes * 60_000), locked: true };
  }
  return { failedCount, lockedUntil: null, locked: false };
}

export function afterSuccess(): LoginCounters {
  return { failedCount: 0, lockedUntil: null };
}
