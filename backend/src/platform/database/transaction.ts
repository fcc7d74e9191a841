import { DataSource, EntityManager } from 'typeorm';

/** MySQL/MariaDB errors that mean "try the whole transaction again". */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export function isRetryableDbError(err: unknown): boolean {
  const code =
    (err as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (err as { code?: string })?.code;
  return code !== undefined && RETRYABLE.has(code);
}

/** Errors of the connection itself (not of the statement): the server or the network is gone for this connection. */
const CONNECTION_LOST = new Set([
  'PROTOCOL_CONNECTION_LOST', // the server closed the connection (KILL, restart, wait_timeout)
  'ER_CONNECTION_KILLED',
  'ER_SERVER_SHUTDOWN',
  'ECONNRESET',
  'ECONNREFUSED', // no server to connect to: a new pool connection cannot be opened
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * The database connection serving the request died: mysql2 marks such errors `fatal` (the connection is unusable
 * and the pool drops it). The transaction on it was rolled back by the server, but the request cannot know whether
 * a COMMIT in flight made it, so it is not retried here: the client gets 503 (retry later) and the next request
 * takes a fresh connection.
 */
export function isConnectionLostError(err: unknown): boolean {
  for (const e of [(err as { driverError?: unknown })?.driverError, err]) {
    const { code, fatal } = (e ?? {}) as { code?: unknown; fatal?: unknown };
    if (fatal === true || (typeof code === 'string' && CONNECTION_LOST.has(code))) return true;
  }
  return false;
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
