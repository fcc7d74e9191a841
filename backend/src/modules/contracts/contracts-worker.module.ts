import { Module } from '@nestjs/common';

import { ContractsModule } from './contracts.module';

/** Worker process only: consumes the contracts queue (signature, publication, milestone and payment deadlines). */
@Module({
  imports: [ContractsModule],
  providers: [],
})
export class ContractsWorkerModule {}
