import { DataSource, EntityManager } from 'typeorm';

/** MySQL/MariaDB errors that mean "try the whole transaction again". */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export function isRetryableDbError(err: unknown): boolean {
  const code =
    (err as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (err as { code?: string })?.code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * Runs one use case in one transaction. A deadlock or lock-wait timeout rolls everything back and
 * the whole function is run again (up to `attempts` times); if it still fails the error surfaces
 * (rendered as 503 by the problem-details filter) with nothing half-written.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (em: EntityManager) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction('READ COMMITTED', work);
    } catch (err) {
      if (attempt >= attempts || !isRetryableDbError(err)) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.floor(Math.random() * 20)));
    }
  }
}
