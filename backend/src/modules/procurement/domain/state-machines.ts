import type { Role } from '../../../platform/access';

/**
 * The procurement state machines of PRODUCT.md §3, each one table of allowed transitions with who
 * may cause them. `SYSTEM` is a deadline job or a rule applied by the application itself.
 */
export type MachineActor = Role | 'SYSTEM';

export interface Transition<S extends string> {
  from: S;
  to: S;
  by: readonly MachineActor[];
  label: string;
}

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

export const PROJECT_TRANSITIONS: readonly Transition<ProjectStatus>[] = [
  { from: 'DRAFT', to: 'SUBMITTED', by: ['PROCUREMENT_OFFICER'], label: '提交审批' },
  { from: 'SUBMITTED', to: 'DRAFT', by: ['FINANCE_OFFICER'], label: '退回修改' },
  { from: 'SUBMITTED', to: 'APPROVED', by: ['FINANCE_OFFICER'], label: '审批通过，预留预算' },
  { from: 'APPROVED', to: 'TENDERING', by: ['PROCUREMENT_OFFICER', 'SYSTEM'], label: '发布采购公告' },
  { from: 'TENDERING', to: 'APPROVED', by: ['SYSTEM'], label: '采购失败或取消，可重新采购' },
  { from: 'TENDERING', to: 'AWARDED', by: ['SYSTEM'], label: '确定成交供应商' },
  { from: 'AWARDED', to: 'CONTRACTED', by: ['SYSTEM'], label: '签订合同' },
  { from: 'CONTRACTED', to: 'IN_PROGRESS', by: ['SYSTEM'], label: '服务实施' },
  { from: 'IN_PROGRESS', to: 'COMPLETED', by: ['SYSTEM'], label: '服务完成' },
  { from: 'COMPLETED', to: 'EVALUATED', by: ['SYSTEM'], label: '完成评估' },
  { from: 'EVALUATED', to: 'CLOSED', by: ['SYSTEM'], label: '结项' },
  { from: 'DRAFT', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER'], label: '取消项目' },
  { from: 'SUBMITTED', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER'], label: '取消项目' },
  { from: 'APPROVED', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER'], label: '取消项目，释放预算' },
  // 政府买单 (issue #10): a contract the winner never signs sends the project back for another procurement (its
  // reservation stays); a terminated contract ends its project (what was not paid is released by the contract).
  { from: 'AWARDED', to: 'APPROVED', by: ['SYSTEM'], label: '中标人未签订合同，重新采购' },
  { from: 'CONTRACTED', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER'], label: '合同终止，项目取消' },
  { from: 'IN_PROGRESS', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER'], label: '合同终止，项目取消' },
];

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

export const TENDER_TRANSITIONS: readonly Transition<TenderStatus>[] = [
  { from: 'DRAFT', to: 'PUBLISHED', by: ['PROCUREMENT_OFFICER'], label: '发布采购公告' },
  { from: 'PUBLISHED', to: 'CLOSED', by: ['SYSTEM'], label: '投标截止' },
  { from: 'CLOSED', to: 'OPENED', by: ['SYSTEM'], label: '开标' },
  { from: 'OPENED', to: 'FAILED', by: ['SYSTEM', 'PROCUREMENT_OFFICER'], label: '有效投标不足，流标' },
  { from: 'OPENED', to: 'EVALUATING', by: ['PROCUREMENT_OFFICER'], label: '资格审查完成，组建评标委员会' },
  { from: 'EVALUATING', to: 'RECOMMENDED', by: ['SYSTEM'], label: '评标完成，提交评标报告' },
  { from: 'EVALUATING', to: 'FAILED', by: ['SYSTEM'], label: '有效投标不足，流标' },
  { from: 'RECOMMENDED', to: 'AWARD_NOTICE', by: ['PROCUREMENT_OFFICER'], label: '确认中标人并发布中标公告' },
  { from: 'AWARD_NOTICE', to: 'AWARDED', by: ['SYSTEM', 'PROCUREMENT_OFFICER'], label: '质疑期届满或质疑处理完毕' },
  { from: 'AWARD_NOTICE', to: 'EVALUATING', by: ['PROCUREMENT_OFFICER'], label: '质疑成立，重新评审' },
  { from: 'AWARD_NOTICE', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER'], label: '质疑成立，废标重新采购' },
  { from: 'DRAFT', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER'], label: '取消' },
  { from: 'PUBLISHED', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER'], label: '终止采购' },
];

export const BID_STATUSES = [
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

export const BID_TRANSITIONS: readonly Transition<BidStatus>[] = [
  { from: 'SUBMITTED', to: 'WITHDRAWN', by: ['ORG_MEMBER'], label: '撤回投标' },
  { from: 'SUBMITTED', to: 'REPLACED', by: ['ORG_MEMBER'], label: '修改投标（新版本替代）' },
  { from: 'SUBMITTED', to: 'OPENED', by: ['SYSTEM'], label: '开标' },
  { from: 'SUBMITTED', to: 'DISQUALIFIED', by: ['SYSTEM'], label: '截止前未重新确认' },
  { from: 'OPENED', to: 'QUALIFIED', by: ['PROCUREMENT_OFFICER'], label: '资格审查通过' },
  { from: 'OPENED', to: 'DISQUALIFIED', by: ['PROCUREMENT_OFFICER'], label: '资格审查未通过' },
  { from: 'QUALIFIED', to: 'SCORED', by: ['SYSTEM'], label: '评审打分完成' },
  { from: 'SCORED', to: 'QUALIFIED', by: ['SYSTEM'], label: '质疑成立，重新评审' },
  { from: 'SCORED', to: 'WINNER', by: ['SYSTEM'], label: '中标' },
  { from: 'SCORED', to: 'NOT_AWARDED', by: ['SYSTEM'], label: '未中标' },
  { from: 'QUALIFIED', to: 'NOT_AWARDED', by: ['SYSTEM'], label: '未中标' },
  { from: 'OPENED', to: 'NOT_AWARDED', by: ['SYSTEM'], label: '流标或废标' },
];

export const OBJECTION_STATUSES = ['FILED', 'UNDER_REVIEW', 'UPHELD', 'DISMISSED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const OBJECTION_TRANSITIONS: readonly Transition<ObjectionStatus>[] = [
  { from: 'FILED', to: 'UNDER_REVIEW', by: ['PROCUREMENT_OFFICER'], label: '受理质疑' },
  { from: 'UNDER_REVIEW', to: 'UPHELD', by: ['PROCUREMENT_OFFICER'], label: '质疑成立' },
  { from: 'UNDER_REVIEW', to: 'DISMISSED', by: ['PROCUREMENT_OFFICER'], label: '质疑不成立' },
];

/** Null when allowed; otherwise why not. */
export function checkTransition<S extends string>(
  table: readonly Transition<S>[],
  what: string,
  from: S,
  to: S,
  as: readonly MachineActor[],
): string | null {
  const t = table.find((x) => x.from === from && x.to === to);
  if (!t) return `A ${what} cannot go from ${from} to ${to}.`;
  if (!t.by.some((r) => as.includes(r))) return `Only ${t.by.join(' or ')} may move a ${what} from ${from} to ${to}.`;
  return null;
}

/** Bid statuses that are still "live" before opening (one per organisation and tender). */
export const SEALED_BID_STATUSES: readonly BidStatus[] = ['SUBMITTED'];
/** Tender statuses in which bids are still sealed. */
export const SEALED_TENDER_STATUSES: readonly TenderStatus[] = ['DRAFT', 'PUBLISHED', 'CLOSED'];
export function bidsAreSealed(status: TenderStatus): boolean {
  return SEALED_TENDER_STATUSES.includes(status);
}
