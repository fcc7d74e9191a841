import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, createConnection } from 'mysql2/promise';

import { MIGRATIONS } from '../../../migrations';
import { connectAs } from '../../src/cli/db';
import { dropAccount, runtimePrivileges } from '../../src/cli/db-accounts';
import { prepareDeployment } from '../../src/cli/prepare-deployment';
import { readEnvFile } from '../../src/config/dotenv';
import { DEVELOPMENT_JWT_SECRET, loadEnv, resetEnvCache, weakJwtSecret } from '../../src/config/env';
import { createTestApp, TestApp } from '../support/test-app';

/** MySQL/MariaDB refusals for a missing privilege (1142 table, 1044 database, 1227 server-level, 1045-like). */
const DENIED = /command denied|Access denied|privilege/i;

async function expectDenied(conn: { query: (sql: string) => Promise<unknown> }, sql: string): Promise<void> {
  await expect(conn.query(sql)).rejects.toThrow(DENIED);
}

describe('database accounts: the application runs without the power to rewrite the audit chain', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // The probes below DROP, TRUNCATE and GRANT: if the suite ever ran as the administrative account again, they
    // would succeed — on the run's own schema, but still. Fail before any of them instead.
    const [{ who }] = await t.ds.query('SELECT CURRENT_USER() AS who');
    if (String(who).split('@')[0] === t.env.DB_ADMIN_USER)
      throw new Error(`the application connects as the administrative account ${String(who)}: refusing the probes`);
  });
  afterAll(() => t.close());

  it('the tests themselves run as a least-privileged runtime account, not as root', async () => {
    const [{ who }] = await t.ds.query('SELECT CURRENT_USER() AS who');
    expect(who).toMatch(/^dd_/);
    expect(t.env.DB_USER).not.toBe(t.env.DB_ADMIN_USER);
  });

  it.each([
    ['TRUNCATE the audit events', 'TRUNCATE TABLE audit_events'],
    ['DROP the audit events', 'DROP TABLE audit_events'],
    ['ALTER the audit events', 'ALTER TABLE audit_events ADD COLUMN x int'],
    ['drop the append-only trigger', 'DROP TRIGGER audit_events_no_update'],
    ['CREATE a TRIGGER', "CREATE TRIGGER t_x BEFORE INSERT ON audit_events FOR EACH ROW SET NEW.action = 'x'"],
    ['UPDATE an audit event', "UPDATE audit_events SET action = 'x' WHERE seq = 1"],
    ['DELETE an audit event', 'DELETE FROM audit_events WHERE seq = 1'],
    ['UPDATE a checkpoint', "UPDATE audit_checkpoints SET hash = 'x'"],
    ['DELETE a checkpoint', 'DELETE FROM audit_checkpoints'],
    ['DELETE a verification record', 'DELETE FROM audit_verifications'],
    ['TRUNCATE any other table', 'TRUNCATE TABLE users'],
    ['CREATE a table', 'CREATE TABLE x (id int)'],
    ['DROP the database', `DROP DATABASE \`${process.env.DB_NAME}\``],
    ['CREATE a USER', "CREATE USER 'dd_never_created'@'%' IDENTIFIED BY 'x'"],
    ['GRANT itself more', `GRANT ALL PRIVILEGES ON \`${process.env.DB_NAME}\`.* TO CURRENT_USER()`],
  ])('the runtime account cannot %s', async (_what, sql) => {
    await expectDenied(t.ds, sql);
  });

  it('holds exactly its table privileges, and nothing at database or server level', async () => {
    const grants = ((await t.ds.query('SHOW GRANTS FOR CURRENT_USER()')) as Array<Record<string, string>>).map(
      (r) => Object.values(r)[0],
    );
    const perTable = new Map<string, string[]>();
    for (const g of grants) {
      const m = /^GRANT (.+?) ON (\S+) TO /.exec(g);
      if (!m) continue;
      if (m[2] === '*.*') {
        expect(m[1]).toBe('USAGE');
        continue;
      }
      const table = /^`[^`]+`\.`([^`]+)`$/.exec(m[2]);
      expect(table).not.toBeNull(); // no database-wide grant
      perTable.set((table as RegExpExecArray)[1], m[1].split(', ').sort());
    }
    const tables = ((await t.ds.query('SHOW TABLES')) as Array<Record<string, string>>).map((r) => Object.values(r)[0]);
    expect(tables.length).toBeGreaterThan(20);
    for (const table of tables) expect([table, perTable.get(table)]).toEqual([table, runtimePrivileges(table).sort()]);
    expect(perTable.get('audit_events')).toEqual(['INSERT', 'SELECT']);
  });
});

