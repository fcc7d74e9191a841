import { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';

import { Checkpoint, reconcileCheckpoints } from '../domain/checkpoints';
import { BreakReason, ChainBreak, ChainWalker } from '../domain/hash-chain';
import { allCheckpoints, chainHead, eventBatch } from '../queries/audit-rows';

export const VERIFY_BATCH = 2000;
/** Breaks listed in one answer; `breakCount` counts them all. */
export const MAX_REPORTED_BREAKS = 100;

export interface ChainVerification {
  ok: boolean;
  /** Events examined (all of them: verification goes on after a break). */
  checked: number;
  /** The head seq read at the start: events appended meanwhile are left for the next run. */
  headSeq: number;
  /** The first break (lowest seq), for callers of the first version of this answer. */
  firstBrokenSeq: number | null;
  reason: BreakReason | null;
  /** Every break found, in seq order, at most {@link MAX_REPORTED_BREAKS}. */
  breaks: ChainBreak[];
  breakCount: number;
  breaksTruncated: boolean;
  checkpoints: {
    /** False when no trusted public key is configured: only the links were checked. */
    verified: boolean;
    /** Checkpoints whose signature verified and that the chain was compared with. */
    checked: number;
    /** Checkpoints read from the published copies (file, download) besides the database. */
    published: number;
    latest: { id: number; seq: number; at: string } | null;
    keyId: string | null;
  };
}

/**
 * Recomputes the whole chain, batch by batch, and compares it with every checkpoint (from the database and from
 * the published copies) whose signature verifies with `publicKey`. Used by `GET /audit/verify` and by the
 * offline verifier. Reads without locks.
 */
export async function verifyStoredChain(
  ds: DataSource,
  opts: { publicKey: KeyObject | null; keyId: string | null; published: readonly Checkpoint[]; maxBreaks?: number },
): Promise<ChainVerification> {
  const maxBreaks = opts.maxBreaks ?? MAX_REPORTED_BREAKS;
  // checkpoints before the head: a checkpoint taken after the head was read would look ahead of the chain
  const stored = await allCheckpoints(ds);
  const head = await chainHead(ds);
  const checkpointBreaks: ChainBreak[] = [];
  let anchors: Array<{ id: number; seq: number; hash: string }> = [];
  let valid: Checkpoint[] = [];
  if (opts.publicKey) {
    const r = reconcileCheckpoints(stored, opts.published, opts.publicKey);
    anchors = r.anchors;
    valid = r.valid;
    checkpointBreaks.push(...r.breaks);
  }
  const walker = new ChainWalker(anchors, maxBreaks);
  for (;;) {
    const batch = await eventBatch(ds, walker.nextSeq, head.lastSeq, VERIFY_BATCH);
    if (batch.length === 0) break;
    walker.feed(batch);
  }
  walker.finish(head);
  const all = [...walker.breaks, ...checkpointBreaks].sort(
    (a, b) =>
      (a.seq === 0 ? Infinity : a.seq) - (b.seq === 0 ? Infinity : b.seq) ||
      (a.checkpointId ?? 0) - (b.checkpointId ?? 0),
  );
  const breakCount = walker.breakCount + checkpointBreaks.length;
  const latest = valid.length > 0 ? valid[valid.length - 1] : stored.length > 0 ? stored[stored.length - 1] : null;
  return {
    ok: breakCount === 0,
    checked: walker.checked,
    headSeq: head.lastSeq,
    firstBrokenSeq: all.length > 0 ? all[0].seq : null,
    reason: all.length > 0 ? all[0].reason : null,
    breaks: all.slice(0, maxBreaks),
    breakCount,
    breaksTruncated: breakCount > maxBreaks,
    checkpoints: {
      verified: opts.publicKey !== null,
      checked: valid.length,
      published: opts.published.length,
      latest: latest && { id: latest.id, seq: latest.seq, at: latest.at },
      keyId: opts.keyId,
    },
  };
}
