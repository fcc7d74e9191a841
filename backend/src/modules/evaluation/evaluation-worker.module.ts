import { Module } from '@nestjs/common';

import { EvaluationModule } from './evaluation.module';
import { EvaluationProcessor } from './jobs/evaluation.processor';

/** Worker process only: consumes the evaluation queue. */
@Module({
  imports: [EvaluationModule],
  providers: [EvaluationProcessor],
})
export class EvaluationWorkerModule {}
