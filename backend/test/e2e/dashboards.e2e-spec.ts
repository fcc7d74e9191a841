import ExcelJS from 'exceljs';

import { reportingDataset, ReportingDataset } from '../factories/reporting.factory';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * 数据看板 (issue #12 item 3): every chart of a known dataset in a district of its own
 * (backend/test/factories/reporting.factory.ts), figures computed by hand below, with each filter (region subtree,
 * year, category), the scope refusal, the reader's language and the Excel exports cell by cell.
 */
describe('dashboards', () => {
  let t: TestApp;
  let d: ReportingDataset;
  const YEAR = 2033; // a budget year no other suite uses
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    d = await reportingDataset(t.ds, YEAR);
    for (const [k, u] of Object.entries(d.users)) tokens[k] = await bearer(t, u);
    tokens.xw_officer = await bearer(t, 'xw_officer');
    tokens.gulouOfficer = await bearer(t, 'officer');
  }, 120_000);
  afterAll(() => t.close());

  const get = (who: string, chart: string, query: Record<string, string | number> = {}, lang = 'zh-CN') =>
    t
      .http()
      .get(`/api/v1/dashboards/${chart}`)
      .query({ year: YEAR, regionId: d.district, ...query })
      .set('Authorization', tokens[who])
      .set('Accept-Language', lang);

  const xlsx = async (who: string, chart: string, query: Record<string, string | number> = {}, lang = 'zh-CN') => {
    const res = await t
      .http()
      .get(`/api/v1/dashboards/${chart}/export.xlsx`)
      .query({ year: YEAR, regionId: d.district, ...query })
      .set('Authorization', tokens[who])
      .set('Accept-Language', lang)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`dashboard-${chart}-${YEAR}-`);
    const wb = new ExcelJS.Workbook();
    const bytes = res.body as Buffer;
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
    return wb;
  };
  /** A sheet's rows as plain values (row 1 = the header). */
  const rowsOf = (wb: ExcelJS.Workbook, index: number): unknown[][] => {
    const ws = wb.worksheets[index];
    const out: unknown[][] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  const ownLevel = () => `报表测试区${d.run}（本级）`;
  const s1 = () => `报表一街道${d.run}`;
  const s2 = () => `报表二街道${d.run}`;

  describe('needs funnel', () => {
    // 2033 (Beijing): n1 SUBMITTED (00:30 on 1 Jan Beijing), n2 REJECTED, n3 MERGED, n4 ACCEPTED, n5 DECLINED,
    // n6 APPROVED, n7 IN_PROCUREMENT (project tendering), n8 IN_PROCUREMENT (contract signed), n9 IN_PROCUREMENT
    // (contract signed, final milestone accepted), n10 EVALUATED. raised 10; accepted = n4…n10 = 7; approved =
    // n6…n10 = 5; funded = n8, n9, n10 = 3; delivered = n9, n10 = 2; evaluated = n10 = 1.
    it('counts each stage of the year in the subtree, with exact conversion rates', async () => {
      const res = await get('officer', 'needs-funnel');
      expect(res.status).toBe(200);
      expect(res.body.filters).toMatchObject({
        region: { id: d.district, name: `报表测试区${d.run}` },
        year: YEAR,
        category: null,
      });
      expect(res.body.stages).toEqual([
        { stage: 'raised', label: '提出', needs: 10, fromPreviousBp: null, fromRaisedBp: 10000 },
        { stage: 'accepted', label: '受理', needs: 7, fromPreviousBp: 7000, fromRaisedBp: 7000 },
        { stage: 'approved', label: '议事会通过', needs: 5, fromPreviousBp: 7142, fromRaisedBp: 5000 },
        { stage: 'funded', label: '已签约（资金承诺）', needs: 3, fromPreviousBp: 6000, fromRaisedBp: 3000 },
        { stage: 'delivered', label: '已交付', needs: 2, fromPreviousBp: 6666, fromRaisedBp: 2000 },
        { stage: 'evaluated', label: '已评估', needs: 1, fromPreviousBp: 5000, fromRaisedBp: 1000 },
      ]);
    });

    it('filters by category (A: n1 n2 n4 n6 n8 n9), by street (S2: n3 n5 n7 n10) and by year (n11, 23:30 on 31 Dec)', async () => {
      const needs = (body: { stages: Array<{ needs: number }> }) => body.stages.map((s) => s.needs);
      const a = await get('finance', 'needs-funnel', { category: 'A' });
      expect(a.body.filters.category).toEqual({ code: 'A', name: '养老服务' });
      expect(needs(a.body)).toEqual([6, 4, 3, 2, 1, 0]);
      expect(needs((await get('auditor', 'needs-funnel', { regionId: d.s2 })).body)).toEqual([4, 3, 2, 1, 1, 1]);
      expect(needs((await get('admin', 'needs-funnel', { year: YEAR - 1 })).body)).toEqual([1, 1, 0, 0, 0, 0]);
      expect(needs((await get('officer', 'needs-funnel', { category: 'C' })).body)).toEqual([0, 0, 0, 0, 0, 0]);
    });
  });

  describe('budget execution', () => {
    // L1 (D, 区级财政): allocated 1,000,000; P1 reserve 100,000 → commit 90,000 + release 10,000, paid 30,000;
    // P2 reserve 50,000; P4 reserve 20,000 released; P7 reserve → commit 30,000 → released; P9 40,000 committed and
    // paid. → reserved 50,000, committed 130,000, paid 70,000.
    // L2 (S1, 福彩公益金, restricted to A): allocated 200,000; P3 80,000 committed, paid 40,000 + 10,000 reversed.
    const l1 = {
      allocated: '1000000.00',
      reserved: '50000.00',
      committed: '130000.00',
      paid: '70000.00',
      committedRateBp: 1300,
      paidRateBp: 700,
    };
    const l2 = {
      allocated: '200000.00',
      reserved: '0.00',
      committed: '80000.00',
      paid: '40000.00',
      committedRateBp: 4000,
      paidRateBp: 2000,
    };

    it('sums the ledger by region, source and category in exact fen, rates in basis points', async () => {
      const res = await get('finance', 'budget-execution');
      expect(res.status).toBe(200);
      // 210,000 ÷ 1,200,000 = 17.50 %; 110,000 ÷ 1,200,000 = 9.1666… % → 916
      expect(res.body.total).toEqual({
        key: 'total',
        label: '合计',
        allocated: '1200000.00',
        reserved: '50000.00',
        committed: '210000.00',
        paid: '110000.00',
        committedRateBp: 1750,
        paidRateBp: 916,
      });
      expect(res.body.byRegion).toEqual([
        { key: String(d.district), label: ownLevel(), ...l1 },
        { key: String(d.s1), label: s1(), ...l2 },
      ]);
      expect(res.body.bySource).toEqual([
        { key: 'DISTRICT_FINANCE', label: '区级财政', ...l1 },
        { key: 'WELFARE_LOTTERY', label: '福彩公益金', ...l2 },
      ]);
      // allocations go to the line's restriction (L1: none), every other move to its project's category
      expect(res.body.byCategory).toEqual([
        {
          key: 'A',
          label: 'A 养老服务',
          allocated: '200000.00',
          reserved: '0.00',
          committed: '170000.00',
          paid: '70000.00',
          committedRateBp: 8500,
          paidRateBp: 3500,
        },
        {
          key: 'B',
          label: 'B 儿童关爱',
          allocated: '0.00',
          reserved: '50000.00',
          committed: '40000.00',
          paid: '40000.00',
          committedRateBp: null,
          paidRateBp: null,
        },
        {
          key: '-',
          label: '未定向（不限类别）',
          allocated: '1000000.00',
          reserved: '0.00',
          committed: '0.00',
          paid: '0.00',
          committedRateBp: 0,
          paidRateBp: 0,
        },
      ]);
    });

    it('equals the balances the ledger keeps on the lines', async () => {
      const [sum] = (await t.ds.query(
        `SELECT SUM(available_fen + reserved_fen + committed_fen + paid_fen) AS allocated, SUM(reserved_fen) AS reserved,
                SUM(committed_fen + paid_fen) AS committed, SUM(paid_fen) AS paid
           FROM budget_lines WHERE id IN (?, ?)`,
        [d.lines.l1, d.lines.l2],
      )) as Array<Record<string, string>>;
      const res = await get('officer', 'budget-execution');
      expect(res.body.total).toMatchObject({
        allocated: `${BigInt(sum.allocated) / 100n}.00`,
        reserved: `${BigInt(sum.reserved) / 100n}.00`,
        committed: `${BigInt(sum.committed) / 100n}.00`,
        paid: `${BigInt(sum.paid) / 100n}.00`,
      });
    });

    it('filters by category (A and its subcategories), street and year', async () => {
      const a = await get('officer', 'budget-execution', { category: 'A' });
      expect(a.body.total).toMatchObject({
        allocated: '200000.00',
        reserved: '0.00',
        committed: '170000.00',
        paid: '70000.00',
      });
      expect(
        a.body.byCategory.map((r: { key: string; committed: string; paid: string; allocated: string }) => r),
      ).toEqual([
        expect.objectContaining({ key: 'A', allocated: '200000.00', committed: '0.00', paidRateBp: 0 }),
        expect.objectContaining({
          key: 'A01',
          allocated: '0.00',
          committed: '90000.00',
          paid: '30000.00',
          paidRateBp: null,
        }),
        expect.objectContaining({ key: 'A02', committed: '80000.00', paid: '40000.00' }),
      ]);
      expect(a.body.byRegion).toEqual([
        expect.objectContaining({
          key: String(d.district),
          allocated: '0.00',
          committed: '90000.00',
          paidRateBp: null,
        }),
        expect.objectContaining({ key: String(d.s1), ...l2 }),
      ]);
      const street = await get('officer', 'budget-execution', { regionId: d.s1 });
      expect(street.body.total).toMatchObject({ ...l2, label: '合计' });
      expect(street.body.byRegion).toEqual([{ key: String(d.s1), label: `${s1()}（本级）`, ...l2 }]);
      const before = await get('officer', 'budget-execution', { year: YEAR - 1 });
      expect(before.body.total).toMatchObject({ allocated: '50000.00', reserved: '5000.00', committed: '0.00' });
      expect(before.body.bySource).toEqual([expect.objectContaining({ key: 'CITY_FINANCE', label: '市级财政' })]);
    });
  });

  it('counts projects by stage with their estimates', async () => {
    const res = await get('officer', 'projects');
    expect(res.status).toBe(200);
    const by = Object.fromEntries(
      res.body.stages.map((s: { status: string; projects: number; estimated: string }) => [
        s.status,
        [s.projects, s.estimated],
      ]),
    );
    expect(by).toEqual({
      DRAFT: [1, '10000.00'],
      SUBMITTED: [0, '0.00'],
      APPROVED: [0, '0.00'],
      TENDERING: [1, '50000.00'],
      AWARDED: [0, '0.00'],
      CONTRACTED: [0, '0.00'],
      IN_PROGRESS: [2, '180000.00'],
      COMPLETED: [0, '0.00'],
      EVALUATED: [1, '40000.00'],
      CLOSED: [0, '0.00'],
      CANCELLED: [2, '50000.00'],
    });
    expect(res.body.total).toEqual({ status: 'TOTAL', label: '合计', projects: 7, estimated: '330000.00' });
    expect(res.body.stages[6].label).toBe('履约中');
    expect((await get('officer', 'projects', { category: 'A' })).body.total).toMatchObject({
      projects: 3,
      estimated: '190000.00',
    });
    expect((await get('officer', 'projects', { regionId: d.s2 })).body.total).toMatchObject({
      projects: 4,
      estimated: '130000.00',
    });
    expect((await get('officer', 'projects', { year: YEAR - 1 })).body.total).toMatchObject({
      projects: 1,
      estimated: '5000.00',
    });
  });

  it('classes milestones against their due time: on time, late, overdue, open', async () => {
    // K1: on time (1 s before 24:00), late (1 s after), overdue, open; K2: on time, on time (at 24:00 exactly);
    // K3 (terminated): late, its open one not counted; K4: on time. 4 ÷ (4 + 2 + 1) = 57.14 %
    const res = await get('auditor', 'milestones');
    expect(res.status).toBe(200);
    expect(res.body.total).toEqual({
      key: 'total',
      label: '合计',
      onTime: 4,
      late: 2,
      overdue: 1,
      open: 1,
      onTimeRateBp: 5714,
    });
    expect(res.body.byRegion).toEqual([
      { key: String(d.s1), label: s1(), onTime: 3, late: 1, overdue: 1, open: 1, onTimeRateBp: 6000 },
      { key: String(d.s2), label: s2(), onTime: 1, late: 1, overdue: 0, open: 0, onTimeRateBp: 5000 },
    ]);
    expect((await get('auditor', 'milestones', { category: 'B' })).body.total).toMatchObject({
      onTime: 1,
      late: 1,
      overdue: 0,
      open: 0,
    });
    expect((await get('auditor', 'milestones', { year: YEAR - 1 })).body.total.onTimeRateBp).toBeNull();
  });

  it('distributes the published evaluation grades, with exact mean scores', async () => {
    // published: K1 mid-term PASS 72.25, K2 mid-term GOOD 85.50, K4 final EXCELLENT 92.00, K3 mid-term FAIL 55.00;
    // K2's final is only submitted. Mean 304.75 ÷ 4 = 76.1875 → 76.19; S1 (72.25 + 85.50) ÷ 2 = 78.875 → 78.88
    const res = await get('officer', 'grades');
    expect(res.status).toBe(200);
    expect(res.body.grades).toEqual([
      { grade: 'EXCELLENT', label: '优秀', final: 1, midTerm: 0, total: 1, shareBp: 2500 },
      { grade: 'GOOD', label: '良好', final: 0, midTerm: 1, total: 1, shareBp: 2500 },
      { grade: 'PASS', label: '合格', final: 0, midTerm: 1, total: 1, shareBp: 2500 },
      { grade: 'FAIL', label: '不合格', final: 0, midTerm: 1, total: 1, shareBp: 2500 },
    ]);
    expect(res.body).toMatchObject({ results: 4, averageScore: '76.19' });
    expect(res.body.byRegion).toEqual([
      { key: String(d.s1), label: s1(), excellent: 0, good: 1, pass: 1, fail: 0, averageScore: '78.88' },
      { key: String(d.s2), label: s2(), excellent: 1, good: 0, pass: 0, fail: 1, averageScore: '73.50' },
    ]);
    const a = await get('officer', 'grades', { category: 'A' });
    expect(a.body).toMatchObject({ results: 2, averageScore: '78.88' });
    expect((await get('officer', 'grades', { regionId: d.s2 })).body).toMatchObject({
      results: 2,
      averageScore: '73.50',
    });
  });

  it('computes the satisfaction rate by region and category (4 or 5 of 5 is satisfied)', async () => {
    // P1 (S1, A): 5 4 3 2 → 2 of 4; P9 (S2, B): 5 5 4 → 3 of 3; P3 (S1, A): no answer. 5 ÷ 7 = 71.42 %
    const res = await get('finance', 'satisfaction');
    expect(res.status).toBe(200);
    expect(res.body.total).toEqual({
      key: 'total',
      label: '合计',
      surveys: 3,
      answers: 7,
      satisfied: 5,
      rateBp: 7142,
    });
    expect(res.body.byRegion).toEqual([
      { key: String(d.s1), label: s1(), surveys: 2, answers: 4, satisfied: 2, rateBp: 5000 },
      { key: String(d.s2), label: s2(), surveys: 1, answers: 3, satisfied: 3, rateBp: 10000 },
    ]);
    expect(res.body.byCategory).toEqual([
      { key: 'A', label: 'A 养老服务', surveys: 2, answers: 4, satisfied: 2, rateBp: 5000 },
      { key: 'B', label: 'B 儿童关爱', surveys: 1, answers: 3, satisfied: 3, rateBp: 10000 },
    ]);
    const b = await get('finance', 'satisfaction', { category: 'B' });
    expect(b.body.byCategory).toEqual([
      { key: 'B02', label: 'B02 困境儿童关爱', surveys: 1, answers: 3, satisfied: 3, rateBp: 10000 },
    ]);
  });

  it("lists organisations' records: contracts, late deliveries, grades and bars in force", async () => {
    const res = await get('officer', 'organisations');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: d.o1,
        name: d.o1Name,
        registryGrade: '4A',
        contracts: 2,
        contractValue: '130000.00',
        milestonesOnTime: 2,
        lateDeliveries: 2,
        results: 2,
        excellent: 1,
        good: 0,
        pass: 1,
        fail: 0,
        averageScore: '82.13',
        bars: 0,
      },
      {
        id: d.o2,
        name: d.o2Name,
        registryGrade: null, // expired at the end of 2025
        contracts: 2,
        contractValue: '110000.00',
        milestonesOnTime: 2,
        lateDeliveries: 1,
        results: 2,
        excellent: 0,
        good: 1,
        pass: 0,
        fail: 1,
        averageScore: '70.25',
        bars: 1, // the bar in force in the district; not the expired one, not the one in 鼓楼区
      },
    ]);
    const a = await get('officer', 'organisations', { category: 'A' });
    expect(
      a.body.items.map((o: { id: number; contractValue: string; lateDeliveries: number }) => [
        o.id,
        o.contractValue,
        o.lateDeliveries,
      ]),
    ).toEqual([
      [d.o1, '90000.00', 2],
      [d.o2, '80000.00', 0],
    ]);
  });

  describe('scope', () => {
    it("answers another district's region exactly as a missing one (404), for every chart and export", async () => {
      for (const chart of [
        'needs-funnel',
        'budget-execution',
        'projects',
        'milestones',
        'grades',
        'satisfaction',
        'organisations',
      ]) {
        const other = await get('xw_officer', chart);
        const missing = await get('xw_officer', chart, { regionId: 99_999_999 });
        expect([other.status, other.body.code]).toEqual([404, 'REGION_NOT_FOUND']);
        expect(missing.status).toBe(404);
        expect(other.body.detail.replace(String(d.district), '<id>')).toBe(
          missing.body.detail.replace('99999999', '<id>'),
        );
        const file = await t
          .http()
          .get(`/api/v1/dashboards/${chart}/export.xlsx`)
          .query({ regionId: d.district, year: YEAR })
          .set('Authorization', tokens.xw_officer);
        expect(file.status).toBe(404);
      }
    });

    it('keeps a street officer inside the street: its own figures, the other street refused', async () => {
      const own = await get('streetOfficer', 'budget-execution', { regionId: d.s1 });
      expect(own.status).toBe(200);
      expect((await get('streetOfficer', 'budget-execution', { regionId: d.s2 })).status).toBe(404);
      expect((await get('streetOfficer', 'needs-funnel', { regionId: d.district })).status).toBe(404);
      // without regionId: the caller's own region
      const mine = await t
        .http()
        .get('/api/v1/dashboards/needs-funnel')
        .query({ year: YEAR })
        .set('Authorization', tokens.streetOfficer);
      expect(mine.body.filters.region.id).toBe(d.s1);
      expect(mine.body.stages[0].needs).toBe(6); // n1 n2 n4 n6 n8 n9 are in C1
    });

    it("leaves the dataset out of 鼓楼区's figures and includes it in the city's", async () => {
      const gulou = await t
        .http()
        .get('/api/v1/dashboards/organisations')
        .query({ year: YEAR })
        .set('Authorization', tokens.gulouOfficer);
      expect(gulou.status).toBe(200);
      expect(gulou.body.items.map((o: { id: number }) => o.id)).not.toContain(d.o1);
      const city = await t
        .http()
        .get('/api/v1/dashboards/organisations')
        .query({ year: YEAR })
        .set('Authorization', await bearer(t, 'auditor'));
      expect(city.body.items.map((o: { id: number }) => o.id)).toEqual(expect.arrayContaining([d.o1, d.o2]));
    });

    it('refuses residents, organisations, experts and evaluators (403) and bad filters (400)', async () => {
      for (const u of ['resident', 'worker', 'orgmember', 'expert', 'evaluator']) {
        const res = await t
          .http()
          .get('/api/v1/dashboards/needs-funnel')
          .set('Authorization', await bearer(t, u));
        expect([u, res.status]).toEqual([u, 403]);
      }
      for (const query of <Array<Record<string, string | number>>>[
        { year: 'x' },
        { year: 1999 },
        { category: 'a01' },
        { category: "A' OR 1" },
        { regionId: 0 },
      ]) {
        const res = await get('officer', 'grades', query);
        expect([JSON.stringify(query), res.status, res.body.code]).toEqual([
          JSON.stringify(query),
          400,
          'VALIDATION_FAILED',
        ]);
      }
      const bad = await t.http().get('/api/v1/dashboards/nothing/export.xlsx').set('Authorization', tokens.officer);
      expect(bad.status).toBe(400);
    });
  });

  describe('language and Excel', () => {
    it("writes the labels in the reader's language", async () => {
      const res = await get('officer', 'needs-funnel', {}, 'en-US');
      expect(res.body.stages.map((s: { label: string }) => s.label)).toEqual([
        'Raised',
        'Accepted',
        'Approved by the council',
        'Contracted (funds committed)',
        'Delivered',
        'Evaluated',
      ]);
      const budget = await get('officer', 'budget-execution', {}, 'en-US');
      expect(budget.body.byRegion[0].label).toBe(`报表测试区${d.run} (own level)`);
      expect(budget.body.bySource[0].label).toBe('District finance');
    });

    it('exports every chart with exactly the figures of its JSON', async () => {
      const funnel = (await get('officer', 'needs-funnel')).body;
      let wb = await xlsx('officer', 'needs-funnel');
      expect(wb.worksheets.map((w) => w.name)).toEqual(['需求漏斗', '说明']);
      expect(rowsOf(wb, 0)).toEqual([
        ['阶段', '需求数', '较上一阶段', '占提出'],
        ...funnel.stages.map((s: { label: string; needs: number }, i: number) => [
          s.label,
          s.needs,
          ['—', '70.00%', '71.42%', '60.00%', '66.66%', '50.00%'][i],
          ['100.00%', '70.00%', '50.00%', '30.00%', '20.00%', '10.00%'][i],
        ]),
      ]);
      const about = rowsOf(wb, 1);
      expect(about.slice(0, 3)).toEqual([
        ['区划', `报表测试区${d.run}`],
        ['年度', YEAR],
        ['类别', '全部类别'],
      ]);
      expect(String(about[3][1])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

      const budget = (await get('officer', 'budget-execution')).body;
      wb = await xlsx('officer', 'budget-execution');
      const rate = (bp: number | null) =>
        bp === null ? '—' : `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
      const money = (dim: string, r: Record<string, string & number>) => [
        dim,
        r.label,
        r.allocated,
        r.reserved,
        r.committed,
        r.paid,
        rate(r.committedRateBp),
        rate(r.paidRateBp),
      ];
      expect(rowsOf(wb, 0)).toEqual([
        ['维度', '名称', '批复（元）', '预留（元）', '承诺（元）', '已支付（元）', '承诺率', '执行率'],
        money('合计', budget.total),
        ...budget.byRegion.map((r: Record<string, string & number>) => money('按区划', r)),
        ...budget.bySource.map((r: Record<string, string & number>) => money('按资金来源', r)),
        ...budget.byCategory.map((r: Record<string, string & number>) => money('按类别', r)),
      ]);
      expect(rowsOf(wb, 0)[1]).toEqual([
        '合计',
        '合计',
        '1200000.00',
        '50000.00',
        '210000.00',
        '110000.00',
        '17.50%',
        '9.16%',
      ]);

      const projects = (await get('officer', 'projects')).body;
      wb = await xlsx('officer', 'projects');
      expect(rowsOf(wb, 0)).toEqual([
        ['状态', '项目数', '预算估算（元）'],
        ...[...projects.stages, projects.total].map((s: { label: string; projects: number; estimated: string }) => [
          s.label,
          s.projects,
          s.estimated,
        ]),
      ]);

      const ms = (await get('officer', 'milestones')).body;
      wb = await xlsx('officer', 'milestones');
      expect(rowsOf(wb, 0).slice(1)).toEqual(
        [...ms.byRegion, ms.total].map((r: Record<string, number & string>) => [
          r.label,
          r.onTime,
          r.late,
          r.overdue,
          r.open,
          rate(r.onTimeRateBp),
        ]),
      );

      const grades = (await get('officer', 'grades')).body;
      wb = await xlsx('officer', 'grades');
      expect(wb.worksheets.map((w) => w.name)).toEqual(['评估等级', '评估等级-按区划', '说明']);
      expect(rowsOf(wb, 0).slice(1)).toEqual([
        ['优秀', 1, 0, 1, '25.00%'],
        ['良好', 0, 1, 1, '25.00%'],
        ['合格', 0, 1, 1, '25.00%'],
        ['不合格', 0, 1, 1, '25.00%'],
        ['合计', '', '', 4, '76.19'],
      ]);
      expect(rowsOf(wb, 1).slice(1)).toEqual(
        grades.byRegion.map((r: Record<string, number & string>) => [
          r.label,
          r.excellent,
          r.good,
          r.pass,
          r.fail,
          r.averageScore,
        ]),
      );

      const sat = (await get('officer', 'satisfaction')).body;
      wb = await xlsx('officer', 'satisfaction');
      expect(rowsOf(wb, 0).slice(1)).toEqual([
        ['合计', '合计', 3, 7, 5, '71.42%'],
        ...sat.byRegion.map((r: Record<string, number & string>) => [
          '按区划',
          r.label,
          r.surveys,
          r.answers,
          r.satisfied,
          rate(r.rateBp),
        ]),
        ...sat.byCategory.map((r: Record<string, number & string>) => [
          '按类别',
          r.label,
          r.surveys,
          r.answers,
          r.satisfied,
          rate(r.rateBp),
        ]),
      ]);

      const orgs = (await get('officer', 'organisations')).body;
      wb = await xlsx('officer', 'organisations');
      expect(rowsOf(wb, 0).slice(1)).toEqual(
        orgs.items.map((o: Record<string, number & string>) => [
          o.name,
          o.registryGrade ?? '—',
          o.contracts,
          o.contractValue,
          o.milestonesOnTime,
          o.lateDeliveries,
          o.results,
          o.excellent,
          o.good,
          o.pass,
          o.fail,
          o.averageScore ?? '—',
          o.bars,
        ]),
      );
    });

    it('exports in English for an English reader, with the same filters', async () => {
      const wb = await xlsx('finance', 'satisfaction', { category: 'B' }, 'en-US');
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Satisfaction', 'About']);
      expect(rowsOf(wb, 0)[0]).toEqual([
        'Dimension',
        'Name',
        'Surveys',
        'Answers',
        'Satisfied answers',
        'Satisfaction rate',
      ]);
      expect(rowsOf(wb, 0)[1]).toEqual(['Total', 'Total', 1, 3, 3, '100.00%']);
      expect(rowsOf(wb, 1)[2]).toEqual(['Category', 'B 儿童关爱']);
    });
  });
});
