import 'reflect-metadata';

import { loadDotEnv } from '../config/dotenv';
import { loadEnv } from '../config/env';
import { migrate } from './db';

/** `nx run backend:migrate`: create the database if needed and apply pending migrations. */
async function main(): Promise<void> {
  loadDotEnv();
  const env = loadEnv();
  const applied = await migrate(env);
  console.log(
    applied.length === 0 ? `migrate: ${env.DB_NAME} is up to date` : `migrate: applied ${applied.join(', ')}`,
  );
}

main().catch((err: unknown) => {
  console.error('migrate failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
