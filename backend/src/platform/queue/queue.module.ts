import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';

import { Env } from '../../config/env';
import { DeadlineWorker } from './deadline-worker';
import { Deadlines } from './deadlines.service';
import { QueuesController } from './queues.controller';

export function redisConnection(env: Env) {
  return { host: env.REDIS_HOST, port: env.REDIS_PORT, db: env.REDIS_DB, maxRetriesPerRequest: null };
}

// Every @Processor's worker takes over the jobs of a crashed worker within seconds (see deadline-worker.ts).
BullModule.workerClass = DeadlineWorker;

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({ connection: redisConnection(env), prefix: env.QUEUE_PREFIX }),
    }),
  ],
  controllers: [QueuesController],
  providers: [Deadlines],
  exports: [Deadlines],
})
export class QueueModule {}
