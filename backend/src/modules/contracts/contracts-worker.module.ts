import { Module } from '@nestjs/common';

import { FundsModule } from '../funds';
import { ContractsModule } from './contracts.module';
import { CustodyProcessor } from './jobs/custody.processor';

/** Worker process only: consumes the contracts queue (signature, publication, milestone and payment deadlines). */
@Module({
  imports: [ContractsModule, FundsModule],
  providers: [CustodyProcessor],
})
export class ContractsWorkerModule {}
