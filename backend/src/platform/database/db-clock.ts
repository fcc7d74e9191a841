import { EntityManager } from 'typeorm';

/**
 * The database clock: the one authority on "now" for deadlines, lockouts and audit times.
 * Read it inside the write transaction that depends on it.
 */
export async function dbNow(em: EntityManager): Promise<Date> {
  const rows: Array<{ now: Date }> = await em.query('SELECT UTC_TIMESTAMP(3) AS now');
  return rows[0].now;
}
