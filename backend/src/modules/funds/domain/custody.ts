import { addWorkingDays, endOfDayShanghai, parseDate, shanghaiDate, WorkingDayCalendar } from '../../regions';

/**
 * Money held for others (保证金, PRODUCT.md §4): bid deposits (投标保证金) and performance bonds (履约保证金).
 * Never mixed with budget lines: each deposit or bond is a custody account of its own, and every movement is one
 * double entry in the append-only custody ledger, moving integer fen between buckets. Balances are the running
 * result of the entries (a database trigger applies each entry to its account in the same statement), and the
 * consistency check replays them.
 *
 *   receive   PAYER     → HELD       (the organisation pays the deposit when it bids / the bond at signing)
 *   refund    HELD      → RETURNED   (a deposit goes back: loser after the award notice, winner after signing,
 *                                     withdrawal before the deadline)
 *   release   HELD      → RETURNED   (a bond goes back after the final acceptance or a termination by agreement)
 *   forfeit   HELD      → FORFEITED  (a bond kept after a termination for breach, by a finance decision)
 *   interest  PURCHASER → INTEREST   (late-refund interest the purchaser pays on top of a late refund/release)
 *
 * PAYER and PURCHASER are outside the account (like the funds ledger's SOURCE); HELD, RETURNED, FORFEITED and
 * INTEREST are stored on it.
 */
export const CUSTODY_KINDS = ['BID_DEPOSIT', 'PERFORMANCE_BOND'] as const;
export type CustodyKind = (typeof CUSTODY_KINDS)[number];

export const CUSTODY_STATUSES = ['HELD', 'REFUND_DUE', 'REFUNDED', 'RELEASED', 'FORFEITED'] as const;
export type CustodyStatus = (typeof CUSTODY_STATUSES)[number];

/** Why a held amount is to go back (or may be kept). */
/** Why a deposit or bond is due back: lost, won (after signing), withdrawn, the tender ended without award (流标 or
 * cancelled), the final acceptance, a termination. */
export type CustodyReturnReason = 'LOST' | 'WON' | 'WITHDRAWN' | 'ENDED' | 'FINAL_ACCEPTANCE' | 'TERMINATED';

export const CUSTODY_BUCKETS = ['PAYER', 'PURCHASER', 'HELD', 'RETURNED', 'FORFEITED', 'INTEREST'] as const;
export type CustodyBucket = (typeof CUSTODY_BUCKETS)[number];

export const CUSTODY_OPERATIONS = ['RECEIVE', 'REFUND', 'RELEASE', 'FORFEIT', 'INTEREST'] as const;
export type CustodyOperation = (typeof CUSTODY_OPERATIONS)[number];

export const CUSTODY_MOVES: Record<CustodyOperation, { from: CustodyBucket; to: CustodyBucket }> = {
  RECEIVE: { from: 'PAYER', to: 'HELD' },
  REFUND: { from: 'HELD', to: 'RETURNED' },
  RELEASE: { from: 'HELD', to: 'RETURNED' },
  FORFEIT: { from: 'HELD', to: 'FORFEITED' },
  INTEREST: { from: 'PURCHASER', to: 'INTEREST' },
};

export interface CustodyBalances {
  held: bigint;
  returned: bigint;
  forfeited: bigint;
  interest: bigint;
}

export const CUSTODY_ZERO: CustodyBalances = { held: 0n, returned: 0n, forfeited: 0n, interest: 0n };

const STORED: Partial<Record<CustodyBucket, keyof CustodyBalances>> = {
  HELD: 'held',
  RETURNED: 'returned',
  FORFEITED: 'forfeited',
  INTEREST: 'interest',
};

/** Applies one move; refuses a non-positive amount and any move that would leave a stored bucket below zero. */
export function applyCustodyMove(
  b: CustodyBalances,
  op: CustodyOperation,
  amount: bigint,
): { ok: true; balances: CustodyBalances } | { ok: false; problem: 'AMOUNT_NOT_POSITIVE' | 'INSUFFICIENT_HELD' } {
  if (amount <= 0n) return { ok: false, problem: 'AMOUNT_NOT_POSITIVE' };
  const { from, to } = CUSTODY_MOVES[op];
  const next = { ...b };
  const f = STORED[from];
  const t = STORED[to];
  if (f) {
    next[f] -= amount;
    if (next[f] < 0n) return { ok: false, problem: 'INSUFFICIENT_HELD' };
  }
  if (t) next[t] += amount;
  return { ok: true, balances: next };
}

