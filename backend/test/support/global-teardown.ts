import { dropDatabase } from '../../src/cli/db';
import { loadEnv, resetEnvCache } from '../../src/config/env';

export default async function globalTeardown(): Promise<void> {
  resetEnvCache();
  const env = loadEnv();
  if (process.env.KEEP_TEST_DB !== '1' && env.DB_NAME.startsWith('diandan_test_')) await dropDatabase(env, env.DB_NAME);
}
