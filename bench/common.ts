/**
 * Shared by the bench scripts: configuration from the environment, the generated region tree's
 * identity, and a mysql2 connection configured like the application's pool (UTC, utf8mb4).
 * Nothing here is imported by the application.
 */
import { createConnection, createPool, type Connection, type Pool } from 'mysql2/promise';

import { loadDotEnv } from '../backend/src/config/dotenv';
import { validateEnv, type Env } from '../backend/src/config/env';

/** The generated "province-scale" tree hangs under one city (a 直辖市-like municipality). */
export const BENCH_CITY = { code: '500100000000', name: '渝州市' } as const;
/** Four-digit prefix shared by every generated region code (city 4 digits + 8 zeros, …). */
export const BENCH_CITY_PREFIX = BENCH_CITY.code.slice(0, 4);

/** Bench accounts (password = the demo password). Scoped to the generated city, so every generated region is in scope. */
export const BENCH_OFFICER = 'bench_officer';
export const BENCH_AUDITOR = 'bench_auditor';

export function intEnv(name: string, dflt: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return dflt;
  const v = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(v) || v < min || v > max)
    throw new Error(`${name} must be an integer in [${min}, ${max}], got ${raw}`);
  return v;
}

/** The bench database: BENCH_DB (default diandan_bench). Only names starting with `diandan_bench` are accepted. */
export function benchDbName(): string {
  const db = process.env.BENCH_DB ?? 'diandan_bench';
  if (!/^diandan_bench[A-Za-z0-9_]*$/.test(db))
    throw new Error(`BENCH_DB must start with diandan_bench (letters, digits, _), got ${db}`);
  return db;
}

/** The application's validated environment, pointed at the bench database. */
export function benchEnv(db = benchDbName()): Env {
  loadDotEnv();
  return validateEnv({ ...process.env, DB_NAME: db });
}

const connOptions = (env: Env, database: string) => ({
  host: env.DB_HOST,
  port: env.DB_PORT,
  user: env.DB_USER,
  password: env.DB_PASSWORD,
  database,
  charset: 'utf8mb4_unicode_ci',
  timezone: 'Z' as const,
  dateStrings: false,
  supportBigNumbers: true,
  bigNumberStrings: true,
});

export function benchConnection(env: Env, database: string): Promise<Connection> {
  return createConnection(connOptions(env, database));
}

/** A pool configured as TypeORM configures the application's (typeorm-options.ts), of `size` connections. */
export function benchPool(env: Env, database: string, size: number): Pool {
  return createPool({ ...connOptions(env, database), connectionLimit: size, waitForConnections: true, queueLimit: 0 });
}

export function fmtMs(ms: number): string {
  return ms < 10_000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** mulberry32: a small seeded PRNG, so that every run (and every target of a bench) gets the same requests. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
