import { bearer, count, createTestApp, TestApp } from '../support/test-app';

const TENDER = {
  projectId: 1,
  title: '采购',
  description: 'd',
  method: 'OPEN_TENDER',
  scoringMethod: 'COMPREHENSIVE',
  priceWeight: 30,
  criteria: [{ code: 'PLAN', name: '方案', maxScore: '70' }],
  maxPrice: '100.00',
  committeeSize: 5,
  bidDeadline: '2030-01-01T00:00:00Z',
};

/** Bad input on every endpoint: a 400 problem with field paths, and nothing changed. */
describe('bad input', () => {
  let t: TestApp;
  let admin: string;
  let auditor: string;
  let worker: string;
  let officer: string;
  let finance: string;
  let orgmember: string;
  let expert: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await bearer(t, 'admin');
    auditor = await bearer(t, 'auditor');
    worker = await bearer(t, 'worker');
    officer = await bearer(t, 'officer');
    finance = await bearer(t, 'finance');
    orgmember = await bearer(t, 'orgmember');
    expert = await bearer(t, 'expert');
  });
  afterAll(() => t.close());

  const tables = [
    'users',
    'user_roles',
    'regions',
    'calendar_days',
    'sessions',
    'idempotency_keys',
    'needs',
    'campaigns',
    'catalogue_items',
    'deliberations',
    'budget_lines',
    'budget_adjustments',
    'ledger_entries',
    'fund_year_closures',
    'projects',
    'tenders',
    'bids',
    'bid_events',
    'bid_scores',
    'objections',
    'tender_notices',
    'expert_affiliations',
  ];
  async function snapshot(): Promise<number[]> {
    return Promise.all(tables.map((x) => count(t.ds, x)));
  }

  const cases: Array<{
    name: string;
    method: 'get' | 'post' | 'patch' | 'put' | 'delete';
    path: string;
    body?: unknown;
    as: 'admin' | 'auditor' | 'worker' | 'officer' | 'finance' | 'orgmember' | 'expert' | 'none';
    field?: string;
  }> = [
    {
      name: 'login without password',
      method: 'post',
      path: '/api/v1/auth/login',
      body: { username: 'admin' },
      as: 'none',
      field: 'password',
    },
    {
      name: 'login with an unknown field',
      method: 'post',
      path: '/api/v1/auth/login',
      body: { username: 'admin', password: 'x', admin: true },
      as: 'none',
      field: 'admin',
    },
    {
      name: 'login with a number as username',
      method: 'post',
      path: '/api/v1/auth/login',
      body: { username: 42, password: 'x' },
      as: 'none',
      field: 'username',
    },
    {
      name: 'refresh with a short token',
      method: 'post',
      path: '/api/v1/auth/refresh',
      body: { refreshToken: 'abc' },
      as: 'none',
      field: 'refreshToken',
    },
    {
      name: 'logout without token',
      method: 'post',
      path: '/api/v1/auth/logout',
      body: {},
      as: 'none',
      field: 'refreshToken',
    },
    {
      name: 'user with an unknown role',
      method: 'post',
      path: '/api/v1/users',
      body: { username: 'newbie', displayName: 'N', password: 'Diandan@2026', roles: ['ROOT'], regionId: 1 },
      as: 'admin',
      field: 'roles',
    },
    {
      name: 'user with a bad username',
      method: 'post',
      path: '/api/v1/users',
      body: { username: 'a b', displayName: 'N', password: 'Diandan@2026', roles: ['ADMIN'], regionId: 1 },
      as: 'admin',
      field: 'username',
    },
    {
      name: 'user with regionId as a string',
      method: 'post',
      path: '/api/v1/users',
      body: { username: 'newbie', displayName: 'N', password: 'Diandan@2026', roles: ['ADMIN'], regionId: '1' },
      as: 'admin',
      field: 'regionId',
    },
    {
      name: 'user with an extra field',
      method: 'post',
      path: '/api/v1/users',
      body: {
        username: 'newbie',
        displayName: 'N',
        password: 'Diandan@2026',
        roles: ['ADMIN'],
        regionId: 1,
        isRoot: true,
      },
      as: 'admin',
      field: 'isRoot',
    },
    {
      name: 'patch user with a non-numeric id',
      method: 'patch',
      path: '/api/v1/users/abc',
      body: { displayName: 'x' },
      as: 'admin',
      field: 'id',
    },
    {
      name: 'patch user with empty roles',
      method: 'patch',
      path: '/api/v1/users/1',
      body: { roles: [] },
      as: 'admin',
      field: 'roles',
    },
    { name: 'disable a non-numeric user', method: 'post', path: '/api/v1/users/1x/disable', as: 'admin', field: 'id' },
    {
      name: 'list users with pageSize 1000',
      method: 'get',
      path: '/api/v1/users?pageSize=1000',
      as: 'admin',
      field: 'pageSize',
    },
    {
      name: 'list users with an unknown sort',
      method: 'get',
      path: '/api/v1/users?sort=password_hash',
      as: 'admin',
      field: 'sort',
    },
    {
      name: 'region with an 11-digit code',
      method: 'post',
      path: '/api/v1/regions',
      body: { parentId: 1, code: '32010600000', name: 'x' },
      as: 'admin',
      field: 'code',
    },
    {
      name: 'region without parent',
      method: 'post',
      path: '/api/v1/regions',
      body: { code: '320106000000', name: 'x' },
      as: 'admin',
      field: 'parentId',
    },
    {
      name: 'patch region with a bad code',
      method: 'patch',
      path: '/api/v1/regions/2',
      body: { code: 'abc' },
      as: 'admin',
      field: 'code',
    },
    { name: 'region with a non-numeric id', method: 'get', path: '/api/v1/regions/abc', as: 'admin', field: 'id' },
    { name: 'calendar year out of range', method: 'get', path: '/api/v1/calendar/1850', as: 'admin', field: 'year' },
    {
      name: 'calendar day with a bad kind',
      method: 'put',
      path: '/api/v1/calendar/days/2026-12-31',
      body: { kind: 'PARTY', name: 'x' },
      as: 'admin',
      field: 'kind',
    },
    {
      name: 'calendar day with a bad date',
      method: 'put',
      path: '/api/v1/calendar/days/2026-13-01',
      body: { kind: 'HOLIDAY', name: 'x' },
      as: 'admin',
    },
    {
      name: 'delete calendar day with a bad date',
      method: 'delete',
      path: '/api/v1/calendar/days/yesterday',
      as: 'admin',
      field: 'date',
    },
    {
      name: 'add working days with negative days',
      method: 'get',
      path: '/api/v1/calendar/add-working-days?from=2026-01-05&days=-1',
      as: 'admin',
      field: 'days',
    },
    {
      name: 'need with an unknown field',
      method: 'post',
      path: '/api/v1/needs',
      body: {
        campaignId: 1,
        categoryId: 1,
        title: '助餐',
        description: 'x',
        attributes: {},
        location: 'x',
        status: 'APPROVED',
      },
      as: 'worker',
      field: 'status',
    },
    {
      name: 'need with attributes as a string',
      method: 'post',
      path: '/api/v1/needs',
      body: { campaignId: 1, categoryId: 1, title: '助餐', description: 'x', attributes: 'x', location: 'x' },
      as: 'worker',
      field: 'attributes',
    },
    {
      name: 'needs list with an unknown status',
      method: 'get',
      path: '/api/v1/needs?status=APPROVED,PAID',
      as: 'auditor',
      field: 'status',
    },
    {
      name: 'needs list with an unknown sort',
      method: 'get',
      path: '/api/v1/needs?sort=title',
      as: 'auditor',
      field: 'sort',
    },
    {
      name: 'campaign with a bad date',
      method: 'post',
      path: '/api/v1/campaigns',
      body: {
        regionId: 1,
        title: 't',
        description: 'd',
        opensAt: 'tomorrow',
        closesAt: '2030-01-01T00:00:00Z',
        supportsPerResident: 3,
        minSupportsToShortlist: 1,
        catalogueVersionId: 1,
      },
      as: 'worker',
      field: 'opensAt',
    },
    {
      name: 'campaign with zero supports per resident',
      method: 'post',
      path: '/api/v1/campaigns',
      body: {
        regionId: 1,
        title: 't',
        description: 'd',
        opensAt: '2030-01-01T00:00:00Z',
        closesAt: '2030-02-01T00:00:00Z',
        supportsPerResident: 0,
        minSupportsToShortlist: 1,
        catalogueVersionId: 1,
      },
      as: 'worker',
      field: 'supportsPerResident',
    },
    {
      name: 'reject with an unknown reason',
      method: 'post',
      path: '/api/v1/needs/1/reject',
      body: { reason: 'BORING', note: 'x' },
      as: 'worker',
      field: 'reason',
    },
    {
      name: 'deliberation with an unknown decision',
      method: 'post',
      path: '/api/v1/campaigns/1/deliberations',
      body: {
        heldOn: '2026-12-01',
        attendees: 'a',
        minutes: 'm',
        decisions: [{ needId: 1, decision: 'MAYBE', reason: 'r' }],
      },
      as: 'worker',
      field: 'decisions[0].decision',
    },
    {
      name: 'catalogue item with a float price',
      method: 'post',
      path: '/api/v1/catalogue/versions/1/items',
      body: {
        categoryId: 1,
        code: 'X1',
        name: 'x',
        serviceStandard: 's',
        unit: '次',
        priceCap: '15.005',
        minOrgGrade: 2,
        paymentSchedule: [{ label: 'a', percent: 100 }],
      },
      as: 'officer',
      field: 'priceCap',
    },
    {
      name: 'catalogue item with a price as a number',
      method: 'post',
      path: '/api/v1/catalogue/versions/1/items',
      body: {
        categoryId: 1,
        code: 'X1',
        name: 'x',
        serviceStandard: 's',
        unit: '次',
        priceCap: 15,
        minOrgGrade: 2,
        paymentSchedule: [{ label: 'a', percent: 100 }],
      },
      as: 'officer',
      field: 'priceCap',
    },
    {
      name: 'resident registration with a bad phone',
      method: 'post',
      path: '/api/v1/auth/register',
      body: { phone: '12345', password: 'Diandan@2026', displayName: 'x', communityId: 1 },
      as: 'none',
      field: 'phone',
    },
    {
      name: 'budget line with three decimals',
      method: 'post',
      path: '/api/v1/funds/lines',
      body: { year: 2026, regionId: 2, source: 'DONATION', title: 't', amount: '1.234' },
      as: 'officer',
      field: 'amount',
    },
    {
      name: 'budget line with a numeric amount',
      method: 'post',
      path: '/api/v1/funds/lines',
      body: { year: 2026, regionId: 2, source: 'DONATION', title: 't', amount: 1000 },
      as: 'officer',
      field: 'amount',
    },
    {
      name: 'budget line with an unknown source',
      method: 'post',
      path: '/api/v1/funds/lines',
      body: { year: 2026, regionId: 2, source: 'LOTTERY', title: 't', amount: '10.00' },
      as: 'officer',
      field: 'source',
    },
    {
      name: 'budget line with balances smuggled in',
      method: 'post',
      path: '/api/v1/funds/lines',
      body: { year: 2026, regionId: 2, source: 'DONATION', title: 't', amount: '10.00', availableFen: '999' },
      as: 'officer',
      field: 'availableFen',
    },
    {
      name: 'adjustment with a non-amount delta',
      method: 'post',
      path: '/api/v1/funds/lines/1/adjustments',
      body: { delta: 'ten', reason: 'r' },
      as: 'officer',
      field: 'delta',
    },
    {
      name: 'execution report grouped by colour',
      method: 'get',
      path: '/api/v1/funds/report?year=2026&groupBy=colour',
      as: 'auditor',
      field: 'groupBy',
    },
    {
      name: 'reversal with a short key',
      method: 'post',
      path: '/api/v1/funds/entries/1/reverse',
      body: { idempotencyKey: 'x', memo: 'm' },
      as: 'finance',
      field: 'idempotencyKey',
    },
    {
      name: 'closing a year that is not a number',
      method: 'post',
      path: '/api/v1/funds/years/last/close',
      as: 'finance',
      field: 'year',
    },
    {
      name: 'project with a unit price of three decimals',
      method: 'post',
      path: '/api/v1/projects',
      body: {
        title: '项目',
        regionId: 4,
        catalogueItemId: 1,
        needIds: [1],
        quantity: 1,
        unitPrice: '12.505',
        budgetLineId: 1,
        plan: {
          objectives: ['x'],
          schedule: [{ period: '2027-01', activity: 'a' }],
          budget: [{ item: 'b', amount: '100.00' }],
          beneficiaries: 1,
          outputIndicators: [{ name: 'n', target: 't' }],
          outcomeIndicators: [{ name: 'n', target: 't' }],
        },
      },
      as: 'officer',
      field: 'unitPrice',
    },
    {
      name: 'project with need ids as strings',
      method: 'post',
      path: '/api/v1/projects',
      body: {
        title: '项目',
        regionId: 4,
        catalogueItemId: 1,
        needIds: ['1'],
        quantity: 1,
        unitPrice: '100.00',
        budgetLineId: 1,
        plan: {
          objectives: ['x'],
          schedule: [{ period: '2027-01', activity: 'a' }],
          budget: [{ item: 'b', amount: '100.00' }],
          beneficiaries: 1,
          outputIndicators: [{ name: 'n', target: 't' }],
          outcomeIndicators: [{ name: 'n', target: 't' }],
        },
      },
      as: 'officer',
      field: 'needIds',
    },
    {
      name: 'project plan without objectives',
      method: 'post',
      path: '/api/v1/projects',
      body: {
        title: '项目',
        regionId: 4,
        catalogueItemId: 1,
        needIds: [1],
        quantity: 1,
        unitPrice: '100.00',
        budgetLineId: 1,
        plan: { schedule: [], budget: [], beneficiaries: 1, outputIndicators: [], outcomeIndicators: [] },
      },
      as: 'officer',
      field: 'plan.objectives',
    },
    {
      name: 'project approval with a status smuggled in',
      method: 'post',
      path: '/api/v1/projects/1/approve',
      body: { status: 'APPROVED' },
      as: 'finance',
      field: 'status',
    },
    {
      name: 'tender with an unknown method',
      method: 'post',
      path: '/api/v1/tenders',
      body: { ...TENDER, method: 'AUCTION' },
      as: 'officer',
      field: 'method',
    },
    {
      name: 'tender with the price weight as a string',
      method: 'post',
      path: '/api/v1/tenders',
      body: { ...TENDER, priceWeight: '30' },
      as: 'officer',
      field: 'priceWeight',
    },
    {
      name: 'tender with a bad deadline',
      method: 'post',
      path: '/api/v1/tenders',
      body: { ...TENDER, bidDeadline: 'next month' },
      as: 'officer',
      field: 'bidDeadline',
    },
    {
      name: 'tender with a lower-case criterion code',
      method: 'post',
      path: '/api/v1/tenders',
      body: { ...TENDER, criteria: [{ code: 'plan', name: '方案', maxScore: '70' }] },
      as: 'officer',
      field: 'criteria[0].code',
    },
    {
      name: 'tenders list with an unknown status',
      method: 'get',
      path: '/api/v1/tenders?status=SOLD',
      as: 'officer',
      field: 'status',
    },
    {
      name: 'bid with a numeric price',
      method: 'put',
      path: '/api/v1/tenders/1/my-bid',
      body: { price: 9000, technical: {}, documents: [] },
      as: 'orgmember',
      field: 'price',
    },
    {
      name: 'bid with documents as a string',
      method: 'put',
      path: '/api/v1/tenders/1/my-bid',
      body: { price: '9000.00', technical: {}, documents: 'all' },
      as: 'orgmember',
      field: 'documents',
    },
    {
      name: 'bid document with a non-uuid bid id',
      method: 'get',
      path: '/api/v1/tenders/1/bids/1/documents/2',
      as: 'officer',
      field: 'bidId',
    },
    {
      name: 'qualification with a non-uuid bid id',
      method: 'post',
      path: '/api/v1/tenders/1/qualification',
      body: { decisions: [{ bidId: '1', qualified: true }] },
      as: 'officer',
      field: 'decisions[0].bidId',
    },
    {
      name: 'score sheet with a non-uuid bid id',
      method: 'put',
      path: '/api/v1/tenders/1/my-scores',
      body: { sheets: [{ bidId: 'x', scores: { PLAN: '30' } }] },
      as: 'expert',
      field: 'sheets[0].bidId',
    },
    {
      name: 'objection with grounds too short',
      method: 'post',
      path: '/api/v1/tenders/1/objections',
      body: { grounds: '不服' },
      as: 'orgmember',
      field: 'grounds',
    },
    {
      name: 'objection answer with an unknown outcome',
      method: 'post',
      path: '/api/v1/objections/1/answer',
      body: { outcome: 'MAYBE', answer: '答复' },
      as: 'officer',
      field: 'outcome',
    },
    {
      name: 'expert declaration with a bad date',
      method: 'post',
      path: '/api/v1/my/expert/affiliations',
      body: { organisationId: 1, kind: 'EMPLOYMENT', endedOn: 'last year' },
      as: 'expert',
      field: 'endedOn',
    },
    {
      name: 'project cancellation without a reason',
      method: 'post',
      path: '/api/v1/projects/1/cancel',
      body: {},
      as: 'officer',
      field: 'reason',
    },
    {
      name: 'amendment without saying whether it affects preparation',
      method: 'post',
      path: '/api/v1/tenders/1/amendments',
      body: { body: '更正内容' },
      as: 'officer',
      field: 'affectsPreparation',
    },
    {
      name: 'clarification with an empty body',
      method: 'post',
      path: '/api/v1/tenders/1/clarifications',
      body: { body: '' },
      as: 'officer',
      field: 'body',
    },
    {
      name: 'question of one character',
      method: 'post',
      path: '/api/v1/tenders/1/questions',
      body: { question: '?' },
      as: 'orgmember',
      field: 'question',
    },
    {
      name: 'answer to a non-numeric question id',
      method: 'post',
      path: '/api/v1/tenders/1/notices/x/answer',
      body: { answer: '答复' },
      as: 'officer',
      field: 'noticeId',
    },
    {
      name: 'committee draw with representatives as strings',
      method: 'post',
      path: '/api/v1/tenders/1/committee/draw',
      body: { representativeIds: ['2'] },
      as: 'officer',
      field: 'representativeIds',
    },
    {
      name: 'bid with the technical response as a string',
      method: 'put',
      path: '/api/v1/tenders/1/my-bid',
      body: { price: '9000.00', technical: 'all good', documents: [] },
      as: 'orgmember',
      field: 'technical',
    },
    {
      name: 'award with a non-uuid winner',
      method: 'post',
      path: '/api/v1/tenders/1/award',
      body: { winnerBidId: 7 },
      as: 'officer',
      field: 'winnerBidId',
    },
    {
      name: 'organisation search without a query',
      method: 'get',
      path: '/api/v1/my/expert/organisations',
      as: 'expert',
      field: 'q',
    },
    {
      name: 'audit with a bad from date',
      method: 'get',
      path: '/api/v1/audit?from=yesterday',
      as: 'auditor',
      field: 'from',
    },
    {
      name: 'audit with an injected action',
      method: 'get',
      path: "/api/v1/audit?action=x'%20OR%201=1",
      as: 'auditor',
      field: 'action',
    },
  ];

  it.each(cases)('$name → 400 problem, nothing changed', async (c) => {
    const before = await snapshot();
    let req = t.http()[c.method](c.path);
    if (c.as !== 'none')
      req = req.set('Authorization', { admin, auditor, worker, officer, finance, orgmember, expert }[c.as]);
    const res = c.body === undefined ? await req : await req.send(c.body as object);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(typeof res.body.type).toBe('string');
    if (c.field) expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(c.field);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(js|ts):\d+|SELECT|INSERT|stack/i);
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "admin", ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at JSON\.parse/);
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const res = await t.http().get('/api/v1/nothing-here').set('Authorization', admin);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
