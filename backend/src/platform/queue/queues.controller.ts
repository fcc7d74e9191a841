import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { RequirePermission } from '../access/decorators';
import { PERMISSIONS } from '../access/permissions';
import { Deadlines, ReconcileReport } from './deadlines.service';

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

  /** Rebuilds every pending deadline job from the database now (the worker also does it at start-up and periodically). */
  @Post('reconcile')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.QUEUES_MANAGE)
  @ApiOkResponse({ description: 'What the reconciler found and (re)scheduled.' })
  reconcile(): Promise<ReconcileReport> {
    return this.deadlines.reconcile();
  }
}
