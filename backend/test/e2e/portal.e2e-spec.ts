import { randomBytes } from 'node:crypto';

import { PublicationService } from '../../src/modules/evaluation/services/publication.service';
import { ORACLE_RESULT, submittedTaskWithMoney, windowPassed } from '../factories/evaluation-results.factory';
import { GULOU, registeredOrganisation } from '../factories/grading.factory';
import { approvedNeed, bidBody, publishedTender } from '../factories/procurement.factory';
import { awardedTender } from '../factories/tender-stages.factory';
import { pollUntil } from '../support/poll';
import { bearer, createTestApp, regionId, TestApp, userId } from '../support/test-app';

/**
 * 公开门户 over HTTP (issue #12 item 1): what each public endpoint publishes, field by field — an allow-list of key
 * paths per endpoint, so that a new key fails here until it is judged publishable — and that nothing sealed or
 * personal ever appears in any public answer: the prices, number and names of the bidders of a tender before its
 * opening, the losing prices of an awarded one, bank accounts, phone numbers, residents' real names, a survey comment.
 */

/** Every key path of a JSON value; array elements as `[]`. */
function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keyPaths(v, `${prefix}[]`, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const path = prefix ? (prefix.endsWith('[]') ? `${prefix}.${k}` : `${prefix}.${k}`) : k;
      out.add(path);
      keyPaths(v, path, out);
    }
  return out;
}

const REGION = ['id', 'name', 'level'];
const DATE = ['key', 'at', 'rule', 'days', 'unit', 'from', 'limit', 'kept', 'basis'];
const under = (prefix: string, keys: string[]) => [prefix, ...keys.map((k) => `${prefix}.${k}`)];
const SATISFACTION = ['answers', 'satisfied', 'rate'];
const PROJECT_ITEM = [
  'id',
  'title',
  'stage',
  'year',
  ...under('region', REGION),
  'estimated',
  'contractAmount',
  'paid',
  'organisationId',
  'organisationName',
  'grade',
  'score',
];

/** What each endpoint may publish (key paths). */
const ALLOWED: Record<string, string[]> = {
  regions: ['[].id', '[].name', '[].level', '[].parentId'],
  figures: [
    'year',
    ...under('region', REGION),
    'needsRaised',
    'needsFunded',
    'projectsByStage',
    'projectsByStage[].code',
    'projectsByStage[].count',
    ...under('money', ['allocated', 'committed', 'paid']),
    ...under('evaluation', ['published', 'averageScore', 'grades']),
    'evaluation.grades[].code',
    'evaluation.grades[].count',
    ...under('satisfaction', SATISFACTION),
  ],
  projects: ['items', ...PROJECT_ITEM.map((k) => `items[].${k}`), 'total', 'page', 'pageSize'],
  project: [
    'id',
    'title',
    'stage',
    'year',
    ...under('region', REGION),
    'itemName',
    'quantity',
    'unitPrice',
    'budgetLine',
    'budgetSource',
    'approvedAt',
    ...under('money', ['estimated', 'maxPrice', 'awarded', 'contracted', 'paid', 'released']),
    'needs',
    ...['id', 'title', 'status', 'supportCount', 'raisedBy', 'raisedAt'].map((k) => `needs[].${k}`),
    ...under('needs[].community', REGION),
    'tenders',
    ...['id', 'title', 'method', 'methodName', 'status', 'maxPrice', 'dates', 'award'].map((k) => `tenders[].${k}`),
    ...DATE.map((k) => `tenders[].dates[].${k}`),
    ...['organisationId', 'organisationName', 'value', 'noticeAt'].map((k) => `tenders[].award.${k}`),
    ...under('contract', [
      'code',
      'title',
      'status',
      'organisationId',
      'organisationName',
      'amount',
      'changes',
      'termStart',
      'termEnd',
      'paymentDays',
      'dates',
    ]),
    ...DATE.map((k) => `contract.dates[].${k}`),
    'milestones',
    ...['seq', 'title', 'dueDate', 'tranche', 'isFinal', 'status', 'acceptedAt', 'onTime'].map(
      (k) => `milestones[].${k}`,
    ),
    'payments',
    ...['seq', 'milestoneTitle', 'tranche', 'amount', 'released', 'status', 'finalOutcome', 'paidAt', 'date'].map(
      (k) => `payments[].${k}`,
    ),
    ...DATE.map((k) => `payments[].date.${k}`),
    'evaluations',
    ...['code', 'kind', 'score', 'grade', 'publishedAt'].map((k) => `evaluations[].${k}`),
    ...under('satisfaction', SATISFACTION),
  ],
  community: [
    'id',
    'name',
    'parents',
    ...REGION.map((k) => `parents[].${k}`),
    'needsRaised',
    'needsFunded',
    'spent',
    'needs',
    ...['id', 'title', 'status', 'supportCount', 'raisedAt', 'projectId'].map((k) => `needs[].${k}`),
    'projects',
    ...['id', 'title', 'stage', 'needsHere', 'needsTotal', 'paid', 'spentHere'].map((k) => `projects[].${k}`),
  ],
  organisation: [
    'id',
    'name',
    'kind',
    ...under('region', REGION),
    'status',
    ...under('grade', ['level', 'expiresOn', 'valid']),
    'contractsTotal',
    'contracts',
    ...['code', 'title', 'projectId', 'amount', 'status', 'signedAt'].map((k) => `contracts[].${k}`),
    'evaluations',
    ...['code', 'kind', 'title', 'year', 'score', 'grade', 'publishedAt'].map((k) => `evaluations[].${k}`),
    'exclusions',
    ...['kind', 'from', 'until', 'inForce', 'regionName', 'evaluationCode', 'score'].map((k) => `exclusions[].${k}`),
  ],
};

