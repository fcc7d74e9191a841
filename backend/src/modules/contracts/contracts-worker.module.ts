import { Module } from '@nestjs/common';

import { ContractsModule } from './contracts.module';
import { CustodyProcessor } from './jobs/custody.processor';

/** Worker process only: consumes the contracts queue (signature, publication, milestone and payment deadlines). */
@Module({
  imports: [ContractsModule],
  providers: [CustodyProcessor],
})
export class ContractsWorkerModule {}
