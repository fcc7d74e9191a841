import { Connection, createConnection } from 'mysql2/promise';

import { bidBody, publishedTender, sleep } from '../factories/procurement.factory';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * Fault: the database connection serving a request dies mid-request (the server restarted, a proxy or
 * an administrator cut it, a network blip). The request answers 503 problem details — "try again",
 * never a 500 — nothing is half-written, and the next request is served on a fresh connection.
 */
describe('fault: a MariaDB connection killed during a request', () => {
  let t: TestApp;
  let admin: Connection;

  beforeAll(async () => {
    t = await createTestApp();
    // The test's own connection, outside the app's pool: it holds the lock and issues the KILL.
    admin = await createConnection({
      host: t.env.DB_HOST,
      port: t.env.DB_PORT,
      user: t.env.DB_USER,
      password: t.env.DB_PASSWORD,
      database: t.env.DB_NAME,
    });
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  /** The id of the app's connection that is waiting inside the database on the given statement. */
  async function waitingConnection(statementLike: string): Promise<number> {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const [rows] = (await admin.query(
        'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID() AND INFO LIKE ?',
        [t.env.DB_NAME, statementLike],
      )) as unknown as [Array<{ id: number }>];
      if (rows.length === 1) return rows[0].id;
      await sleep(20);
    }
    throw new Error(`no connection waiting on ${statementLike}`);
  }

  it('answers 503 problem details, writes nothing, and serves the next request', async () => {
    const id = await publishedTender(t, '连接中断');
    const org = await bearer(t, 'orgmember');
    const bid = () => t.http().put(`/api/v1/tenders/${id}/my-bid`).set('Authorization', org).send(bidBody('9000.00'));

    // Hold the tender row: the bid's write transaction stops on it (its shared lock), provably inside the database.
    await admin.query('START TRANSACTION');
    await admin.query('SELECT id FROM tenders WHERE id = ? FOR UPDATE', [id]);
    const pending = bid().then((r) => r); // supertest starts the request on then()
    const victim = await waitingConnection('%FROM tenders WHERE id = % LOCK IN SHARE MODE%');
    await admin.query(`KILL CONNECTION ${Number(victim)}`);
    const res = await pending;
    await admin.query('ROLLBACK');

    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(
      expect.objectContaining({ status: 503, code: 'DB_CONNECTION_LOST', instance: `/api/v1/tenders/${id}/my-bid` }),
    );
    expect(typeof res.body.requestId).toBe('string');
    const [none] = (await admin.query('SELECT COUNT(*) AS n FROM bids WHERE tender_id = ?', [id])) as unknown as [
      Array<{ n: number }>,
    ];
    expect(Number(none[0].n)).toBe(0); // nothing half-written

    // The pool dropped the dead connection: the same request now succeeds, as do the next few.
    const again = await bid();
    expect(again.status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await t.http().get('/api/health/ready')).status).toBe(200);
    const [one] = (await admin.query("SELECT COUNT(*) AS n FROM bids WHERE tender_id = ? AND status = 'SUBMITTED'", [
      id,
    ])) as unknown as [Array<{ n: number }>];
    expect(Number(one[0].n)).toBe(1);
  });

  it('serves the next requests after the server killed the idle pooled connections', async () => {
    // Warm the pool, then kill every idle connection the app holds (as a database restart or wait_timeout would).
    for (let i = 0; i < 3; i++) expect((await t.http().get('/api/health/ready')).status).toBe(200);
    const idleIds = async () =>
      (
        (await admin.query(
          "SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID() AND COMMAND = 'Sleep'",
          [t.env.DB_NAME],
        )) as unknown as [Array<{ id: number }>]
      )[0].map((r) => r.id);
    const idle = await idleIds();
    expect(idle.length).toBeGreaterThan(0);
    for (const id of idle) await admin.query(`KILL CONNECTION ${Number(id)}`);
    while ((await idleIds()).some((id) => idle.includes(id))) await sleep(10); // gone on the server side
    const org = await bearer(t, 'orgmember'); // a login: reads and writes
    for (let i = 0; i < 3; i++)
      expect((await t.http().get('/api/v1/tenders?page=1').set('Authorization', org)).status).toBe(200);
  });
});
