import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Deadlines, QUEUES } from '../../platform/queue';
import { FundsModule } from '../funds';
import { IdentityModule } from '../identity';
import { NeedsModule } from '../needs';
import { NotificationsModule } from '../notifications';
import { OrganisationsModule } from '../organisations';
import { AwardHooks, ProcurementModule } from '../procurement';
import { RegionsModule } from '../regions';
import {
  ContractsController,
  ContractSignatoriesController,
  PublicContractNoticeController,
} from './http/contracts.controller';
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
  controllers: [ContractsController, ContractSignatoriesController, PublicContractNoticeController],
  providers: [ContractHooks, ContractJobs, ContractsService, ContractPdfService, ContractExportService],
  exports: [ContractHooks, ContractJobs, ContractsService],
})
export class ContractsModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly awardHooks: AwardHooks,
    private readonly jobs: ContractJobs,
    private readonly contracts: ContractsService,
    @InjectQueue(QUEUES.CONTRACTS) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
    for (const source of this.contracts.sources()) this.deadlines.registerSource(source);
    this.awardHooks.onAwarded((em, e) => this.contracts.draftFromAward(em, e).then(() => undefined));
    const id = (d: unknown) => (d as ContractJobPayload).contractId;
    this.jobs.register(SIGNATURE_REMINDER_JOB, (d) => this.contracts.signatureReminderTick(id(d)));
    this.jobs.register(SIGNATURE_DUE_JOB, (d) => this.contracts.signatureDueTick(id(d)));
    this.jobs.register(PUBLICATION_DUE_JOB, (d) => this.contracts.publicationDueTick(id(d)));
  }
}
