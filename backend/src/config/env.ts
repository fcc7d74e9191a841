import { resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

import { parseGradeBands } from '../modules/evaluation/domain/scoring';

/** The development default of JWT_SECRET: published in the repository, so it protects nothing. */
export const DEVELOPMENT_JWT_SECRET = 'dev-only-secret-change-me-in-production-0123456789';

/** Values of JWT_SECRET known to the public (this repository, its examples): refused in production. */
export const KNOWN_JWT_SECRETS: readonly string[] = [
  DEVELOPMENT_JWT_SECRET,
  'change-me-to-a-random-secret-of-at-least-32-characters',
];

/** Why a JWT secret must not protect real tokens, or null when it is acceptable. */
export function weakJwtSecret(secret: string): string | null {
  if (KNOWN_JWT_SECRETS.includes(secret)) return 'it is a published default';
  if (secret.length < 32) return 'it is shorter than 32 characters';
  if (/^(.)\1*$/.test(secret)) return 'it repeats one character';
  return null;
}

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

  /**
   * The account the API and the worker use: SELECT/INSERT/UPDATE/DELETE on the app's tables only, and only
   * SELECT/INSERT on the audit tables (`npm start` creates it; docs/operations.md#database-accounts).
   */
  @IsString()
  DB_USER = 'root';

  @IsString()
  DB_PASSWORD = '';

  /** The account that runs the migrations (DDL, triggers); unset: the same as DB_USER. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  DB_MIGRATION_USER?: string;

  @IsOptional()
  @IsString()
  DB_MIGRATION_PASSWORD?: string;

  /**
   * An administrative account, used only by `prepare` (npm start) to create the two accounts above and by the
   * test suite to create per-run accounts; never by the API or the worker. Empty: accounts are managed by hand.
   */
  @IsString()
  DB_ADMIN_USER = 'root';

  @IsString()
  DB_ADMIN_PASSWORD = '';

  /** Host part of the accounts `prepare` creates (`%`: any; use the app's address to narrow it). */
  @IsString()
  @Matches(/^[A-Za-z0-9_.%:-]{1,255}$/)
  DB_ACCOUNT_HOST = '%';

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

  /**
   * HS256 key of the access tokens. `npm start` writes a random one into `.env` on first start; the default
   * below is public (it is in the repository) and refused in production.
   */
  @IsString()
  @MinLength(32)
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Lifetime of the queue board's cookie (`POST /api/v1/queues/board-session`); the UI opens a new one each time. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  QUEUE_BOARD_SESSION_SECONDS = 600;

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
   * Yearly interest rate, in basis points, on a bid deposit or performance bond returned after its due date (5
   * working days after the award notice, the signing, the withdrawal or the final acceptance): simple interest,
   * principal × rate × days late ÷ 365, half-up to the fen (docs/domain/contracts.md, "Deposits and bonds").
   * Default 365 = 3.65 % a year, 0.01 % a day.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  CUSTODY_LATE_INTEREST_BP = 365;

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

  /**
   * PEM file of the Ed25519 private key that signs the audit chain checkpoints (ADR 0004). Keep it off the
   * database host. Unset: `var/audit/signing-key.pem` (`tmp/audit/…` when NODE_ENV=test).
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUDIT_SIGNING_KEY_FILE?: string;

  /** Append-only JSON-lines copy of every checkpoint. Unset: `<the key's directory>/checkpoints-<DB_NAME>.jsonl`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUDIT_CHECKPOINT_FILE?: string;

  /** How often the worker anchors the chain head in a signed checkpoint (when the head has moved). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  AUDIT_CHECKPOINT_INTERVAL_SECONDS = 3600;

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

  /**
   * Late-payment interest on a payment request paid after its due date (simple interest, yearly rate in basis
   * points, per Beijing calendar day late). 1825 = 0.05 % a day, the rate 《保障中小企业款项支付条例》 art. 15
   * applies when the contract states none.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  LATE_PAYMENT_ANNUAL_RATE_BP = 1825;

  /** The final tranche's reduction for an evaluation score of 60–79, in basis points of the tranche (15 %). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  FINAL_TRANCHE_REDUCTION_BP = 1500;
  /** A font with Chinese glyphs for the printable contract (TTF, OTF or TTC; Debian: fonts-wqy-microhei). */
  @IsString()
  @MinLength(1)
  CONTRACT_PDF_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

  /** The PostScript name of the face inside a TTC (ignored for a TTF/OTF). */
  @IsString()
  CONTRACT_PDF_FONT_NAME = 'WenQuanYiMicroHei';

  /**
   * Evaluation grade bands (PRODUCT.md §4): the lower bound of 优秀, 良好 and 合格 on the 100-point scale; below
   * 合格 is 不合格. Three descending bands, checked at start-up (evaluation/domain/scoring.ts parseGradeBands).
   */
  @Matches(/^EXCELLENT:\d{1,3}(\.\d{1,2})?,GOOD:\d{1,3}(\.\d{1,2})?,PASS:\d{1,3}(\.\d{1,2})?$/)
  EVALUATION_GRADE_BANDS = 'EXCELLENT:90,GOOD:80,PASS:60';

  /**
   * Below this many answers a project's satisfaction survey is insufficient: its computed satisfaction leaf is
   * not scored by the system and the evaluator scores it by hand, with a reason.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  EVALUATION_SURVEY_MIN_ANSWERS = 10;

  /**
   * An evaluation task is due this many calendar days after the contract's term ends (a FINAL task; a sampled
   * MID_TERM task: after the day its batch is drawn, unless the officer sets the batch's due date), at 24:00
   * Beijing time of that day.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  EVALUATION_TASK_DUE_DAYS = 30;

  /** The evaluator (and, while the task is unassigned, the officer) is reminded this many days before it is due. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  EVALUATION_TASK_REMINDER_DAYS = 7;

  /**
   * The least share of a district's candidate contracts a mid-term sampling batch draws, in basis points (issue
   * #11: at least 30 %); an officer may choose more for a batch, never less.
   */
  @Transform(toInt)
  @IsInt()
  @Min(3000)
  @Max(10000)
  EVALUATION_MID_TERM_SAMPLE_BP = 3000;

  /**
   * The evaluated organisation may object to a confirmed evaluation result for this many working days; the window
   * starts as OBJECTION_WINDOW_START says (PRODUCT.md §4: 5 working days).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  EVALUATION_OBJECTION_WORKING_DAYS = 5;

  /**
   * A published evaluation result below 60 (不合格) bars the organisation from bidding in the evaluated contract's
   * district for this many months (to the end of the same day then, Beijing time).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  EVALUATION_FAIL_BAR_MONTHS = 12;

  /**
   * OCDS open data (issue #12, docs/open-data.md): the prefix of every contracting process's `ocid`
   * (`<prefix>-<project id>`), `ocds-` and six letters or digits as the Open Contracting Partnership assigns them. The
   * default is for the demo: register the deployment's own prefix before publishing real data, and never change it
   * once published (every ocid, and so every record URL, contains it).
   */
  @Matches(/^ocds-[a-z0-9]{6}$/, {
    message: 'OCDS_OCID_PREFIX must be "ocds-" followed by six lowercase letters or digits',
  })
  OCDS_OCID_PREFIX = 'ocds-dd0001';

  /** The publisher named in every OCDS package (`publisher.name`). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  OCDS_PUBLISHER_NAME = '南京市民政局（点单演示）';

  /** The licence of the open data (`license` of every package). */
  @Matches(/^https?:\/\/\S+$/, { message: 'OCDS_LICENSE_URL must be an http(s) URL' })
  OCDS_LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';

  /**
   * The publication policy (`publicationPolicy`): empty for the policy this deployment serves itself at
   * `/api/v1/public/open-data` (what is published, when, what is withheld and why).
   */
  @IsOptional()
  @Matches(/^(https?:\/\/\S+)?$/, { message: 'OCDS_PUBLICATION_POLICY_URL must be empty or an http(s) URL' })
  OCDS_PUBLICATION_POLICY_URL = '';

  /**
   * The address people reach the app at (`https://diandan.example.gov.cn`; scheme, host, optional port and path, no
   * trailing slash): the links in e-mails and SMS, and the absolute URIs the OCDS packages must carry (`uri`,
   * `links.next`, the bulk files' URLs).
   */
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~\/-]*[A-Za-z0-9._~-])?$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL without a trailing slash, query or fragment',
  })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /**
   * The SMTP server e-mail notifications are sent through: `smtp://user:password@host:587` (STARTTLS when the server
   * offers it) or `smtps://…:465`. Unset: every mail is written as an `.eml` file into MAIL_DIR instead.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be smtp://… or smtps://…' })
  SMTP_URL?: string;

  /** The sender of e-mail notifications (an address, or `Name <address>`). */
  @IsString()
  @Matches(/^[^\r\n]{0,100}<?[^\s<>@]+@[^\s<>@]+>?$/, { message: 'MAIL_FROM must be an address or Name <address>' })
  MAIL_FROM = '点单 Diandan <noreply@diandan.local>';

  /** Where mails go when SMTP_URL is unset, one `.eml` file each. Unset: `var/mail/` (`tmp/mail/` when NODE_ENV=test). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  MAIL_DIR?: string;

  /**
   * The SMS gateway (HTTP): every SMS is POSTed there as JSON `{ to, text, reference }` with
   * `Authorization: Bearer SMS_GATEWAY_TOKEN`; any answer but 2xx is a failure. Unset: SMS are written to the log.
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'SMS_GATEWAY_URL must be an http(s) URL' })
  SMS_GATEWAY_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SMS_GATEWAY_TOKEN?: string;

  /** Attempts per delivery (e-mail, SMS) before it is FAILED and listed for administrators. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  NOTIFY_ATTEMPTS = 5;

  /** The wait after the first failed attempt; it doubles after each further one (1, 2, 4, 8 minutes by default). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  NOTIFY_BACKOFF_MS = 60_000;

  /** How long one attempt may take (SMTP connection and answer, the gateway's answer) before it counts as failed. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(300_000)
  NOTIFY_SEND_TIMEOUT_MS = 30_000;
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
  if (parseGradeBands(env.EVALUATION_GRADE_BANDS) === null) {
    throw new Error('Invalid configuration:\n  EVALUATION_GRADE_BANDS: three bands, EXCELLENT > GOOD > PASS');
  }
  const weak = weakJwtSecret(env.JWT_SECRET);
  if (weak !== null && env.NODE_ENV === 'production') {
    throw new Error(
      `Invalid configuration:\n  JWT_SECRET: ${weak}; anyone could sign tokens. Set a random value (openssl rand -base64 48)`,
    );
  }
  return env;
}

/** Loud warnings about a configuration that works but must not protect real data (printed once per process). */
export function envWarnings(env: Env): string[] {
  const out: string[] = [];
  const weak = weakJwtSecret(env.JWT_SECRET);
  if (weak !== null)
    out.push(
      `JWT_SECRET: ${weak} — anyone can forge access tokens. Run \`npm start\` once (it writes a random secret to .env) or set one.`,
    );
  if (env.DB_USER === env.DB_ADMIN_USER && env.DB_USER !== '' && env.NODE_ENV !== 'test')
    out.push(
      `DB_USER: the application connects as the administrative account "${env.DB_USER}" — it could rewrite or drop the audit chain. See docs/operations.md#database-accounts.`,
    );
  if (env.SMTP_URL === undefined && env.NODE_ENV === 'production')
    out.push(
      `SMTP_URL is not set: e-mail notifications are written as files into ${mailDir(env)} and reach nobody. See docs/operations.md#e-mail-and-sms.`,
    );
  return out;
}

