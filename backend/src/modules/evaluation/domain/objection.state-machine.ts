import type { Transition } from './state-machines';

/**
 * 评估结果异议 (an objection of the evaluated organisation to a confirmed evaluation result, issue #11 item 5):
 * `FILED → UPHELD | DISMISSED`, decided by a procurement officer of the task's region. UPHELD sends the task back to
 * the evaluator (CONFIRMED → RETURNED, the objection as the comments); DISMISSED keeps the result, and publication
 * follows once the window has passed and no objection is still FILED. Named apart from procurement's
 * OBJECTION_STATUSES (质疑 of an award), which is another machine.
 */
export const EVALUATION_OBJECTION_STATUSES = ['FILED', 'UPHELD', 'DISMISSED'] as const;
export type EvaluationObjectionStatus = (typeof EVALUATION_OBJECTION_STATUSES)[number];

export const EVALUATION_OBJECTION_TRANSITIONS: readonly Transition<EvaluationObjectionStatus>[] = [
  { from: 'FILED', to: 'UPHELD', by: ['PROCUREMENT_OFFICER'], label: '异议成立，退回评估员重新评估' },
  { from: 'FILED', to: 'DISMISSED', by: ['PROCUREMENT_OFFICER'], label: '异议不成立，维持评估结果' },
];

/** Attachments of an objection: at most this many files, each at most 5 MB, PDF, PNG or JPEG by content. */
export const OBJECTION_MAX_FILES = 3;
export const OBJECTION_MAX_FILE_BYTES = 5 * 1024 * 1024;
