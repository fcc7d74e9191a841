import { bearer, createTestApp, regionId, TestApp } from '../support/test-app';

/**
 * Funds across districts (issue #9). A5: closing a budget year is a district's own decision — a finance officer
 * closes the year for their region subtree only; the other districts' lines of that year stay open. A13: another
 * district's adjustment answers exactly as a missing one.
 */
describe('budget years and adjustments, per region', () => {
  let t: TestApp;
  const as: Record<string, string> = {};
  // a year no other test uses, so the closures below are the only ones
  const YEAR = 2031;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['officer', 'finance', 'xw_officer', 'xw_finance']) as[u] = await bearer(t, u);
  });
  afterAll(() => t.close());

  const lineRow = async (id: number) =>
    (
      (await t.ds.query('SELECT year_closed, status FROM budget_lines WHERE id = ?', [id])) as Array<{
        year_closed: number;
        status: string;
      }>
    )[0];

  async function gulouLine(title: string): Promise<number> {
    const created = await t
      .http()
      .post('/api/v1/funds/lines')
      .set('Authorization', as.officer)
      .send({
        year: YEAR,
        regionId: await regionId(t.ds, '320106002000'), // 宁海路街道, inside 鼓楼区
        source: 'STREET_FINANCE',
        title,
        amount: '500.00',
      });
    expect(created.status).toBe(201);
    return created.body.id as number;
  }

  it("lets 玄武区's finance close its own year only: 鼓楼区's lines stay open and can still be decided", async () => {
    const line = await gulouLine('鼓楼区 2031 指标');
    const close = await t.http().post(`/api/v1/funds/years/${YEAR}/close`).set('Authorization', as.xw_finance);
    expect(close.status).toBe(204);

    // 鼓楼区 is untouched: its line is open, and its finance officer can still approve it and close the year
    expect(await lineRow(line)).toMatchObject({ year_closed: 0, status: 'PENDING_APPROVAL' });
    const approved = await t
      .http()
      .post(`/api/v1/funds/lines/${line}/approve`)
      .set('Authorization', as.finance)
      .send({});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'ACTIVE', yearClosed: false });

    // 玄武区 is closed: no new line of the year there, and a second closing is refused
    const late = await t
      .http()
      .post('/api/v1/funds/lines')
      .set('Authorization', as.xw_officer)
      .send({
        year: YEAR,
        regionId: await regionId(t.ds, '320102000000'),
        source: 'DISTRICT_FINANCE',
        title: '玄武区 2031 迟到指标',
        amount: '1.00',
      });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('FUNDS_YEAR_CLOSED');
    const again = await t.http().post(`/api/v1/funds/years/${YEAR}/close`).set('Authorization', as.xw_finance);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('FUNDS_YEAR_CLOSED');

    const closures = await t.ds.query(
      'SELECT c.year, r.name FROM fund_year_closures c JOIN regions r ON r.id = c.region_id WHERE c.year = ?',
      [YEAR],
    );
    expect(closures).toEqual([{ year: YEAR, name: '玄武区' }]);
    const [event] = await t.ds.query(
      "SELECT actor_username, region_path, after_json FROM audit_events WHERE action = 'funds.year.closed' AND entity_id = ? ORDER BY seq DESC LIMIT 1",
      [String(YEAR)],
    );
    expect(event.actor_username).toBe('xw_finance');
    expect(JSON.parse(event.after_json as string)).toMatchObject({ year: YEAR, regionName: '玄武区', linesClosed: 0 });
  });

  it("closes every line of the year in 鼓楼区's subtree when 鼓楼区's finance closes it, and nothing changes there any more", async () => {
    const street = await gulouLine('宁海路街道 2031 指标');
    await t.http().post(`/api/v1/funds/lines/${street}/approve`).set('Authorization', as.finance).send({}).expect(200);
    expect((await t.http().post(`/api/v1/funds/years/${YEAR}/close`).set('Authorization', as.finance)).status).toBe(
      204,
    );
    expect(await lineRow(street)).toMatchObject({ year_closed: 1 });
    const adjust = await t
      .http()
      .post(`/api/v1/funds/lines/${street}/adjustments`)
      .set('Authorization', as.officer)
      .send({ delta: '10.00', reason: '年底追加' });
    expect(adjust.status).toBe(422);
    expect(adjust.body.code).toBe('FUNDS_YEAR_CLOSED');
    const late = await t
      .http()
      .post('/api/v1/funds/lines')
      .set('Authorization', as.officer)
      .send({
        year: YEAR,
        regionId: await regionId(t.ds, '320106002001'),
        source: 'STREET_FINANCE',
        title: '山西路社区 2031 迟到指标',
        amount: '1.00',
      });
    expect(late.status).toBe(422);
    // the other years of 鼓楼区 stay open
    const other = await t
      .http()
      .post('/api/v1/funds/lines')
      .set('Authorization', as.officer)
      .send({
        year: YEAR + 1,
        regionId: await regionId(t.ds, '320106000000'),
        source: 'DISTRICT_FINANCE',
        title: '鼓楼区 2032 指标',
        amount: '1.00',
      });
    expect(other.status).toBe(201);
  });

  it("answers a decision on another district's adjustment exactly as on a missing one, and changes nothing", async () => {
    const created = await t
      .http()
      .post('/api/v1/funds/lines')
      .set('Authorization', as.officer)
      .send({
        year: YEAR + 2,
        regionId: await regionId(t.ds, '320106000000'),
        source: 'DISTRICT_FINANCE',
        title: '鼓楼区 2033 指标',
        amount: '100.00',
      });
    await t.http().post(`/api/v1/funds/lines/${created.body.id}/approve`).set('Authorization', as.finance).send({});
    const adj = await t
      .http()
      .post(`/api/v1/funds/lines/${created.body.id}/adjustments`)
      .set('Authorization', as.officer)
      .send({ delta: '5.00', reason: '追加' });
    expect(adj.status).toBe(201);
    const missingId = 2_147_000_000;
    // bodies that pass validation (a rejection needs its reason), so only the scope can refuse
    for (const [decision, body] of [
      ['approve', {}],
      ['reject', { reason: '越权尝试' }],
    ] as const) {
      const foreign = await t
        .http()
        .post(`/api/v1/funds/adjustments/${adj.body.id}/${decision}`)
        .set('Authorization', as.xw_finance)
        .send(body);
      const missing = await t
        .http()
        .post(`/api/v1/funds/adjustments/${missingId}/${decision}`)
        .set('Authorization', as.xw_finance)
        .send(body);
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(foreign.body.code).toBe(missing.body.code);
      expect(foreign.body.detail.replace(String(adj.body.id), '<id>')).toBe(
        missing.body.detail.replace(String(missingId), '<id>'),
      );
    }
    const [row] = await t.ds.query('SELECT status FROM budget_adjustments WHERE id = ?', [adj.body.id]);
    expect(row.status).toBe('PENDING');
  });
});
