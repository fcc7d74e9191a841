import 'reflect-metadata';

import { loadDotEnv } from '../config/dotenv';
import { loadEnv } from '../config/env';
import { backfillOpenData, OpenDataReleases } from '../modules/open-data';
import { openDataSource } from './db';
import { seedDemo, seedDemoDesks } from './seed-demo';
import { seedGrading } from './seed-grading';

/** `nx run backend:seed`: the demo data (idempotent — running it twice changes nothing). */
async function main(): Promise<void> {
  loadDotEnv();
  const env = loadEnv();
  const ds = await openDataSource(env);
  try {
    const report = await seedDemo(ds);
    console.log(`seed: ${JSON.stringify(report)}`);
    // demo work on every role's desk (kept out of the test suites' seed, whose assertions count the base data)
    console.log(`seed (desks): ${JSON.stringify(await seedDemoDesks(ds))}`);
    console.log(`seed (grading): ${JSON.stringify(await seedGrading(ds, { demo: true }))}`);
    // the demo's projects were written directly: publish them as OCDS releases (idempotent, docs/open-data.md)
    console.log(`seed (open data): ${JSON.stringify(await backfillOpenData(ds, new OpenDataReleases(ds, env)))}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error('seed failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
