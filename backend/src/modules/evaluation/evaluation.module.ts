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
import { EvaluationBatchesController, EvaluationSummaryController } from './http/batches.controller';
import { MyEvaluatorController } from './http/evaluator-affiliations.controller';
import { GradeAssessmentsController } from './http/grade-assessments.controller';
import { GradeCutoffsController } from './http/grade-cutoffs.controller';
import { EvaluationObjectionsController } from './http/objections.controller';
import { EvaluationResultsController } from './http/results.controller';
import { ScoringController } from './http/scoring.controller';
import {
  CommunitySurveysController,
  EvaluationSurveysController,
  ResidentSurveysController,
} from './http/surveys.controller';
import { EvaluationFinalTasksController, EvaluationTasksController } from './http/tasks.controller';
import { TemplatesController } from './http/templates.controller';
import { TaskClocks } from './jobs/task-clocks';
import { SurveyQueries } from './queries/survey-queries';
import { AssignmentService } from './services/assignment.service';
import { EvaluationJobs } from './services/evaluation-jobs';
import { EvaluationMeasuresService } from './services/evaluation-measures.service';
import { EvaluationObjectionsService } from './services/evaluation-objections.service';
import { EvaluationReportService } from './services/evaluation-report.service';
import { EvaluationSummaryService } from './services/evaluation-summary.service';
import { FinalTasks } from './services/final-tasks.service';
import { GradeAssessmentView } from './services/grade-assessment-view';
import { GradeAssessmentsService } from './services/grade-assessments.service';
import { GradeCutoffsService } from './services/grade-cutoffs.service';
import { PublicationService } from './services/publication.service';
import { ResultNotices } from './services/result-notices';
import { ResultsView } from './services/results-view';
import { ResultsService } from './services/results.service';
import { ReviewService } from './services/review.service';
import { SamplingService } from './services/sampling.service';
import { ScoringService } from './services/scoring.service';
import { SurveyAccess } from './services/survey-access';
import { SurveyAnswersService } from './services/survey-answers.service';
import { SurveyFiguresService } from './services/survey-figures.service';
import { SurveyResidentsService } from './services/survey-residents.service';
import { SurveysService } from './services/surveys.service';
import { TaskCreation } from './services/task-creation';
import { TaskEvidenceService } from './services/task-evidence.service';
import { TaskNotices } from './services/task-notices';
import { TasksDeskProvider } from './services/tasks-desk.provider';
import { TasksService } from './services/tasks.service';
import { TemplateLookup } from './services/template-lookup';
import { TemplatesService } from './services/templates.service';

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
    // tasks: list, detail, assignment, final tasks, sampling batches and summaries, evaluators' declarations
    EvaluationTasksController,
    EvaluationFinalTasksController,
    EvaluationBatchesController,
    EvaluationSummaryController,
    MyEvaluatorController,
    // indicator templates
    TemplatesController,
    // scoring, evidence and the report
    ScoringController,
    // residents' satisfaction surveys (满意度调查): the readers and the officer, the community worker, the resident
    EvaluationSurveysController,
    CommunitySurveysController,
    ResidentSurveysController,
    // review, objection and publication
    EvaluationResultsController,
    EvaluationObjectionsController,
    // organisation grading (等级评估)
    GradeAssessmentsController,
    GradeCutoffsController,
  ],
  providers: [
    EvaluationJobs,
    SurveyFiguresService,
    TemplateLookup,
    // tasks (TasksService.visibleTask / managedTask / assignedTask: the scope rule of every task route)
    TasksService,
    TaskCreation,
    TaskNotices,
    TaskClocks,
    FinalTasks,
    AssignmentService,
    SamplingService,
    EvaluationSummaryService,
    TasksDeskProvider,
    // indicator templates
    TemplatesService,
    // scoring, evidence and the report (issue #11 items 3 and 7)
    EvaluationMeasuresService,
    ScoringService,
    TaskEvidenceService,
    EvaluationReportService,
    // residents' satisfaction surveys
    SurveyQueries,
    SurveyAccess,
    SurveysService,
    SurveyAnswersService,
    SurveyResidentsService,
    // review, objection and publication (issue #11 item 5)
    ResultNotices,
    ResultsView,
    ResultsService,
    ReviewService,
    EvaluationObjectionsService,
    PublicationService,
    // organisation grading (等级评估)
    GradeCutoffsService,
    GradeAssessmentView,
    GradeAssessmentsService,
  ],
  exports: [
    EvaluationJobs,
    SurveyFiguresService,
    TemplateLookup,
    TasksService,
    TaskCreation,
    TaskClocks,
    EvaluationMeasuresService,
    ScoringService,
    SurveysService,
    PublicationService,
  ],
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
