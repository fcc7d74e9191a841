import { EVALUATION_ENTITY_LIST } from './entities/evaluation.entities';
import { EVALUATION_OBJECTION_ENTITY_LIST } from './entities/objections.entities';

export { EvaluationModule } from './evaluation.module';
export { EvaluationWorkerModule } from './evaluation-worker.module';
/** For the composition root's entity list only. */
export const EVALUATION_ENTITIES = [...EVALUATION_ENTITY_LIST, ...EVALUATION_OBJECTION_ENTITY_LIST];
export { EvaluationJobs } from './services/evaluation-jobs';
export { PublicationService } from './services/publication.service';
