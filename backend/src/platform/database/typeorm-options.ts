import type { MysqlDataSourceOptions } from 'typeorm/driver/mysql/MysqlDataSourceOptions';

import { MIGRATIONS } from '../../../../migrations';
import { ENTITIES } from '../../app.entities';
import { Env } from '../../config/env';

/**
 * The one TypeORM configuration: MariaDB/MySQL through mysql2, instants as UTC on the wire
 * (`timezone: 'Z'`), migrations listed explicitly, `synchronize` off everywhere (tests included).
 * Timestamps are never taken from the session time zone: the code asks the database clock with
 * `UTC_TIMESTAMP(3)` (see db-clock.ts) and writes explicit values.
 */
export function typeOrmOptions(
  env: Env,
  overrides: Partial<{ database: string; poolSize: number }> = {},
): MysqlDataSourceOptions {
  const poolSize = overrides.poolSize ?? env.DB_POOL_SIZE;
  return {
    type: env.DB_TYPE,
    host: env.DB_HOST,
    port: env.DB_PORT,
    username: env.DB_USER,
    password: env.DB_PASSWORD,
    database: overrides.database ?? env.DB_NAME,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
    poolSize,
    extra: { connectionLimit: poolSize },
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: env.NODE_ENV === 'test' ? false : ['error'],
  };
}
