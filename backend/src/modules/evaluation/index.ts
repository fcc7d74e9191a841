import { EVALUATION_ENTITY_LIST } from './entities/evaluation.entities';
import { SCORING_ENTITY_LIST } from './entities/evidence.entities';
import { GRADING_ENTITY_LIST } from './entities/grading.entities';
import { EVALUATION_OBJECTION_ENTITY_LIST } from './entities/objections.entities';
import { TASKS_ENTITY_LIST } from './entities/tasks.entities';

export { EvaluationModule } from './evaluation.module';
export { EvaluationWorkerModule } from './evaluation-worker.module';
/** For the composition root's entity list only. */
export const EVALUATION_ENTITIES = [
  ...EVALUATION_ENTITY_LIST,
  ...TASKS_ENTITY_LIST,
  ...SCORING_ENTITY_LIST,
  ...EVALUATION_OBJECTION_ENTITY_LIST,
  ...GRADING_ENTITY_LIST,
];
export { EvaluationJobs } from './services/evaluation-jobs';
export { SurveysService } from './services/surveys.service';
export { SurveyFiguresService } from './services/survey-figures.service';
export type { SurveyFigures, SurveyReport } from './services/survey-figures.service';
export { SURVEY_CLOSE_JOB } from './jobs/survey-close.job';
export { PublicationService } from './services/publication.service';
