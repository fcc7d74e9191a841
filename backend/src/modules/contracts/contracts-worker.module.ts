import { Module } from '@nestjs/common';

import { ContractsModule } from './contracts.module';
import { MilestoneJobsProcessor } from './jobs/milestone-jobs.processor';

/** Worker process only: consumes the contracts queue (signature, publication, milestone and payment deadlines). */
@Module({
  imports: [ContractsModule],
  providers: [MilestoneJobsProcessor],
})
export class ContractsWorkerModule {}
