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
import { GradeAssessmentsController } from './http/grade-assessments.controller';
import { GradeCutoffsController } from './http/grade-cutoffs.controller';
import { EvaluationJobs } from './services/evaluation-jobs';
import { GradeAssessmentView } from './services/grade-assessment-view';
import { GradeAssessmentsService } from './services/grade-assessments.service';
import { GradeCutoffsService } from './services/grade-cutoffs.service';
import { SurveyFiguresService } from './services/survey-figures.service';
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
  controllers: [
    // organisation grading (等级评估)
    GradeAssessmentsController,
    GradeCutoffsController,
  ],
  providers: [
    EvaluationJobs,
    SurveyFiguresService,
    TemplateLookup,
    // organisation grading (等级评估)
    GradeCutoffsService,
    GradeAssessmentView,
    GradeAssessmentsService,
  ],
  exports: [EvaluationJobs, SurveyFiguresService, TemplateLookup],
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
