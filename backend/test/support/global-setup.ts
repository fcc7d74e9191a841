import 'reflect-metadata';

import { migrate, openDataSource } from '../../src/cli/db';
import { seedDemo } from '../../src/cli/seed-demo';
import { loadEnv, resetEnvCache } from '../../src/config/env';

/** A fresh schema per run: created, migrated and seeded here, dropped in global-teardown. */
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
  resetEnvCache();
  const env = loadEnv();
  await migrate(env);
  const ds = await openDataSource(env);
  try {
    await seedDemo(ds);
  } finally {
    await ds.destroy();
  }
  resetEnvCache();
}
