import type { IsoInstant, Money } from '../../../api';

/**
 * The procurement API (社会组织接单) as the frontend sees it: a mirror of the response and request
 * DTOs of backend/src/modules/procurement/dto/procurement.dto.ts. Money is yuan as a decimal string
 * ("120000.00"), scores are points as a decimal string ("35.50").
 */

// ---- state machines (PRODUCT.md §3)

export const PROJECT_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'TENDERING',
  'AWARDED',
  'CONTRACTED',
  'IN_PROGRESS',
  'COMPLETED',
  'EVALUATED',
  'CLOSED',
  'CANCELLED',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** Projects still being worked on: the project list opens on them. */
export const ACTIVE_PROJECT_STATUSES: readonly ProjectStatus[] = PROJECT_STATUSES.filter(
  (s) => s !== 'EVALUATED' && s !== 'CLOSED' && s !== 'CANCELLED',
);

export const TENDER_METHODS = [
  'OPEN_TENDER',
  'COMPETITIVE_CONSULTATION',
  'COMPETITIVE_NEGOTIATION',
  'REQUEST_FOR_QUOTATION',
  'SINGLE_SOURCE',
] as const;
export type TenderMethod = (typeof TENDER_METHODS)[number];

export const TENDER_STATUSES = [
  'DRAFT',
  'PUBLISHED',
  'CLOSED',
  'OPENED',
  'EVALUATING',
  'RECOMMENDED',
  'AWARD_NOTICE',
  'AWARDED',
  'FAILED',
  'CANCELLED',
] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];
/** Tenders not yet awarded, failed or cancelled: the tender list opens on them. */
export const ACTIVE_TENDER_STATUSES: readonly TenderStatus[] = TENDER_STATUSES.filter(
  (s) => s !== 'AWARDED' && s !== 'FAILED' && s !== 'CANCELLED',
);

export const BID_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'WITHDRAWN',
  'REPLACED',
  'OPENED',
  'QUALIFIED',
  'DISQUALIFIED',
  'SCORED',
  'WINNER',
  'NOT_AWARDED',
] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

