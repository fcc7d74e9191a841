import { Connection, createConnection } from 'mysql2/promise';

/**
 * A connection to the running app's own schema (e2e/run.sh exports DB_NAME), for a test to check what the user's
 * action saved — after the user has seen it saved — or to bring a deadline forward.
 */
export async function openDb(): Promise<Connection> {
  if (!process.env.DB_NAME) throw new Error('DB_NAME (the schema of the running app) is required: see e2e/run.sh');
  return createConnection({
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 3306),
    user: process.env.DB_USER ?? 'root',
    password: process.env.DB_PASSWORD ?? '',
    database: process.env.DB_NAME,
  });
}

/** Integer fen as the UI writes an amount: `¥88,888.88` (exact, no float on the way). */
export function yuanText(fen: bigint | string | number): string {
  const value = BigInt(fen);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${yuan}.${digits.slice(-2)}`;
}
