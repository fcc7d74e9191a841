import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

import { canonicalJson, sha256Hex } from '../../../platform/util/canonical-json';
import { Anchor, ChainBreak, GENESIS_HASH } from './hash-chain';

/**
 * A signed checkpoint of the chain head: "at time `at`, event `seq` had hash `hash`". Signed with an Ed25519 key
 * the database does not hold and published outside it, a checkpoint makes a rewritten or truncated chain
 * detectable even by someone who can write every table (issue #9 A2, ADR 0004). Checkpoints chain too: each names
 * the digest of the one before, so one cannot be removed from the middle of a published list unnoticed.
 */
export interface Checkpoint {
  /** 1, 2, 3 … without gaps. */
  id: number;
  /** The event anchored (the head when the checkpoint was taken). */
  seq: number;
  /** That event's hash. */
  hash: string;
  /** Database time of the checkpoint, ISO-8601 UTC with milliseconds. */
  at: string;
  /** {@link checkpointDigest} of checkpoint `id - 1` (64 zeros for the first). */
  prev: string;
  /** {@link keyIdOf} the signing key. */
  keyId: string;
  /** Base64 Ed25519 signature of {@link checkpointMessage}. */
  signature: string;
}

export type UnsignedCheckpoint = Omit<Checkpoint, 'signature'>;

export const CHECKPOINT_FORMAT = 'diandan-audit-checkpoint/1';

/** The signed text: a format line, then the canonical JSON of the fields (keys sorted, no whitespace). */
export function checkpointMessage(c: UnsignedCheckpoint): string {
  return `${CHECKPOINT_FORMAT}\n${canonicalJson({
    id: c.id,
    seq: c.seq,
    hash: c.hash,
    at: c.at,
    prev: c.prev,
    keyId: c.keyId,
  })}`;
}

/** What the next checkpoint names as `prev`: SHA-256 of the signed text, a line feed and the signature. */
export function checkpointDigest(c: Checkpoint): string {
  return sha256Hex(`${checkpointMessage(c)}\n${c.signature}`);
}

export const FIRST_CHECKPOINT_PREV = GENESIS_HASH;

/** The key's id: the first 16 hex digits of SHA-256 of its SubjectPublicKeyInfo (DER). */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function signCheckpoint(c: Omit<UnsignedCheckpoint, 'keyId'>, privateKey: KeyObject): Checkpoint {
  const unsigned: UnsignedCheckpoint = { ...c, keyId: keyIdOf(privateKey) };
  const signature = sign(null, Buffer.from(checkpointMessage(unsigned), 'utf8'), privateKey).toString('base64');
  return { ...unsigned, signature };
}

export function signatureValid(c: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(checkpointMessage(c), 'utf8'), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

function sameCheckpoint(a: Checkpoint, b: Checkpoint): boolean {
  return checkpointDigest(a) === checkpointDigest(b);
}

/**
 * Checks the checkpoints from the database and from the published copies (the append-only file, an auditor's
 * download): every version of each id must be signed by the trusted key, the ids must run 1, 2, 3 … and each
 * must link to the one before. Returns the anchors the chain is then compared with, and the problems found.
 */
export function reconcileCheckpoints(
  fromDatabase: readonly Checkpoint[],
  published: readonly Checkpoint[],
  publicKey: KeyObject,
): { anchors: Anchor[]; breaks: ChainBreak[]; valid: Checkpoint[] } {
  const breaks: ChainBreak[] = [];
  const byId = new Map<number, { db?: Checkpoint; published: Checkpoint[] }>();
  for (const c of fromDatabase) byId.set(c.id, { ...(byId.get(c.id) ?? { published: [] }), db: c });
  for (const c of published) {
    const entry = byId.get(c.id) ?? { published: [] };
    if (!entry.published.some((p) => sameCheckpoint(p, c))) entry.published.push(c);
    byId.set(c.id, entry);
  }
  const valid: Checkpoint[] = [];
  const ids = [...byId.keys()].sort((a, b) => a - b);
  let expectedId = 1;
  for (const id of ids) {
    for (; expectedId < id; expectedId++)
      breaks.push({ seq: 0, reason: 'CHECKPOINT_MISSING', checkpointId: expectedId });
    expectedId = id + 1;
    const entry = byId.get(id)!;
    const versions = [entry.db, ...entry.published].filter((c): c is Checkpoint => c !== undefined);
    const distinct = versions.filter((c, i) => versions.findIndex((o) => sameCheckpoint(o, c)) === i);
    const signed = distinct.filter((c) => signatureValid(c, publicKey));
    const seq = (signed[0] ?? distinct[0]).seq;
    if (entry.db === undefined) breaks.push({ seq, reason: 'CHECKPOINT_MISSING', checkpointId: id });
    for (const c of distinct.filter((d) => !signed.includes(d)))
      breaks.push({ seq: c.seq, reason: 'CHECKPOINT_SIGNATURE_INVALID', checkpointId: id });
    if (signed.length > 1) breaks.push({ seq, reason: 'CHECKPOINT_CONFLICT', checkpointId: id });
    if (signed.length > 0) valid.push(signed[0]);
  }
  for (let i = 0; i < valid.length; i++) {
    const c = valid[i];
    const before = valid[i - 1];
    const expectedPrev =
      c.id === 1 ? FIRST_CHECKPOINT_PREV : before && before.id === c.id - 1 ? checkpointDigest(before) : undefined;
    // a checkpoint after a missing or unverifiable one cannot be linked: that gap is reported already
    if (expectedPrev !== undefined && c.prev !== expectedPrev)
      breaks.push({ seq: c.seq, reason: 'CHECKPOINT_CHAIN_BROKEN', checkpointId: c.id });
    if (before && (c.seq < before.seq || c.at < before.at))
      breaks.push({ seq: c.seq, reason: 'CHECKPOINT_CHAIN_BROKEN', checkpointId: c.id });
  }
  return { anchors: valid.map((c) => ({ id: c.id, seq: c.seq, hash: c.hash })), breaks, valid };
}
