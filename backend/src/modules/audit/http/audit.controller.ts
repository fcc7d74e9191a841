import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import { AuditEventDto, AuditPageDto, ChainVerificationDto } from '../dto/audit-event.dto';
import { ListAuditQuery } from '../dto/list-audit.query';
import { AuditService } from '../services/audit.service';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission(PERMISSIONS.AUDIT_READ)
  @ApiOkResponse({ type: AuditPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: ListAuditQuery): Promise<Page<AuditEventDto>> {
    return this.audit.list(actor, q);
  }

  @Get('verify')
  @RequirePermission(PERMISSIONS.AUDIT_VERIFY)
  @ApiOkResponse({ type: ChainVerificationDto })
  verify(): Promise<ChainVerificationDto> {
    return this.audit.verify();
  }
}
