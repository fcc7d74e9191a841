import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { IdParam } from '../../../platform/http/params';
import {
  AddInterviewDto,
  LeafParam,
  SaveScoreDto,
  ScoresheetDto,
  SubmitEvaluationDto,
  TaskEvidenceDto,
  TaskEvidenceParam,
  UploadTaskEvidenceDto,
} from '../dto/scoring.dto';
import { EvaluationReportService } from '../services/evaluation-report.service';
import { Scoresheet, ScoringService } from '../services/scoring.service';
import { TaskEvidenceFile, TaskEvidenceService } from '../services/task-evidence.service';

function file(f: TaskEvidenceFile | { content: Buffer; fileName: string; mime: string }, attachment = false) {
  return new StreamableFile(f.content, {
    type: f.mime,
    disposition: `${attachment ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
  });
}

/**
 * Scoring an evaluation task (issue #11 item 3): the scoresheet, one leaf's score, evidence (files and interview
 * notes), submission, and the report (PDF, Excel). Writes: the task's evaluator (EVALUATION_SCORE); reads: staff of
 * the task's region, the evaluator, the evaluated organisation once the result is confirmed (EVALUATION_READ).
 */
@ApiTags('evaluation')
@Controller('v1/evaluation/tasks/:id')
export class ScoringController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly evidence: TaskEvidenceService,
    private readonly reports: EvaluationReportService,
  ) {}

  @Get('scoresheet')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: ScoresheetDto, description: 'The tree with guides, entries, measures, evidence, live total' })
  scoresheet(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<Scoresheet> {
    return this.scoring.scoresheet(actor, p.id);
  }

  @Put('scores/:leafKey')
  @RequirePermission(PERMISSIONS.EVALUATION_SCORE)
  @ApiOkResponse({
    type: ScoresheetDto,
    description: 'The leaf’s entry saved (422 above its points or a change of a computed value without a reason)',
  })
  save(@CurrentActor() actor: Actor, @Param() p: LeafParam, @Body() dto: SaveScoreDto): Promise<Scoresheet> {
    return this.scoring.save(actor, p.id, p.leafKey, dto);
  }

  @Post('submit')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.EVALUATION_SCORE)
  @ApiOkResponse({
    type: ScoresheetDto,
    description:
      'IN_PROGRESS → SUBMITTED with the exact total and grade (422 EVALUATION_SCORES_INCOMPLETE naming the leaves)',
  })
  submit(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: SubmitEvaluationDto): Promise<Scoresheet> {
    return this.scoring.submit(actor, p.id, dto);
  }

  @Get('evidence')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: [TaskEvidenceDto] })
  list(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<TaskEvidenceDto[]> {
    return this.evidence.list(actor, p.id);
  }

  @Post('evidence')
  @Idempotent()
  @RequirePermission(PERMISSIONS.EVALUATION_SCORE)
  @ApiCreatedResponse({
    type: TaskEvidenceDto,
    description: 'A document or a photo (typed by content, ≤ 5 MB; a photo with its time and place)',
  })
  upload(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: UploadTaskEvidenceDto,
  ): Promise<TaskEvidenceDto> {
    return this.evidence.upload(actor, p.id, dto);
  }

  @Post('interviews')
  @Idempotent()
  @RequirePermission(PERMISSIONS.EVALUATION_SCORE)
  @ApiCreatedResponse({ type: TaskEvidenceDto, description: 'An interview note: who, when, where, a summary' })
  interview(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: AddInterviewDto): Promise<TaskEvidenceDto> {
    return this.evidence.addInterview(actor, p.id, dto);
  }

  @Get('evidence/:evidenceId')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ description: 'The file' })
  async download(@CurrentActor() actor: Actor, @Param() p: TaskEvidenceParam): Promise<StreamableFile> {
    return file(await this.evidence.file(actor, p.id, p.evidenceId, false));
  }

  @Get('evidence/:evidenceId/thumbnail')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ description: 'A smaller picture (the original when none could be made)' })
  async thumbnail(@CurrentActor() actor: Actor, @Param() p: TaskEvidenceParam): Promise<StreamableFile> {
    return file(await this.evidence.file(actor, p.id, p.evidenceId, true));
  }

  @Delete('evidence/:evidenceId')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.EVALUATION_SCORE)
  @ApiNoContentResponse({ description: 'Deleted (only before submission)' })
  async remove(@CurrentActor() actor: Actor, @Param() p: TaskEvidenceParam): Promise<void> {
    await this.evidence.remove(actor, p.id, p.evidenceId);
  }

  @Get('report.pdf')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The evaluation report (Chinese), a draft before submission' })
  async pdf(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<StreamableFile> {
    const r = await this.reports.pdf(actor, p.id);
    return file({ ...r, mime: 'application/pdf' }, true);
  }

  @Get('report.xlsx')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The evaluation report as an Excel workbook' })
  async xlsx(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<StreamableFile> {
    const r = await this.reports.xlsx(actor, p.id);
    return file({ ...r, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, true);
  }
}
