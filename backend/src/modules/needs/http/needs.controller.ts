import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import { AcceptLanguage } from '../../../platform/i18n';
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment-limits';
import {
  AttachmentDto,
  AttachmentParam,
  ExportNeedsQuery,
  IdParam,
  ListNeedsQuery,
  MergeNeedDto,
  NeedDetailDto,
  NeedPageDto,
  NeedSummaryDto,
  RejectNeedDto,
  ResubmitNeedDto,
  SimilarNeedDto,
  SimilarQuery,
  SubmitNeedDto,
  SupportResultDto,
  TimelineEventDto,
} from '../dto/needs.dto';
import { NeedsExportService } from '../services/needs-export.service';
import { NeedsService, UploadedFile as Upload } from '../services/needs.service';
import { SupportsService } from '../services/supports.service';

@ApiTags('needs')
@Controller('v1/needs')
export class NeedsController {
  constructor(
    private readonly needs: NeedsService,
    private readonly supports: SupportsService,
    private readonly exporter: NeedsExportService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.NEEDS_READ)
  @ApiOkResponse({ type: NeedPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: ListNeedsQuery): Promise<Page<NeedSummaryDto>> {
    return this.needs.list(actor, q);
  }

  @Get('export.xlsx')
  @RequirePermission(PERMISSIONS.NEEDS_EXPORT)
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="needs.xlsx"')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The filtered list (at most 50 000 rows) as an Excel workbook' })
  async export(@CurrentActor() actor: Actor, @Query() q: ExportNeedsQuery): Promise<StreamableFile> {
    return new StreamableFile(await this.exporter.xlsx(actor, q));
  }

  @Get('similar')
  @RequirePermission(PERMISSIONS.NEEDS_SUBMIT)
  @ApiOkResponse({ type: [SimilarNeedDto] })
  similar(@CurrentActor() actor: Actor, @Query() q: SimilarQuery): Promise<SimilarNeedDto[]> {
    return this.needs.similar(actor, q.campaignId, q.title, q.communityId);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.NEEDS_READ)
  @ApiOkResponse({ type: NeedDetailDto })
  detail(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<NeedDetailDto> {
    return this.needs.detail(actor, p.id);
  }

  @Get(':id/timeline')
  @RequirePermission(PERMISSIONS.NEEDS_READ)
  @ApiOkResponse({ type: [TimelineEventDto] })
  timeline(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<TimelineEventDto[]> {
    return this.needs.timeline(actor, p.id, acceptLanguage);
  }

  @Post()
  @Idempotent()
  @RequirePermission(PERMISSIONS.NEEDS_SUBMIT)
  @ApiCreatedResponse({ type: NeedDetailDto })
  submit(@CurrentActor() actor: Actor, @Body() dto: SubmitNeedDto): Promise<NeedDetailDto> {
    return this.needs.submit(actor, dto);
  }

  @Post(':id/attachments')
  @RequirePermission(PERMISSIONS.NEEDS_SUBMIT)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentDto })
  attach(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @UploadedFile() file: Upload | undefined,
  ): Promise<AttachmentDto> {
    return this.needs.addAttachment(actor, p.id, file);
  }

  @Get(':id/attachments/:attachmentId')
  @RequirePermission(PERMISSIONS.NEEDS_READ)
  @ApiOkResponse({ description: 'The file' })
  async download(@CurrentActor() actor: Actor, @Param() p: AttachmentParam): Promise<StreamableFile> {
    const a = await this.needs.attachment(actor, p.id, p.attachmentId);
    return new StreamableFile(a.content, {
      type: a.mime,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
    });
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.NEEDS_MODERATE)
  @ApiOkResponse({ type: NeedDetailDto })
  accept(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<NeedDetailDto> {
    return this.needs.accept(actor, p.id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.NEEDS_MODERATE)
  @ApiOkResponse({ type: NeedDetailDto })
  reject(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: RejectNeedDto): Promise<NeedDetailDto> {
    return this.needs.reject(actor, p.id, dto);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.NEEDS_MODERATE)
  @ApiOkResponse({ type: NeedDetailDto })
  merge(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: MergeNeedDto): Promise<NeedDetailDto> {
    return this.needs.merge(actor, p.id, dto);
  }

  @Post(':id/resubmit')
  @RequirePermission(PERMISSIONS.NEEDS_SUBMIT)
  @ApiCreatedResponse({ type: NeedDetailDto })
  resubmit(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: ResubmitNeedDto): Promise<NeedDetailDto> {
    return this.needs.resubmit(actor, p.id, dto);
  }

  @Post(':id/support')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.NEEDS_SUPPORT)
  @ApiOkResponse({ type: SupportResultDto })
  support(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<SupportResultDto> {
    return this.supports.support(actor, p.id);
  }

  @Delete(':id/support')
  @RequirePermission(PERMISSIONS.NEEDS_SUPPORT)
  @ApiOkResponse({ type: SupportResultDto })
  withdraw(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<SupportResultDto> {
    return this.supports.withdraw(actor, p.id);
  }
}
