import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { DeskDto } from '../dto/desk.dto';
import { DeskService } from '../services/desk.service';

@ApiTags('desk')
@Controller('v1/desk')
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  /** What waits for me: every role's own work, scoped as its lists are (SELF_READ: each provider decides by role). */
  @Get()
  @RequirePermission(PERMISSIONS.SELF_READ)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: DeskDto })
  get(@CurrentActor() actor: Actor): Promise<DeskDto> {
    return this.desk.desk(actor);
  }
}
