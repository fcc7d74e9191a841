import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { canonicalJson } from '../../../platform/util/canonical-json';
import { Checkpoint } from '../domain/checkpoints';

/**
 * The append-only file copy of the checkpoints: one canonical JSON object per line, never rewritten. It lives
 * outside the database (and should be shipped further: a WORM bucket, the auditors' mail), so that deleting
 * checkpoint rows does not delete the evidence.
 */
export function parseCheckpointLines(text: string): Checkpoint[] {
  const out: Checkpoint[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const c = JSON.parse(line) as Partial<Checkpoint>;
      if (isCheckpoint(c)) out.push(c);
    } catch {
      // a torn last line (crash mid-append) is skipped; the next append repairs nothing it needs
    }
  }
  return out;
}

export function isCheckpoint(c: unknown): c is Checkpoint {
  const x = c as Record<string, unknown> | null;
  return (
    x !== null &&
    typeof x === 'object' &&
    Number.isSafeInteger(x['id']) &&
    Number.isSafeInteger(x['seq']) &&
    typeof x['hash'] === 'string' &&
    typeof x['at'] === 'string' &&
    typeof x['prev'] === 'string' &&
    typeof x['keyId'] === 'string' &&
    typeof x['signature'] === 'string'
  );
}

export function readCheckpointFile(file: string): Checkpoint[] {
  return existsSync(file) ? parseCheckpointLines(readFileSync(file, 'utf8')) : [];
}

export function checkpointLine(c: Checkpoint): string {
  return `${canonicalJson({ id: c.id, seq: c.seq, hash: c.hash, at: c.at, prev: c.prev, keyId: c.keyId, signature: c.signature })}\n`;
}

/** Appends, in order, the checkpoints the file does not have yet (ids above its last). Returns how many. */
export function appendNewCheckpoints(file: string, all: readonly Checkpoint[]): number {
  const present = readCheckpointFile(file);
  const lastId = present.reduce((m, c) => Math.max(m, c.id), 0);
  const missing = all.filter((c) => c.id > lastId).sort((a, b) => a.id - b.id);
  if (missing.length === 0) return 0;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, missing.map(checkpointLine).join(''), { mode: 0o644 });
  return missing.length;
}
