import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto, UserIdParam, UserPageDto } from '../dto/user.dto';
import { UsersService } from '../services/users.service';

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

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
}
