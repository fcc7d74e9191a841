import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import {
  BeneficiaryParam,
  ListSurveysQuery,
  MySurveyDto,
  OpenSurveyDto,
  ProjectIdParam,
  ResidentSurveyDto,
  SurveyAnswerDto,
  SurveyBeneficiaryDto,
  SurveyDetailDto,
  SurveyPageDto,
  SurveyProxyAnswerDto,
  SurveyResidentDto,
  TokenParam,
} from '../dto/survey.dto';
import { SurveyAnswersService } from '../services/survey-answers.service';
import { SurveyResidentsService } from '../services/survey-residents.service';
import { SurveysService } from '../services/surveys.service';

/**
 * 满意度调查, the purchaser's side and the readers (issue #11 item 4): staff of the region subtree, the evaluators of
 * an agency with a task on the project and the evaluated organisation read the figures; the procurement officer
 * opens and closes the survey and records beneficiaries.
 */
@ApiTags('evaluation')
@Controller('v1/evaluation')
export class EvaluationSurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly residents: SurveyResidentsService,
  ) {}

  @Get('surveys')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({
    type: SurveyPageDto,
    description:
      'Staff: the projects of their region subtree with a signed contract, and their surveys; evaluators and the evaluated organisation: the surveys of their projects.',
  })
  list(@CurrentActor() actor: Actor, @Query() q: ListSurveysQuery): Promise<SurveyPageDto> {
    return this.surveys.list(actor, q, 'READ');
  }

  @Get('projects/:projectId/survey')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: SurveyDetailDto, description: 'The survey and its figures (never who answered what).' })
  get(@CurrentActor() actor: Actor, @Param() p: ProjectIdParam): Promise<SurveyDetailDto> {
    return this.surveys.detail(actor, p.projectId, 'READ');
  }

  @Post('projects/:projectId/survey')
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({ type: SurveyDetailDto, description: '409 EVALUATION_SURVEY_EXISTS: one survey per project.' })
  open(@CurrentActor() actor: Actor, @Param() p: ProjectIdParam, @Body() dto: OpenSurveyDto): Promise<SurveyDetailDto> {
    return this.surveys.open(actor, p.projectId, dto, 'MANAGE');
  }

  @Post('projects/:projectId/survey/close')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({ type: SurveyDetailDto, description: 'OPEN → CLOSED before the closing date.' })
  close(@CurrentActor() actor: Actor, @Param() p: ProjectIdParam): Promise<SurveyDetailDto> {
    return this.surveys.close(actor, p.projectId);
  }

  @Get('projects/:projectId/survey/residents')
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({ type: [SurveyResidentDto], description: 'Who may answer, and whether they have — never what.' })
  residentsOf(@CurrentActor() actor: Actor, @Param() p: ProjectIdParam): Promise<SurveyResidentDto[]> {
    return this.residents.list(actor, p.projectId, 'MANAGE');
  }

  @Post('projects/:projectId/beneficiaries')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({ type: [SurveyResidentDto], description: 'Records a verified resident of the project’s region.' })
  addBeneficiary(
    @CurrentActor() actor: Actor,
    @Param() p: ProjectIdParam,
    @Body() dto: SurveyBeneficiaryDto,
  ): Promise<SurveyResidentDto[]> {
    return this.residents.add(actor, p.projectId, dto, 'MANAGE');
  }

  @Delete('projects/:projectId/beneficiaries/:residentId')
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({ type: [SurveyResidentDto], description: '409 once the resident has answered.' })
  removeBeneficiary(@CurrentActor() actor: Actor, @Param() p: BeneficiaryParam): Promise<SurveyResidentDto[]> {
    return this.residents.remove(actor, p.projectId, p.residentId, 'MANAGE');
  }
}

/**
 * 满意度调查, the community worker's side: the surveys of the projects serving their community — open one, share its
 * link and QR code, record beneficiaries, take the answer of a resident without a phone.
 */
