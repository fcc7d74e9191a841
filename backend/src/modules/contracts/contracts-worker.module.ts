import { Module } from '@nestjs/common';

import { ContractsModule } from './contracts.module';
import { PaymentProcessor } from './jobs/payment-processor';

/** Worker process only: consumes the contracts queue (signature, publication, milestone and payment deadlines). */
@Module({
  imports: [ContractsModule],
  providers: [PaymentProcessor],
})
export class ContractsWorkerModule {}
