import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import { TemporaryPasswordDto } from '../dto/auth.dto';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto, UserIdParam, UserPageDto } from '../dto/user.dto';
import { PasswordsService } from '../services/passwords.service';
import { UsersService } from '../services/users.service';

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.USERS_READ)
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: ListUsersQuery): Promise<Page<UserDto>> {
    return this.users.list(actor, q);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.USERS_READ)
  @ApiOkResponse({ type: UserDto })
  get(@CurrentActor() actor: Actor, @Param() p: UserIdParam): Promise<UserDto> {
    return this.users.get(actor, p.id);
  }

  @Post()
  @Idempotent()
  @RequirePermission(PERMISSIONS.USERS_MANAGE)
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.USERS_MANAGE)
  @ApiOkResponse({ type: UserDto })
  update(@CurrentActor() actor: Actor, @Param() p: UserIdParam, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(actor, p.id, dto);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.USERS_MANAGE)
  @ApiOkResponse({ type: UserDto, description: 'Also revokes every session of the user.' })
  disable(@CurrentActor() actor: Actor, @Param() p: UserIdParam): Promise<UserDto> {
    return this.users.disable(actor, p.id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.USERS_MANAGE)
  @ApiOkResponse({ type: UserDto })
  enable(@CurrentActor() actor: Actor, @Param() p: UserIdParam): Promise<UserDto> {
    return this.users.enable(actor, p.id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @RequirePermission(PERMISSIONS.USERS_MANAGE)
  @ApiOkResponse({
    type: TemporaryPasswordDto,
    description:
      'A temporary password, shown once: the user must change it at the next sign-in. Ends the user’s sessions and lifts a lockout. 422 for one’s own account.',
  })
  resetPassword(@CurrentActor() actor: Actor, @Param() p: UserIdParam): Promise<TemporaryPasswordDto> {
    return this.passwords.reset(actor, p.id);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.USERS_MANAGE)
  @ApiOkResponse({ type: UserDto, description: 'Lifts a lockout at once; 409 when the account is not locked.' })
  unlock(@CurrentActor() actor: Actor, @Param() p: UserIdParam): Promise<UserDto> {
    return this.passwords.unlock(actor, p.id);
  }
}
