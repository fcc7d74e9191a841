import type { Role } from '../../../platform/access';

/** Need states (PRODUCT.md §3). */
export const NEED_STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'REJECTED',
  'MERGED',
  'SHORTLISTED',
  'APPROVED',
  'DECLINED',
  'IN_PROCUREMENT',
  'IN_SERVICE',
  'DELIVERED',
  'EVALUATED',
  'CLOSED',
] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** Who may cause a transition: a role, or the system (deadline jobs, later contexts). */
export type NeedActor = Role | 'SYSTEM';

export interface NeedTransition {
  from: NeedStatus;
  to: NeedStatus;
  by: readonly NeedActor[];
  /** What the transition means, for the timeline and the docs. */
  label: string;
}

/** The whole machine as data: every allowed transition and who may cause it. */
export const NEED_TRANSITIONS: readonly NeedTransition[] = [
  { from: 'SUBMITTED', to: 'ACCEPTED', by: ['COMMUNITY_WORKER'], label: '审核通过，开放支持' },
  { from: 'SUBMITTED', to: 'REJECTED', by: ['COMMUNITY_WORKER'], label: '审核未通过' },
  { from: 'SUBMITTED', to: 'MERGED', by: ['COMMUNITY_WORKER'], label: '合并到其他需求' },
  { from: 'ACCEPTED', to: 'MERGED', by: ['COMMUNITY_WORKER'], label: '合并到其他需求' },
  { from: 'ACCEPTED', to: 'SHORTLISTED', by: ['SYSTEM', 'COMMUNITY_WORKER'], label: '入围议事会' },
  { from: 'ACCEPTED', to: 'DECLINED', by: ['COMMUNITY_WORKER'], label: '议事会未通过' },
  { from: 'SHORTLISTED', to: 'APPROVED', by: ['COMMUNITY_WORKER'], label: '议事会通过' },
  { from: 'SHORTLISTED', to: 'DECLINED', by: ['COMMUNITY_WORKER'], label: '议事会未通过' },
  { from: 'APPROVED', to: 'IN_PROCUREMENT', by: ['PROCUREMENT_OFFICER', 'SYSTEM'], label: '纳入采购项目' },
  { from: 'IN_PROCUREMENT', to: 'APPROVED', by: ['PROCUREMENT_OFFICER', 'SYSTEM'], label: '采购项目取消，退回' },
  { from: 'IN_PROCUREMENT', to: 'IN_SERVICE', by: ['SYSTEM'], label: '服务开始' },
  { from: 'IN_SERVICE', to: 'APPROVED', by: ['SYSTEM'], label: '合同解除，退回' },
  { from: 'IN_SERVICE', to: 'DELIVERED', by: ['SYSTEM'], label: '服务交付' },
  { from: 'DELIVERED', to: 'EVALUATED', by: ['SYSTEM'], label: '完成评估' },
  { from: 'EVALUATED', to: 'CLOSED', by: ['SYSTEM'], label: '结项' },
];

export function findTransition(from: NeedStatus, to: NeedStatus): NeedTransition | undefined {
  return NEED_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Null when allowed; otherwise why not. */
export function checkTransition(from: NeedStatus, to: NeedStatus, actor: readonly NeedActor[]): string | null {
  const t = findTransition(from, to);
  if (!t) return `A need cannot go from ${from} to ${to}.`;
  if (!t.by.some((r) => actor.includes(r))) return `Only ${t.by.join(' or ')} may move a need from ${from} to ${to}.`;
  return null;
}

/** Statuses residents of the community can see on other people's needs. */
export const PUBLIC_NEED_STATUSES: readonly NeedStatus[] = [
  'ACCEPTED',
  'SHORTLISTED',
  'APPROVED',
  'DECLINED',
  'IN_PROCUREMENT',
  'IN_SERVICE',
  'DELIVERED',
  'EVALUATED',
  'CLOSED',
];

export const REJECT_REASONS = [
  'DUPLICATE',
  'OUT_OF_SCOPE',
  'INSUFFICIENT_INFO',
  'NOT_PUBLIC_SERVICE',
  'OTHER',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const DECISIONS = ['SHORTLISTED', 'APPROVED', 'DECLINED'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The path of transitions a deliberation decision takes from a need's current status. */
export function decisionPath(from: NeedStatus, decision: Decision): NeedStatus[] | null {
  if (decision === 'SHORTLISTED') return from === 'ACCEPTED' ? ['SHORTLISTED'] : null;
  if (decision === 'APPROVED')
    return from === 'ACCEPTED' ? ['SHORTLISTED', 'APPROVED'] : from === 'SHORTLISTED' ? ['APPROVED'] : null;
  return from === 'ACCEPTED' || from === 'SHORTLISTED' ? ['DECLINED'] : null;
}
