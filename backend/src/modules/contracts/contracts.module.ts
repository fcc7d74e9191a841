import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Deadlines, QUEUES } from '../../platform/queue';
import { CUSTODY_REFUND_DUE_JOB, CustodyJobs, FundsModule } from '../funds';
import { IdentityModule } from '../identity';
import { NeedsModule } from '../needs';
import { NotificationsModule } from '../notifications';
import { OrganisationsModule } from '../organisations';
import { AwardHooks, ProcurementModule } from '../procurement';
import { RegionsModule } from '../regions';
import { ChangeOrdersController } from './http/change-orders.controller';
import {
  ContractsController,
  ContractSignatoriesController,
  PublicContractNoticeController,
} from './http/contracts.controller';
import { ContractMilestonesController, MilestonesBoardController } from './http/milestones.controller';
import { ContractPaymentsController, PaymentRequestsController } from './http/payments.controller';
import {
  MILESTONE_DUE_JOB,
  MILESTONE_REMINDER_JOB,
  MilestoneClocks,
  MilestoneJobPayload,
} from './jobs/milestone-clocks';
import { PaymentJobs } from './jobs/payment-jobs';
import { ChangeOrdersService } from './services/change-orders.service';
import {
  ContractJobPayload,
  PUBLICATION_DUE_JOB,
  SIGNATURE_DUE_JOB,
  SIGNATURE_REMINDER_JOB,
} from './services/contract-deadlines';
import { ContractExportService } from './services/contract-export.service';
import { ContractHooks } from './services/contract-hooks';
import { ContractJobs } from './services/contract-jobs';
import { ContractPdfService } from './services/contract-pdf.service';
import { ContractsService } from './services/contracts.service';
import { CustodyListeners } from './services/custody-listeners';
import { EvidenceService } from './services/evidence.service';
import { FinalPaymentService } from './services/final-payment.service';
import { MilestonesService } from './services/milestones.service';
import { NeedListeners } from './services/need-listeners';
import { OpenDataListeners } from './services/open-data-listeners';
import { PaymentsOnTermination } from './services/payments-on-termination';
import { PAYMENT_DUE_JOB, PaymentsService } from './services/payments.service';
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
    // the contract: draft, signatures, publication, PDF, signing rights, the public notice
    ContractsController,
    ContractSignatoriesController,
    PublicContractNoticeController,
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
    ContractJobs,
    // the contract
    ContractsService,
    ContractPdfService,
    ContractExportService,
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
    PaymentsOnTermination,
    // deposits and bonds (the custody ledger is the funds context's)
    CustodyListeners,
    // the residents' needs follow the contract
    NeedListeners,
    OpenDataListeners,
  ],
  exports: [
    ContractHooks,
    ContractJobs,
    ContractsService,
    TerminationService,
    MilestoneClocks,
    PaymentsService,
    FinalPaymentService,
    PaymentJobs,
  ],
})
export class ContractsModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly payments: PaymentsService,
    private readonly awardHooks: AwardHooks,
    private readonly jobs: ContractJobs,
    private readonly contracts: ContractsService,
    private readonly milestoneClocks: MilestoneClocks,
    private readonly paymentJobs: PaymentJobs,
    private readonly custodyJobs: CustodyJobs,
    @InjectQueue(QUEUES.CONTRACTS) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
    this.deadlines.registerSource(this.payments.source());
    for (const source of this.contracts.sources()) this.deadlines.registerSource(source);
    this.awardHooks.onAwarded((em, e) => this.contracts.draftFromAward(em, e).then(() => undefined));
    const id = (d: unknown) => (d as ContractJobPayload).contractId;
    this.jobs.register(SIGNATURE_REMINDER_JOB, (d) => this.contracts.signatureReminderTick(id(d)));
    this.jobs.register(SIGNATURE_DUE_JOB, (d) => this.contracts.signatureDueTick(id(d)));
    this.jobs.register(PUBLICATION_DUE_JOB, (d) => this.contracts.publicationDueTick(id(d)));
    // every other job of the contracts queue, so that its one processor dispatches through this registry alone
    for (const name of [MILESTONE_REMINDER_JOB, MILESTONE_DUE_JOB])
      this.jobs.register(name, (d) => this.milestoneClocks.handle(name, d as MilestoneJobPayload));
    this.jobs.register(PAYMENT_DUE_JOB, (d) => this.paymentJobs.handle(PAYMENT_DUE_JOB, d));
    this.jobs.register(CUSTODY_REFUND_DUE_JOB, (d) => this.custodyJobs.handle(CUSTODY_REFUND_DUE_JOB, d));
  }
}
