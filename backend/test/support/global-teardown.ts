import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

import { connectAs, dropDatabase } from '../../src/cli/db';
import { dropAccount } from '../../src/cli/db-accounts';
import { auditSigningKeyFile, loadEnv, resetEnvCache } from '../../src/config/env';

export default async function globalTeardown(): Promise<void> {
  resetEnvCache();
  const env = loadEnv();
  if (process.env.KEEP_TEST_DB === '1' || !env.DB_NAME.startsWith('diandan_test_')) return;
  await dropDatabase(env, env.DB_NAME);
  const account = process.env.TEST_DB_RUNTIME_ACCOUNT;
  if (account) {
    const admin = await connectAs(env, env.DB_ADMIN_USER, env.DB_ADMIN_PASSWORD);
    try {
      await dropAccount(admin, { user: account, host: env.DB_ACCOUNT_HOST });
    } finally {
      await admin.end();
    }
  }
  const dir = dirname(auditSigningKeyFile(env));
  if (/test-audit-/.test(dir)) rmSync(dir, { recursive: true, force: true });
}
