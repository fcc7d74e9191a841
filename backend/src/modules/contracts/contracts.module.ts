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
import { ContractPaymentsController, PaymentRequestsController } from './http/payments.controller';
import { PaymentJobs } from './jobs/payment-jobs';
import { ContractHooks } from './services/contract-hooks';
import { FinalPaymentService } from './services/final-payment.service';
import { PaymentsService } from './services/payments.service';

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
  controllers: [ContractPaymentsController, PaymentRequestsController],
  providers: [ContractHooks, PaymentsService, FinalPaymentService, PaymentJobs],
  exports: [ContractHooks, PaymentsService, FinalPaymentService, PaymentJobs],
})
export class ContractsModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly payments: PaymentsService,
    @InjectQueue(QUEUES.CONTRACTS) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
    this.deadlines.registerSource(this.payments.source());
  }
}
