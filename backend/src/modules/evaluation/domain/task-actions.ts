import { checkTransition, SCORING_STATUSES, TASK_TRANSITIONS, TaskStatus } from './state-machines';

/**
 * What the reader of a task may do with it now: the `actions` of the task detail (GET /api/v1/evaluation/tasks/:id),
 * which the pages show as buttons. Read from TASK_TRANSITIONS and the reader's relation to the task, so that a
 * button is offered exactly when the move would be accepted; the service that performs a move checks again.
 */
export interface TaskRelation {
  /** A procurement officer whose region subtree holds the task. */
  officer: boolean;
  /** The evaluator the task is assigned to. */
  evaluator: boolean;
  /** A member (ORG_MEMBER) of the evaluated organisation. */
  organisation: boolean;
}

export interface TaskActions {
  /** OPEN → ASSIGNED: choose an agency and one of its evaluators (the officer). */
  assign: boolean;
  /** ASSIGNED, not yet started: another agency or evaluator (the officer; audited). */
  reassign: boolean;
  /** ASSIGNED or RETURNED → IN_PROGRESS (the evaluator). */
  start: boolean;
  /** Scores and evidence may still change (the evaluator, SCORING_STATUSES). */
  score: boolean;
  /** IN_PROGRESS → SUBMITTED (the evaluator). */
  submit: boolean;
  /** SUBMITTED → CONFIRMED (the officer). */
  confirm: boolean;
  /** SUBMITTED → RETURNED with comments (the officer). */
  return: boolean;
  /** CONFIRMED → PUBLISHED once the objection window has passed (the officer; the job does it too). */
  publish: boolean;
  /** A member of the evaluated organisation objects to a CONFIRMED result while the window is open. */
  object: boolean;
}

export interface TaskFacts {
  status: TaskStatus;
  objectionDueAt: Date | null;
}

export function taskActions(task: TaskFacts, rel: TaskRelation, now: Date): TaskActions {
  const can = (to: TaskStatus, role: 'PROCUREMENT_OFFICER' | 'EVALUATOR', holds: boolean) =>
    holds && checkTransition(TASK_TRANSITIONS, 'task', task.status, to, [role]) === null;
  const windowOpen = task.objectionDueAt !== null && now.getTime() < task.objectionDueAt.getTime();
  return {
    assign: can('ASSIGNED', 'PROCUREMENT_OFFICER', rel.officer),
    reassign: rel.officer && task.status === 'ASSIGNED',
    start: can('IN_PROGRESS', 'EVALUATOR', rel.evaluator),
    score: rel.evaluator && SCORING_STATUSES.includes(task.status),
    submit: can('SUBMITTED', 'EVALUATOR', rel.evaluator),
    confirm: can('CONFIRMED', 'PROCUREMENT_OFFICER', rel.officer),
    return: rel.officer && task.status === 'SUBMITTED',
    publish: can('PUBLISHED', 'PROCUREMENT_OFFICER', rel.officer) && !windowOpen,
    object: rel.organisation && task.status === 'CONFIRMED' && windowOpen,
  };
}
