import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { AcceptLanguage } from '../../../platform/i18n';
import { InboxPageDto, InboxQuery, NotificationIdParam } from '../dto/inbox.dto';
import { InboxService } from '../services/inbox.service';

@ApiTags('inbox')
@Controller('v1/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @RequirePermission(PERMISSIONS.INBOX_READ)
  @ApiOkResponse({ type: InboxPageDto })
  list(
    @CurrentActor() actor: Actor,
    @Query() q: InboxQuery,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<InboxPageDto> {
    return this.inbox.list(actor, q, acceptLanguage);
  }

  @Post('read-all')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.INBOX_READ)
  @ApiNoContentResponse()
  readAll(@CurrentActor() actor: Actor): Promise<void> {
    return this.inbox.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.INBOX_READ)
  @ApiNoContentResponse({ description: '404 if the message is not yours' })
  read(@CurrentActor() actor: Actor, @Param() p: NotificationIdParam): Promise<void> {
    return this.inbox.markRead(actor, p.id);
  }
}
