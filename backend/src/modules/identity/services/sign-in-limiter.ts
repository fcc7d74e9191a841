import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';

import { Env } from '../../../config/env';
import { redisConnection } from '../../../platform/queue';
import { accountKey, retryAfterSeconds, SignInLimits, signInWait } from '../domain/sign-in-limits';

/** A Redis answer slower than this lets the request through: the database lockout still guards each account. */
const REDIS_TIMEOUT_MS = 500;

/** INCR with the window set on the first hit; returns [count, ms left]. */
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/** The failure counts of an account and an address with their ms left: [account, ttl, address, ttl]. */
const READ = `
return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]),
        tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('PTTL', KEYS[2])}`;

/** One more failure on each given key, each key's window starting with its first failure. */
const FAIL = `
for i, key in ipairs(KEYS) do
  redis.call('INCR', key)
  if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 1`;

/**
 * The counters behind the sign-in limits, in Redis under the deployment's queue prefix, so that every API
 * process shares them (`${QUEUE_PREFIX}:signin:…`). Fixed windows that start with their first hit.
 * If Redis does not answer, the limiter lets requests through and logs it: refusing every sign-in while
 * Redis is down would lock everybody out, and each account keeps its database lockout.
 */
@Injectable()
export class SignInLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(SignInLimiter.name);
  private redis: Redis | null = null;

  constructor(private readonly env: Env) {}

  limits(): SignInLimits {
    return {
      perAccount: this.env.LOGIN_FAILURES_PER_ACCOUNT,
      perAddress: this.env.LOGIN_FAILURES_PER_ADDRESS,
      windowSeconds: this.env.LOGIN_FAILURE_WINDOW_SECONDS,
    };
  }

  /** Counts one request to the auth routes from `address`; seconds to wait when it is over AUTH_RATE_LIMIT, else 0. */
  async hitRequest(address: string): Promise<number> {
    const window = this.env.AUTH_RATE_WINDOW_SECONDS;
    const answer = await this.run<[number, number]>('hitRequest', (r) =>
      r.eval(HIT, 1, this.key('requests', address), String(window * 1000)),
    );
    if (answer === null || answer[0] <= this.env.AUTH_RATE_LIMIT) return 0;
    return retryAfterSeconds(answer[1], window);
  }

  /** Seconds a sign-in naming `username` from `address` must wait (a limit reached), or 0. */
  async waitBeforeSignIn(username: string | null, address: string): Promise<number> {
    const answer = await this.run<[number, number, number, number]>('waitBeforeSignIn', (r) =>
      r.eval(READ, 2, this.accountCounter(username), this.key('failures:address', address)),
    );
    if (answer === null) return 0;
    const [account, accountTtlMs, addressCount, addressTtlMs] = answer;
    return signInWait({ account, accountTtlMs, address: addressCount, addressTtlMs }, this.limits());
  }

  /** Counts a failed sign-in against the account it named and the address it came from. */
  async recordFailure(username: string | null, address: string): Promise<void> {
    await this.run('recordFailure', (r) =>
      r.eval(
        FAIL,
        2,
        this.accountCounter(username),
        this.key('failures:address', address),
        String(this.env.LOGIN_FAILURE_WINDOW_SECONDS * 1000),
      ),
    );
  }

  /** Forgets an account's failed sign-ins (an administrator unlocked it or reset its password). */
  async clearAccount(username: string): Promise<void> {
    await this.run('clearAccount', (r) => r.del(this.accountCounter(username)));
  }

  async onModuleDestroy(): Promise<void> {
    const r = this.redis;
    this.redis = null;
    if (r) await r.quit().catch(() => r.disconnect());
  }

  /** A sign-in without a username (bad input) still counts against its address, under an account of its own. */
  private accountCounter(username: string | null): string {
    return this.key('failures:account', accountKey(username ?? ''));
  }

  private key(kind: string, id: string): string {
    return `${this.env.QUEUE_PREFIX}:signin:${kind}:${id}`;
  }

  private client(): Redis {
    this.redis ??= new Redis({ ...redisConnection(this.env), maxRetriesPerRequest: 1, connectTimeout: 2000 });
    return this.redis;
  }

  private async run<T>(what: string, op: (r: Redis) => Promise<unknown>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return (await Promise.race([
        op(this.client()),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('Redis timeout')), REDIS_TIMEOUT_MS))),
      ])) as T;
    } catch (err) {
      this.logger.warn({ err, what }, 'sign-in limits unavailable (Redis): request let through');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
