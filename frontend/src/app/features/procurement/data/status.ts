import type { BidStatus, ObjectionStatus, ProjectStatus, TenderStatus } from './procurement.types';

/** The four procurement life cycles (PRODUCT.md §3), each with its labels (`projectStatus.` …) and colours. */
export type ProcStatusKind = 'project' | 'tender' | 'bid' | 'objection';

const PROJECT: Readonly<Record<ProjectStatus, string>> = {
  DRAFT: 'default',
  SUBMITTED: 'orange',
  APPROVED: 'green',
  TENDERING: 'blue',
  AWARDED: 'cyan',
  CONTRACTED: 'geekblue',
  IN_PROGRESS: 'purple',
  COMPLETED: 'lime',
  EVALUATED: 'gold',
  CLOSED: 'default',
  CANCELLED: 'red',
};

const TENDER: Readonly<Record<TenderStatus, string>> = {
  DRAFT: 'default',
  PUBLISHED: 'blue',
  CLOSED: 'orange',
  OPENED: 'cyan',
  EVALUATING: 'purple',
  RECOMMENDED: 'geekblue',
  AWARD_NOTICE: 'gold',
  AWARDED: 'green',
  FAILED: 'volcano',
  CANCELLED: 'red',
};

const BID: Readonly<Record<BidStatus, string>> = {
  DRAFT: 'default',
  SUBMITTED: 'blue',
  WITHDRAWN: 'default',
  REPLACED: 'default',
  OPENED: 'cyan',
  QUALIFIED: 'green',
  DISQUALIFIED: 'red',
  SCORED: 'purple',
  WINNER: 'gold',
  NOT_AWARDED: 'default',
};

const OBJECTION: Readonly<Record<ObjectionStatus, string>> = {
  FILED: 'orange',
  UNDER_REVIEW: 'blue',
  UPHELD: 'red',
  DISMISSED: 'default',
};

const COLORS: Readonly<Record<ProcStatusKind, Readonly<Record<string, string>>>> = {
  project: PROJECT,
  tender: TENDER,
  bid: BID,
  objection: OBJECTION,
};

export const STATUS_PREFIXES: Readonly<Record<ProcStatusKind, string>> = {
  project: 'projectStatus.',
  tender: 'tenderStatus.',
  bid: 'bidStatus.',
  objection: 'objectionStatus.',
};

export function procStatusColor(kind: ProcStatusKind, status: string | null | undefined): string {
  if (!status) return 'default';
  const colors = COLORS[kind];
  return Object.prototype.hasOwnProperty.call(colors, status) ? colors[status] : 'default';
}
