import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';

import { Env } from '../../config/env';
import { Deadlines } from './deadlines.service';
import { QueuesController } from './queues.controller';

export function redisConnection(env: Env) {
  return { host: env.REDIS_HOST, port: env.REDIS_PORT, db: env.REDIS_DB, maxRetriesPerRequest: null };
}

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
