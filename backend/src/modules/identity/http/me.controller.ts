import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { ChangePasswordDto } from '../dto/auth.dto';
import { PreferencesDto, UpdatePreferencesDto } from '../dto/preferences.dto';
import { ContactDto, MeDto, UpdateContactDto } from '../dto/user.dto';
import { PasswordsService } from '../services/passwords.service';
import { UserPreferences } from '../services/user-preferences.service';
import { UsersService } from '../services/users.service';
import { AllowedBeforePasswordChange } from './password-change-required';

@ApiTags('identity')
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly preferences: UserPreferences,
    private readonly passwords: PasswordsService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.SELF_READ)
  @AllowedBeforePasswordChange()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.users.me(actor);
  }

  /** My language for server texts (inbox, timeline), set by the UI's language switch. */
  @Patch('preferences')
  @RequirePermission(PERMISSIONS.SELF_READ)
  @AllowedBeforePasswordChange() // the language switch works on the forced password page too
  @ApiOkResponse({ type: PreferencesDto })
  updatePreferences(@CurrentActor() actor: Actor, @Body() dto: UpdatePreferencesDto): Promise<PreferencesDto> {
    return this.preferences.update(actor, dto);
  }

  /** My own addresses for notifications: e-mail and phone (the profile page and 通知设置). */
  @Patch('contact')
  @RequirePermission(PERMISSIONS.SELF_READ)
  @ApiOkResponse({ type: ContactDto, description: '400 for an address that is not one; null clears it' })
  updateContact(@CurrentActor() actor: Actor, @Body() dto: UpdateContactDto): Promise<ContactDto> {
    return this.preferences.updateContact(actor, dto);
  }

  @Post('password')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.SELF_READ)
  @AllowedBeforePasswordChange()
  @ApiNoContentResponse({
    description:
      'Changed; every other session of the user ends. 422 IDENTITY_CURRENT_PASSWORD_WRONG (counts towards the lockout) or IDENTITY_PASSWORD_POLICY (field newPassword).',
  })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.passwords.change(actor, dto);
  }
}
