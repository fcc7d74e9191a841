import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, Public, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import {
  AuditChainStateDto,
  AuditEventDto,
  AuditPageDto,
  ChainVerificationDto,
  CheckpointPageDto,
  PublicKeyDto,
  TakeCheckpointResultDto,
} from '../dto/audit-event.dto';
import { CheckpointPageQuery } from '../dto/checkpoint.query';
import { ListAuditQuery } from '../dto/list-audit.query';
import { AuditService } from '../services/audit.service';
import { AuditCheckpoints } from '../services/checkpoint.service';
import { EmptyBodyPipe } from './empty-body.pipe';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.AUDIT_READ)
  @ApiOkResponse({ type: AuditPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: ListAuditQuery): Promise<Page<AuditEventDto>> {
    return this.audit.list(actor, q);
  }

  @Get('verify')
  @RequirePermission(PERMISSIONS.AUDIT_VERIFY)
  @ApiOkResponse({ type: ChainVerificationDto })
  verify(@CurrentActor() actor: Actor): Promise<ChainVerificationDto> {
    return this.audit.verify(actor);
  }

  @Get('state')
  @RequirePermission(PERMISSIONS.AUDIT_READ)
  @ApiOkResponse({ type: AuditChainStateDto, description: 'Head, latest checkpoint and latest verification.' })
  state(): Promise<AuditChainStateDto> {
    return this.audit.chainState();
  }

  /** Anchors the current head now (the worker also does it every AUDIT_CHECKPOINT_INTERVAL_SECONDS). */
  @Post('checkpoints')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.AUDIT_VERIFY)
  @ApiOkResponse({ type: TakeCheckpointResultDto })
  take(@Body(EmptyBodyPipe) _none: undefined): Promise<TakeCheckpointResultDto> {
    return this.checkpoints.takeOrFail();
  }
}

/** The checkpoints and the key that signs them, for the public and for auditors' own archives (ADR 0004). */
@ApiTags('transparency')
@Controller('v1/public/audit')
export class PublicAuditController {
  constructor(private readonly checkpoints: AuditCheckpoints) {}

  @Get('checkpoints')
  @Public()
  @ApiOkResponse({ type: CheckpointPageDto, description: 'Every signed checkpoint, oldest first.' })
  async list(@Query() q: CheckpointPageQuery): Promise<CheckpointPageDto> {
    return { ...(await this.checkpoints.page(q.page, q.pageSize)), page: q.page, pageSize: q.pageSize };
  }

  @Get('public-key')
  @Public()
  @ApiOkResponse({ type: PublicKeyDto })
  publicKey(): PublicKeyDto {
    return this.checkpoints.publicKey();
  }
}