/** Recomputes an account's balances from its entries (the consistency check). */
export function replayCustody(
  entries: Array<{ fromBucket: CustodyBucket; toBucket: CustodyBucket; amountFen: bigint }>,
): CustodyBalances {
  const b = { ...CUSTODY_ZERO };
  for (const e of entries) {
    const f = STORED[e.fromBucket];
    const t = STORED[e.toBucket];
    if (f) b[f] -= e.amountFen;
    if (t) b[t] += e.amountFen;
  }
  return b;
}

/**
 * The custody account's state machine. HELD → REFUND_DUE is the refund job (the due date passed and nobody
 * refunded); the rest are finance decisions (PAYMENTS_PAY). REFUNDED → HELD: an organisation that withdrew its
 * bid, was refunded and bids again before the deadline pays the deposit again.
 */
export const CUSTODY_TRANSITIONS: ReadonlyArray<[CustodyStatus, CustodyStatus]> = [
  ['HELD', 'REFUND_DUE'],
  ['HELD', 'REFUNDED'],
  ['REFUND_DUE', 'REFUNDED'],
  ['HELD', 'RELEASED'],
  ['REFUND_DUE', 'RELEASED'],
  ['HELD', 'FORFEITED'],
  ['REFUND_DUE', 'FORFEITED'],
  ['REFUNDED', 'HELD'],
];

export function canMove(from: CustodyStatus, to: CustodyStatus): boolean {
  return CUSTODY_TRANSITIONS.some(([f, t]) => f === from && t === to);
}

/** Working days a deposit or bond has to go back in (PRODUCT.md §4: 5 working days). */
export const CUSTODY_RETURN_WORKING_DAYS = 5;

/**
 * Days a refund is late: Beijing calendar days from its due date (the last day it was on time) to the Beijing date
 * it was made (or today). `dueAt` is the end of the due day (24:00 Asia/Shanghai), as stored.
 */
export function daysLate(dueAt: Date, at: Date): number {
  const dueDate = shanghaiDate(new Date(dueAt.getTime() - 1));
  const days = Math.round((parseDate(shanghaiDate(at)) - parseDate(dueDate)) / 86_400_000);
  return Math.max(0, days);
}

/**
 * When a deposit or bond must have gone back: the end (24:00 Beijing) of the 5th working day after the Beijing
 * date of the event (award notice, signing, withdrawal, final acceptance), the event's day excluded.
 */
export function returnDueAt(eventAt: Date, cal: WorkingDayCalendar): Date {
  return endOfDayShanghai(addWorkingDays(shanghaiDate(eventAt), CUSTODY_RETURN_WORKING_DAYS, cal));
}

/**
 * The caps on money held for others (PRODUCT.md §4), kept here with the custody ledger; contracts' money-rules.ts
 * re-exports them: a bid deposit at most 2 % of the project budget, a performance bond at most 10 % of the contract.
 */
export const BID_DEPOSIT_CAP_BP = 200;
export const PERFORMANCE_BOND_CAP_BP = 1_000;

/**
 * Whether `partFen` is at most `capBp` basis points of `wholeFen`, compared exactly (the same comparison as
 * contracts' withinShare): 2.00 % of 100,000.00 is 2,000.00 and passes, 2,000.01 does not.
 */
export function withinCap(partFen: bigint, wholeFen: bigint, capBp: number): boolean {
  return partFen * 10_000n <= wholeFen * BigInt(capBp);
}

/**
 * Interest on a late return: principal × yearly rate × days late ÷ 365, half-up to the fen — the same rule as
 * contracts' lateInterestFen (money-rules.ts; custody.spec.ts checks they agree), kept here because funds may not
 * depend on contracts. No interest for zero days, a zero principal or a zero rate.
 */
export function lateReturnInterestFen(principalFen: bigint, days: number, annualRateBp: number): bigint {
  if (days <= 0 || principalFen <= 0n || annualRateBp <= 0) return 0n;
  const den = 10_000n * 365n;
  return (2n * principalFen * BigInt(annualRateBp) * BigInt(days) + den) / (2n * den);
}
