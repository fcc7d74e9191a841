import type { IsoInstant, Money } from './common.types';

/** Where a budget line's money comes from (docs/domain/funds.md). */
export type FundSource = 'CITY_FINANCE' | 'DISTRICT_FINANCE' | 'STREET_FINANCE' | 'WELFARE_LOTTERY' | 'DONATION';
export const FUND_SOURCES: readonly FundSource[] = [
  'CITY_FINANCE',
  'DISTRICT_FINANCE',
  'STREET_FINANCE',
  'WELFARE_LOTTERY',
  'DONATION',
];

/** A budget line (预算指标): `PENDING_APPROVAL → ACTIVE | REJECTED`. */
export type BudgetLineStatus = 'PENDING_APPROVAL' | 'ACTIVE' | 'REJECTED';
export const BUDGET_LINE_STATUSES: readonly BudgetLineStatus[] = ['PENDING_APPROVAL', 'ACTIVE', 'REJECTED'];

/** A requested change of a line's amount: `PENDING → APPROVED | REJECTED`. */
export type AdjustmentStatus = 'PENDING' | 'APPROVED' | 'REJECTED';
export const ADJUSTMENT_STATUSES: readonly AdjustmentStatus[] = ['PENDING', 'APPROVED', 'REJECTED'];

/** Where a line's money sits; `SOURCE` is the outside (the ledger's other side). */
export type LedgerBucket = 'SOURCE' | 'AVAILABLE' | 'RESERVED' | 'COMMITTED' | 'PAID';
export const LEDGER_BUCKETS: readonly LedgerBucket[] = ['SOURCE', 'AVAILABLE', 'RESERVED', 'COMMITTED', 'PAID'];

/** One double entry of the ledger; `REVERSE` is the opposite move of an earlier entry. */
export type LedgerOperation =
  | 'ALLOCATE'
  | 'DEALLOCATE'
  | 'RESERVE'
  | 'RELEASE_RESERVATION'
  | 'COMMIT'
  | 'COMMIT_DIRECT'
  | 'DISBURSE'
  | 'RELEASE_COMMITMENT'
  | 'REVERSE';
export const LEDGER_OPERATIONS: readonly LedgerOperation[] = [
  'ALLOCATE',
  'DEALLOCATE',
  'RESERVE',
  'RELEASE_RESERVATION',
  'COMMIT',
  'COMMIT_DIRECT',
  'DISBURSE',
  'RELEASE_COMMITMENT',
  'REVERSE',
];

/** A line's money by bucket, yuan. `allocated` = available + reserved + outstandingCommitment + paid. */
export interface FundBalances {
  allocated: Money;
  available: Money;
  reserved: Money;
  /** Committed in total: outstanding commitments plus what has been paid. */
  committed: Money;
  outstandingCommitment: Money;
  paid: Money;
}

/** `GET /funds/lines[/:id]` */
export interface BudgetLine {
  id: number;
  year: number;
  regionId: number;
  regionName: string | null;
  source: FundSource;
  /** Catalogue category code the money is restricted to (定向使用), its subtree included. */
  restrictedCategoryCode: string | null;
  /** Contracts paid from it may run up to 3 years (跨年度合同). */
  multiYear: boolean;
  title: string;
  status: BudgetLineStatus;
  /** The amount asked for when the line was created. */
  requested: Money;
  balances: FundBalances;
  /** paid ÷ allocated in basis points (3333 = 33.33 %). */
  paidRateBp: number;
  createdBy: number;
  decidedBy: number | null;
  decisionNote: string | null;
  createdAt: IsoInstant;
}

export interface BudgetLineQuery {
  year?: number | null;
  regionId?: number | null;
  source?: FundSource | null;
  status?: BudgetLineStatus | null;
  /** Part of the title. */
  q?: string | null;
  page?: number;
  pageSize?: number;
}

/** `POST /funds/lines`: created PENDING_APPROVAL, approved by a finance officer who did not create it. */
export interface CreateBudgetLineRequest {
  year: number;
  regionId: number;
  source: FundSource;
  restrictedCategoryCode?: string | null;
  multiYear?: boolean;
  title: string;
  /** Yuan, at most two decimals, above zero. */
  amount: Money;
}

/** `POST /funds/lines/:id/approve` (an optional note) and `…/reject` (a required reason, 2–500 characters). */
export interface FundsDecisionRequest {
  note?: string;
  reason?: string;
}

/** `GET /funds/lines/:id/entries` (ids are BIGINT, sent as strings). */
export interface LedgerEntry {
  id: string;
  lineId: number;
  operation: LedgerOperation;
  fromBucket: LedgerBucket;
  toBucket: LedgerBucket;
  amount: Money;
  idempotencyKey: string;
  referenceType: string | null;
  referenceId: string | null;
  reversesEntryId: string | null;
  memo: string | null;
  actorId: number | null;
  createdAt: IsoInstant;
}

export interface LedgerEntryQuery {
  operation?: LedgerOperation | null;
  page?: number;
  pageSize?: number;
}

/** `POST /funds/entries/:id/reverse` */
export interface ReverseEntryRequest {
  idempotencyKey: string;
  memo: string;
}

export interface ReverseEntryResult {
  entryId: string;
  replayed: boolean;
}

/** `GET /funds/lines/:id/adjustments` */
export interface BudgetAdjustment {
  id: number;
  lineId: number;
  /** Signed yuan: `"-50000.00"` lowers the line. */
  delta: Money;
  reason: string;
  status: AdjustmentStatus;
  requestedBy: number;
  decidedBy: number | null;
  /** Why it was rejected. */
  decisionNote?: string | null;
  createdAt: IsoInstant;
}

/** `POST /funds/lines/:id/adjustments` */
export interface AdjustmentRequest {
  delta: Money;
  reason: string;
}

export type FundsReportGroup = 'region' | 'source' | 'category';

/** One group of `GET /funds/report` (ACTIVE lines only). */
export interface FundsReportRow {
  /** Region id, source code or category code. */
  key: string;
  label: string;
  allocated: Money;
  reserved: Money;
  /** Committed in total (outstanding + paid). */
  committed: Money;
  paid: Money;
  paidRateBp: number;
  committedRateBp: number;
}

/** `GET /funds/consistency`: every balance recomputed from the ledger. */
export interface FundsConsistency {
  ok: boolean;
  linesChecked: number;
  differences: { lineId: number; stored: FundBalances; fromLedger: FundBalances }[];
}
