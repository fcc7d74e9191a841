import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';

import { AppModule } from './app.module';
import { configureHttpApp } from './bootstrap';
import { stopWhenSupervisorGoes } from './cli/supervisor/child';
import { loadDotEnv } from './config/dotenv';
import { loadEnv } from './config/env';

async function main(): Promise<void> {
  stopWhenSupervisorGoes();
  loadDotEnv();
  const env = loadEnv();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, env);
  await app.listen(env.PORT, '0.0.0.0');
  app.get(Logger).log(`API listening on http://localhost:${env.PORT} (UI at /, API at /api, docs at /api/docs)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