/** The account that runs migrations (DB_MIGRATION_USER, or DB_USER when it is not set). */
export function migrationCredentials(env: Env): { user: string; password: string } {
  return env.DB_MIGRATION_USER === undefined
    ? { user: env.DB_USER, password: env.DB_PASSWORD }
    : { user: env.DB_MIGRATION_USER, password: env.DB_MIGRATION_PASSWORD ?? '' };
}

/** Where the audit checkpoint signing key lives (absolute). */
export function auditSigningKeyFile(env: Env): string {
  return resolve(
    env.AUDIT_SIGNING_KEY_FILE ?? (env.NODE_ENV === 'test' ? 'tmp/audit/signing-key.pem' : 'var/audit/signing-key.pem'),
  );
}

/** The append-only file of published checkpoints (absolute): one per database. */
export function auditCheckpointFile(env: Env): string {
  if (env.AUDIT_CHECKPOINT_FILE !== undefined) return resolve(env.AUDIT_CHECKPOINT_FILE);
  return resolve(auditSigningKeyFile(env), '..', `checkpoints-${env.DB_NAME}.jsonl`);
}

/** Where the file mail sender writes (absolute): MAIL_DIR, else `var/mail` (`tmp/mail` when NODE_ENV=test). */
export function mailDir(env: Env): string {
  return resolve(env.MAIL_DIR ?? (env.NODE_ENV === 'test' ? 'tmp/mail' : 'var/mail'));
}

/** The validated environment of this process, read once. */
let cached: Env | undefined;
let warned = false;
export function loadEnv(): Env {
  cached ??= validateEnv(process.env);
  if (!warned) {
    warned = true;
    for (const w of envWarnings(cached)) console.warn(`\n  !!! CONFIGURATION WARNING: ${w}\n`);
  }
  return cached;
}
export function resetEnvCache(): void {
  cached = undefined;
}
