/**
 * The application's states mapped to OCDS 1.1 codelists (docs/open-data.md explains each choice). Pure; the string
 * unions mirror the procurement, contracts and evaluation machines without importing them (this context is read by
 * them, not the other way round).
 */

export type ReleaseTag =
  | 'planning'
  | 'planningUpdate'
  | 'tender'
  | 'tenderAmendment'
  | 'tenderUpdate'
  | 'tenderCancellation'
  | 'award'
  | 'awardUpdate'
  | 'awardCancellation'
  | 'contract'
  | 'contractUpdate'
  | 'contractAmendment'
  | 'implementation'
  | 'implementationUpdate'
  | 'contractTermination';

/** The releaseTag codelist's order, used to list a release's tags in a stable order. */
export const RELEASE_TAGS: readonly ReleaseTag[] = [
  'planning',
  'planningUpdate',
  'tender',
  'tenderAmendment',
  'tenderUpdate',
  'tenderCancellation',
  'award',
  'awardUpdate',
  'awardCancellation',
  'contract',
  'contractUpdate',
  'contractAmendment',
  'implementation',
  'implementationUpdate',
  'contractTermination',
];

export function orderedTags(tags: Iterable<ReleaseTag>): ReleaseTag[] {
  const set = new Set(tags);
  return RELEASE_TAGS.filter((t) => set.has(t));
}

export type TenderMethodCode =
  'OPEN_TENDER' | 'COMPETITIVE_CONSULTATION' | 'COMPETITIVE_NEGOTIATION' | 'REQUEST_FOR_QUOTATION' | 'SINGLE_SOURCE';

/**
 * procurementMethod (closed codelist method.csv) and the Chinese name kept in procurementMethodDetails.
 *
 * - 公开招标 → open: every interested supplier may tender.
 * - 竞争性磋商, 竞争性谈判, 询价 → selective: the law has the purchaser invite at least three *qualified* suppliers,
 *   found through a public call for qualified suppliers, the supplier database or recommendations
 *   (政府采购非招标采购方式管理办法 art. 12; 竞争性磋商采购方式管理暂行办法 art. 6), and only the invited may respond —
 *   "only qualified suppliers are invited to submit a tender" (selective), like the EU's competitive procedure with
 *   negotiation and competitive dialogue, which OCDS maps to selective. Not limited: the purchaser does not contact
 *   suppliers of its own choice without a call.
 * - 单一来源 → direct: one supplier, without competition.
 */
export const PROCUREMENT_METHODS: Readonly<
  Record<TenderMethodCode, { method: 'open' | 'selective' | 'limited' | 'direct'; details: string }>
> = {
  OPEN_TENDER: { method: 'open', details: '公开招标' },
  COMPETITIVE_CONSULTATION: { method: 'selective', details: '竞争性磋商' },
  COMPETITIVE_NEGOTIATION: { method: 'selective', details: '竞争性谈判' },
  REQUEST_FOR_QUOTATION: { method: 'selective', details: '询价' },
  SINGLE_SOURCE: { method: 'direct', details: '单一来源' },
};

/** awardCriteria: 综合评分法 weighs price and quality (ratedCriteria); 最低评标价法 decides on price alone (priceOnly). */
export function awardCriteria(scoring: 'COMPREHENSIVE' | 'LOWEST_PRICE'): 'ratedCriteria' | 'priceOnly' {
  return scoring === 'COMPREHENSIVE' ? 'ratedCriteria' : 'priceOnly';
}

export type TenderStatusCode =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'CLOSED'
  | 'OPENED'
  | 'EVALUATING'
  | 'RECOMMENDED'
  | 'AWARD_NOTICE'
  | 'AWARDED'
  | 'FAILED'
  | 'CANCELLED';

/** tender.status (tenderStatus.csv). A DRAFT tender is not public: the process shows its planned tender. */
export function tenderStatus(s: TenderStatusCode): 'planned' | 'active' | 'complete' | 'unsuccessful' | 'cancelled' {
  switch (s) {
    case 'DRAFT':
      return 'planned';
    case 'PUBLISHED':
    case 'CLOSED':
    case 'OPENED':
    case 'EVALUATING':
    case 'RECOMMENDED':
    case 'AWARD_NOTICE':
      return 'active';
    case 'AWARDED':
      return 'complete';
    case 'FAILED':
      return 'unsuccessful';
    case 'CANCELLED':
      return 'cancelled';
  }
}

/** Tender statuses after the bids were opened: only then are the tenderers and their number public. */
export const OPENED_TENDER_STATUSES: readonly TenderStatusCode[] = [
  'OPENED',
  'EVALUATING',
  'RECOMMENDED',
  'AWARD_NOTICE',
  'AWARDED',
  'FAILED',
];

/**
 * The release a tender transition writes, or null when it changes nothing public (the deadline passing, the
 * committee's work before its recommendation is published).
 */
export function tenderTransitionTags(from: TenderStatusCode, to: TenderStatusCode): ReleaseTag[] | null {
  if (to === 'PUBLISHED' && from === 'DRAFT') return ['tender'];
  if (to === 'OPENED') return ['tenderUpdate']; // the tenderers and their number become public
  if (to === 'FAILED') return ['tenderUpdate']; // unsuccessful (流标)
  if (to === 'CANCELLED')
    return from === 'AWARD_NOTICE'
      ? ['awardCancellation', 'tenderCancellation']
      : from === 'DRAFT'
        ? null
        : ['tenderCancellation'];
  if (to === 'AWARD_NOTICE') return ['award'];
  if (to === 'AWARDED') return ['awardUpdate'];
  if (to === 'EVALUATING' && from === 'AWARD_NOTICE') return ['awardCancellation']; // objection upheld: re-evaluation
  return null;
}

export type ContractStatusCode = 'DRAFT' | 'SIGNED' | 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/**
 * contract.status (contractStatus.csv): signed by both parties → active (in force); its last tranche settled or
 * terminated after signing → terminated (the codelist's "has come to a close", for completion as for early end); a
 * draft the winner never signed → cancelled. A DRAFT is not published.
 */
export function contractStatus(
  s: ContractStatusCode,
  signed: boolean,
): 'pending' | 'active' | 'terminated' | 'cancelled' {
  if (s === 'DRAFT') return 'pending';
  if (s === 'SIGNED' || s === 'ACTIVE') return 'active';
  if (s === 'COMPLETED') return 'terminated';
  return signed ? 'terminated' : 'cancelled';
}

/** implementation milestone status (milestoneStatus.csv) of a contract milestone. */
export function milestoneStatus(
  s: 'PENDING' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED',
  overdue: boolean,
): 'scheduled' | 'met' | 'notMet' {
  if (s === 'ACCEPTED') return 'met';
  return overdue ? 'notMet' : 'scheduled';
}

export const EVALUATION_GRADE_NAMES: Readonly<Record<string, string>> = {
  EXCELLENT: '优秀',
  GOOD: '良好',
  PASS: '合格',
  FAIL: '不合格',
};
