import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import { IdParam } from '../../../platform/http/params';
import {
  BoardItemDto,
  BoardPageDto,
  BoardQuery,
  ContractMilestonesDto,
  EvidenceDto,
  EvidenceParam,
  MilestoneParam,
  ReturnReportDto,
  SubmitReportDto,
  UploadEvidenceDto,
} from '../dto/reports.dto';
import { EvidenceFile, EvidenceService } from '../services/evidence.service';
import { MilestonesService } from '../services/milestones.service';
import { ReportsService } from '../services/reports.service';

function file(f: EvidenceFile): StreamableFile {
  return new StreamableFile(f.content, {
    type: f.mime,
    disposition: `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
  });
}

/** Milestones of a contract: progress reports with evidence from the supplier, acceptance by the region's officer. */
@ApiTags('contracts')
@Controller('v1/contracts/:id')
export class ContractMilestonesController {
  constructor(
    private readonly milestones: MilestonesService,
    private readonly reports: ReportsService,
    private readonly evidence: EvidenceService,
  ) {}

  @Get('milestones')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ type: ContractMilestonesDto, description: 'Milestones with their reports, evidence and outputs' })
  list(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ContractMilestonesDto> {
    return this.milestones.list(actor, p.id);
  }

  @Post('milestones/:milestoneId/evidence')
  @Idempotent()
  @RequirePermission(PERMISSIONS.CONTRACTS_SELF)
  @ApiCreatedResponse({ type: EvidenceDto, description: '422 when the content is not of the kind’s types or > 5 MB' })
  upload(
    @CurrentActor() actor: Actor,
    @Param() p: MilestoneParam,
    @Body() dto: UploadEvidenceDto,
  ): Promise<EvidenceDto> {
    return this.evidence.upload(actor, p.id, p.milestoneId, dto);
  }

  @Post('milestones/:milestoneId/reports')
  @Idempotent()
  @RequirePermission(PERMISSIONS.CONTRACTS_SELF)
  @ApiCreatedResponse({ type: ContractMilestonesDto, description: 'PENDING|RETURNED → SUBMITTED (a new version)' })
  submit(
    @CurrentActor() actor: Actor,
    @Param() p: MilestoneParam,
    @Body() dto: SubmitReportDto,
  ): Promise<ContractMilestonesDto> {
    return this.reports.submit(actor, p.id, p.milestoneId, dto);
  }

  @Post('milestones/:milestoneId/accept')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.CONTRACTS_MANAGE)
  @ApiOkResponse({ type: ContractMilestonesDto, description: 'SUBMITTED → ACCEPTED; the output values are stored' })
  accept(@CurrentActor() actor: Actor, @Param() p: MilestoneParam): Promise<ContractMilestonesDto> {
    return this.reports.accept(actor, p.id, p.milestoneId);
  }

  @Post('milestones/:milestoneId/return')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.CONTRACTS_MANAGE)
  @ApiOkResponse({ type: ContractMilestonesDto, description: 'SUBMITTED → RETURNED, with the reason' })
  returnReport(
    @CurrentActor() actor: Actor,
    @Param() p: MilestoneParam,
    @Body() dto: ReturnReportDto,
  ): Promise<ContractMilestonesDto> {
    return this.reports.return(actor, p.id, p.milestoneId, dto);
  }

  @Get('evidence/:evidenceId')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ description: 'The evidence file' })
  async evidenceFile(@CurrentActor() actor: Actor, @Param() p: EvidenceParam): Promise<StreamableFile> {
    return file(await this.evidence.file(actor, p.id, p.evidenceId, false));
  }

  @Get('evidence/:evidenceId/thumbnail')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ description: 'A smaller picture (the original when none could be made)' })
  async evidenceThumbnail(@CurrentActor() actor: Actor, @Param() p: EvidenceParam): Promise<StreamableFile> {
    return file(await this.evidence.file(actor, p.id, p.evidenceId, true));
  }
}

/** The milestones board: officers see their region subtree, members of a supplier their own contracts. */
@ApiTags('contracts')
@Controller('v1/milestones')
export class MilestonesBoardController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get()
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ type: BoardPageDto })
  board(@CurrentActor() actor: Actor, @Query() q: BoardQuery): Promise<Page<BoardItemDto>> {
    return this.milestones.board(actor, q);
  }

  @Get('export.xlsx')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="milestones.xlsx"')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The filtered board (at most 50 000 rows) as an Excel workbook' })
  async export(@CurrentActor() actor: Actor, @Query() q: BoardQuery): Promise<StreamableFile> {
    return new StreamableFile(await this.milestones.boardXlsx(actor, q));
  }
}
