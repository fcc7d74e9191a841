import 'reflect-metadata';

import { loadDotEnv } from '../config/dotenv';
import { loadEnv } from '../config/env';
import { backfillOpenData, OpenDataReleases } from '../modules/open-data';
import { openDataSource } from './db';

/**
 * `nx run backend:ocds-backfill`: one OCDS release for every project that became public before the open data existed
 * and has none (docs/open-data.md, "Backfill"). Idempotent; `seed` runs it too.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const env = loadEnv();
  const ds = await openDataSource(env);
  try {
    console.log(`ocds-backfill: ${JSON.stringify(await backfillOpenData(ds, new OpenDataReleases(ds, env)))}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error('ocds-backfill failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
