import { DeadlineJob, deadlineJobId, QUEUES } from '../../../platform/queue';

/**
 * The objection window's deadline on the EVALUATION queue: at its end (24:00 Beijing time of the fifth working day
 * after confirmation) the job asks the database whether the result can be published (PublicationService.windowTick).
 * A window reopened after an upheld objection and a new confirmation has another end, hence another job id.
 */
export const OBJECTION_WINDOW_JOB = 'evaluation-objection-window';

export interface ObjectionWindowPayload {
  taskId: number;
}

export function objectionWindowJob(taskId: number, dueAt: Date): DeadlineJob<ObjectionWindowPayload> {
  return {
    queue: QUEUES.EVALUATION,
    name: OBJECTION_WINDOW_JOB,
    jobId: deadlineJobId(OBJECTION_WINDOW_JOB, taskId, dueAt.getTime()),
    payload: { taskId },
    runAt: dueAt,
  };
}