describe('公开门户: the public portal publishes what the law asks and nothing sealed or personal', () => {
  let t: TestApp;
  const suffix = randomBytes(3).toString('hex');
  /** Every public answer of this suite, with the endpoint it came from, for the secret search. */
  const answers: Array<{ endpoint: string; url: string; body: unknown }> = [];
  const secrets: string[] = [];

  let chain: { taskId: number; projectId: number; contractId: number; organisationId: number };
  let needIds: number[] = [];
  let community = 0;
  let awarded: { projectId: number; losing: string[]; winner: string };
  let sealed: { projectId: number; prices: string[]; bidders: string[] };

  async function pub(endpoint: keyof typeof ALLOWED, url: string, status = 200) {
    const res = await t.http().get(`/api/v1/public${url}`);
    expect({ url, status: res.status }).toEqual({ url, status });
    if (status === 200) answers.push({ endpoint, url, body: res.body });
    return res.body;
  }

  const as = async (user: string) => bearer(t, user);
  const payTranche = async (requestId: number) => {
    await t
      .http()
      .post(`/api/v1/payment-requests/${requestId}/approve`)
      .set('Authorization', await as('officer'))
      .expect(200);
    await t
      .http()
      .post(`/api/v1/payment-requests/${requestId}/pay`)
      .set('Authorization', await as('finance'))
      .expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    community = await regionId(t.ds, '320106002001'); // 山西路社区

    // two needs of 山西路社区: one raised online by 张大爷, one taken on paper for 钱秘密 (with a phone)
    needIds = [await approvedNeed(t, `门户送餐需求 ${suffix}`), await approvedNeed(t, `门户助浴需求 ${suffix}`)];
    await t.ds.query(
      "UPDATE needs SET channel = 'PROXY', offline_name = '钱秘密', offline_phone = '13700009999' WHERE id = ?",
      [needIds[1]],
    );
    const [resident] = (await t.ds.query(
      "SELECT display_name, phone FROM users WHERE username = 'resident'",
    )) as Array<{
      display_name: string;
      phone: string | null;
    }>;
    // (another suite of the run may have cleared the demo resident's phone: only what is there is a secret)
    for (const v of [resident.display_name, resident.phone]) if (v) secrets.push(v);
    secrets.push('钱秘密', '13700009999');

    // the whole chain: contract (every milestone accepted), a submitted final evaluation, two tranches paid
    const { taskId, contract } = await submittedTaskWithMoney(t, ORACLE_RESULT, { needIds });
    chain = {
      taskId,
      projectId: contract.projectId,
      contractId: contract.contractId,
      organisationId: contract.organisationId,
    };
    await t.ds.query('UPDATE projects SET title = ? WHERE id = ?', [`门户全链条项目 ${suffix}`, contract.projectId]);
    const orgmember = await as('orgmember');
    for (const i of [0, 1]) {
      const r = await t
        .http()
        .post(`/api/v1/contracts/${contract.contractId}/milestones/${contract.milestoneIds[i]}/payment-request`)
        .set('Authorization', orgmember)
        .expect(201);
      await payTranche(r.body.id as number);
    }
    // the organisation's bank account and contact phone, the officers' phones: never on the portal
    const [org] = (await t.ds.query(
      'SELECT bank_account_no, contact_phone, legal_representative FROM organisations WHERE id = ?',
      [contract.organisationId],
    )) as Array<Record<string, string | null>>;
    for (const v of Object.values(org)) if (v) secrets.push(v);
    const phones = (await t.ds.query("SELECT phone FROM users WHERE phone IS NOT NULL AND phone <> ''")) as Array<{
      phone: string;
    }>;
    secrets.push(...phones.map((p) => p.phone));

    // the residents' survey, closed: 1 of 2 satisfied; a comment with a phone number in it
    const [k] = (await t.ds.query('SELECT region_id, region_path FROM contracts WHERE id = ?', [
      contract.contractId,
    ])) as Array<{
      region_id: number;
      region_path: string;
    }>;
    const officerId = await userId(t.ds, 'officer');
    const s = (await t.ds.query(
      `INSERT INTO evaluation_surveys (project_id, contract_id, region_id, region_path, status, token, questions, opened_at,
         closes_at, closed_at, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'CLOSED', ?, '[]', UTC_TIMESTAMP(3) - INTERVAL 3 DAY, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), ?,
         UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [contract.projectId, contract.contractId, k.region_id, k.region_path, randomBytes(16).toString('hex'), officerId],
    )) as { insertId: number };
    for (const [user, overall, comment] of [
      ['resident', 5, '送餐很准时，有事请打 13600001111'],
      ['resident2', 3, '一般'],
    ] as const)
      await t.ds.query(
        `INSERT INTO evaluation_survey_answers (survey_id, resident_id, channel, overall, answers, comment, created_at, updated_at)
         VALUES (?, ?, 'SELF', ?, '{}', ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
        [s.insertId, await userId(t.ds, user), overall, comment],
      );
    secrets.push('13600001111', '送餐很准时');

    // confirmed, the objection window passes: published (the final tranche is requested for what the grade allows)
    await t
      .http()
      .post(`/api/v1/evaluation/tasks/${taskId}/confirm`)
      .set('Authorization', await as('officer'))
      .expect(200);
    await windowPassed(t, taskId);
    expect(await t.app.get(PublicationService).windowTick(taskId)).toEqual({ result: 'PUBLISHED' });

    // an award notice: the winner's price is published, the losing prices never
    const a = await awardedTender(t, `门户中标公告 ${suffix}`);
    const [ap] = (await t.ds.query('SELECT project_id FROM tenders WHERE id = ?', [a.id])) as Array<{
      project_id: number;
    }>;
    const prices = (await t.ds.query(
      `SELECT b.id, b.price_fen, o.name FROM bids b JOIN organisations o ON o.id = b.organisation_id
        WHERE b.tender_id = ? AND b.status <> 'WITHDRAWN'`,
      [a.id],
    )) as Array<{ id: string; price_fen: string; name: string }>;
    const [{ winner_bid_id }] = (await t.ds.query('SELECT winner_bid_id FROM tenders WHERE id = ?', [a.id])) as Array<{
      winner_bid_id: string;
    }>;
    const yuan = (fen: string) => `${BigInt(fen) / 100n}.${(BigInt(fen) % 100n).toString().padStart(2, '0')}`;
    awarded = {
      projectId: ap.project_id,
      losing: prices.filter((p) => p.id !== winner_bid_id).map((p) => yuan(p.price_fen)),
      winner: yuan(prices.find((p) => p.id === winner_bid_id)!.price_fen),
    };

    // a call before its opening, with two sealed bids
    const sealedId = await publishedTender(t, `门户未开标 ${suffix}`);
    const bids: Array<[string, string]> = [
      ['orgmember', '8765.43'],
      ['orgmember3', '8123.45'],
    ];
    for (const [user, price] of bids)
      await t
        .http()
        .put(`/api/v1/tenders/${sealedId}/my-bid`)
        .set('Authorization', await as(user))
        .send(bidBody(price))
        .expect(200);
    const [sp] = (await t.ds.query('SELECT project_id FROM tenders WHERE id = ?', [sealedId])) as Array<{
      project_id: number;
    }>;
    const bidders = (await t.ds.query(
      `SELECT o.name FROM bids b JOIN organisations o ON o.id = b.organisation_id WHERE b.tender_id = ?`,
      [sealedId],
    )) as Array<{ name: string }>;
    sealed = {
      projectId: sp.project_id,
      prices: ['8765.43', '8123.45', '876543', '812345'],
      bidders: bidders.map((b) => b.name),
    };
    secrets.push(...sealed.prices);
  }, 240_000);
  afterAll(async () => t?.close());

  it('the project page follows the chain: needs (raisers masked), the contract, milestones, every payment, the grade and satisfaction', async () => {
    const p = await pub('project', `/projects/${chain.projectId}`);
    expect(p.title).toBe(`门户全链条项目 ${suffix}`);
    expect(p.needs.map((n: { id: number }) => n.id)).toEqual(needIds);
    expect(p.needs.map((n: { raisedBy: string | null }) => n.raisedBy)).toEqual(['张**', '钱**']);
    expect(p.needs[0]).toMatchObject({ community: { id: community, name: '山西路社区', level: 'COMMUNITY' } });
    expect(p.contract).toMatchObject({ amount: '123456.79', changes: '0.00', paymentDays: 30 });
    expect(p.contract.dates.map((d: { rule: string }) => d.rule)).toEqual(['SIGNATURE_PERIOD', 'CONTRACT_PUBLICATION']);
    expect(p.milestones.map((m: { tranche: string }) => m.tranche)).toEqual(['37037.03', '49382.71', '37037.05']);
    expect(p.payments.slice(0, 2).map((x: { status: string; amount: string }) => [x.status, x.amount])).toEqual([
      ['PAID', '37037.03'],
      ['PAID', '49382.71'],
    ]);
    expect(p.payments.map((x: { seq: number }) => x.seq)).toEqual([1, 2, 3]);
    expect(p.payments[0].date).toMatchObject({ rule: 'PAYMENT_TERM', days: 30, kept: true });
    expect(p.contract).toMatchObject({ termStart: '2026-01-01', termEnd: '2026-12-31' });
    // 84.16 ≥ 80: the final tranche requested in full
    expect(p.payments[2]).toMatchObject({
      status: 'REQUESTED',
      amount: '37037.05',
      finalOutcome: 'FULL',
      paidAt: null,
    });
    expect(p.evaluations).toEqual([expect.objectContaining({ kind: 'FINAL', score: '84.16', grade: 'GOOD' })]);
    expect(p.satisfaction).toEqual({ answers: 2, satisfied: 1, rate: '50.00' });
    expect(p.money).toMatchObject({ contracted: '123456.79', paid: '86419.74', released: '0.00' });
  });

  it('a change shows within the cache’s few seconds: the final tranche paid', async () => {
    const before = await pub('project', `/projects/${chain.projectId}`);
    expect(before.money.paid).toBe('86419.74');
    const [r] = (await t.ds.query(
      `SELECT r.id FROM payment_requests r JOIN contract_milestones m ON m.id = r.milestone_id
        WHERE r.contract_id = ? AND m.is_final = 1 AND r.status = 'REQUESTED'`,
      [chain.contractId],
    )) as Array<{ id: number }>;
    await payTranche(r.id);
    const after = await pollUntil(
      async () => (await t.http().get(`/api/v1/public/projects/${chain.projectId}`)).body,
      (b) => b.money?.paid === '123456.79',
      10_000,
    );
    expect(after.money.paid).toBe('123456.79');
    expect(after.payments[2]).toMatchObject({ status: 'PAID', finalOutcome: 'FULL' });
    answers.push({ endpoint: 'project', url: `/projects/${chain.projectId}`, body: after });
  });

  it('an award notice: the winner and its price with the dates and their rules; the losing prices never', async () => {
    const p = await pub('project', `/projects/${awarded.projectId}`);
    const [tender] = p.tenders;
    expect(tender).toMatchObject({ status: 'AWARD_NOTICE', methodName: expect.any(String) });
    expect(tender.award).toMatchObject({ value: awarded.winner, organisationName: expect.any(String) });
    expect(tender.dates.map((d: { key: string }) => d.key)).toEqual([
      'PUBLISHED',
      'BID_DEADLINE',
      'OPENED',
      'AWARD_NOTICE',
      'OBJECTION_WINDOW_END',
    ]);
    // the test data moved the deadline to its own now (a shortcut past the waiting): shown as not keeping the period
    expect(tender.dates[1]).toMatchObject({
      rule: 'MINIMUM_PERIOD',
      days: 20,
      unit: 'CALENDAR',
      kept: false,
      basis: expect.stringContaining('不少于'),
    });
    const text = JSON.stringify(p);
    for (const price of awarded.losing) expect(text).not.toContain(price);
    const list = await pub('projects', `/projects?q=${encodeURIComponent(`门户中标公告 ${suffix}`)}`);
    for (const price of awarded.losing) expect(JSON.stringify(list)).not.toContain(price);
  });

  it('a call before its opening shows the call only: no bid, no count, no bidder', async () => {
    const p = await pub('project', `/projects/${sealed.projectId}`);
    expect(p.tenders).toHaveLength(1);
    expect(p.tenders[0]).toMatchObject({ status: 'PUBLISHED', award: null });
    expect(p.tenders[0].dates.map((d: { key: string }) => d.key)).toEqual(['PUBLISHED', 'BID_DEADLINE']);
    expect(p.tenders[0].dates[1]).toMatchObject({ rule: 'MINIMUM_PERIOD', kept: true });
    expect(p.money).toMatchObject({ awarded: null, contracted: null, paid: '0.00' });
    const list = await pub('projects', `/projects?q=${encodeURIComponent(`门户未开标 ${suffix}`)}`);
    expect(list.items).toEqual([
      expect.objectContaining({ id: sealed.projectId, organisationName: null, contractAmount: null }),
    ]);
    for (const body of [p, list]) for (const name of sealed.bidders) expect(JSON.stringify(body)).not.toContain(name);
  });

  it('lists the projects with search, region, year and stage filters, newest first, paged', async () => {
    const all = await pub('projects', `/projects?q=${encodeURIComponent(suffix)}&pageSize=100`);
    const ids = all.items.map((i: { id: number }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([chain.projectId, awarded.projectId, sealed.projectId]));
    expect([...ids].sort((a: number, b: number) => b - a)).toEqual(ids);
    const chainItem = all.items.find((i: { id: number }) => i.id === chain.projectId);
    expect(chainItem).toMatchObject({ grade: 'GOOD', score: '84.16', contractAmount: '123456.79' });
    const stage = await pub('projects', `/projects?q=${encodeURIComponent(suffix)}&stage=TENDERING`);
    expect(stage.items.map((i: { id: number }) => i.id)).toEqual(
      expect.arrayContaining([awarded.projectId, sealed.projectId]),
    );
    expect(stage.items.map((i: { id: number }) => i.id)).not.toContain(chain.projectId);
    const xuanwu = await regionId(t.ds, '320102000000');
    expect((await pub('projects', `/projects?q=${encodeURIComponent(suffix)}&regionId=${xuanwu}`)).items).toEqual([]);
    const paged = await pub('projects', `/projects?q=${encodeURIComponent(suffix)}&pageSize=1&page=2`);
    expect(paged).toMatchObject({ page: 2, pageSize: 1, total: all.total });
    expect(paged.items).toHaveLength(1);
    await pub('projects', '/projects?stage=DRAFT', 400);
    await pub('projects', '/projects?regionId=abc', 400);
  });

  it('the home figures: needs, stages, money to the fen from the budget lines, grades and satisfaction', async () => {
    const f = await pub('figures', '/figures');
    expect(f.region.level).toBe('CITY');
    expect(f.needsRaised).toBeGreaterThanOrEqual(f.needsFunded);
    expect(f.needsFunded).toBeGreaterThanOrEqual(2);
    expect(f.money.allocated).toMatch(/^\d+\.\d{2}$/);
    const [{ year }] = (await t.ds.query(
      'SELECT year FROM budget_lines b JOIN projects p ON p.budget_line_id = b.id WHERE p.id = ?',
      [chain.projectId],
    )) as Array<{ year: number }>;
    const gulou = await regionId(t.ds, '320106000000');
    const g = await pub('figures', `/figures?year=${year}&regionId=${gulou}`);
    const [m] = (await t.ds.query(
      `SELECT SUM(available_fen + reserved_fen + committed_fen + paid_fen) AS a, SUM(committed_fen + paid_fen) AS c, SUM(paid_fen) AS p
         FROM budget_lines b JOIN regions r ON b.region_path LIKE CONCAT(r.path, '%') WHERE r.id = ? AND b.year = ? AND b.status = 'ACTIVE'`,
      [gulou, year],
    )) as Array<{ a: string; c: string; p: string }>;
    const yuan = (fen: string) => `${BigInt(fen) / 100n}.${(BigInt(fen) % 100n).toString().padStart(2, '0')}`;
    expect(g.money).toEqual({ allocated: yuan(m.a), committed: yuan(m.c), paid: yuan(m.p) });
    expect(g.evaluation.grades.map((x: { code: string }) => x.code)).toEqual(['EXCELLENT', 'GOOD', 'PASS', 'FAIL']);
    expect(g.evaluation.grades.find((x: { code: string }) => x.code === 'GOOD').count).toBeGreaterThanOrEqual(1);
    expect(g.satisfaction.answers).toBeGreaterThanOrEqual(2);
    expect(g.projectsByStage.find((s: { code: string }) => s.code === 'TENDERING').count).toBeGreaterThanOrEqual(2);
    await pub('figures', '/figures?regionId=2147483000', 404);
    await pub('figures', '/figures?year=1999', 400);
  });

  it('the community page: its needs, what was funded, and its part of the money paid', async () => {
    const c = await pub('community', `/communities/${community}`);
    expect(c).toMatchObject({ id: community, name: '山西路社区' });
    expect(c.parents.map((p: { level: string }) => p.level)).toEqual(['CITY', 'DISTRICT', 'STREET']);
    const project = c.projects.find((p: { id: number }) => p.id === chain.projectId);
    // both needs of the project are from here: all of what was paid
    expect(project).toMatchObject({ needsHere: 2, needsTotal: 2, paid: '123456.79', spentHere: '123456.79' });
    expect(c.needs.find((n: { id: number }) => n.id === needIds[0])).toMatchObject({ projectId: chain.projectId });
    const street = await regionId(t.ds, '320106002000');
    await pub('community', `/communities/${street}`, 404);
  });

  it('the organisation’s public record: grade and validity, contracts won, evaluation grades, exclusions', async () => {
    const o = await pub('organisation', `/organisations/${chain.organisationId}`);
    expect(o.status).toBe('ACTIVE');
    expect(o.grade).toMatchObject({ level: expect.any(Number), valid: expect.any(Boolean) });
    expect(o.contracts.map((c: { projectId: number }) => c.projectId)).toContain(chain.projectId);
    expect(o.evaluations.map((e: { grade: string }) => e.grade)).toContain('GOOD');
    // a blacklisted organisation shows its blacklisting with its dates, not its reason
    const other = await registeredOrganisation(t, 'PTL', GULOU, await as('officer'));
    secrets.push('025-80000000');
    const until = `${new Date().getUTCFullYear() + 2}-06-30`;
    await t
      .http()
      .post(`/api/v1/organisations/${other.id}/blacklist`)
      .set('Authorization', await as('officer'))
      .send({ reason: `提供虚假材料 ${suffix}`, until })
      .expect(200);
    const b = await pollUntil(
      async () => (await t.http().get(`/api/v1/public/organisations/${other.id}`)).body,
      (x) => x.status === 'BLACKLISTED',
      10_000,
    );
    answers.push({ endpoint: 'organisation', url: `/organisations/${other.id}`, body: b });
    expect(b.exclusions).toEqual([expect.objectContaining({ kind: 'BLACKLIST', until, inForce: true })]);
    expect(JSON.stringify(b)).not.toContain('虚假材料');
    await pub('organisation', '/organisations/2147483000', 404);
  });

  it('the region tree, for the filters', async () => {
    const r = await pub('regions', '/regions');
    expect(r.find((x: { id: number }) => x.id === community)).toMatchObject({ name: '山西路社区', level: 'COMMUNITY' });
  });

  it('publishes only the allowed keys, field by field, on every public answer of this suite', () => {
    expect(new Set(answers.map((a) => a.endpoint))).toEqual(new Set(Object.keys(ALLOWED)));
    for (const a of answers) {
      const extra = [...keyPaths(a.body)].filter((p) => !ALLOWED[a.endpoint].includes(p));
      expect({ url: a.url, extra }).toEqual({ url: a.url, extra: [] });
    }
  });

  it('writes calendar days as YYYY-MM-DD and instants as ISO 8601, everywhere', () => {
    const DAY_KEYS = ['dueDate', 'termStart', 'termEnd', 'from', 'limit', 'expiresOn', 'until'];
    const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    const bad: string[] = [];
    const walk = (v: unknown, url: string): void => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, url));
      else if (v !== null && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (typeof x === 'string' && DAY_KEYS.includes(k) && !/^\d{4}-\d{2}-\d{2}$/.test(x))
            bad.push(`${url} ${k}=${x}`);
          if (typeof x === 'string' && (k === 'at' || /At$/.test(k)) && !INSTANT.test(x)) bad.push(`${url} ${k}=${x}`);
          walk(x, url);
        }
    };
    for (const a of answers) walk(a.body, a.url);
    expect(bad).toEqual([]);
  });

  it('never shows a sealed bid, a bank account, a phone number, a resident’s name or a survey comment, anywhere', () => {
    expect(secrets.length).toBeGreaterThan(8);
    expect(secrets.filter((x) => typeof x !== 'string' || x.length < 2)).toEqual([]);
    for (const a of answers) {
      const text = JSON.stringify(a.body);
      const found = secrets.filter((s) => text.includes(s));
      expect({ url: a.url, found }).toEqual({ url: a.url, found: [] });
    }
  });
});