describe('prepare (npm start): secrets, signing key, accounts and migrations, idempotently', () => {
  const tag = randomBytes(3).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'diandan-prepare-'));
  const envFile = join(dir, '.env');
  const db = `diandan_test_prep_${tag}`;
  const accounts = { runtimeAccount: `dd_pa_${tag}`, migrationAccount: `dd_pm_${tag}` };
  const saved = { ...process.env };
  const lines: string[] = [];

  /** Runs prepare as `npm start` would: the env file (like start.sh, which sources it) and nothing of the test run. */
  async function runPrepare() {
    for (const key of Object.keys(process.env)) if (/^(DB_|JWT_|AUDIT_)/.test(key)) delete process.env[key];
    Object.assign(process.env, readEnvFile(envFile), {
      NODE_ENV: 'development',
      DB_NAME: db,
      DB_ADMIN_USER: saved.DB_ADMIN_USER ?? 'root',
      DB_ADMIN_PASSWORD: saved.DB_ADMIN_PASSWORD ?? '',
      AUDIT_SIGNING_KEY_FILE: join(dir, 'audit', 'signing-key.pem'),
    });
    resetEnvCache();
    return prepareDeployment({ envFile, ...accounts, log: (l) => lines.push(l) });
  }

  afterAll(async () => {
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, saved);
    resetEnvCache();
    const env = loadEnv();
    const admin = await connectAs(env, env.DB_ADMIN_USER, env.DB_ADMIN_PASSWORD);
    try {
      await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
      for (const user of Object.values(accounts)) await dropAccount(admin, { user, host: '%' });
    } finally {
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  async function connect(user: string, password: string): Promise<Connection> {
    return createConnection({ host: '127.0.0.1', port: 3306, user, password, database: db });
  }

  it('on first start (a .env copied from .env.example): writes a random secret and two accounts, creates the key, migrates', async () => {
    writeFileSync(
      envFile,
      `# copied from .env.example\nDB_USER=root\nDB_PASSWORD=\nJWT_SECRET=${DEVELOPMENT_JWT_SECRET}\n`,
    );
    const report = await runPrepare();
    expect(report.written.sort()).toEqual(
      ['DB_MIGRATION_PASSWORD', 'DB_MIGRATION_USER', 'DB_PASSWORD', 'DB_USER', 'JWT_SECRET'].sort(),
    );
    expect(report.migrations).toHaveLength(MIGRATIONS.length);
    expect(report.signingKey.created).toBe(true);
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    expect(statSync(report.signingKey.file).mode & 0o777).toBe(0o600);
    const written = readEnvFile(envFile);
    expect(weakJwtSecret(written.JWT_SECRET)).toBeNull();
    expect(written).toMatchObject({ DB_USER: accounts.runtimeAccount, DB_MIGRATION_USER: accounts.migrationAccount });
    expect(written.DB_PASSWORD).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(envFile, 'utf8')).toContain('# copied from .env.example'); // the rest of the file is kept
    expect(lines.join('\n')).not.toContain(written.DB_PASSWORD); // secrets are never printed
    expect(lines.join('\n')).not.toContain(written.JWT_SECRET);
  });

  it('on the next start: changes nothing', async () => {
    const before = readFileSync(envFile, 'utf8');
    const key = readFileSync(join(dir, 'audit', 'signing-key.pem'), 'utf8');
    const report = await runPrepare();
    expect(report).toMatchObject({ written: [], migrations: [], signingKey: { created: false } });
    expect(readFileSync(envFile, 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'audit', 'signing-key.pem'), 'utf8')).toBe(key);
  });

  it('the accounts it made: the runtime one reads and writes data but cannot alter the audit chain; the migration one owns the schema', async () => {
    const written = readEnvFile(envFile);
    const app = await connect(written.DB_USER, written.DB_PASSWORD);
    try {
      await app.query('SELECT COUNT(*) FROM users');
      for (const sql of [
        'TRUNCATE TABLE audit_events',
        'DROP TRIGGER audit_events_no_delete',
        'UPDATE audit_events SET ip = NULL',
      ])
        await expectDenied(app, sql);
    } finally {
      await app.end();
    }
    const migrator = await connect(written.DB_MIGRATION_USER, written.DB_MIGRATION_PASSWORD);
    try {
      await migrator.query('CREATE TABLE prepare_probe (id int)');
      await migrator.query('DROP TABLE prepare_probe');
    } finally {
      await migrator.end();
    }
  });

  it('repairs an account whose password no longer matches the file, and strips a database-wide grant', async () => {
    const env = loadEnv();
    const admin = await connectAs(env, saved.DB_ADMIN_USER ?? 'root', saved.DB_ADMIN_PASSWORD ?? '');
    try {
      await admin.query("ALTER USER ?@'%' IDENTIFIED BY 'something-else'", [accounts.runtimeAccount]);
      await admin.query(`GRANT ALL PRIVILEGES ON \`${db}\`.* TO ?@'%'`, [accounts.runtimeAccount]);
    } finally {
      await admin.end();
    }
    await runPrepare();
    const written = readEnvFile(envFile);
    const app = await connect(written.DB_USER, written.DB_PASSWORD);
    try {
      await expectDenied(app, 'TRUNCATE TABLE audit_events');
    } finally {
      await app.end();
    }
    expect(existsSync(envFile)).toBe(true);
  });
});
