import { readFileSync } from 'node:fs';

import { readDrawRecord, recheckDraw } from '../modules/evaluation/domain/sampling';

/**
 * Re-runs a mid-term sampling draw without the system (docs/domain/evaluation.md, "Sampling"): give it the JSON of a
 * batch (`GET /api/v1/evaluation/batches/:id`) or of its audit event's `after`, as a file or on stdin. It prints, per
 * district, what was recorded and what the seed draws, and exits 1 when they differ.
 *
 *   npx ts-node --transpile-only backend/src/cli/verify-draw.ts batch.json
 *   node dist/backend/backend/src/cli/verify-draw.js < batch.json
 */
function main(): void {
  const file = process.argv[2];
  const text = readFileSync(file ?? 0, 'utf8');
  const record = readDrawRecord(JSON.parse(text) as unknown);
  if (record === null) {
    console.error('Not a draw record: expected a batch (seed, samplePercent, groups) or its audit event’s after.');
    process.exit(2);
  }
  const groups = recheckDraw(record);
  console.log(`seed ${record.seed}, rate ${record.samplePercent} %`);
  for (const g of groups)
    console.log(
      `${g.matches ? 'OK ' : 'BAD'} ${g.name}: recorded ${g.recorded.join(' ')} | recomputed ${g.recomputed.join(' ')}`,
    );
  process.exit(groups.every((g) => g.matches) ? 0 : 1);
}

main();
