/**
 * The two database accounts of a deployment (issue #9 A2, docs/operations.md#database-accounts):
 *
 * - the **migration account** owns the schema: ALL on the database, WITH GRANT OPTION (it grants the runtime
 *   account its table privileges after each migration), used only by `migrate`/`prepare`;
 * - the **runtime account** of the API and the worker: SELECT/INSERT/UPDATE/DELETE on the app's tables, only
 *   SELECT/INSERT on the append-only audit tables, and nothing else — no DDL, TRUNCATE (which needs DROP), TRIGGER,
 *   GRANT, nothing at database or server level. So the running application cannot drop the audit triggers,
 *   truncate the chain or rewrite it.
 *
 * MariaDB 10.11 and MySQL 8 share this syntax (CREATE USER IF NOT EXISTS, table-level GRANT/REVOKE), except the
 * MariaDB-only privilege DELETE HISTORY.
 */
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mysql2/promise';

export interface DbAccount {
  user: string;
  host: string;
}

const ACCOUNT_NAME = /^[A-Za-z0-9_]{1,32}$/;
const DATABASE_NAME = /^[A-Za-z0-9_]+$/;

/** Tables the application only appends to and reads (their triggers refuse changes; the account cannot drop them). */
export const APPEND_ONLY_TABLES = [
  'audit_events',
  'audit_checkpoints',
  'audit_verifications',
  // OCDS open data (issue #12): a release, once written, is what was published; a later change makes a new one
  'ocds_releases',
  'ocds_bulk_files',
] as const;

/**
 * The runtime account's privileges on one table. `audit_chain_head` needs UPDATE only because MySQL 8 requires it
 * (or DELETE) for `SELECT … FOR UPDATE`, the lock that serialises audit writers; the head itself is moved by a
 * trigger running with its definer's rights, and a moved head shows in verification (HEAD_MISMATCH, checkpoints).
 */
export function runtimePrivileges(table: string): string[] {
  if ((APPEND_ONLY_TABLES as readonly string[]).includes(table)) return ['SELECT', 'INSERT'];
  if (table === 'audit_chain_head') return ['SELECT', 'UPDATE'];
  if (table === 'migrations') return ['SELECT'];
  return ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
}

/** Every table-level privilege, for revoking what an account must not have. */
function tablePrivileges(flavour: 'mariadb' | 'mysql'): string[] {
  const common = [
    'SELECT',
    'INSERT',
    'UPDATE',
    'DELETE',
    'CREATE',
    'DROP',
    'REFERENCES',
    'INDEX',
    'ALTER',
    'CREATE VIEW',
    'SHOW VIEW',
    'TRIGGER',
  ];
  return flavour === 'mariadb' ? [...common, 'DELETE HISTORY'] : common;
}

export function randomPassword(): string {
  // base64url: safe in .env files, shell `source` and SQL string literals
  return randomBytes(24).toString('base64url');
}

function checkAccount(a: DbAccount): void {
  if (!ACCOUNT_NAME.test(a.user)) throw new Error(`Unsafe account name: ${a.user}`);
  if (!/^[A-Za-z0-9_.%:-]{1,255}$/.test(a.host)) throw new Error(`Unsafe account host: ${a.host}`);
}

function checkDatabase(db: string): void {
  if (!DATABASE_NAME.test(db)) throw new Error(`Unsafe database name: ${db}`);
}

function isNoSuchGrant(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ER_NONEXISTING_GRANT' || code === 'ER_NONEXISTING_TABLE_GRANT';
}

async function flavourOf(conn: Connection): Promise<'mariadb' | 'mysql'> {
  const [rows] = await conn.query('SELECT VERSION() AS v');
  return /mariadb/i.test((rows as Array<{ v: string }>)[0].v) ? 'mariadb' : 'mysql';
}

/** Creates the account, or sets its password when it exists (idempotent: `.env` is the source of the password). */
export async function ensureAccount(admin: Connection, a: DbAccount, password: string): Promise<void> {
  checkAccount(a);
  await admin.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [a.user, a.host, password]);
  await admin.query('ALTER USER ?@? IDENTIFIED BY ?', [a.user, a.host, password]);
}

export async function dropAccount(admin: Connection, a: DbAccount): Promise<void> {
  checkAccount(a);
  await admin.query('DROP USER IF EXISTS ?@?', [a.user, a.host]);
}

/** The migration account: everything on the app's database, with the right to grant the runtime account. */
export async function grantMigrationPrivileges(admin: Connection, db: string, a: DbAccount): Promise<void> {
  checkAccount(a);
  checkDatabase(db);
  await admin.query(`GRANT ALL PRIVILEGES ON \`${db}\`.* TO ?@? WITH GRANT OPTION`, [a.user, a.host]);
}

/**
 * Removes whatever the runtime account holds beyond its table privileges: server-wide privileges and
 * database-wide ones on the app's database (e.g. an account first created with `GRANT ALL ON db.*`).
 */
export async function revokeBroadPrivileges(admin: Connection, db: string, a: DbAccount): Promise<void> {
  checkAccount(a);
  checkDatabase(db);
  const [rows] = await admin.query('SHOW GRANTS FOR ?@?', [a.user, a.host]);
  const grants = (rows as Array<Record<string, string>>).map((r) => Object.values(r)[0]);
  for (const g of grants) {
    const m = /^GRANT (.+?) ON (\S+) TO /.exec(g);
    if (!m) continue;
    const [, privileges, on] = m;
    const global = on === '*.*';
    const onOurDb = on === `\`${db}\`.*`;
    if (!(global || onOurDb) || (global && privileges === 'USAGE')) continue;
    for (const stmt of [`REVOKE ALL PRIVILEGES ON ${on} FROM ?@?`, `REVOKE GRANT OPTION ON ${on} FROM ?@?`]) {
      try {
        await admin.query(stmt, [a.user, a.host]);
      } catch (err) {
        if (!isNoSuchGrant(err)) throw err;
      }
    }
  }
}

/**
 * Gives the runtime account exactly {@link runtimePrivileges} on every table of `db`, table by table (a database-wide
 * grant would include the audit tables). Grants first, then revokes the rest, so a running application never loses
 * a privilege it needs. Idempotent; run after every migration (new tables) by `migrate`.
 */
export async function grantRuntimePrivileges(conn: Connection, db: string, a: DbAccount): Promise<string[]> {
  checkAccount(a);
  checkDatabase(db);
  const flavour = await flavourOf(conn);
  const [rows] = await conn.query(
    "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    [db],
  );
  const tables = (rows as Array<{ t: string }>).map((r) => r.t);
  for (const table of tables) {
    if (!/^[A-Za-z0-9_]+$/.test(table)) throw new Error(`Unexpected table name: ${table}`);
    const wanted = runtimePrivileges(table);
    const unwanted = tablePrivileges(flavour).filter((p) => !wanted.includes(p));
    await conn.query(`GRANT ${wanted.join(', ')} ON \`${db}\`.\`${table}\` TO ?@?`, [a.user, a.host]);
    await conn.query(`REVOKE ${[...unwanted, 'GRANT OPTION'].join(', ')} ON \`${db}\`.\`${table}\` FROM ?@?`, [
      a.user,
      a.host,
    ]);
  }
  return tables;
}
