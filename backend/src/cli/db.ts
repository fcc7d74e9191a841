import { Connection, createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

import { Env, migrationCredentials } from '../config/env';
import { typeOrmOptions } from '../platform/database/typeorm-options';
import { grantRuntimePrivileges } from './db-accounts';

/** The configuration with the migration account in place of the runtime account. */
function asMigrator(env: Env): Env {
  const { user, password } = migrationCredentials(env);
  return Object.assign(Object.create(Env.prototype) as Env, env, { DB_USER: user, DB_PASSWORD: password });
}

/** A plain connection to the server (no database selected) as the given account. */
export function connectAs(env: Env, user: string, password: string): Promise<Connection> {
  return createConnection({ host: env.DB_HOST, port: env.DB_PORT, user, password, charset: 'utf8mb4_unicode_ci' });
}

/** Creates the database if it does not exist yet, as the migration account (which must be allowed to). */
export async function ensureDatabase(env: Env, database = env.DB_NAME): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const { user, password } = migrationCredentials(env);
  const conn = await connectAs(env, user, password);
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(env: Env, database: string): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const { user, password } = migrationCredentials(env);
  const conn = await connectAs(env, user, password);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}

/** A DataSource as the runtime account (what the API and the worker use). */
export async function openDataSource(env: Env, database = env.DB_NAME): Promise<DataSource> {
  const ds = new DataSource(typeOrmOptions(env, { database, poolSize: 5 }));
  return ds.initialize();
}

/**
 * Creates the database if needed and applies every pending migration, each in its own transaction, as the
 * migration account; then gives the runtime account its table privileges (new tables included) when it is a
 * different account.
 */
export async function migrate(env: Env, database = env.DB_NAME): Promise<string[]> {
  const migrator = asMigrator(env);
  await ensureDatabase(migrator, database);
  const ds = new DataSource(typeOrmOptions(migrator, { database, poolSize: 1 }));
  await ds.initialize();
  let applied: string[];
  try {
    applied = (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
  if (env.DB_USER !== migrator.DB_USER) {
    const conn = await connectAs(env, migrator.DB_USER, migrator.DB_PASSWORD);
    try {
      await grantRuntimePrivileges(conn, database, { user: env.DB_USER, host: env.DB_ACCOUNT_HOST });
    } finally {
      await conn.end();
    }
  }
  return applied;
}
