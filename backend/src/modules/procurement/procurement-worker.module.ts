import { Module } from '@nestjs/common';

import { ProcurementProcessor } from './jobs/procurement.processor';
import { ProcurementModule } from './procurement.module';

/** Worker process only: consumes the procurement queue (bid deadline, award reminder, objection window). */
@Module({
  imports: [ProcurementModule],
  providers: [ProcurementProcessor],
})
export class ProcurementWorkerModule {}
