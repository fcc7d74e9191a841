import { canonicalJson, sha256Hex } from '../../../platform/util/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers (everything but the hash itself). */
export interface ChainedFields {
  seq: number;
  occurredAt: Date;
  actorId: number | null;
  actorUsername: string;
  actorRoles: string[];
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  regionPath: string | null;
  before: unknown;
  after: unknown;
}

/** hash(n) = SHA-256(hash(n-1) + "\n" + canonical JSON of event n). */
export function chainHash(prevHash: string, e: ChainedFields): string {
  return sha256Hex(
    `${prevHash}\n${canonicalJson({
      seq: e.seq,
      occurredAt: e.occurredAt.toISOString(),
      actorId: e.actorId,
      actorUsername: e.actorUsername,
      actorRoles: e.actorRoles,
      ip: e.ip,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      regionPath: e.regionPath,
      before: e.before ?? null,
      after: e.after ?? null,
    })}`,
  );
}

export interface StoredLink extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; reason: 'SEQUENCE_GAP' | 'PREVIOUS_HASH_MISMATCH' | 'HASH_MISMATCH' };

/**
 * Checks a run of links that follows `expectedPrev` (the hash of link `expectedSeq - 1`).
 * Returns the first break, or the hash and next seq to continue from.
 */
export function verifyLinks(
  links: StoredLink[],
  expectedPrev: string,
  expectedSeq: number,
): { broken: ChainBreak | null; lastHash: string; nextSeq: number } {
  let prev = expectedPrev;
  let seq = expectedSeq;
  for (const link of links) {
    if (link.seq !== seq) return { broken: { seq, reason: 'SEQUENCE_GAP' }, lastHash: prev, nextSeq: seq };
    if (link.prevHash !== prev)
      return { broken: { seq: link.seq, reason: 'PREVIOUS_HASH_MISMATCH' }, lastHash: prev, nextSeq: seq };
    if (chainHash(prev, link) !== link.hash)
      return { broken: { seq: link.seq, reason: 'HASH_MISMATCH' }, lastHash: prev, nextSeq: seq };
    prev = link.hash;
    seq++;
  }
  return { broken: null, lastHash: prev, nextSeq: seq };
}
