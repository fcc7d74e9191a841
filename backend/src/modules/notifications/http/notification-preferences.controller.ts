import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from '../dto/preferences.dto';
import { NotificationPreferencesService } from '../services/notification-preferences.service';

@ApiTags('notifications')
@Controller('v1/me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @RequirePermission(PERMISSIONS.SELF_READ)
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesDto> {
    return this.preferences.get(actor);
  }

  @Put()
  @RequirePermission(PERMISSIONS.SELF_READ)
  @ApiOkResponse({ type: NotificationPreferencesDto, description: 'My channels; the addresses are set in my profile' })
  update(
    @CurrentActor() actor: Actor,
    @Body() dto: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.preferences.update(actor, dto);
  }
}
