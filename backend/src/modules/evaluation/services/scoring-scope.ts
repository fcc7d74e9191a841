import { Actor } from '../../../platform/access';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { SCORING_STATUSES } from '../domain/state-machines';
import type { TaskView } from '../dto/tasks.dto';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { taskViewOf } from './tasks.service';

/**
 * The scope of the scoring routes: reading (the scoresheet, evidence, the report) follows the one task scope rule
 * (`taskViewOf`: staff of the task's region subtree, its evaluator, the evaluated organisation once the result is
 * CONFIRMED or PUBLISHED); writing (scores, evidence, submission) is the task's evaluator's only. Outside scope a task
 * answers 404, exactly as a missing one.
 */
export type ScoringViewer = TaskView;

/** Who the actor is for this task, or null when the task is outside their scope. */
export function scoringTaskReadable(actor: Actor, task: EvaluationTaskEntity): ScoringViewer | null {
  return taskViewOf(actor, task);
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
