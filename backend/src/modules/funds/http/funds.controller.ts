import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import {
  AdjustLineDto,
  AdjustmentDto,
  ConsistencyDto,
  CreateLineDto,
  DecisionDto,
  EntryDto,
  EntryIdParam,
  IdParam,
  LineDto,
  ListEntriesQuery,
  ListLinesQuery,
  RejectDto,
  ReportQuery,
  ReportRowDto,
  ReverseDto,
  YearParam,
} from '../dto/funds.dto';
import { BudgetLinesService } from '../services/budget-lines.service';
import { FundsReportService } from '../services/funds-report.service';
import { LedgerService } from '../services/ledger.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('funds')
@Controller('v1/funds')
export class FundsController {
  constructor(
    private readonly lines: BudgetLinesService,
    private readonly reports: FundsReportService,
    private readonly ledger: LedgerService,
  ) {}

  @Get('lines')
  @RequirePermission(PERMISSIONS.FUNDS_READ)
  @ApiOkResponse({ type: [LineDto] })
  list(@CurrentActor() actor: Actor, @Query() q: ListLinesQuery): Promise<Page<LineDto>> {
    return this.lines.list(actor, q);
  }

  @Get('lines/export.xlsx')
  @RequirePermission(PERMISSIONS.FUNDS_READ)
  @Header('Content-Type', XLSX)
  @Header('Content-Disposition', 'attachment; filename="budget-lines.xlsx"')
  @ApiProduces(XLSX)
  async exportLines(@CurrentActor() actor: Actor, @Query() q: ListLinesQuery): Promise<StreamableFile> {
    return new StreamableFile(await this.reports.linesXlsx(actor, q));
  }

  @Get('lines/:id')
  @RequirePermission(PERMISSIONS.FUNDS_READ)
  @ApiOkResponse({ type: LineDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<LineDto> {
    return this.lines.get(actor, p.id);
  }

  @Post('lines')
  @Idempotent()
  @RequirePermission(PERMISSIONS.FUNDS_MANAGE)
  @ApiCreatedResponse({
    type: LineDto,
    description: 'Created PENDING_APPROVAL; a finance officer (not you) approves it.',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateLineDto): Promise<LineDto> {
    return this.lines.create(actor, dto);
  }

  @Post('lines/:id/approve')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.FUNDS_APPROVE)
  @ApiOkResponse({
    type: LineDto,
    description: 'ACTIVE, and the amount allocated through the ledger. 403 for the line’s creator.',
  })
  approve(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: DecisionDto): Promise<LineDto> {
    return this.lines.approve(actor, p.id, dto.note);
  }

  @Post('lines/:id/reject')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.FUNDS_APPROVE)
  @ApiOkResponse({ type: LineDto, description: 'REJECTED with the reason, which the requester reads' })
  reject(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: RejectDto): Promise<LineDto> {
    return this.lines.reject(actor, p.id, dto.reason);
  }

  @Get('lines/:id/adjustments')
  @RequirePermission(PERMISSIONS.FUNDS_READ)
  @ApiOkResponse({ type: [AdjustmentDto] })
  adjustments(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<AdjustmentDto[]> {
    return this.lines.adjustments(actor, p.id);
  }

  @Post('lines/:id/adjustments')
  @RequirePermission(PERMISSIONS.FUNDS_MANAGE)
  @ApiCreatedResponse({ type: AdjustmentDto })
  adjust(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: AdjustLineDto): Promise<AdjustmentDto> {
    return this.lines.requestAdjustment(actor, p.id, dto);
  }

  @Post('adjustments/:id/approve')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.FUNDS_APPROVE)
  @ApiOkResponse({ type: AdjustmentDto })
  approveAdjustment(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<AdjustmentDto> {
    return this.lines.decideAdjustment(actor, p.id, true);
  }

  @Post('adjustments/:id/reject')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.FUNDS_APPROVE)
  @ApiOkResponse({ type: AdjustmentDto, description: 'REJECTED with the reason, which the requester reads' })
  rejectAdjustment(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: RejectDto): Promise<AdjustmentDto> {
    return this.lines.decideAdjustment(actor, p.id, false, dto.reason);
  }

  @Get('lines/:id/entries')
  @RequirePermission(PERMISSIONS.FUNDS_READ)
  @ApiOkResponse({ type: [EntryDto] })
  entries(@CurrentActor() actor: Actor, @Param() p: IdParam, @Query() q: ListEntriesQuery): Promise<Page<EntryDto>> {
    return this.lines.entries(actor, p.id, q);
  }

  @Get('lines/:id/entries/export.xlsx')
  @RequirePermission(PERMISSIONS.FUNDS_READ)
  @Header('Content-Type', XLSX)
  @Header('Content-Disposition', 'attachment; filename="ledger.xlsx"')
  @ApiProduces(XLSX)
  async exportEntries(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Query() q: ListEntriesQuery,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.reports.entriesXlsx(actor, p.id, q));
  }

  @Post('entries/:id/reverse')
  @RequirePermission(PERMISSIONS.FUNDS_APPROVE)
  @ApiCreatedResponse({
    type: EntryDto,
    description: 'A correcting entry with the opposite move; an entry is reversed at most once.',
  })
  async reverse(
    @CurrentActor() actor: Actor,
    @Param() p: EntryIdParam,
    @Body() dto: ReverseDto,
  ): Promise<{ entryId: string; replayed: boolean }> {
    const posted = await this.ledger.reverse(actor, p.id, dto.idempotencyKey, dto.memo);
    return { entryId: posted.entryId, replayed: posted.replayed };
  }

  @Get('report')
  @RequirePermission(PERMISSIONS.FUNDS_READ)
  @ApiOkResponse({
    type: [ReportRowDto],
    description: 'Execution rates (paid ÷ allocated, committed ÷ allocated) by region, source or category',
  })
  report(@CurrentActor() actor: Actor, @Query() q: ReportQuery): Promise<ReportRowDto[]> {
    return this.reports.execution(actor, q);
  }

  @Get('consistency')
  @RequirePermission(PERMISSIONS.FUNDS_AUDIT)
  @ApiOkResponse({ type: ConsistencyDto, description: 'Every balance recomputed from the ledger' })
  consistency(@CurrentActor() actor: Actor): Promise<ConsistencyDto> {
    return this.reports.consistency(actor);
  }

  @Post('years/:year/close')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.FUNDS_APPROVE)
  @ApiNoContentResponse()
  closeYear(@CurrentActor() actor: Actor, @Param() p: YearParam): Promise<void> {
    return this.lines.closeYear(actor, p.year);
  }
}
