import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { PERMISSIONS, RequirePermission } from '../../../platform/access';
import { OrganisationDto } from '../dto/organisation.dto';
import { OrganisationsService } from '../services/organisations.service';

@ApiTags('organisations')
@Controller('v1/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.ORGANISATIONS_READ)
  @ApiOkResponse({ type: [OrganisationDto] })
  list(): Promise<OrganisationDto[]> {
    return this.organisations.list();
  }
}
