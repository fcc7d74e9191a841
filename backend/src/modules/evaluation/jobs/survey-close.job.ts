import { DeadlineJob, deadlineJobId, QUEUES } from '../../../platform/queue';

/**
 * A survey closes at its closing instant (24:00 Beijing of its closing date): one job on the EVALUATION queue per
 * open survey, set when it opens and rebuilt by the reconciler from the open surveys. The handler only asks the
 * database (with its clock) whether the survey is due: early → delayed again; already closed → nothing.
 */
export const SURVEY_CLOSE_JOB = 'survey.close';

export interface SurveyCloseJobPayload {
  surveyId: number;
}

export function surveyCloseJob(s: { id: number; closesAt: Date }): DeadlineJob<SurveyCloseJobPayload> {
  return {
    queue: QUEUES.EVALUATION,
    name: SURVEY_CLOSE_JOB,
    jobId: deadlineJobId('survey-close', s.id, s.closesAt.getTime()),
    payload: { surveyId: s.id },
    runAt: s.closesAt,
  };
}
