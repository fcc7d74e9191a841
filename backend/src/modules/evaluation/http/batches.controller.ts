import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import {
  BatchDto,
  BatchSummaryDto,
  CreateBatchDto,
  DrawVerificationDto,
  ListBatchesQuery,
  SummaryDto,
  SummaryQuery,
} from '../dto/batches.dto';
import { IdParam } from '../dto/tasks.dto';
import { EvaluationSummaryService } from '../services/evaluation-summary.service';
import { SamplingService } from '../services/sampling.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('evaluation')
@Controller('v1/evaluation/batches')
export class EvaluationBatchesController {
  constructor(
    private readonly sampling: SamplingService,
    private readonly summaries: EvaluationSummaryService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ description: 'Staff: the sampling batches of their region subtree, newest first.' })
  list(@CurrentActor() actor: Actor, @Query() q: ListBatchesQuery): Promise<Page<BatchSummaryDto>> {
    return this.sampling.list(actor, q);
  }

  @Post()
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiCreatedResponse({
    type: BatchDto,
    description:
      'Draws a mid-term sample (≥ 30 % per district) of the active contracts without a mid-term task, with a random seed; the drawn contracts get MID_TERM tasks.',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBatchDto): Promise<BatchDto> {
    return this.sampling.create(actor, dto);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: BatchDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<BatchDto> {
    return this.sampling.get(actor, p.id);
  }

  @Get(':id/verify')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({
    type: DrawVerificationDto,
    description:
      'Re-runs the draw from the stored seed and candidates, and compares it with the record, the audit event and the tasks.',
  })
  verify(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<DrawVerificationDto> {
    return this.sampling.verify(actor, p.id);
  }

  @Get(':id/summary')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: SummaryDto })
  summary(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<SummaryDto> {
    return this.summaries.batch(actor, p.id);
  }

  @Get(':id/summary.xlsx')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @Header('Content-Type', XLSX)
  @Header('Content-Disposition', 'attachment; filename="evaluation-batch-summary.xlsx"')
  @ApiProduces(XLSX)
  async summaryXlsx(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<StreamableFile> {
    return new StreamableFile(await this.summaries.xlsx(await this.summaries.batch(actor, p.id)));
  }
}

@ApiTags('evaluation')
@Controller('v1/evaluation')
export class EvaluationSummaryController {
  constructor(private readonly summaries: EvaluationSummaryService) {}

  @Get('summary')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: SummaryDto, description: 'Staff: the tasks of a region subtree due in a year, per district.' })
  summary(@CurrentActor() actor: Actor, @Query() q: SummaryQuery): Promise<SummaryDto> {
    return this.summaries.regionYear(actor, q);
  }

  @Get('summary.xlsx')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @Header('Content-Type', XLSX)
  @Header('Content-Disposition', 'attachment; filename="evaluation-summary.xlsx"')
  @ApiProduces(XLSX)
  async summaryXlsx(@CurrentActor() actor: Actor, @Query() q: SummaryQuery): Promise<StreamableFile> {
    return new StreamableFile(await this.summaries.xlsx(await this.summaries.regionYear(actor, q)));
  }
}
