import { checkTransition, MachineActor, Transition } from '../../procurement';

export type { MachineActor, Transition };
export { checkTransition };

/**
 * The 买单 state machines of PRODUCT.md §3, each one table of allowed transitions with who may cause them
 * (`SYSTEM` is a deadline job or a rule the application applies itself). Services move a record only through
 * `checkTransition` on these tables; an illegal move is a 409 (ContractsErrorCode.*_ILLEGAL_TRANSITION).
 */

/**
 * Contract 合同: a DRAFT made from the award, edited by the officer within the rules, SIGNED once both parties
 * have signed (the content frozen and hashed, the budget committed), ACTIVE once published (合同公告), COMPLETED
 * when its last payment is settled, or TERMINATED (by agreement or for breach; a draft the winner never signs is
 * terminated too).
 */
export const CONTRACT_STATUSES = ['DRAFT', 'SIGNED', 'ACTIVE', 'COMPLETED', 'TERMINATED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_TRANSITIONS: readonly Transition<ContractStatus>[] = [
  { from: 'DRAFT', to: 'SIGNED', by: ['PROCUREMENT_OFFICER', 'ORG_MEMBER'], label: '双方签订合同，预算转为承诺' },
  { from: 'SIGNED', to: 'ACTIVE', by: ['PROCUREMENT_OFFICER', 'SYSTEM'], label: '公告合同，开始履约' },
  { from: 'ACTIVE', to: 'COMPLETED', by: ['SYSTEM'], label: '履约完毕，款项结清' },
  { from: 'DRAFT', to: 'TERMINATED', by: ['PROCUREMENT_OFFICER'], label: '中标人未签订合同' },
  { from: 'SIGNED', to: 'TERMINATED', by: ['PROCUREMENT_OFFICER'], label: '终止合同' },
  { from: 'ACTIVE', to: 'TERMINATED', by: ['PROCUREMENT_OFFICER'], label: '终止合同' },
];

/** Milestone 里程碑: a progress report with evidence is submitted, then accepted or returned (and resubmitted). */
export const MILESTONE_STATUSES = ['PENDING', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const MILESTONE_TRANSITIONS: readonly Transition<MilestoneStatus>[] = [
  { from: 'PENDING', to: 'SUBMITTED', by: ['ORG_MEMBER'], label: '提交进度报告' },
  { from: 'RETURNED', to: 'SUBMITTED', by: ['ORG_MEMBER'], label: '重新提交进度报告' },
  { from: 'SUBMITTED', to: 'ACCEPTED', by: ['PROCUREMENT_OFFICER'], label: '验收通过' },
  { from: 'SUBMITTED', to: 'RETURNED', by: ['PROCUREMENT_OFFICER'], label: '退回修改' },
];

/**
 * Payment request 付款申请: the supplier requests a tranche of an accepted milestone, the officer approves, finance
 * pays (never the same person). The final tranche is HELD until the evaluation result: then it is requested for
 * what the score allows, or WITHHELD (score below 60) and released back to the budget line.
 */
export const PAYMENT_STATUSES = ['REQUESTED', 'APPROVED', 'PAID', 'REJECTED', 'HELD', 'WITHHELD'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_TRANSITIONS: readonly Transition<PaymentStatus>[] = [
  { from: 'REQUESTED', to: 'APPROVED', by: ['PROCUREMENT_OFFICER'], label: '审核同意付款' },
  { from: 'REQUESTED', to: 'REJECTED', by: ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER'], label: '退回付款申请' },
  { from: 'APPROVED', to: 'PAID', by: ['FINANCE_OFFICER'], label: '支付' },
  { from: 'APPROVED', to: 'REJECTED', by: ['FINANCE_OFFICER'], label: '退回付款申请' },
  { from: 'HELD', to: 'REQUESTED', by: ['SYSTEM'], label: '评估结果到达，尾款按等级支付' },
  { from: 'HELD', to: 'WITHHELD', by: ['SYSTEM'], label: '评估不合格，尾款不予支付' },
];

/** Change order 补充合同: proposed by the officer, approved by finance (two people), or rejected. */
export const CHANGE_ORDER_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;
export type ChangeOrderStatus = (typeof CHANGE_ORDER_STATUSES)[number];

export const CHANGE_ORDER_TRANSITIONS: readonly Transition<ChangeOrderStatus>[] = [
  { from: 'PROPOSED', to: 'APPROVED', by: ['FINANCE_OFFICER'], label: '批准补充合同，追加承诺' },
  { from: 'PROPOSED', to: 'REJECTED', by: ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER'], label: '驳回补充合同' },
];

/** Contract statuses in which delivery goes on (reports, acceptance, payments, change orders). */
export const LIVE_CONTRACT_STATUSES: readonly ContractStatus[] = ['SIGNED', 'ACTIVE'];
