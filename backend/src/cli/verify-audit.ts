import 'reflect-metadata';

import { loadDotEnv } from '../config/dotenv';
import { auditCheckpointFile, loadEnv } from '../config/env';
import { verifyAuditOffline } from './verify-audit-offline';

const USAGE = `verify-audit: recompute the audit chain from the database and compare it with signed checkpoints

  npx nx run backend:verify-audit [--checkpoints <file|url>]... [--public-key <file|url>] [--json]

  --checkpoints   checkpoints obtained outside the database: the published file (JSON lines), a saved download
                  (JSON), or the public endpoint, e.g. https://host/api/v1/public/audit/checkpoints. Repeatable.
                  Default: the deployment's checkpoint file (AUDIT_CHECKPOINT_FILE).
  --public-key    the trusted Ed25519 public key: a PEM file you keep, or https://host/api/v1/public/audit/public-key
                  (then check the printed key id against the one you recorded). Default: the deployment's key file.
  --json          print the whole result as JSON.

  The database is the one of DB_* (.env): read access is enough. Exit code 0 when the chain is intact, 1 when it
  is not, 2 when the verification could not run.`;

function parseArgs(argv: string[]): { checkpoints: string[]; publicKey?: string; json: boolean; help: boolean } {
  const out = { checkpoints: [] as string[], publicKey: undefined as string | undefined, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const next = (): string => inline ?? argv[++i];
    if (flag === '--checkpoints') out.checkpoints.push(next());
    else if (flag === '--public-key') out.publicKey = next();
    else if (flag === '--json') out.json = true;
    else if (flag === '--help' || flag === '-h') out.help = true;
    else throw new Error(`unknown argument ${argv[i]}\n\n${USAGE}`);
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  loadDotEnv();
  const env = loadEnv();
  const checkpoints = args.checkpoints.length > 0 ? args.checkpoints : [auditCheckpointFile(env)];
  const result = await verifyAuditOffline({ checkpoints, publicKey: args.publicKey, env });
  if (args.json) console.log(JSON.stringify(result, null, 2));
  console.log(
    `verify-audit: ${result.checked} events up to seq ${result.headSeq}, ${result.checkpoints.checked} signed checkpoints ` +
      `(key ${result.checkpoints.keyId}) — ${result.ok ? 'INTACT' : `BROKEN: ${result.breakCount} problem(s)`}`,
  );
  for (const b of result.breaks)
    console.log(`  seq ${b.seq}: ${b.reason}${b.checkpointId === undefined ? '' : ` (checkpoint ${b.checkpointId})`}`);
  if (result.breaksTruncated) console.log(`  … and ${result.breakCount - result.breaks.length} more`);
  process.exitCode = result.ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error('verify-audit failed:', err instanceof Error ? err.message : err);
  process.exit(2);
});
