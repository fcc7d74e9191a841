import { addCalendarDays, addWorkingDays, endOfDayShanghai, shanghaiDate, WorkingDayCalendar } from '../../regions';
import type { TaskStatus } from './state-machines';

/**
 * Review, objection and publication of an evaluation result (issue #11 item 5), as pure rules.
 *
 * The objection window (异议期): the evaluated organisation may object for `workingDays` (5) working days after
 * the officer confirms the result. Its first day follows the deployment's convention for objection windows
 * (OBJECTION_WINDOW_START, PRODUCT.md §4, the one procurement's 质疑期 uses): the day after confirmation
 * (NEXT_DAY) or the second working day after it (SECOND_WORKING_DAY). The window ends at 24:00 Beijing time of
 * its last day (only working days are counted, so the last day is always one).
 */
export type ObjectionWindowStart = 'NEXT_DAY' | 'SECOND_WORKING_DAY';
export const DEFAULT_OBJECTION_WORKING_DAYS = 5;

export function objectionWindowDue(
  confirmedAt: Date,
  start: ObjectionWindowStart,
  workingDays: number,
  cal: WorkingDayCalendar,
): Date {
  const confirmed = shanghaiDate(confirmedAt);
  // the day before the window's first day: n working days counted from it (itself excluded) end the window
  const before = start === 'NEXT_DAY' ? confirmed : addCalendarDays(addWorkingDays(confirmed, 2, cal), -1);
  return endOfDayShanghai(addWorkingDays(before, workingDays, cal));
}

/** Calendar days the window can span at most (for reading the calendar's exceptions): generous. */
export function windowCalendarSpan(workingDays: number): number {
  return 2 * workingDays + 40;
}

/** What the window's job (or a dismissal) should do with a task now. */
export type WindowDecision =
  | { publish: true }
  | { dueInMs: number }
  /** Nothing to do (any more): the reason, for the job log. */
  | { done: 'NOT_CONFIRMED' | 'NO_WINDOW' | 'OBJECTION_OPEN' };

export interface WindowFacts {
  status: TaskStatus;
  objectionDueAt: Date | null;
  /** Objections of the task still FILED. */
  openObjections: number;
}

/**
 * A confirmed result is published when its window has passed (by the database clock) and no objection is still
 * open; while an objection is open the job does nothing — the officer's dismissal publishes at once if the window
 * has passed by then, and an upheld objection sends the task back to the evaluator.
 */
export function windowDecision(f: WindowFacts, now: Date): WindowDecision {
  if (f.status !== 'CONFIRMED') return { done: 'NOT_CONFIRMED' };
  if (f.objectionDueAt === null) return { done: 'NO_WINDOW' };
  const left = f.objectionDueAt.getTime() - now.getTime();
  if (left > 0) return { dueInMs: left };
  if (f.openObjections > 0) return { done: 'OBJECTION_OPEN' };
  return { publish: true };
}

/** Whether the organisation may still object: the task is CONFIRMED and the window has not ended (database clock). */
export function windowOpen(status: TaskStatus, objectionDueAt: Date | null, now: Date): boolean {
  return status === 'CONFIRMED' && objectionDueAt !== null && now.getTime() < objectionDueAt.getTime();
}

/** The reference of a task's result on the contract's final tranche (FinalPaymentService is idempotent on it). */
export function evaluationRef(taskId: number): string {
  return `evaluation_task/${taskId}`;
}
