import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import { ListResidentsQuery, ResidentDto } from '../dto/resident.dto';
import { UserIdParam } from '../dto/user.dto';
import { ResidentsService } from '../services/residents.service';

@ApiTags('residents')
@Controller('v1/residents')
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.RESIDENTS_VERIFY)
  @ApiOkResponse({ type: [ResidentDto], description: "Residents of the worker's region subtree" })
  list(@CurrentActor() actor: Actor, @Query() q: ListResidentsQuery): Promise<Page<ResidentDto>> {
    return this.residents.list(actor, q);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.RESIDENTS_VERIFY)
  @ApiOkResponse({ type: ResidentDto })
  verify(@CurrentActor() actor: Actor, @Param() p: UserIdParam): Promise<ResidentDto> {
    return this.residents.verify(actor, p.id);
  }
}
