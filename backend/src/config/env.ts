import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the processes read, with local defaults. Validated at start-up: a process with a
 * bad configuration refuses to start and says which variable is wrong.
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** `mariadb` (MariaDB 10.11, the local default) or `mysql` (MySQL 8, docker/compose.yml). */
  @IsIn(['mariadb', 'mysql'])
  DB_TYPE: 'mariadb' | 'mysql' = 'mariadb';

  @IsString()
  DB_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  DB_PORT = 3306;

  @IsString()
  DB_USER = 'root';

  @IsString()
  DB_PASSWORD = '';

  @IsString()
  @MinLength(1)
  DB_NAME = 'diandan';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 20;

  @IsString()
  REDIS_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  REDIS_PORT = 6379;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(15)
  REDIS_DB = 0;

  @IsString()
  @MinLength(1)
  QUEUE_PREFIX = 'diandan';

  @IsString()
  @MinLength(32)
  JWT_SECRET = 'dev-only-secret-change-me-in-production-0123456789';

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 7;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  SESSION_MAX_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOCKOUT_THRESHOLD = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOCKOUT_MINUTES = 15;

  /**
   * Requests to the public auth routes (sign-in, refresh, logout, registrations) per client address per
   * AUTH_RATE_WINDOW_SECONDS, counted in Redis across every API process. Generous: a bureau signs in from
   * one address; guessing is stopped by the LOGIN_FAILURES_* limits below.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  AUTH_RATE_LIMIT = 600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  AUTH_RATE_WINDOW_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  RECONCILE_INTERVAL_SECONDS = 60;

  /** How long a ledger posting waits for a budget line's row lock before giving up (503, retry). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  LEDGER_LOCK_WAIT_SECONDS = 10;

  /**
   * When the 7-working-day objection window (质疑期) after an award notice starts: the day after
   * publication, or the second working day after it. Each deployment fixes one (PRODUCT.md §4).
   */
  @IsIn(['NEXT_DAY', 'SECOND_WORKING_DAY'])
  OBJECTION_WINDOW_START: 'NEXT_DAY' | 'SECOND_WORKING_DAY' = 'NEXT_DAY';

  /** Blacklisting for misconduct lasts from this many years… (PRODUCT.md §4: 1 to 3 years). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  ORG_BLACKLIST_MIN_YEARS = 1;

  /** …to this many years (inclusive), counted from the day of the decision. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  ORG_BLACKLIST_MAX_YEARS = 3;

  @IsOptional()
  @IsString()
  STATIC_DIR?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Trust X-Forwarded-For from this many proxies (nginx in docker/compose.yml). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5)
  TRUST_PROXY_HOPS = 0;

  /** Failed sign-ins one account may have per LOGIN_FAILURE_WINDOW_SECONDS, from any address (Redis), before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_FAILURES_PER_ACCOUNT = 10;

  /** Failed sign-ins one client address may have per window, on any accounts, before 429 (successes never count). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_FAILURES_PER_ADDRESS = 100;

  /** The window of the two limits above: counted from the first failure, it ends this many seconds later. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** The identity-purge job runs at every multiple of this many minutes (UTC), in the worker. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  PURGE_INTERVAL_MINUTES = 60;

  /** Ended sessions, expired refresh tokens and idempotency keys are kept this many days after they end. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  PURGE_RETENTION_DAYS = 7;

  /** Rows the purge deletes per statement (each its own short transaction, so no table is locked for long). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  PURGE_BATCH_SIZE = 1000;
}

export function validateEnv(raw: Record<string, unknown>): Env {
  const env = plainToInstance(Env, raw, { exposeDefaultValues: true, excludeExtraneousValues: false });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (env.ORG_BLACKLIST_MIN_YEARS > env.ORG_BLACKLIST_MAX_YEARS) {
    throw new Error('Invalid configuration:\n  ORG_BLACKLIST_MIN_YEARS: must not exceed ORG_BLACKLIST_MAX_YEARS');
  }
  if (env.NODE_ENV === 'production' && env.JWT_SECRET.startsWith('dev-only')) {
    throw new Error('Invalid configuration:\n  JWT_SECRET: must be set to a secret value in production');
  }
  return env;
}

/** The validated environment of this process, read once. */
let cached: Env | undefined;
export function loadEnv(): Env {
  cached ??= validateEnv(process.env);
  return cached;
}
export function resetEnvCache(): void {
  cached = undefined;
}
