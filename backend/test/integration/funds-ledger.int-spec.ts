import { createConnection } from 'mysql2/promise';

import { ledgerConsistency, LedgerService } from '../../src/modules/funds';
import { Actor } from '../../src/platform/access';
import { bearer, count, createTestApp, regionId, TestApp } from '../support/test-app';

/** The fund ledger against the real MariaDB: invariants in the transaction, proven under concurrency. */
describe('政府买单: budget lines and the fund ledger', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let officer: string;
  let finance: string;
  const system: Actor = {
    userId: 0,
    username: 'system',
    roles: [],
    regionId: null,
    regionPath: null,
    organisationId: null,
    sessionId: null,
    ip: null,
  };
  let n = 0;
  const key = (what: string) => `test-${what}-${Date.now().toString(36)}-${n++}`;

  beforeAll(async () => {
    t = await createTestApp({ LEDGER_LOCK_WAIT_SECONDS: 1 });
    ledger = t.app.get(LedgerService);
    officer = await bearer(t, 'officer');
    finance = await bearer(t, 'finance');
  });
  afterAll(() => t.close());

  /** A line created by the officer and approved by finance, over HTTP. */
  async function activeLine(amount: string, extra: Record<string, unknown> = {}): Promise<number> {
    const created = await t
      .http()
      .post('/api/v1/funds/lines')
      .set('Authorization', officer)
      .send({
        year: 2026,
        regionId: await regionId(t.ds, '320106000000'),
        source: 'DISTRICT_FINANCE',
        title: `测试指标${n++}`,
        amount,
        ...extra,
      });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('PENDING_APPROVAL');
    const approved = await t
      .http()
      .post(`/api/v1/funds/lines/${created.body.id}/approve`)
      .set('Authorization', finance)
      .send({ note: '同意' });
    expect(approved.status).toBe(200);
    return created.body.id as number;
  }

  const balances = async (id: number) =>
    (await t.http().get(`/api/v1/funds/lines/${id}`).set('Authorization', finance)).body.balances as Record<
      string,
      string
    >;

  it('approval by finance allocates the amount through one ledger entry', async () => {
    const id = await activeLine('1200000.00');
    expect(await balances(id)).toEqual({
      allocated: '1200000.00',
      available: '1200000.00',
      reserved: '0.00',
      committed: '0.00',
      outstandingCommitment: '0.00',
      paid: '0.00',
    });
    const entries = await t.http().get(`/api/v1/funds/lines/${id}/entries`).set('Authorization', finance);
    expect(entries.body.items).toEqual([
      expect.objectContaining({
        operation: 'ALLOCATE',
        fromBucket: 'SOURCE',
        toBucket: 'AVAILABLE',
        amount: '1200000.00',
      }),
    ]);
  });

  it('keeps separation of duties: whoever created a line cannot approve it', async () => {
    const admin = await bearer(t, 'admin');
    const both = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send({
        username: 'both_hats',
        displayName: '兼职',
        password: 'Diandan@2026',
        roles: ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER'],
        regionId: await regionId(t.ds, '320106000000'),
      });
    expect(both.status).toBe(201);
    const twoHats = await bearer(t, 'both_hats');
    const created = await t
      .http()
      .post('/api/v1/funds/lines')
      .set('Authorization', twoHats)
      .send({
        year: 2026,
        regionId: await regionId(t.ds, '320106000000'),
        source: 'DONATION',
        title: '自批测试',
        amount: '1000.00',
      });
    const self = await t
      .http()
      .post(`/api/v1/funds/lines/${created.body.id}/approve`)
      .set('Authorization', twoHats)
      .send({});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('FUNDS_SEPARATION_OF_DUTIES');
    expect(await count(t.ds, 'ledger_entries')).toBeGreaterThan(0);
    const [row] = await t.ds.query('SELECT status, available_fen FROM budget_lines WHERE id = ?', [created.body.id]);
    expect(row).toEqual({ status: 'PENDING_APPROVAL', available_fen: '0' });
  });

  it('lets exactly the affordable number of 300 concurrent reservations succeed; balances equal the ledger', async () => {
    const id = await activeLine('10000.00'); // 1,000,000 fen; 7,000 fen each → exactly 142 fit
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) =>
        ledger.post(system, { lineId: id, operation: 'RESERVE', amountFen: 7000n, idempotencyKey: key(`race-${i}`) }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(142);
    expect(refused.every((r) => (r.reason as { code: string }).code === 'FUNDS_INSUFFICIENT')).toBe(true);
    expect(await balances(id)).toMatchObject({ allocated: '10000.00', available: '60.00', reserved: '9940.00' });
    const [{ entries }] = await t.ds.query(
      "SELECT COUNT(*) AS entries FROM ledger_entries WHERE line_id = ? AND operation = 'RESERVE'",
      [id],
    );
    expect(Number(entries)).toBe(142);
    expect(await ledgerConsistency(t.ds)).toMatchObject({ ok: true });
  });

  it('turns 20 concurrent posts with one idempotency key into one entry', async () => {
    const id = await activeLine('500.00');
    const k = key('dup');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        ledger.post(system, { lineId: id, operation: 'RESERVE', amountFen: 10000n, idempotencyKey: k }),
      ),
    );
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await balances(id)).toMatchObject({ available: '400.00', reserved: '100.00' });
    await expect(
      ledger.post(system, { lineId: id, operation: 'RESERVE', amountFen: 20000n, idempotencyKey: k }),
    ).rejects.toMatchObject({ code: 'FUNDS_IDEMPOTENCY_CONFLICT', status: 422 });
  });

  it('refuses a disbursement above the commitment and changes nothing', async () => {
    const id = await activeLine('1000.00');
    await ledger.post(system, { lineId: id, operation: 'RESERVE', amountFen: 60000n, idempotencyKey: key('r') });
    await ledger.post(system, { lineId: id, operation: 'COMMIT', amountFen: 50000n, idempotencyKey: key('c') });
    await ledger.post(system, { lineId: id, operation: 'DISBURSE', amountFen: 15000n, idempotencyKey: key('d') });
    const before = await balances(id);
    const entriesBefore = await count(t.ds, 'ledger_entries');
    await expect(
      ledger.post(system, { lineId: id, operation: 'DISBURSE', amountFen: 35001n, idempotencyKey: key('d2') }),
    ).rejects.toMatchObject({ code: 'FUNDS_INSUFFICIENT', status: 422 });
    expect(await balances(id)).toEqual(before);
    expect(before).toEqual({
      allocated: '1000.00',
      available: '400.00',
      reserved: '100.00',
      committed: '500.00',
      outstandingCommitment: '350.00',
      paid: '150.00',
    });
    expect(await count(t.ds, 'ledger_entries')).toBe(entriesBefore);
  });

  it('keeps restricted money (定向使用) to its category', async () => {
    const id = await activeLine('1000.00', { source: 'WELFARE_LOTTERY', restrictedCategoryCode: 'A' });
    await expect(
      ledger.post(system, {
        lineId: id,
        operation: 'RESERVE',
        amountFen: 100n,
        idempotencyKey: key('x'),
        categoryCode: 'B01',
      }),
    ).rejects.toMatchObject({ code: 'FUNDS_CATEGORY_RESTRICTED' });
    await expect(
      ledger.post(system, { lineId: id, operation: 'RESERVE', amountFen: 100n, idempotencyKey: key('y') }),
    ).rejects.toMatchObject({ code: 'FUNDS_CATEGORY_RESTRICTED' });
    const ok = await ledger.post(system, {
      lineId: id,
      operation: 'RESERVE',
      amountFen: 100n,
      idempotencyKey: key('z'),
      categoryCode: 'A0101',
    });
    expect(ok.balances.reserved).toBe(100n);
  });

  it('reverses an entry once with a correcting entry; ledger rows cannot be edited or deleted', async () => {
    const id = await activeLine('100.00');
    const r = await ledger.post(system, {
      lineId: id,
      operation: 'RESERVE',
      amountFen: 2500n,
      idempotencyKey: key('rev'),
    });
    const rev = await t
      .http()
      .post(`/api/v1/funds/entries/${r.entryId}/reverse`)
      .set('Authorization', finance)
      .send({ idempotencyKey: key('reversal'), memo: '录入错误' });
    expect(rev.status).toBe(201);
    expect(await balances(id)).toMatchObject({ available: '100.00', reserved: '0.00' });
    const again = await t
      .http()
      .post(`/api/v1/funds/entries/${r.entryId}/reverse`)
      .set('Authorization', finance)
      .send({ idempotencyKey: key('reversal2'), memo: '再次' });
    expect(again.status).toBe(409);
    await expect(t.ds.query('UPDATE ledger_entries SET amount_fen = 1 WHERE id = ?', [r.entryId])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.ds.query('DELETE FROM ledger_entries WHERE id = ?', [r.entryId])).rejects.toThrow(/append-only/);
  });

  it('refuses any bucket below zero in the database itself (CHECK constraint)', async () => {
    const id = await activeLine('1.00');
    await expect(t.ds.query('UPDATE budget_lines SET available_fen = -1 WHERE id = ?', [id])).rejects.toThrow(
      /CONSTRAINT|constraint/,
    );
  });

  it('answers 503 without partial state when a line stays locked, then works when the lock is gone', async () => {
    const created = await t
      .http()
      .post('/api/v1/funds/lines')
      .set('Authorization', officer)
      .send({
        year: 2026,
        regionId: await regionId(t.ds, '320106000000'),
        source: 'DISTRICT_FINANCE',
        title: '锁等待测试',
        amount: '100.00',
      });
    const conn = await createConnection({
      host: t.env.DB_HOST,
      port: t.env.DB_PORT,
      user: t.env.DB_USER,
      password: t.env.DB_PASSWORD,
      database: t.env.DB_NAME,
    });
    try {
      await conn.query('START TRANSACTION');
      await conn.query('SELECT id FROM budget_lines WHERE id = ? FOR UPDATE', [created.body.id]);
      const res = await t
        .http()
        .post(`/api/v1/funds/lines/${created.body.id}/approve`)
        .set('Authorization', finance)
        .send({});
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('CONFLICT_RETRY');
    } finally {
      await conn.query('ROLLBACK');
      await conn.end();
    }
    const [row] = await t.ds.query('SELECT status, available_fen FROM budget_lines WHERE id = ?', [created.body.id]);
    expect(row).toEqual({ status: 'PENDING_APPROVAL', available_fen: '0' });
    expect(
      (await t.http().post(`/api/v1/funds/lines/${created.body.id}/approve`).set('Authorization', finance).send({}))
        .status,
    ).toBe(200);
  });

  it('adjusts by request and approval, and a closed year changes no more', async () => {
    const id = await activeLine('1000.00');
    const req = await t
      .http()
      .post(`/api/v1/funds/lines/${id}/adjustments`)
      .set('Authorization', officer)
      .send({ delta: '-400.00', reason: '年中调减' });
    expect(req.status).toBe(201);
    expect(
      (await t.http().post(`/api/v1/funds/adjustments/${req.body.id}/approve`).set('Authorization', finance)).status,
    ).toBe(200);
    expect(await balances(id)).toMatchObject({ allocated: '600.00', available: '600.00' });
    const tooMuch = await t
      .http()
      .post(`/api/v1/funds/lines/${id}/adjustments`)
      .set('Authorization', officer)
      .send({ delta: '-700.00', reason: '过度调减' });
    expect(
      (await t.http().post(`/api/v1/funds/adjustments/${tooMuch.body.id}/approve`).set('Authorization', finance))
        .status,
    ).toBe(422);

    const old = await t
      .http()
      .post('/api/v1/funds/lines')
      .set('Authorization', officer)
      .send({
        year: 2025,
        regionId: await regionId(t.ds, '320106000000'),
        source: 'DISTRICT_FINANCE',
        title: '2025 指标',
        amount: '100.00',
      });
    await t.http().post(`/api/v1/funds/lines/${old.body.id}/approve`).set('Authorization', finance).send({});
    expect((await t.http().post('/api/v1/funds/years/2025/close').set('Authorization', finance)).status).toBe(204);
    await expect(
      ledger.post(system, {
        lineId: old.body.id as number,
        operation: 'RESERVE',
        amountFen: 1n,
        idempotencyKey: key('closed'),
      }),
    ).rejects.toMatchObject({ code: 'FUNDS_YEAR_CLOSED' });
    const create = await t
      .http()
      .post('/api/v1/funds/lines')
      .set('Authorization', officer)
      .send({
        year: 2025,
        regionId: await regionId(t.ds, '320106000000'),
        source: 'DISTRICT_FINANCE',
        title: '迟到',
        amount: '1.00',
      });
    expect(create.status).toBe(422);
  });

  it('reports execution rates by source exactly, and the consistency check finds a tampered balance', async () => {
    const id = await activeLine('300.00', { source: 'DONATION' });
    await ledger.post(system, { lineId: id, operation: 'COMMIT_DIRECT', amountFen: 20000n, idempotencyKey: key('cd') });
    await ledger.post(system, { lineId: id, operation: 'DISBURSE', amountFen: 10000n, idempotencyKey: key('pay') });
    const report = await t.http().get('/api/v1/funds/report?year=2026&groupBy=source').set('Authorization', finance);
    expect(report.status).toBe(200);
    const donation = (report.body as Array<{ key: string }>).find((r) => r.key === 'DONATION');
    expect(donation).toEqual({
      key: 'DONATION',
      label: '社会捐赠',
      allocated: '300.00',
      reserved: '0.00',
      committed: '200.00',
      paid: '100.00',
      paidRateBp: 3333,
      committedRateBp: 6666,
    });
    const byRegion = await t.http().get('/api/v1/funds/report?year=2026&groupBy=region').set('Authorization', finance);
    expect(byRegion.status).toBe(200);

    await t.ds.query('UPDATE budget_lines SET paid_fen = paid_fen + 1 WHERE id = ?', [id]);
    const broken = await t
      .http()
      .get('/api/v1/funds/consistency')
      .set('Authorization', await bearer(t, 'auditor'));
    expect(broken.body.ok).toBe(false);
    expect(broken.body.differences).toEqual([expect.objectContaining({ lineId: id })]);
    await t.ds.query('UPDATE budget_lines SET paid_fen = paid_fen - 1 WHERE id = ?', [id]);
    expect((await ledgerConsistency(t.ds)).ok).toBe(true);
  });

  it('fences lines by region: another district answers 404', async () => {
    const id = await activeLine('10.00');
    const xw = await bearer(t, 'xw_officer');
    expect((await t.http().get(`/api/v1/funds/lines/${id}`).set('Authorization', xw)).status).toBe(404);
    const list = await t.http().get('/api/v1/funds/lines?pageSize=100').set('Authorization', xw);
    expect((list.body.items as Array<{ id: number }>).map((l) => l.id)).not.toContain(id);

    // a finance officer of another district can neither reverse this line's entries nor see it in the consistency check
    const admin = await bearer(t, 'admin');
    await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send({
        username: 'xw_finance',
        displayName: '玄武财务',
        password: 'Diandan@2026',
        roles: ['FINANCE_OFFICER'],
        regionId: await regionId(t.ds, '320102000000'),
      });
    const xwFinance = await bearer(t, 'xw_finance');
    const [entry] = await t.ds.query('SELECT id FROM ledger_entries WHERE line_id = ? LIMIT 1', [id]);
    const reverse = await t
      .http()
      .post(`/api/v1/funds/entries/${entry.id}/reverse`)
      .set('Authorization', xwFinance)
      .send({ idempotencyKey: key('foreign'), memo: '越权' });
    expect(reverse.status).toBe(404);
    const check = await t.http().get('/api/v1/funds/consistency').set('Authorization', xwFinance);
    expect(check.body).toEqual({
      ok: true,
      linesChecked: 0,
      differences: [],
      custodyAccountsChecked: 0,
      custodyDifferences: [],
    });
  });
});
