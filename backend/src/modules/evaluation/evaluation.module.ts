import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Deadlines, QUEUES } from '../../platform/queue';
import { CatalogueModule } from '../catalogue';
import { ContractsModule } from '../contracts';
import { FundsModule } from '../funds';
import { IdentityModule } from '../identity';
import { NeedsModule } from '../needs';
import { NotificationsModule } from '../notifications';
import { OrganisationsModule } from '../organisations';
import { ProcurementModule } from '../procurement';
import { RegionsModule } from '../regions';
import { ScoringController } from './http/scoring.controller';
import { EvaluationJobs } from './services/evaluation-jobs';
import { EvaluationMeasuresService } from './services/evaluation-measures.service';
import { EvaluationReportService } from './services/evaluation-report.service';
import { ScoringService } from './services/scoring.service';
import { SurveyFiguresService } from './services/survey-figures.service';
import { TaskEvidenceService } from './services/task-evidence.service';
import { TemplateLookup } from './services/template-lookup';

/**
 * 第三方验单 (PRODUCT.md §5.9): indicator templates, evaluation tasks (final and sampled mid-term) assigned to
 * agencies without conflicts, scoring with evidence, residents' satisfaction surveys, review, objection and
 * publication (the final tranche through the contracts module, the result into the organisation's record), and
 * organisations' grade assessments on the same engine. Deadlines are jobs on the EVALUATION queue.
 */
@Module({
  imports: [
    RegionsModule,
    IdentityModule,
    NotificationsModule,
    OrganisationsModule,
    CatalogueModule,
    NeedsModule,
    FundsModule,
    ProcurementModule,
    ContractsModule,
    BullModule.registerQueue({ name: QUEUES.EVALUATION }),
  ],
  controllers: [ScoringController],
  providers: [
    EvaluationJobs,
    SurveyFiguresService,
    TemplateLookup,
    // scoring, evidence and the report (issue #11 items 3 and 7)
    EvaluationMeasuresService,
    ScoringService,
    TaskEvidenceService,
    EvaluationReportService,
  ],
  exports: [EvaluationJobs, SurveyFiguresService, TemplateLookup, EvaluationMeasuresService, ScoringService],
})
export class EvaluationModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    @InjectQueue(QUEUES.EVALUATION) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
  }
}
