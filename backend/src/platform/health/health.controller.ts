import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import { Public } from '../access/decorators';
import { QUEUES } from '../queue/queue-names';

type Check = 'up' | 'down';

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.IDENTITY) private readonly queue: Queue,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The process is alive.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Database and Redis answer.' })
  @ApiServiceUnavailableResponse({ description: 'The database or Redis does not answer.' })
  async ready(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: 'ok' | 'unavailable'; checks: { database: Check; redis: Check } }> {
    const database: Check = await within(2000, this.dataSource.query('SELECT 1')).then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const redis: Check = await within(2000, this.queue.getJobCounts('waiting')).then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const ok = database === 'up' && redis === 'up';
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'unavailable', checks: { database, redis } };
  }
}
