import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { RequirePermission } from '../access/decorators';
import { PERMISSIONS } from '../access/permissions';
import { Deadlines } from './deadlines.service';

@ApiTags('queues')
@Controller('v1/queues')
export class QueuesController {
  constructor(private readonly deadlines: Deadlines) {}

  @Get()
  @RequirePermission(PERMISSIONS.QUEUES_READ)
  @ApiOkResponse({ description: 'Job counts per queue.' })
  async list(): Promise<Array<{ name: string; counts: Record<string, number> }>> {
    return Promise.all(
      this.deadlines.registeredQueues().map(async (q) => ({
        name: q.name,
        counts: await q.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed'),
      })),
    );
  }
}
