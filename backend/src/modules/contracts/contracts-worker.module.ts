import { Module } from '@nestjs/common';

import { ContractsModule } from './contracts.module';
import { ContractsProcessor } from './jobs/contracts.processor';

/** Worker process only: consumes the contracts queue (signature, publication, milestone and payment deadlines). */
@Module({
  imports: [ContractsModule],
  providers: [ContractsProcessor],
})
export class ContractsWorkerModule {}
