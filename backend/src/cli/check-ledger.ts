import 'reflect-metadata';

import { loadDotEnv } from '../config/dotenv';
import { loadEnv } from '../config/env';
import { ledgerConsistency } from '../modules/funds';
import { openDataSource } from './db';

/**
 * `npx nx run backend:check-ledger`: recomputes every budget line's balances from the ledger and
 * reports differences. Exit code 0 when every balance equals its ledger sums, 1 otherwise.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const ds = await openDataSource(loadEnv());
  try {
    const report = await ledgerConsistency(ds);
    console.log(JSON.stringify(report, null, 2));
    console.log(
      report.ok
        ? `check-ledger: ${report.linesChecked} lines and ${report.custodyAccountsChecked} custody accounts, all balances equal their ledgers`
        : `check-ledger: ${report.differences.length} of ${report.linesChecked} lines and ${report.custodyDifferences.length} of ${report.custodyAccountsChecked} custody accounts differ`,
    );
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error('check-ledger failed:', err instanceof Error ? err.message : err);
  process.exit(2);
});
