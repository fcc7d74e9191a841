import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

import { Env } from '../config/env';
import { typeOrmOptions } from '../platform/database/typeorm-options';

/** Creates the database if it does not exist yet (the server and credentials must already work). */
export async function ensureDatabase(env: Env, database = env.DB_NAME): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const conn = await createConnection({
    host: env.DB_HOST,
    port: env.DB_PORT,
    user: env.DB_USER,
    password: env.DB_PASSWORD,
  });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(env: Env, database: string): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const conn = await createConnection({
    host: env.DB_HOST,
    port: env.DB_PORT,
    user: env.DB_USER,
    password: env.DB_PASSWORD,
  });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}

export async function openDataSource(env: Env, database = env.DB_NAME): Promise<DataSource> {
  const ds = new DataSource(typeOrmOptions(env, { database, poolSize: 5 }));
  return ds.initialize();
}

/** Creates the database if needed and applies every pending migration, each in its own transaction. */
export async function migrate(env: Env, database = env.DB_NAME): Promise<string[]> {
  await ensureDatabase(env, database);
  const ds = await openDataSource(env, database);
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