@ApiTags('evaluation')
@Controller('v1/community')
export class CommunitySurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly residents: SurveyResidentsService,
    private readonly answers: SurveyAnswersService,
  ) {}

  @Get('surveys')
  @RequirePermission(PERMISSIONS.SURVEYS_PROXY)
  @ApiOkResponse({
    type: SurveyPageDto,
    description: 'The projects serving my community (with a signed contract) and their surveys.',
  })
  list(@CurrentActor() actor: Actor, @Query() q: ListSurveysQuery): Promise<SurveyPageDto> {
    return this.surveys.list(actor, q, 'WORKER');
  }

  @Get('projects/:projectId/survey')
  @RequirePermission(PERMISSIONS.SURVEYS_PROXY)
  @ApiOkResponse({ type: SurveyDetailDto })
  get(@CurrentActor() actor: Actor, @Param() p: ProjectIdParam): Promise<SurveyDetailDto> {
    return this.surveys.detail(actor, p.projectId, 'WORKER');
  }

  @Post('projects/:projectId/survey')
  @RequirePermission(PERMISSIONS.SURVEYS_PROXY)
  @ApiOkResponse({ type: SurveyDetailDto, description: '409 EVALUATION_SURVEY_EXISTS: one survey per project.' })
  open(@CurrentActor() actor: Actor, @Param() p: ProjectIdParam, @Body() dto: OpenSurveyDto): Promise<SurveyDetailDto> {
    return this.surveys.open(actor, p.projectId, dto, 'WORKER');
  }

  @Get('projects/:projectId/survey/residents')
  @RequirePermission(PERMISSIONS.SURVEYS_PROXY)
  @ApiOkResponse({ type: [SurveyResidentDto], description: 'The residents of my community who may answer.' })
  residentsOf(@CurrentActor() actor: Actor, @Param() p: ProjectIdParam): Promise<SurveyResidentDto[]> {
    return this.residents.list(actor, p.projectId, 'WORKER');
  }

  @Post('projects/:projectId/survey/proxy-answers')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SURVEYS_PROXY)
  @ApiOkResponse({
    type: [SurveyResidentDto],
    description:
      'The answer of an eligible resident of my community, taken by me (channel PROXY); 409 if they answered themselves.',
  })
  proxyAnswer(
    @CurrentActor() actor: Actor,
    @Param() p: ProjectIdParam,
    @Body() dto: SurveyProxyAnswerDto,
  ): Promise<SurveyResidentDto[]> {
    return this.answers.proxyAnswer(actor, p.projectId, dto);
  }

  @Post('projects/:projectId/beneficiaries')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SURVEYS_PROXY)
  @ApiOkResponse({ type: [SurveyResidentDto], description: 'Records a verified resident of my community.' })
  addBeneficiary(
    @CurrentActor() actor: Actor,
    @Param() p: ProjectIdParam,
    @Body() dto: SurveyBeneficiaryDto,
  ): Promise<SurveyResidentDto[]> {
    return this.residents.add(actor, p.projectId, dto, 'WORKER');
  }

  @Delete('projects/:projectId/beneficiaries/:residentId')
  @RequirePermission(PERMISSIONS.SURVEYS_PROXY)
  @ApiOkResponse({ type: [SurveyResidentDto], description: '409 once the resident has answered.' })
  removeBeneficiary(@CurrentActor() actor: Actor, @Param() p: BeneficiaryParam): Promise<SurveyResidentDto[]> {
    return this.residents.remove(actor, p.projectId, p.residentId, 'WORKER');
  }
}

/** 满意度调查, the resident's side: the survey behind a link or QR code, and their answer. */
@ApiTags('evaluation')
@Controller('v1')
export class ResidentSurveysController {
  constructor(private readonly answers: SurveyAnswersService) {}

  @Get('my/surveys')
  @RequirePermission(PERMISSIONS.SURVEYS_ANSWER)
  @ApiOkResponse({ type: [MySurveyDto], description: 'The surveys I may answer or have answered, open ones first.' })
  mine(@CurrentActor() actor: Actor): Promise<MySurveyDto[]> {
    return this.answers.mine(actor);
  }

  @Get('surveys/:token')
  @RequirePermission(PERMISSIONS.SURVEYS_ANSWER)
  @ApiOkResponse({
    type: ResidentSurveyDto,
    description: 'The survey of a share link: its questions, whether I may answer (and why not), my answer.',
  })
  get(@CurrentActor() actor: Actor, @Param() p: TokenParam): Promise<ResidentSurveyDto> {
    return this.answers.forResident(actor, p.token);
  }

  @Put('surveys/:token/my-answer')
  @RequirePermission(PERMISSIONS.SURVEYS_ANSWER)
  @ApiOkResponse({
    type: ResidentSurveyDto,
    description:
      'My answer; again while the survey is open replaces it. 403 EVALUATION_SURVEY_NOT_ELIGIBLE (with `reason`), 409 EVALUATION_SURVEY_CLOSED.',
  })
  answer(
    @CurrentActor() actor: Actor,
    @Param() p: TokenParam,
    @Body() dto: SurveyAnswerDto,
  ): Promise<ResidentSurveyDto> {
    return this.answers.answer(actor, p.token, dto);
  }
}
