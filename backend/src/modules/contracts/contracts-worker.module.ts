import { Module } from '@nestjs/common';

import { ContractsProcessor } from './jobs/contracts.processor';
import { ContractsModule } from './contracts.module';

/** Worker process only: consumes the contracts queue (signature, publication, milestone and payment deadlines). */
@Module({
  imports: [ContractsModule],
  providers: [ContractsProcessor],
})
export class ContractsWorkerModule {}
