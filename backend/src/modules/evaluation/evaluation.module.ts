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
import {
  CommunitySurveysController,
  EvaluationSurveysController,
  ResidentSurveysController,
} from './http/surveys.controller';
import { SurveyQueries } from './queries/survey-queries';
import { EvaluationJobs } from './services/evaluation-jobs';
import { SurveyAccess } from './services/survey-access';
import { SurveyAnswersService } from './services/survey-answers.service';
import { SurveyFiguresService } from './services/survey-figures.service';
import { SurveyResidentsService } from './services/survey-residents.service';
import { SurveysService } from './services/surveys.service';
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
    // residents' satisfaction surveys (满意度调查): the readers and the officer, the community worker, the resident
    EvaluationSurveysController,
    CommunitySurveysController,
    ResidentSurveysController,
  ],
  providers: [
    EvaluationJobs,
    SurveyFiguresService,
    TemplateLookup,
    // residents' satisfaction surveys
    SurveyQueries,
    SurveyAccess,
    SurveysService,
    SurveyAnswersService,
    SurveyResidentsService,
  ],
  exports: [EvaluationJobs, SurveyFiguresService, TemplateLookup, SurveysService],
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
