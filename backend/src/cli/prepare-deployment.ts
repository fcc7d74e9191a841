import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

import { readEnvFile, updateEnvFile } from '../config/dotenv';
import { auditSigningKeyFile, loadEnv, resetEnvCache, weakJwtSecret } from '../config/env';
import { ensureSigningKey } from '../modules/audit/services/signing-key';
import { connectAs, migrate } from './db';
import { ensureAccount, grantMigrationPrivileges, randomPassword, revokeBroadPrivileges } from './db-accounts';

export interface PrepareOptions {
  /** The local env file that keeps what is generated (`.env` of the working directory). */
  envFile?: string;
  /** Names of the accounts created when none is configured. */
  runtimeAccount?: string;
  migrationAccount?: string;
  log?: (line: string) => void;
}

export interface PrepareReport {
  /** Keys written to the env file (values never reported: they are secrets). */
  written: string[];
  runtimeAccount: string;
  migrationAccount: string;
  accountsManaged: boolean;
  migrations: string[];
  signingKey: { file: string; keyId: string; created: boolean };
}

/**
 * Everything a deployment needs before its processes start, idempotently (issue #9 A2, A7), as `npm start` runs
 * it on every start:
 *
 * 1. a random JWT_SECRET when none (or a published/weak one) is configured, kept in the env file;
 * 2. the Ed25519 key that signs audit checkpoints, in its own file (never in the database or the repository);
 * 3. through the administrative account (DB_ADMIN_USER, root without a password on a developer's machine): the
 *    database, a migration account and a runtime account with random passwords kept in the env file, and the
 *    runtime account stripped of anything broader than its table privileges;
 * 4. the migrations, as the migration account, which then grants the runtime account its table privileges.
 *
 * A value already set (in the environment or the file) is kept; a second run changes nothing.
 */
export async function prepareDeployment(opts: PrepareOptions = {}): Promise<PrepareReport> {
  const envFile = opts.envFile ?? resolve(process.cwd(), '.env');
  const log = opts.log ?? ((line: string) => console.log(`prepare: ${line}`));
  const file = readEnvFile(envFile);
  const value = (key: string): string | undefined => process.env[key] ?? file[key];
  const changes: Record<string, string> = {};

  if (weakJwtSecret(value('JWT_SECRET') ?? '') !== null) changes.JWT_SECRET = randomBytes(48).toString('base64url');

  const adminUser = value('DB_ADMIN_USER') ?? 'root';
  const accountsManaged = adminUser !== '';
  if (accountsManaged) {
    const runtimeUser = value('DB_USER');
    if (runtimeUser === undefined || runtimeUser === adminUser) changes.DB_USER = opts.runtimeAccount ?? 'diandan_app';
    // an account this script manages never keeps an empty password
    if (changes.DB_USER !== undefined || !value('DB_PASSWORD')) changes.DB_PASSWORD = randomPassword();
    const migrationUser = value('DB_MIGRATION_USER');
    if (migrationUser === undefined || migrationUser === adminUser)
      changes.DB_MIGRATION_USER = opts.migrationAccount ?? 'diandan_migrate';
    if (changes.DB_MIGRATION_USER !== undefined || !value('DB_MIGRATION_PASSWORD'))
      changes.DB_MIGRATION_PASSWORD = randomPassword();
  }

  // written before the accounts exist: a crash in between leaves passwords that the next run sets on the accounts
  if (Object.keys(changes).length > 0) {
    updateEnvFile(
      envFile,
      changes,
      `written by prepare (npm start) on ${new Date().toISOString()}: keep this file private`,
    );
    log(`wrote ${Object.keys(changes).join(', ')} to ${envFile}`);
  }
  // the new values win over values exported from the old file (start.sh sources .env before running prepare)
  Object.assign(process.env, changes);
  for (const [key, v] of Object.entries(file)) if (process.env[key] === undefined) process.env[key] = v;
  resetEnvCache();
  const env = loadEnv();

  const keyFile = auditSigningKeyFile(env);
  const key = ensureSigningKey(keyFile);
  log(`${key.created ? 'created' : 'using'} the audit checkpoint signing key ${key.keyId} (${keyFile})`);

  if (accountsManaged) {
    const admin = await connectAs(env, env.DB_ADMIN_USER, env.DB_ADMIN_PASSWORD);
    try {
      await admin.query(
        `CREATE DATABASE IF NOT EXISTS \`${env.DB_NAME.replace(/[^A-Za-z0-9_]/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
      const host = env.DB_ACCOUNT_HOST;
      const migrator = { user: env.DB_MIGRATION_USER ?? env.DB_USER, host };
      const runtime = { user: env.DB_USER, host };
      await ensureAccount(admin, migrator, env.DB_MIGRATION_PASSWORD ?? env.DB_PASSWORD);
      await grantMigrationPrivileges(admin, env.DB_NAME, migrator);
      if (runtime.user !== migrator.user) {
        await ensureAccount(admin, runtime, env.DB_PASSWORD);
        await revokeBroadPrivileges(admin, env.DB_NAME, runtime);
      }
    } finally {
      await admin.end();
    }
    log(`database accounts: ${env.DB_USER} (runtime), ${env.DB_MIGRATION_USER ?? env.DB_USER} (migrations)`);
  }
  if ((env.DB_MIGRATION_USER ?? env.DB_USER) === env.DB_USER)
    log(`WARNING: the application and the migrations share the account ${env.DB_USER}: it can alter the audit tables`);

  const migrations = await migrate(env);
  log(migrations.length === 0 ? `${env.DB_NAME} is up to date` : `applied ${migrations.join(', ')}`);
  return {
    written: Object.keys(changes),
    runtimeAccount: env.DB_USER,
    migrationAccount: env.DB_MIGRATION_USER ?? env.DB_USER,
    accountsManaged,
    migrations,
    signingKey: { file: keyFile, keyId: key.keyId, created: key.created },
  };
}
