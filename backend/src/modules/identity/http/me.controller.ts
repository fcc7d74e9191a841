import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { PreferencesDto, UpdatePreferencesDto } from '../dto/preferences.dto';
import { MeDto } from '../dto/user.dto';
import { UserPreferences } from '../services/user-preferences.service';
import { UsersService } from '../services/users.service';

@ApiTags('identity')
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly preferences: UserPreferences,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.SELF_READ)
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.users.me(actor);
  }

  /** My language for server texts (inbox, timeline), set by the UI's language switch. */
  @Patch('preferences')
  @RequirePermission(PERMISSIONS.SELF_READ)
  @ApiOkResponse({ type: PreferencesDto })
  updatePreferences(@CurrentActor() actor: Actor, @Body() dto: UpdatePreferencesDto): Promise<PreferencesDto> {
    return this.preferences.update(actor, dto);
  }
}
