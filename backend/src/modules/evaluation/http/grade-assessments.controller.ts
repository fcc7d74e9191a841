import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import {
  AssessmentDetailDto,
  AssessmentPageDto,
  AssessmentSummaryDto,
  CancelAssessmentDto,
  CandidateDto,
  CandidatesQuery,
  DecideAssessmentDto,
  IdParam,
  ListAssessmentsQuery,
  OpenAssessmentDto,
  ReturnAssessmentDto,
  SaveScoresDto,
  SubmitAssessmentDto,
} from '../dto/grading.dto';
import { GradeAssessmentView } from '../services/grade-assessment-view';
import { GradeAssessmentsService } from '../services/grade-assessments.service';

/**
 * 等级评估 (issue #11 item 6). Officers (evaluation.manage) of the organisation's region subtree open, score, submit,
 * return, decide and cancel; staff of the subtree read; a member reads its organisation's decided assessments. 404
 * for anything outside.
 */
@ApiTags('evaluation')
@Controller('v1/evaluation/grade-assessments')
export class GradeAssessmentsController {
  constructor(
    private readonly assessments: GradeAssessmentsService,
    private readonly view: GradeAssessmentView,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: AssessmentPageDto, description: 'Open ones first, then the newest' })
  list(@CurrentActor() actor: Actor, @Query() q: ListAssessmentsQuery): Promise<Page<AssessmentSummaryDto>> {
    return this.view.list(actor, q);
  }

  @Get('candidates')
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({ type: [CandidateDto], description: 'Active social organisations of your region subtree' })
  candidates(@CurrentActor() actor: Actor, @Query() q: CandidatesQuery): Promise<CandidateDto[]> {
    return this.view.candidates(actor, q.q);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: AssessmentDetailDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<AssessmentDetailDto> {
    return this.view.get(actor, p.id);
  }

  @Post()
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiCreatedResponse({
    type: AssessmentDetailDto,
    description: 'IN_PROGRESS on the newest active grade template (frozen); 409 while one is open',
  })
  open(@CurrentActor() actor: Actor, @Body() dto: OpenAssessmentDto): Promise<AssessmentDetailDto> {
    return this.assessments.open(actor, dto);
  }

  @Put(':id/scores')
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({
    type: AssessmentDetailDto,
    description: 'Sets the given leaves; 409 unless IN_PROGRESS or RETURNED',
  })
  scores(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: SaveScoresDto): Promise<AssessmentDetailDto> {
    return this.assessments.saveScores(actor, p.id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({
    type: AssessmentDetailDto,
    description: 'SUBMITTED with the total and the grade by the region’s lines; 422 while items are unscored',
  })
  submit(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: SubmitAssessmentDto,
  ): Promise<AssessmentDetailDto> {
    return this.assessments.submit(actor, p.id, dto);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({ type: AssessmentDetailDto, description: 'RETURNED; 403 for whoever scored it' })
  returnForRescoring(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: ReturnAssessmentDto,
  ): Promise<AssessmentDetailDto> {
    return this.assessments.returnForRescoring(actor, p.id, dto);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({
    type: AssessmentDetailDto,
    description: 'DECIDED: the organisation’s grade is set, valid 5 years, on the document; 403 for whoever scored it',
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: DecideAssessmentDto,
  ): Promise<AssessmentDetailDto> {
    return this.assessments.decide(actor, p.id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({ type: AssessmentDetailDto, description: 'CANCELLED, with the reason (before submission)' })
  cancel(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: CancelAssessmentDto,
  ): Promise<AssessmentDetailDto> {
    return this.assessments.cancel(actor, p.id, dto);
  }
}
