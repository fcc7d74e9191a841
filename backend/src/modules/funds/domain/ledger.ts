/**
 * The fund ledger (PRODUCT.md §5.6), pure. A budget line's money sits in buckets; every operation
 * is one double entry moving an amount (integer fen, bigint) from one bucket to another, so the
 * sum over all buckets, SOURCE included, is always zero. Balances are never edited by hand: they
 * are the running result of the entries, kept on the line in the same transaction.
 *
 *   allocate            SOURCE    → AVAILABLE   (finance approves the line or an increase)
 *   deallocate          AVAILABLE → SOURCE      (finance approves a decrease)
 *   reserve             AVAILABLE → RESERVED    (a project is approved)
 *   release_reservation RESERVED  → AVAILABLE   (the project is cancelled or its estimate shrinks)
 *   commit              RESERVED  → COMMITTED   (a contract is signed; from the project's reservation)
 *   commit_direct       AVAILABLE → COMMITTED   (a contract without a prior reservation)
 *   disburse            COMMITTED → PAID        (a payment is made)
 *   release_commitment  COMMITTED → AVAILABLE   (a contract ends below its amount)
 *   reverse             the opposite move of an earlier entry (corrections are new entries)
 */
export const BUCKETS = ['SOURCE', 'AVAILABLE', 'RESERVED', 'COMMITTED', 'PAID'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const OPERATIONS = [
  'ALLOCATE',
  'DEALLOCATE',
  'RESERVE',
  'RELEASE_RESERVATION',
  'COMMIT',
  'COMMIT_DIRECT',
  'DISBURSE',
  'RELEASE_COMMITMENT',
] as const;
export type Operation = (typeof OPERATIONS)[number] | 'REVERSE';

export const MOVES: Record<(typeof OPERATIONS)[number], { from: Bucket; to: Bucket }> = {
  ALLOCATE: { from: 'SOURCE', to: 'AVAILABLE' },
  DEALLOCATE: { from: 'AVAILABLE', to: 'SOURCE' },
  RESERVE: { from: 'AVAILABLE', to: 'RESERVED' },
  RELEASE_RESERVATION: { from: 'RESERVED', to: 'AVAILABLE' },
  COMMIT: { from: 'RESERVED', to: 'COMMITTED' },
  COMMIT_DIRECT: { from: 'AVAILABLE', to: 'COMMITTED' },
  DISBURSE: { from: 'COMMITTED', to: 'PAID' },
  RELEASE_COMMITMENT: { from: 'COMMITTED', to: 'AVAILABLE' },
};

/** What a line holds, in fen. `allocated` = available + reserved + committed + paid. */
export interface Balances {
  available: bigint;
  reserved: bigint;
  committed: bigint;
  paid: bigint;
}

export const ZERO: Balances = { available: 0n, reserved: 0n, committed: 0n, paid: 0n };

export function allocated(b: Balances): bigint {
  return b.available + b.reserved + b.committed + b.paid;
}

const KEY: Record<Exclude<Bucket, 'SOURCE'>, keyof Balances> = {
  AVAILABLE: 'available',
  RESERVED: 'reserved',
  COMMITTED: 'committed',
  PAID: 'paid',
};

export type LedgerProblem = 'AMOUNT_NOT_POSITIVE' | 'INSUFFICIENT_FUNDS';

/**
 * Applies one move. Refuses a non-positive amount and any move that would leave a bucket below
 * zero — which is exactly "reserved + committed never exceed allocated" and "paid never exceeds
 * what was committed".
 */
export function applyMove(
  b: Balances,
  from: Bucket,
  to: Bucket,
  amount: bigint,
): { ok: true; balances: Balances } | { ok: false; problem: LedgerProblem; bucket?: Bucket } {
  if (amount <= 0n) return { ok: false, problem: 'AMOUNT_NOT_POSITIVE' };
  const next = { ...b };
  if (from !== 'SOURCE') {
    next[KEY[from]] -= amount;
    if (next[KEY[from]] < 0n) return { ok: false, problem: 'INSUFFICIENT_FUNDS', bucket: from };
  }
  if (to !== 'SOURCE') next[KEY[to]] += amount;
  return { ok: true, balances: next };
}

/** Recomputes balances from entries (the consistency check). */
export function replay(entries: Array<{ fromBucket: Bucket; toBucket: Bucket; amountFen: bigint }>): Balances {
  const b = { ...ZERO };
  for (const e of entries) {
    if (e.fromBucket !== 'SOURCE') b[KEY[e.fromBucket]] -= e.amountFen;
    if (e.toBucket !== 'SOURCE') b[KEY[e.toBucket]] += e.amountFen;
  }
  return b;
}

/** Execution rate in basis points (paid ÷ allocated × 10000), exact integer arithmetic. */
export function rateBp(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number((part * 10000n) / whole);
}
