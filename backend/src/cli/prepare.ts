import 'reflect-metadata';

import { prepareDeployment } from './prepare-deployment';

/**
 * `node dist/backend/backend/src/cli/prepare.js` (run by `npm start` before the processes start; also
 * `npx nx run backend:prepare`): secrets, the checkpoint signing key, the database accounts, the migrations.
 * See {@link prepareDeployment}.
 */
prepareDeployment().catch((err: unknown) => {
  console.error('prepare failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
