import { DeadlineJob, deadlineJobId, QUEUES } from '../../../platform/queue';

/**
 * The procurement deadlines, each a BullMQ job that only triggers a transition the database decides:
 * the bid deadline (close + open), the award-confirmation reminder, the end of the objection window.
 */
export const TENDER_DEADLINE_JOB = 'tender-deadline';
export const AWARD_REMINDER_JOB = 'award-confirmation-reminder';
export const OBJECTION_WINDOW_JOB = 'objection-window-close';
export type ProcurementJobName = typeof TENDER_DEADLINE_JOB | typeof AWARD_REMINDER_JOB | typeof OBJECTION_WINDOW_JOB;
/** One working day's notice before an objection's answer is due (7 working days after filing). */
export const OBJECTION_ANSWER_REMINDER_JOB = 'objection-answer-reminder';
export const OBJECTION_REMINDER_LEAD_MS = 86_400_000;

export interface ObjectionJobPayload {
  objectionId: number;
}

export function objectionReminderJob(objectionId: number, answerDueAt: Date): DeadlineJob<ObjectionJobPayload> {
  const runAt = new Date(answerDueAt.getTime() - OBJECTION_REMINDER_LEAD_MS);
  return {
    queue: QUEUES.PROCUREMENT,
    name: OBJECTION_ANSWER_REMINDER_JOB,
    jobId: deadlineJobId(OBJECTION_ANSWER_REMINDER_JOB, objectionId, runAt.getTime()),
    payload: { objectionId },
    runAt,
  };
}

export interface TenderJobPayload {
  tenderId: number;
}

export function tenderJob(name: ProcurementJobName, tenderId: number, runAt: Date): DeadlineJob<TenderJobPayload> {
  return {
    queue: QUEUES.PROCUREMENT,
    name,
    jobId: deadlineJobId(name, tenderId, runAt.getTime()),
    payload: { tenderId },
    runAt,
  };
}

export type TickResult = { result: string } | { result: 'NOT_DUE'; dueInMs: number };
