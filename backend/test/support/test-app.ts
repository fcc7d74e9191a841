import 'reflect-metadata';

import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Connection } from 'mysql2/promise';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';

import { AppModule } from '../../src/app.module';
import { configureHttpApp } from '../../src/bootstrap';
import { connectAs, openDataSource } from '../../src/cli/db';
import { DEMO_PASSWORD } from '../../src/cli/seed-demo';
import { Env, loadEnv } from '../../src/config/env';
import { WorkerModule } from '../../src/worker.module';

export { DEMO_PASSWORD };

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  server: App;
  ds: DataSource;
  env: Env;
  close: () => Promise<void>;
}

/** The real HTTP app (AppModule + the same configuration as main.ts) on the run's fresh schema. */
export async function createTestApp(envOverrides: Partial<Env> = {}): Promise<TestApp> {
  const env = Object.assign(Object.create(Env.prototype) as Env, loadEnv(), envOverrides);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Env)
    .useValue(env)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'], bodyParser: false });
  configureHttpApp(app, env);
  await app.init();
  const server = app.getHttpServer() as App;
  return {
    app,
    server,
    http: () => request(server),
    ds: app.get(DataSource),
    env,
    close: () => app.close(),
  };
}

/** The worker process's module (consumers + reconciler runner) in this process. */
export async function createTestWorker(): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  await ctx.init();
  return ctx;
}

/**
 * A connection to the run's schema as the administrative account (DB_ADMIN_USER): for tests that play someone who
 * can do more than the application — drop a trigger, rewrite or truncate a table. The app itself (`t.ds`) runs as
 * the least-privileged runtime account, as in production.
 */
export async function adminConnection(env: Env = loadEnv()): Promise<Connection> {
  const conn = await connectAs(env, env.DB_ADMIN_USER, env.DB_ADMIN_PASSWORD);
  await conn.query(`USE \`${env.DB_NAME}\``);
  return conn;
}

/** A TypeORM DataSource on the run's schema as the administrative account (schema tools: migration:generate). */
export function adminDataSource(env: Env = loadEnv()): Promise<DataSource> {
  const admin = Object.assign(Object.create(Env.prototype) as Env, env, {
    DB_USER: env.DB_ADMIN_USER,
    DB_PASSWORD: env.DB_ADMIN_PASSWORD,
  });
  return openDataSource(admin);
}

export async function login(
  t: TestApp,
  username: string,
  password = DEMO_PASSWORD,
): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await t.http().post('/api/v1/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { accessToken: string; refreshToken: string };
}

export async function bearer(t: TestApp, username: string): Promise<string> {
  return `Bearer ${(await login(t, username)).accessToken}`;
}

export async function count(ds: DataSource, table: string): Promise<number> {
  const rows: Array<{ n: string }> = await ds.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
  return Number(rows[0].n);
}

export async function regionId(ds: DataSource, code: string): Promise<number> {
  const rows: Array<{ id: number }> = await ds.query('SELECT id FROM regions WHERE code = ?', [code]);
  return rows[0].id;
}

export async function userId(ds: DataSource, username: string): Promise<number> {
  const rows: Array<{ id: number }> = await ds.query('SELECT id FROM users WHERE username = ?', [username]);
  return rows[0].id;
}

/**
 * Redis loses everything this deployment had in it: every key of the run's queue prefix is deleted — the same as
 * a FLUSHALL for the application, without wiping other runs (benches, other test runs) sharing the Redis.
 */
export async function loseRedis(t: TestApp): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis({ host: t.env.REDIS_HOST, port: t.env.REDIS_PORT, db: t.env.REDIS_DB });
  try {
    const keys = await redis.keys(`${t.env.QUEUE_PREFIX}:*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  } finally {
    redis.disconnect();
  }
}
