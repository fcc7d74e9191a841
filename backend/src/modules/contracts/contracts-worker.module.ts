import { Module } from '@nestjs/common';

import { FundsModule } from '../funds';
import { ContractsModule } from './contracts.module';
import { ContractsProcessor } from './jobs/contracts.processor';

/** Worker process only: consumes the contracts queue (signature, publication, milestone, payment and custody deadlines). */
@Module({
  // FundsModule: the custody jobs' handler (deposit refunds due) lives in the funds context
  imports: [ContractsModule, FundsModule],
  providers: [ContractsProcessor],
})
export class ContractsWorkerModule {}
