import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

import { connectAs, migrate, openDataSource } from '../../src/cli/db';
import { dropAccount, ensureAccount, randomPassword } from '../../src/cli/db-accounts';
import { seedDemo } from '../../src/cli/seed-demo';
import { loadEnv, resetEnvCache } from '../../src/config/env';

/**
 * A fresh schema per run: created and migrated here as the administrative account (DB_ADMIN_USER, root on a
 * developer's machine), then used by the tests — and seeded — as a runtime account of its own with the same
 * least privileges as in production (issue #9 A2). global-teardown drops the schema and the account.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  process.env.NODE_ENV = 'test';
  process.env.DB_NAME = `diandan_test_${run}`;
  process.env.QUEUE_PREFIX = `diandan_test_${run}`;
  process.env.AUTH_RATE_LIMIT = process.env.AUTH_RATE_LIMIT ?? '10000';
  // the run's failed sign-ins add up in Redis across test files: the limits' own tests set theirs
  process.env.LOGIN_FAILURES_PER_ACCOUNT = process.env.LOGIN_FAILURES_PER_ACCOUNT ?? '10000';
  process.env.LOGIN_FAILURES_PER_ADDRESS = process.env.LOGIN_FAILURES_PER_ADDRESS ?? '10000';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.STATIC_DIR = '/nonexistent';
  // a secret of the run: no test can pass only because the published development default is accepted
  process.env.JWT_SECRET = randomBytes(32).toString('base64url');
  process.env.AUDIT_SIGNING_KEY_FILE = resolve(`tmp/test-audit-${run}/signing-key.pem`);
  process.env.AUDIT_CHECKPOINT_FILE = resolve(`tmp/test-audit-${run}/checkpoints.jsonl`);
  process.env.DB_ADMIN_USER = process.env.DB_ADMIN_USER ?? 'root';
  process.env.DB_ADMIN_PASSWORD = process.env.DB_ADMIN_PASSWORD ?? '';
  process.env.DB_MIGRATION_USER = process.env.DB_ADMIN_USER;
  process.env.DB_MIGRATION_PASSWORD = process.env.DB_ADMIN_PASSWORD;
  const runtime = { user: `dd_${run}`.slice(0, 32), host: '%' };
  const password = randomPassword();
  process.env.DB_USER = runtime.user;
  process.env.DB_PASSWORD = password;
  process.env.DB_ACCOUNT_HOST = runtime.host;
  process.env.TEST_DB_RUNTIME_ACCOUNT = runtime.user;
  resetEnvCache();
  const env = loadEnv();
  const admin = await connectAs(env, env.DB_ADMIN_USER, env.DB_ADMIN_PASSWORD);
  try {
    await dropAccount(admin, runtime);
    await ensureAccount(admin, runtime, password);
  } finally {
    await admin.end();
  }
  await migrate(env); // as the administrative account, then grants the runtime account its table privileges
  const ds = await openDataSource(env);
  try {
    await seedDemo(ds);
  } finally {
    await ds.destroy();
  }
  resetEnvCache();
}
