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
import { ChangeOrdersController } from './http/change-orders.controller';
import { ContractMilestonesController, MilestonesBoardController } from './http/milestones.controller';
import { ContractPaymentsController, PaymentRequestsController } from './http/payments.controller';
import { MilestoneClocks } from './jobs/milestone-clocks';
import { PaymentJobs } from './jobs/payment-jobs';
import { ChangeOrdersService } from './services/change-orders.service';
import { ContractHooks } from './services/contract-hooks';
import { CustodyListeners } from './services/custody-listeners';
import { EvidenceService } from './services/evidence.service';
import { FinalPaymentService } from './services/final-payment.service';
import { MilestonesService } from './services/milestones.service';
import { PaymentsService } from './services/payments.service';
import { ReportsService } from './services/reports.service';
import { TerminationService } from './services/termination.service';

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
  controllers: [
    // change orders and termination
    ChangeOrdersController,
    // milestones and evidence
    ContractMilestonesController,
    MilestonesBoardController,
    // payments
    ContractPaymentsController,
    PaymentRequestsController,
  ],
  providers: [
    ContractHooks,
    // change orders and termination
    ChangeOrdersService,
    TerminationService,
    // milestones and evidence
    MilestonesService,
    ReportsService,
    EvidenceService,
    MilestoneClocks,
    // payments
    PaymentsService,
    FinalPaymentService,
    PaymentJobs,
    // deposits and bonds (the custody ledger is the funds context's)
    CustodyListeners,
  ],
  exports: [ContractHooks, TerminationService, MilestoneClocks, PaymentsService, FinalPaymentService, PaymentJobs],
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
