import { Actor, inRegionScope } from '../../../platform/access';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { SCORING_STATUSES, TaskStatus } from '../domain/state-machines';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';

/**
 * SCOPE OF THE SCORING ROUTES — a stand-in for the shared task scope of the tasks part of issue #11: at the merge,
 * `scoringTaskReadable` / `scoringTaskWritable` are swapped for the shared check (same rules). Outside scope a task
 * answers 404, exactly as a missing one.
 *
 * - read (the scoresheet, evidence, the report): staff of a region office holding EVALUATION_READ (procurement and
 *   finance officers, auditors) whose region subtree holds the task; the task's evaluator; members of the evaluated
 *   organisation once the result is CONFIRMED or PUBLISHED;
 * - write (scores, evidence, submission): the task's evaluator only.
 */
const STAFF_ROLES = ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER', 'AUDITOR'] as const;
/** The evaluated organisation sees its result from confirmation on. */
export const ORGANISATION_SEES: readonly TaskStatus[] = ['CONFIRMED', 'PUBLISHED'];

export type ScoringViewer = 'STAFF' | 'EVALUATOR' | 'ORGANISATION';

/** Who the actor is for this task, or null when the task is outside their scope. */
export function scoringTaskReadable(actor: Actor, task: EvaluationTaskEntity): ScoringViewer | null {
  if (actor.roles.includes('EVALUATOR') && task.evaluatorId !== null && task.evaluatorId === actor.userId)
    return 'EVALUATOR';
  if (STAFF_ROLES.some((r) => actor.roles.includes(r)) && inRegionScope(actor, task.regionPath)) return 'STAFF';
  if (
    actor.roles.includes('ORG_MEMBER') &&
    actor.organisationId !== null &&
    actor.organisationId === task.organisationId &&
    ORGANISATION_SEES.includes(task.status)
  )
    return 'ORGANISATION';
  return null;
}

/** Only the task's evaluator scores it and adds evidence. */
export function scoringTaskWritable(actor: Actor, task: EvaluationTaskEntity): boolean {
  return actor.roles.includes('EVALUATOR') && task.evaluatorId !== null && task.evaluatorId === actor.userId;
}

export function taskNotFound(id: number): EvaluationError {
  return new EvaluationError(EvaluationErrorCode.TASK_NOT_FOUND, `Evaluation task ${id} not found.`);
}

/** Scores and evidence change only while the task is ASSIGNED, IN_PROGRESS or RETURNED (409 otherwise). */
export function assertScoring(task: EvaluationTaskEntity): void {
  if (!SCORING_STATUSES.includes(task.status))
    throw new EvaluationError(
      EvaluationErrorCode.TASK_ILLEGAL_TRANSITION,
      `Scores and evidence change while the task is assigned, in progress or returned (it is ${task.status}).`,
      { from: task.status },
    );
}
