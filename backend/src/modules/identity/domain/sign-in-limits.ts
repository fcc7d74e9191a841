import { createHash } from 'node:crypto';

/**
 * Sign-in limits (issue #9 A12). Password guessing is stopped per account (whatever the address: a run
 * spread over many addresses) and per client address (whatever the accounts: a spray over many accounts),
 * counting failed sign-ins only — so a bureau whose 200 officers sign in at 8:30 from one address is never
 * shut out by its own successes. The counts live in Redis and are shared by every API process; the
 * database lockout (`lockout.ts`) still locks an account after its consecutive failures.
 */
export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

/** Failed sign-ins counted in the current windows, and the milliseconds left in each (negative: no window). */
export interface FailureCounts {
  account: number;
  accountTtlMs: number;
  address: number;
  addressTtlMs: number;
}

/** Whole seconds to announce in `Retry-After` for a window with `ttlMs` left: at least 1, at most the window. */
export function retryAfterSeconds(ttlMs: number, windowSeconds: number): number {
  if (!(ttlMs > 0)) return windowSeconds;
  return Math.min(windowSeconds, Math.max(1, Math.ceil(ttlMs / 1000)));
}

/**
 * Seconds the caller must wait before this sign-in may be tried, or 0 when it may go ahead. A limit is
 * reached when its count of failures is at the limit: the next attempt waits for the window to end.
 */
export function signInWait(c: FailureCounts, limits: SignInLimits): number {
  const waits: number[] = [];
  if (c.account >= limits.perAccount) waits.push(retryAfterSeconds(c.accountTtlMs, limits.windowSeconds));
  if (c.address >= limits.perAddress) waits.push(retryAfterSeconds(c.addressTtlMs, limits.windowSeconds));
  return waits.length === 0 ? 0 : Math.max(...waits);
}

/**
 * The account a sign-in names, as the database matches it (case-insensitive collation, trailing spaces
 * ignored), hashed so that no typed username — possibly a password typed in the wrong field — is kept in Redis.
 */
export function accountKey(username: string): string {
  return createHash('sha256').update(username.trimEnd().toLowerCase()).digest('hex');
}
