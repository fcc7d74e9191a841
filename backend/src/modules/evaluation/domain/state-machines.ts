import { checkTransition, MachineActor, Transition } from '../../procurement';

export type { MachineActor, Transition };
export { checkTransition };

/**
 * The 验单 state machines (PRODUCT.md §3), each one table of allowed transitions with who may cause them
 * (`SYSTEM` is a deadline job or a rule the application applies itself). Services move a record only through
 * `checkTransition` on these tables; an illegal move is a 409.
 *
 * Evaluation task 评估任务: `ASSIGNED → IN_PROGRESS → SUBMITTED → CONFIRMED → PUBLISHED`, or `RETURNED` to the
 * evaluator with comments (by the officer, or when an objection is upheld). Two states the spec leaves implicit:
 * `OPEN` (待分派: created for a contract, by its job, before an agency is assigned) and `CANCELLED` (the contract
 * was terminated before the evaluation ended).
 */
export const TASK_STATUSES = [
  'OPEN',
  'ASSIGNED',
  'IN_PROGRESS',
  'SUBMITTED',
  'RETURNED',
  'CONFIRMED',
  'PUBLISHED',
  'CANCELLED',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_TRANSITIONS: readonly Transition<TaskStatus>[] = [
  { from: 'OPEN', to: 'ASSIGNED', by: ['PROCUREMENT_OFFICER'], label: '分派评估机构和评估员' },
  { from: 'ASSIGNED', to: 'IN_PROGRESS', by: ['EVALUATOR'], label: '开始评估' },
  { from: 'IN_PROGRESS', to: 'SUBMITTED', by: ['EVALUATOR'], label: '提交评估结果' },
  { from: 'RETURNED', to: 'IN_PROGRESS', by: ['EVALUATOR'], label: '按意见修改' },
  { from: 'SUBMITTED', to: 'CONFIRMED', by: ['PROCUREMENT_OFFICER'], label: '确认评估结果' },
  { from: 'SUBMITTED', to: 'RETURNED', by: ['PROCUREMENT_OFFICER'], label: '退回评估员' },
  // an objection upheld sends the result back to the evaluator
  { from: 'CONFIRMED', to: 'RETURNED', by: ['PROCUREMENT_OFFICER'], label: '异议成立，退回评估员' },
  // the objection window passed with no objection open, or every objection was dismissed
  { from: 'CONFIRMED', to: 'PUBLISHED', by: ['SYSTEM', 'PROCUREMENT_OFFICER'], label: '公布评估结果' },
  { from: 'OPEN', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER', 'SYSTEM'], label: '合同终止，取消评估' },
  { from: 'ASSIGNED', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER', 'SYSTEM'], label: '合同终止，取消评估' },
  { from: 'IN_PROGRESS', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER', 'SYSTEM'], label: '合同终止，取消评估' },
  { from: 'RETURNED', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER', 'SYSTEM'], label: '合同终止，取消评估' },
];

/** Statuses in which the evaluator may still change scores and evidence. */
export const SCORING_STATUSES: readonly TaskStatus[] = ['ASSIGNED', 'IN_PROGRESS', 'RETURNED'];

/** Task kinds: the final evaluation of every contract, and the mid-term one of a sampled contract. */
export const TASK_KINDS = ['FINAL', 'MID_TERM'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Template purposes: a project's evaluation (100 points) or an organisation's grade assessment (1,000 points). */
export const TEMPLATE_PURPOSES = ['PROJECT', 'ORGANISATION_GRADE'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

/** Template lifecycle: a DRAFT is edited; ACTIVE can be used (and is frozen once a task uses it); RETIRED is not offered. */
export const TEMPLATE_STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
