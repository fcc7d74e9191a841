import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { stopWhenSupervisorGoes } from './cli/supervisor/child';
import { loadDotEnv } from './config/dotenv';
import { loadEnv } from './config/env';
import { WorkerModule } from './worker.module';

/** The BullMQ worker process: consumers + reconciler, no HTTP. Stops gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  stopWhenSupervisorGoes();
  loadDotEnv();
  loadEnv();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
