import { EVALUATION_ENTITY_LIST } from './entities/evaluation.entities';
import { GRADING_ENTITY_LIST } from './entities/grading.entities';

export { EvaluationModule } from './evaluation.module';
export { EvaluationWorkerModule } from './evaluation-worker.module';
/** For the composition root's entity list only. */
export const EVALUATION_ENTITIES = [...EVALUATION_ENTITY_LIST, ...GRADING_ENTITY_LIST];
export { EvaluationJobs } from './services/evaluation-jobs';
