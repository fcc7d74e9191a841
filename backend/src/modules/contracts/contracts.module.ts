import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Deadlines, QUEUES } from '../../platform/queue';
import { FundsModule } from '../funds';
import { IdentityModule } from '../identity';
import { NeedsModule } from '../needs';
import { NotificationsModule } from '../notifications';
import { OrganisationsModule } from '../organisations';
import { ProcurementModule } from '../procurement';
import { RegionsModule } from '../regions';
import { ContractHooks } from './services/contract-hooks';
import { CustodyListeners } from './services/custody-listeners';

/**
 * 政府买单 (PRODUCT.md §5.8): contracts from the award, signatures, milestones and progress reports with evidence,
 * payment requests, change orders and termination. Money moves only through the funds ledger (commit, disburse,
 * release); deadlines (signature, publication, milestone, payment) are jobs on the CONTRACTS queue.
 */
@Module({
  imports: [
    RegionsModule,
    IdentityModule,
    NotificationsModule,
    OrganisationsModule,
    NeedsModule,
    FundsModule,
    ProcurementModule,
    BullModule.registerQueue({ name: QUEUES.CONTRACTS }),
  ],
  controllers: [],
  providers: [ContractHooks, CustodyListeners],
  exports: [ContractHooks],
})
export class ContractsModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    @InjectQueue(QUEUES.CONTRACTS) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
  }
}