export const OBJECTION_STATUSES = ['FILED', 'UNDER_REVIEW', 'UPHELD', 'DISMISSED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export type ScoringMethod = 'COMPREHENSIVE' | 'LOWEST_PRICE';
export const SCORING_METHODS: readonly ScoringMethod[] = ['COMPREHENSIVE', 'LOWEST_PRICE'];

/** Tender statuses in which bids are still sealed (no count, no contents, for everybody). */
export const SEALED_TENDER_STATUSES: readonly TenderStatus[] = ['DRAFT', 'PUBLISHED', 'CLOSED'];

// ---- projects

export interface BudgetItem {
  item: string;
  amount: Money;
}
export interface Indicator {
  name: string;
  target: string;
}
export interface ScheduleItem {
  period: string;
  activity: string;
}
/** 实施方案: objectives, schedule, budget breakdown (adds up to the estimate), beneficiaries, indicators. */
export interface ImplementationPlan {
  objectives: string[];
  schedule: ScheduleItem[];
  budget: BudgetItem[];
  beneficiaries: number;
  outputIndicators: Indicator[];
  outcomeIndicators: Indicator[];
}

/** `POST /projects`, `PUT /projects/:id` (draft only). */
export interface ProjectRequest {
  title: string;
  regionId: number;
  catalogueItemId: number;
  needIds: number[];
  quantity: number;
  unitPrice: Money;
  budgetLineId: number;
  plan: ImplementationPlan;
}

export interface Project {
  id: number;
  title: string;
  regionId: number;
  regionName: string | null;
  catalogueItemId: number;
  itemCode: string;
  quantity: number;
  unitPrice: Money;
  estimatedAmount: Money;
  budgetLineId: number;
  status: ProjectStatus;
  needIds: number[];
  plan: ImplementationPlan;
  reservationEntryId: string | null;
  createdBy: number;
  decisionNote: string | null;
  /** The current tender, if any. */
  tenderId: number | null;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface ProjectQuery {
  /** One status or several (sent comma-separated). */
  status?: ProjectStatus | readonly ProjectStatus[] | null;
  /** Part of the title. */
  q?: string | null;
  page?: number;
  pageSize?: number;
}

// ---- tenders

export interface Criterion {
  code: string;
  name: string;
  /** Most points this criterion gives, e.g. "40" or "12.5". */
  maxScore: string;
}

/** `POST /tenders`, `PUT /tenders/:id` (draft only). */
export interface TenderRequest {
  projectId: number;
  title: string;
  description: string;
  method: TenderMethod;
  minGrade?: number;
  designatedOrganisationId?: number;
  scoringMethod: ScoringMethod;
  /** Percent; ≥ 10 for comprehensive scoring of services, 0 for lowest price. */
  priceWeight: number;
  criteria: Criterion[];
  maxPrice: Money;
  /** 投标保证金, at most 2 % of the project budget; omitted: none. */
  bidDeposit?: Money;
  committeeSize: number;
  bidDeadline: IsoInstant;
}

export interface Tender {
  id: number;
  projectId: number;
  title: string;
  description: string;
  method: TenderMethod;
  status: TenderStatus;
  minGrade: number | null;
  designatedOrganisationId: number | null;
  scoringMethod: ScoringMethod;
  priceWeight: number;
  criteria: Criterion[];
  maxPrice: Money;
  /** 投标保证金 each bidder pays; null when none. */
  bidDeposit?: Money | null;
  committeeSize: number;
  publishedAt: IsoInstant | null;
  bidDeadline: IsoInstant;
  /** Earliest legal deadline for this method if published now / when it was published. */
  earliestDeadline: IsoInstant | null;
  openedAt: IsoInstant | null;
  /** Null while bids are sealed (before opening), for everybody. */
  bidCount: number | null;
  confirmationDueAt: IsoInstant | null;
  awardNoticeAt: IsoInstant | null;
  objectionWindowEndsAt: IsoInstant | null;
  awardedAt: IsoInstant | null;
  winnerBidId: string | null;
  winnerName: string | null;
  winnerPrice: Money | null;
  outcomeNote: string | null;
  evaluationRound: number;
  /** Organisation members: my organisation registered interest. */
  interested?: boolean;
  /** Organisation members: why my organisation may not bid (empty = eligible). */
  ineligibleReasons?: string[];
  /** Experts: I sit on its committee. */
  onCommittee?: boolean;
}

export interface TenderQuery {
  /** One status or several (sent comma-separated). */
  status?: TenderStatus | readonly TenderStatus[] | null;
  /** Part of the title. */
  q?: string | null;
  projectId?: number | null;
  page?: number;
  pageSize?: number;
}

export type NoticeKind = 'CLARIFICATION' | 'AMENDMENT';
export type NoticeStatus = 'ASKED' | 'PUBLISHED';

/** A clarification (a question, answered or not, or one published by the purchaser) or an amendment. */
export interface Notice {
  id: number;
  kind: NoticeKind;
  status: NoticeStatus;
  question: string | null;
  body: string | null;
  affectsPreparation: boolean;
  deadlineBefore: IsoInstant | null;
  deadlineAfter: IsoInstant | null;
  createdAt: IsoInstant;
  publishedAt: IsoInstant | null;
  /** Asked by my organisation. */
  mine: boolean;
}

// ---- bids

export interface BidDocumentInput {
  fileName: string;
  contentBase64: string;
}

/** `PUT /tenders/:id/my-bid` (with an `Idempotency-Key`). */
export interface SubmitBidRequest {
  price: Money;
  /** Response per technical criterion code. */
  technical: Record<string, string>;
  documents: BidDocumentInput[];
}

/** 投标回执: server time of sealing and the SHA-256 of the sealed content. */
export interface BidReceipt {
  bidId: string;
  tenderId: number;
  version: number;
  submittedAt: IsoInstant;
  sha256: string;
}

export interface BidDocument {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface Bid {
  id: string;
  tenderId: number;
  organisationId: number;
  organisationName: string;
  version: number;
  status: BidStatus;
  price: Money;
  technical: Record<string, string>;
  documents: BidDocument[];
  submittedAt: IsoInstant;
  sha256: string;
  /** An amendment moved the deadline: the bid must be confirmed again. */
  needsReconfirm: boolean;
  qualificationReason: string | null;
  priceScore: string | null;
  technicalScore: string | null;
  totalScore: string | null;
  rank: number | null;
  /** Officer and committee: the bidder's published evaluation results, newest first (issue #11). */
  pastGrades?: PastEvaluationGrade[];
}

/** A published evaluation result of a bidder: what a committee sees beside its bid. */
export interface PastEvaluationGrade {
  code: string;
  kind: 'FINAL' | 'MID_TERM';
  /** The evaluated project. */
  title: string;
  year: number;
  /** As shown, "84.16". */
  score: string;
  grade: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';
}

export interface MyBid extends Bid {
  tenderTitle: string;
  tenderStatus: TenderStatus;
  bidDeadline: IsoInstant;
}

// ---- opening, qualification, committee, scores, award

export interface QualificationDecision {
  bidId: string;
  qualified: boolean;
  /** Required when not qualified. */
  reason?: string;
}

export interface CommitteeMember {
  expertId: number;
  displayName: string;
  seat: 'EXPERT' | 'PURCHASER_REP';
  submitted: boolean;
}

export interface ExcludedExpert {
  expertId: number;
  displayName: string;
  reason: string;
}

export interface Committee {
  members: CommitteeMember[];
  round: number;
  excluded: ExcludedExpert[];
}

export interface ScoreSheet {
  bidId: string;
  /** Criterion code → points, e.g. `{ "PLAN": "35.5" }`. */
  scores: Record<string, string>;
  comment?: string;
}

export interface RankingRow {
  bidId: string;
  organisationId: number;
  organisationName: string;
  price: Money;
  priceScore: string | null;
  technicalScore: string | null;
  totalScore: string | null;
  rank: number;
}

export interface CommitteeReport {
  tenderId: number;
  round: number;
  generatedAt: IsoInstant;
  method: TenderMethod;
  scoringMethod: string;
  priceWeight: number;
  committee: CommitteeMember[];
  ranking: RankingRow[];
  disqualified: Array<{ bidId: string; organisationName: string; reason: string }>;
  recommended: string[];
}

// ---- objections

export type ObjectionOutcome = 'UPHELD' | 'DISMISSED';
export type ObjectionAction = 'RE_EVALUATE' | 'CANCEL';

export interface AnswerObjectionRequest {
  outcome: ObjectionOutcome;
  answer: string;
  action?: ObjectionAction;
}

export interface Objection {
  id: number;
  tenderId: number;
  tenderTitle: string;
  organisationId: number;
  organisationName: string;
  grounds: string;
  status: ObjectionStatus;
  filedAt: IsoInstant;
  answerDueAt: IsoInstant;
  answer: string | null;
  action: string | null;
  answeredAt: IsoInstant | null;
}

// ---- experts

export type AffiliationKind = 'EMPLOYMENT' | 'DECLARED';

export interface DeclareRelationshipRequest {
  organisationId: number;
  kind: AffiliationKind;
  startedOn?: string;
  endedOn?: string;
  note?: string;
}

export interface Affiliation {
  id: number;
  organisationId: number;
  organisationName: string;
  kind: AffiliationKind;
  startedOn: string | null;
  endedOn: string | null;
  note: string | null;
}

// ---- public (transparency)

export type PublicTenderKind = 'OPEN' | 'AWARD_NOTICE';

export interface PublicTender {
  id: number;
  title: string;
  description: string;
  method: TenderMethod;
  status: TenderStatus;
  regionName: string;
  maxPrice: Money;
  publishedAt: IsoInstant | null;
  bidDeadline: IsoInstant;
  awardNoticeAt: IsoInstant | null;
  winnerName: string | null;
  winnerPrice: Money | null;
  objectionWindowEndsAt: IsoInstant | null;
}

/** An organisation to pick (single source: the designated one). */
export interface OrganisationOption {
  id: number;
  name: string;
  grade?: number | null;
}
