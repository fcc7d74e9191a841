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

/** The text that is hashed: the previous hash, a line feed, and the canonical JSON of the event (docs/domain/audit.md). */
export function chainText(prevHash: string, e: ChainedFields): string {
  return `${prevHash}\n${canonicalJson({
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
  })}`;
}

/** hash(n) = SHA-256(hash(n-1) + "\n" + canonical JSON of event n). */
export function chainHash(prevHash: string, e: ChainedFields): string {
  return sha256Hex(chainText(prevHash, e));
}

export interface StoredLink extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type LinkBreakReason = 'SEQUENCE_GAP' | 'PREVIOUS_HASH_MISMATCH' | 'HASH_MISMATCH' | 'HEAD_MISMATCH';
export type CheckpointBreakReason =
  /** The chain's hash at the checkpoint's seq is not the one signed: events up to there were rewritten. */
  | 'CHECKPOINT_MISMATCH'
  /** A checkpoint anchors a seq the chain no longer reaches: events were removed from the end (or all). */
  | 'CHECKPOINT_AHEAD_OF_CHAIN'
  /** The checkpoint's signature does not verify with the trusted public key. */
  | 'CHECKPOINT_SIGNATURE_INVALID'
  /** A checkpoint published (in the file) is missing from the database, or the numbering has a gap. */
  | 'CHECKPOINT_MISSING'
  /** A checkpoint does not link to the one before it. */
  | 'CHECKPOINT_CHAIN_BROKEN'
  /** Two differently signed versions of one checkpoint exist. */
  | 'CHECKPOINT_CONFLICT';
export type BreakReason = LinkBreakReason | CheckpointBreakReason;

export interface ChainBreak {
  /** The event concerned (for checkpoint reasons: the seq the checkpoint anchors). */
  seq: number;
  reason: BreakReason;
  /** For checkpoint reasons: the checkpoint concerned. */
  checkpointId?: number;
}

/** A verified checkpoint, as the walker compares it: the chain must have `hash` at `seq`. */
export interface Anchor {
  id: number;
  seq: number;
  hash: string;
}

/**
 * Walks the chain in seq order, batch by batch, and records EVERY break instead of stopping at the first: after a
 * break it resynchronises on the stored values (the stored hash of a bad link, the stored seq after a gap), so one
 * bad row cannot hide the rest of the chain from the auditor. Compares the chain with every anchor it passes.
 */
export class ChainWalker {
  private readonly found: ChainBreak[] = [];
  private count = 0;
  private examined = 0;
  private prev: string;
  private next: number;
  private readonly anchors = new Map<number, Anchor[]>();

  constructor(
    anchors: readonly Anchor[] = [],
    /** How many breaks are kept in {@link breaks}; {@link breakCount} counts them all. */
    private readonly maxBreaks = 100,
    start: { prevHash: string; seq: number } = { prevHash: GENESIS_HASH, seq: 1 },
  ) {
    this.prev = start.prevHash;
    this.next = start.seq;
    for (const a of anchors) this.anchors.set(a.seq, [...(this.anchors.get(a.seq) ?? []), a]);
  }

  get breaks(): readonly ChainBreak[] {
    return this.found;
  }
  get breakCount(): number {
    return this.count;
  }
  /** Events examined so far. */
  get checked(): number {
    return this.examined;
  }
  get lastHash(): string {
    return this.prev;
  }
  get nextSeq(): number {
    return this.next;
  }

  report(b: ChainBreak): void {
    this.count++;
    if (this.found.length < this.maxBreaks) this.found.push(b);
  }

  /** Links in ascending seq order, continuing where the previous batch ended. */
  feed(links: readonly StoredLink[]): void {
    for (const link of links) {
      this.examined++;
      if (link.seq !== this.next) {
        // events missing (deleted, or numbers skipped): resync on this link's own stored predecessor
        this.report({ seq: this.next, reason: 'SEQUENCE_GAP' });
        if (chainHash(link.prevHash, link) !== link.hash) this.report({ seq: link.seq, reason: 'HASH_MISMATCH' });
      } else if (link.prevHash !== this.prev) {
        // the predecessor was altered and re-hashed, an event was inserted, or prev_hash itself was changed
        this.report({ seq: link.seq, reason: 'PREVIOUS_HASH_MISMATCH' });
        if (chainHash(link.prevHash, link) !== link.hash && chainHash(this.prev, link) !== link.hash)
          this.report({ seq: link.seq, reason: 'HASH_MISMATCH' });
      } else if (chainHash(this.prev, link) !== link.hash) {
        this.report({ seq: link.seq, reason: 'HASH_MISMATCH' });
      }
      for (const a of this.anchors.get(link.seq) ?? []) {
        if (a.hash !== link.hash) this.report({ seq: link.seq, reason: 'CHECKPOINT_MISMATCH', checkpointId: a.id });
      }
      this.prev = link.hash;
      this.next = link.seq + 1;
    }
  }

  /**
   * After the last batch: the head row must point at the end of the chain, and no anchor may lie beyond it.
   * `head` is the head read before the events (events appended since are not walked).
   */
  finish(head: { lastSeq: number; lastHash: string }): void {
    if (head.lastSeq !== this.next - 1 || head.lastHash !== this.prev)
      this.report({ seq: this.next, reason: 'HEAD_MISMATCH' });
    const beyond = [...this.anchors.values()].flat().filter((a) => a.seq >= this.next);
    for (const a of beyond.sort((x, y) => x.id - y.id))
      this.report({ seq: a.seq, reason: 'CHECKPOINT_AHEAD_OF_CHAIN', checkpointId: a.id });
  }
}

/**
 * Checks a run of links that follows `expectedPrev` (the hash of link `expectedSeq - 1`): every break found, and
 * the hash and next seq to continue from.
 */
export function verifyLinks(
  links: StoredLink[],
  expectedPrev: string,
  expectedSeq: number,
): { breaks: readonly ChainBreak[]; lastHash: string; nextSeq: number } {
  const walker = new ChainWalker([], Number.MAX_SAFE_INTEGER, { prevHash: expectedPrev, seq: expectedSeq });
  walker.feed(links);
  return { breaks: walker.breaks, lastHash: walker.lastHash, nextSeq: walker.nextSeq };
}
