import { createHash, randomUUID } from 'node:crypto';

import { PublicationService } from '../../src/modules/evaluation/services/publication.service';
import { backfillOpenData, OpenDataReleases } from '../../src/modules/open-data';
import { TendersService } from '../../src/modules/procurement/services/tenders.service';
import { contractWithMilestones } from '../factories/contracts-payments.factory';
import { markSubmitted, windowPassed } from '../factories/evaluation-results.factory';
import { insertTemplate } from '../factories/evaluation.factory';
import { approvedProject, bidBody, publishedTender, tenderBody } from '../factories/procurement.factory';
import { awardedTender } from '../factories/tender-stages.factory';
import { ocdsValidator } from '../support/ocds-schema';
import { bearer, createTestApp, TestApp, userId } from '../support/test-app';

/**
 * OCDS 1.1 open data over HTTP (issue #12 item 2): a whole chain need → grade through the real services writes one
 * release per public stage change, and every release, release package and record package the API serves is valid
 * against the official 1.1.5 schemas (Ajv, draft-04); releases are immutable; the feed pages without gaps or
 * duplicates while releases arrive; sealed tenders publish no bidders, count or prices; losing prices never appear.
 */
type Release = {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  parties?: Array<{ id: string; name: string; roles: string[] }>;
  tender?: Record<string, unknown>;
  awards?: Array<Record<string, unknown>>;
  contracts?: Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

const BASE = '/api/v1/public/open-data';

describe('OCDS open data', () => {
  let t: TestApp;
  const v = ocdsValidator();
  const checked = { releases: 0, releasePackages: 0, recordPackages: 0 };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const expectValid = (kind: 'release' | 'releasePackage' | 'recordPackage', value: unknown) => {
    expect(v[kind](value)).toEqual([]);
    if (kind === 'release') checked.releases++;
    else if (kind === 'releasePackage') checked.releasePackages++;
    else checked.recordPackages++;
  };

  const ocidOf = (projectId: number) => `${t.env.OCDS_OCID_PREFIX}-${projectId}`;

  /** The record package of a project, validated (the package, each embedded release, the compiled release's shape). */
  async function record(projectId: number): Promise<{ text: string; releases: Release[]; compiled: Release }> {
    const res = await t
      .http()
      .get(`${BASE}/records/${ocidOf(projectId)}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.text) as { records: Array<{ releases: Release[]; compiledRelease: Release }> };
    expectValid('recordPackage', body);
    for (const r of body.records[0].releases) expectValid('release', r);
    expectValid('release', body.records[0].compiledRelease);
    return { text: res.text, releases: body.records[0].releases, compiled: body.records[0].compiledRelease };
  }

  /** Every release published since `since`, through the feed's cursor, each page and release validated. */
  async function feed(since: string, limit = 5, between?: (page: number) => Promise<void>): Promise<Release[]> {
    const out: Release[] = [];
    let url: string | null = `${BASE}/releases?since=${encodeURIComponent(since)}&limit=${limit}`;
    for (let page = 0; url !== null; page++) {
      const res = await t.http().get(url).expect(200);
      const body = JSON.parse(res.text) as { releases: Release[]; links: { next: string } };
      if (body.releases.length === 0) break;
      expectValid('releasePackage', body);
      for (const r of body.releases) expectValid('release', r);
      out.push(...body.releases);
      if (between) await between(page);
      url = body.links.next.replace(t.env.PUBLIC_BASE_URL, '');
    }
    return out;
  }

  async function dbNowIso(): Promise<string> {
    const [{ now }] = (await t.ds.query('SELECT UTC_TIMESTAMP(3) AS now')) as Array<{ now: Date }>;
    return now.toISOString();
  }

  it('a whole chain need → grade publishes a valid release at each stage, and a record compiling them', async () => {
    const officer = await bearer(t, 'officer');
    const finance = await bearer(t, 'finance');
    const { id: tenderId } = await awardedTender(t, `开放数据全流程 ${randomUUID().slice(0, 6)}`);
    const [{ project_id: projectId }] = (await t.ds.query('SELECT project_id FROM tenders WHERE id = ?', [
      tenderId,
    ])) as Array<{ project_id: number }>;

    // the objection window passes: the award is final and the contract drafted
    await t.ds.query(
      'UPDATE tenders SET objection_window_ends_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?',
      [tenderId],
    );
    expect((await t.app.get(TendersService).objectionWindowTick(tenderId)).result).toBe('AWARDED');
    const [c] = (await t.ds.query(
      `SELECT c.id, c.organisation_id, (SELECT u.username FROM users u WHERE u.organisation_id = c.organisation_id
         AND u.username LIKE 'orgmember%' ORDER BY u.id LIMIT 1) AS member
         FROM contracts c WHERE c.tender_id = ?`,
      [tenderId],
    )) as Array<{ id: number; organisation_id: number; member: string }>;
    const member = await bearer(t, c.member);
    await t.http().post(`/api/v1/contracts/${c.id}/sign/supplier`).set('Authorization', member).expect(200);
    await t.http().post(`/api/v1/contracts/${c.id}/sign/purchaser`).set('Authorization', officer).expect(200);
    await t.http().post(`/api/v1/contracts/${c.id}/publish`).set('Authorization', officer).expect(200);

    // the first milestone: its report is the milestones suites' subject (a test-data shortcut to SUBMITTED), the
    // acceptance and the payment go through the API
    const milestones = (await t.ds.query(
      'SELECT id, amount_fen FROM contract_milestones WHERE contract_id = ? ORDER BY seq',
      [c.id],
    )) as Array<{ id: number; amount_fen: string }>;
    const first = milestones[0];
    await t.ds.query(
      "UPDATE contract_milestones SET status = 'SUBMITTED', submitted_at = UTC_TIMESTAMP(3) WHERE id = ?",
      [first.id],
    );
    await t.ds.query(
      `INSERT INTO contract_milestone_reports (contract_id, milestone_id, version, status, summary, activities,
         service_hours, outputs, submitted_by, submitted_at)
       VALUES (?, ?, 1, 'SUBMITTED', '按计划完成', '[]', '[]', '[]', ?, UTC_TIMESTAMP(3))`,
      [c.id, first.id, await userId(t.ds, c.member)],
    );
    await t
      .http()
      .post(`/api/v1/contracts/${c.id}/milestones/${first.id}/accept`)
      .set('Authorization', officer)
      .send({})
      .expect(200);
    const req = await t
      .http()
      .post(`/api/v1/contracts/${c.id}/milestones/${first.id}/payment-request`)
      .set('Authorization', member)
      .set('Idempotency-Key', randomUUID())
      .expect(201);
    await t.http().post(`/api/v1/payment-requests/${req.body.id}/approve`).set('Authorization', officer).expect(200);
    await t
      .http()
      .post(`/api/v1/payment-requests/${req.body.id}/pay`)
      .set('Authorization', finance)
      .set('Idempotency-Key', randomUUID())
      .expect(200);

    // the grade: a final evaluation task as scoring leaves it, confirmed over HTTP, published when its window passes
    const taskId = await submittedTask(c.id, projectId, c.organisation_id);
    await t.http().post(`/api/v1/evaluation/tasks/${taskId}/confirm`).set('Authorization', officer).expect(200);
    await windowPassed(t, taskId);
    expect(await t.app.get(PublicationService).windowTick(taskId)).toEqual({ result: 'PUBLISHED' });

    const { releases, compiled } = await record(projectId);
    expect(releases.map((r) => r.tag)).toEqual([
      ['planning'],
      ['tender'],
      ['tenderUpdate'],
      ['award'],
      ['awardUpdate'],
      ['contract'],
      ['contractUpdate'],
      ['implementation'],
      ['implementation'],
      ['implementationUpdate'],
    ]);
    expect(releases.map((r) => r.id)).toEqual(releases.map((_, i) => `${ocidOf(projectId)}-${i + 1}`));
    for (const r of releases) expect(r.ocid).toBe(ocidOf(projectId));
    const dates = releases.map((r) => Date.parse(r.date));
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);

    // the compiled release: the method, the award, the contract with its payment and milestones, the grade
    expect(compiled.tag).toEqual(['compiled']);
    expect(compiled.tender).toMatchObject({
      id: String(tenderId),
      status: 'complete',
      procurementMethod: 'open',
      procurementMethodDetails: '公开招标',
      awardCriteria: 'ratedCriteria',
      numberOfTenderers: 3,
      value: { amount: 9800, currency: 'CNY' },
    });
    expect(String(compiled.tender?.awardCriteriaDetails)).toContain('综合评分法');
    const [win] = (await t.ds.query(
      'SELECT b.price_fen, o.credit_code FROM tenders t JOIN bids b ON b.id = t.winner_bid_id JOIN organisations o ON o.id = b.organisation_id WHERE t.id = ?',
      [tenderId],
    )) as Array<{ price_fen: string; credit_code: string }>;
    expect(compiled.awards).toEqual([
      expect.objectContaining({
        status: 'active',
        value: { amount: Number(win.price_fen) / 100, currency: 'CNY' },
        suppliers: [expect.objectContaining({ id: `CN-USCC-${win.credit_code}` })],
      }),
    ]);
    const k = (compiled.contracts ?? [])[0];
    expect(k.status).toBe('active');
    expect(k.awardID).toBe(compiled.awards?.[0].id);
    expect(k.implementation.transactions).toEqual([
      expect.objectContaining({
        id: `payment-${req.body.id}`,
        value: { amount: Number(BigInt(first.amount_fen)) / 100, currency: 'CNY' },
        payer: expect.objectContaining({ name: expect.stringContaining('民政局') }),
        payee: expect.objectContaining({ id: `CN-USCC-${win.credit_code}` }),
      }),
    ]);
    expect(k.implementation.milestones).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: `milestone-${first.id}`, status: 'met', type: 'delivery' }),
        expect.objectContaining({ id: `milestone-${milestones[1].id}`, status: 'scheduled' }),
        expect.objectContaining({
          id: `evaluation-${taskId}`,
          type: 'reporting',
          status: 'met',
          description: expect.stringContaining('84.16 分，等级「良好」'),
        }),
      ]),
    );
    const roles = new Map((compiled.parties ?? []).map((p) => [p.id, p.roles]));
    expect(roles.get(`CN-USCC-${win.credit_code}`)).toEqual(expect.arrayContaining(['tenderer', 'supplier', 'payee']));
    expect(
      [...roles.values()].some((r) => r.includes('buyer') && r.includes('procuringEntity') && r.includes('payer')),
    ).toBe(true);
    expect([...roles.values()].filter((r) => r.includes('tenderer'))).toHaveLength(3);

    // nothing personal, no losing price: the bank accounts and phones of every party, the losing bids' prices
    const text = JSON.stringify(releases);
    const secrets = (await t.ds.query(
      `SELECT o.bank_account_no, o.contact_phone FROM organisations o
        WHERE o.id IN (SELECT organisation_id FROM bids WHERE tender_id = ?)`,
      [tenderId],
    )) as Array<{ bank_account_no: string | null; contact_phone: string | null }>;
    for (const s of secrets)
      for (const secret of [s.bank_account_no, s.contact_phone]) if (secret) expect(text).not.toContain(secret);
    const losing = (await t.ds.query("SELECT price_fen FROM bids WHERE tender_id = ? AND status = 'NOT_AWARDED'", [
      tenderId,
    ])) as Array<{ price_fen: string }>;
    expect(losing.length).toBe(2);
    for (const l of losing) expect(text).not.toMatch(new RegExp(`"amount":${Number(l.price_fen) / 100}[,}]`));
    const [resident] = (await t.ds.query(
      `SELECT u.display_name FROM needs n JOIN users u ON u.id = n.submitted_by
        JOIN project_needs pn ON pn.need_id = n.id WHERE pn.project_id = ?`,
      [projectId],
    )) as Array<{ display_name: string }>;
    expect(resident.display_name.length).toBeGreaterThan(0);
    expect(text).not.toContain(resident.display_name);

    // the same releases through the feed, the month's bulk package and its CSV files
    const inFeed = (await feed(releases[0].date, 4)).filter((r) => r.ocid === ocidOf(projectId));
    expect(inFeed.map((r) => r.id)).toEqual(releases.map((r) => r.id));
    const month = new Date(Date.parse(releases[releases.length - 1].date) + 8 * 3_600_000).toISOString().slice(0, 7);
    const bulk = await t.http().get(`${BASE}/bulk/${month}`).expect(200);
    const bulkBody = JSON.parse(bulk.text.toString()) as { releases: Release[] };
    expectValid('releasePackage', bulkBody);
    for (const r of bulkBody.releases) expectValid('release', r);
    const tx = await t
      .http()
      .get(`${BASE}/bulk/${month}/csv/transactions`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(tx.status).toBe(200);
    const csv = tx.body as Buffer;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads the Chinese text
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'ocid,releaseID,contracts/id,contracts/implementation/transactions/id,contracts/implementation/transactions/date,contracts/implementation/transactions/value/amount,contracts/implementation/transactions/value/currency,contracts/implementation/transactions/payer/name,contracts/implementation/transactions/payee/name',
    );
    const row = lines.find((l) => l.startsWith(`${ocidOf(projectId)},${releases[8].id},`));
    expect(row).toContain(`,payment-${req.body.id},`);
    expect(row).toContain(`,${Number(BigInt(first.amount_fen)) / 100},CNY,`);
    const releasesCsv = await t.http().get(`${BASE}/bulk/${month}/csv/releases`).expect(200);
    expect(releasesCsv.text).toContain(`${ocidOf(projectId)},${releases[1].id},`);
    expect(releasesCsv.text).toContain(',open,公开招标,ratedCriteria,9800,CNY,');
  });

  it('a sealed tender publishes no bidders, no count and no prices; the methods are mapped as OCDS expects', async () => {
    const officer = await bearer(t, 'officer');
    const id = await publishedTender(t, `开放数据密封 ${randomUUID().slice(0, 6)}`, {
      method: 'COMPETITIVE_CONSULTATION',
    });
    const [{ project_id: projectId }] = (await t.ds.query('SELECT project_id FROM tenders WHERE id = ?', [
      id,
    ])) as Array<{
      project_id: number;
    }>;
    for (const [user, price] of [
      ['orgmember', '9111.00'],
      ['orgmember2', '9222.00'],
    ])
      await t
        .http()
        .put(`/api/v1/tenders/${id}/my-bid`)
        .set('Authorization', await bearer(t, user))
        .send(bidBody(price))
        .expect(200);
    const [{ n }] = (await t.ds.query("SELECT COUNT(*) AS n FROM bids WHERE tender_id = ? AND status = 'SUBMITTED'", [
      id,
    ])) as Array<{ n: string }>;
    expect(Number(n)).toBe(2);
    // an amendment after the bids: a tenderAmendment release, still sealed
    await t
      .http()
      .post(`/api/v1/tenders/${id}/amendments`)
      .set('Authorization', officer)
      .send({ body: '更正：服务地点增加社区活动中心。', affectsPreparation: false })
      .expect(200);
    const { releases } = await record(projectId);
    expect(releases.map((r) => r.tag)).toEqual([['planning'], ['tender'], ['tenderAmendment']]);
    const sealed = releases[2];
    expect(sealed.tender).toMatchObject({
      status: 'active',
      procurementMethod: 'selective',
      procurementMethodDetails: '竞争性磋商',
      amendments: [expect.objectContaining({ description: expect.stringContaining('服务地点增加社区活动中心') })],
    });
    for (const r of releases) {
      expect(r.tender).not.toHaveProperty('tenderers');
      expect(r.tender).not.toHaveProperty('numberOfTenderers');
      expect(r.awards).toBeUndefined();
      expect((r.parties ?? []).flatMap((p) => p.roles)).not.toContain('tenderer');
      const text = JSON.stringify(r);
      expect(text).not.toContain('9111');
      expect(text).not.toContain('9222');
      for (const name of (await t.ds.query(
        "SELECT o.name FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.username IN ('orgmember', 'orgmember2')",
      )) as Array<{ name: string }>)
        expect(text).not.toContain(name.name);
    }
    // a tender cancelled before its deadline: tenderCancellation, still nothing about the bids
    await t
      .http()
      .post(`/api/v1/tenders/${id}/cancel`)
      .set('Authorization', officer)
      .send({ reason: '需求变化，终止采购' })
      .expect(200);
    const after = await record(projectId);
    expect(after.releases).toHaveLength(4);
    const last = after.releases[3];
    expect(last.tag).toEqual(['tenderCancellation']);
    expect(last.tender).toMatchObject({ status: 'cancelled' });
    expect(last.tender).not.toHaveProperty('numberOfTenderers');
    expect(JSON.stringify(last)).not.toContain('9111');
  });

  it('single source is direct and the lowest-price method priceOnly', async () => {
    const officer = await bearer(t, 'officer');
    const projectId = await approvedProject(t, `开放数据单一来源 ${randomUUID().slice(0, 6)}`);
    const [{ organisation_id: org }] = (await t.ds.query(
      "SELECT organisation_id FROM users WHERE username = 'orgmember'",
    )) as Array<{ organisation_id: number }>;
    const created = await t
      .http()
      .post('/api/v1/tenders')
      .set('Authorization', officer)
      .send(
        tenderBody(projectId, {
          method: 'SINGLE_SOURCE',
          designatedOrganisationId: org,
          scoringMethod: 'LOWEST_PRICE',
          criteria: [],
          priceWeight: 100,
          committeeSize: 3,
        }),
      );
    expect(created.status).toBe(201);
    await t.http().post(`/api/v1/tenders/${created.body.id}/publish`).set('Authorization', officer).expect(200);
    const { releases } = await record(projectId);
    expect(releases[1].tender).toMatchObject({
      procurementMethod: 'direct',
      procurementMethodDetails: '单一来源',
      awardCriteria: 'priceOnly',
    });
  });

  it('releases are immutable: the database refuses UPDATE and DELETE, a later change adds a release and leaves the earlier byte-identical', async () => {
    const projectId = await approvedProject(t, `开放数据不可改 ${randomUUID().slice(0, 6)}`);
    const [before] = (await t.ds.query('SELECT seq, release_json, sha256 FROM ocds_releases WHERE ocid = ?', [
      ocidOf(projectId),
    ])) as Array<{ seq: string; release_json: string; sha256: string }>;
    expect(createHash('sha256').update(before.release_json, 'utf8').digest('hex')).toBe(before.sha256);
    await expect(
      t.ds.query("UPDATE ocds_releases SET release_json = '{}' WHERE seq = ?", [before.seq]),
    ).rejects.toThrow();
    await expect(t.ds.query('DELETE FROM ocds_releases WHERE seq = ?', [before.seq])).rejects.toThrow();
    await expect(t.ds.query("UPDATE ocds_bulk_files SET sha256 = 'x'")).rejects.toThrow(/append-only|denied/);

    // a stage change: the tender is published
    const officer = await bearer(t, 'officer');
    const c = await t.http().post('/api/v1/tenders').set('Authorization', officer).send(tenderBody(projectId));
    await t.http().post(`/api/v1/tenders/${c.body.id}/publish`).set('Authorization', officer).expect(200);
    const rows = (await t.ds.query('SELECT seq, release_json, sha256 FROM ocds_releases WHERE ocid = ? ORDER BY seq', [
      ocidOf(projectId),
    ])) as Array<{ seq: string; release_json: string; sha256: string }>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(before);
    // served exactly as stored
    const { text } = await record(projectId);
    for (const r of rows) expect(text).toContain(r.release_json);
  });

  it('the feed pages by cursor with no gap and no duplicate while new releases are published', async () => {
    const since = await dbNowIso();
    for (let i = 0; i < 3; i++) await approvedProject(t, `开放数据分页 ${i} ${randomUUID().slice(0, 6)}`);
    const arrived: number[] = [];
    const seen = await feed(since, 2, async (page) => {
      // a release arrives between two pages
      if (page < 2) arrived.push(await approvedProject(t, `开放数据分页新增 ${page} ${randomUUID().slice(0, 6)}`));
    });
    const expected = (
      (await t.ds.query('SELECT release_id FROM ocds_releases WHERE release_date >= ? ORDER BY seq', [
        new Date(since),
      ])) as Array<{ release_id: string }>
    ).map((r) => r.release_id);
    const ids = seen.map((r) => `${r.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
    for (const p of arrived) expect(ids).toContain(`${ocidOf(p)}-1`);
    // a cursor that is not ours is a 400, an unknown ocid a 404
    await t.http().get(`${BASE}/releases?cursor=bm90LW91cnM`).expect(400);
    await t.http().get(`${BASE}/records/${t.env.OCDS_OCID_PREFIX}-2147483000`).expect(404);
    const until = await t
      .http()
      .get(`${BASE}/releases?since=${encodeURIComponent(since)}&until=${encodeURIComponent(since)}`);
    expect(JSON.parse(until.text).releases).toEqual([]);
  });

  it('the backfill publishes a process written before the open data once, with every stage it reached', async () => {
    // the payments factory writes a project, its tender and a live contract with accepted milestones directly
    const c = await contractWithMilestones(t.app, t.ds, { amountFen: 1_234_567n, sharesBp: [5000, 5000], accepted: 1 });
    const count = async () =>
      Number(
        (
          (await t.ds.query('SELECT COUNT(*) AS n FROM ocds_releases WHERE project_id = ?', [c.projectId])) as Array<{
            n: string;
          }>
        )[0].n,
      );
    expect(await count()).toBe(0);
    const releases = t.app.get(OpenDataReleases);
    expect((await backfillOpenData(t.ds, releases)).written).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(1);
    const { releases: published, compiled } = await record(c.projectId);
    expect(published[0].tag).toEqual(['planning', 'tender', 'contract', 'implementation']);
    expect(compiled.contracts?.[0].value).toEqual({ amount: 12345.67, currency: 'CNY' });
    // idempotent: a second run writes nothing for it
    await backfillOpenData(t.ds, releases);
    expect(await count()).toBe(1);
  });

  it('validated every release and package it produced', () => {
    expect(checked.releases).toBeGreaterThan(20);
    expect(checked.releasePackages).toBeGreaterThan(3);
    expect(checked.recordPackages).toBeGreaterThan(3);
  });

  async function submittedTask(contractId: number, projectId: number, organisationId: number): Promise<number> {
    const templateId = await insertTemplate(t, { frozen: true });
    const evaluatorId = await userId(t.ds, 'evaluator');
    const [{ organisation_id: agencyId }] = (await t.ds.query('SELECT organisation_id FROM users WHERE id = ?', [
      evaluatorId,
    ])) as Array<{ organisation_id: number }>;
    const [k] = (await t.ds.query('SELECT region_id, region_path FROM contracts WHERE id = ?', [contractId])) as Array<{
      region_id: number;
      region_path: string;
    }>;
    const res = (await t.ds.query(
      `INSERT INTO evaluation_tasks (code, kind, status, contract_id, project_id, organisation_id, region_id, region_path,
         final_key, template_id, agency_id, evaluator_id, due_at, assigned_by, assigned_at, created_at, updated_at)
       VALUES (?, 'FINAL', 'ASSIGNED', ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3) + INTERVAL 30 DAY, ?, UTC_TIMESTAMP(3),
         UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [
        `PG-OD-${randomUUID().slice(0, 10)}`,
        contractId,
        projectId,
        organisationId,
        k.region_id,
        k.region_path,
        contractId,
        templateId,
        agencyId,
        evaluatorId,
        await userId(t.ds, 'officer'),
      ],
    )) as { insertId: number };
    await markSubmitted(t, res.insertId, { score: '84.16', grade: 'GOOD', exact: '44605/530' });
    return res.insertId;
  }
});
