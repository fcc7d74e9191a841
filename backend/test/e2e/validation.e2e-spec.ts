import { gzipSync } from 'node:zlib';

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

/** Sends a Buffer as its bytes (superagent would otherwise JSON-encode it under a JSON content type). */
const asIs = (body: unknown) => body as string;

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
    {
      name: 'deliberation held on 30 February',
      method: 'post',
      path: '/api/v1/campaigns/1/deliberations',
      body: {
        heldOn: '2026-02-30',
        attendees: 'a',
        minutes: 'm',
        decisions: [{ needId: 1, decision: 'APPROVED', reason: 'r' }],
      },
      as: 'worker',
      field: 'heldOn',
    },
    {
      name: 'campaign opening on 30 February',
      method: 'post',
      path: '/api/v1/campaigns',
      body: {
        regionId: 1,
        title: 't',
        description: 'd',
        opensAt: '2026-02-30T10:00:00Z',
        closesAt: '2030-02-01T00:00:00Z',
        supportsPerResident: 3,
        minSupportsToShortlist: 1,
        catalogueVersionId: 1,
      },
      as: 'worker',
      field: 'opensAt',
    },
    {
      name: 'campaign closing at 25:00',
      method: 'patch',
      path: '/api/v1/campaigns/1',
      body: { closesAt: '2030-02-01T25:00:00Z' },
      as: 'worker',
      field: 'closesAt',
    },
    {
      name: 'campaign closing at an instant without its offset',
      method: 'patch',
      path: '/api/v1/campaigns/1',
      body: { closesAt: '2030-02-01T10:00:00' },
      as: 'worker',
      field: 'closesAt',
    },
    {
      name: 'tender deadline on 31 April',
      method: 'post',
      path: '/api/v1/tenders',
      body: { ...TENDER, bidDeadline: '2030-04-31T01:30:00Z' },
      as: 'officer',
      field: 'bidDeadline',
    },
    {
      name: 'blacklisting until 29 February of a common year',
      method: 'post',
      path: '/api/v1/organisations/1/blacklist',
      body: { reason: '虚假材料', until: '2027-02-29' },
      as: 'officer',
      field: 'until',
    },
    {
      name: 'expert relationship ended on 31 June',
      method: 'post',
      path: '/api/v1/my/expert/affiliations',
      body: { organisationId: 1, kind: 'EMPLOYMENT', endedOn: '2025-06-31' },
      as: 'expert',
      field: 'endedOn',
    },
    {
      name: 'calendar day 30 February',
      method: 'put',
      path: '/api/v1/calendar/days/2026-02-30',
      body: { kind: 'HOLIDAY', name: 'x' },
      as: 'admin',
      field: 'date',
    },
    {
      name: 'working days from 30 February',
      method: 'get',
      path: '/api/v1/calendar/add-working-days?from=2026-02-30&days=1',
      as: 'admin',
      field: 'from',
    },
    {
      name: 'a __proto__ key in a body',
      method: 'post',
      path: '/api/v1/regions',
      body: JSON.parse('{"parentId":1,"code":"320106000000","name":"x","__proto__":{"admin":true}}'),
      as: 'admin',
      field: '__proto__',
    },
    {
      name: 'a constructor key nested in a body',
      method: 'post',
      path: '/api/v1/projects/1/approve',
      body: { note: 'ok', extra: { constructor: { prototype: 1 } } },
      as: 'finance',
      field: 'extra.constructor',
    },
    {
      name: 'a prototype key in a list',
      method: 'put',
      path: '/api/v1/tenders/1/my-scores',
      body: { sheets: [{ bidId: '00000000-0000-4000-8000-000000000000', scores: { prototype: '1' } }] },
      as: 'expert',
      field: 'sheets[0].scores.prototype',
    },
    {
      name: 'a NUL in a body string',
      method: 'post',
      path: '/api/v1/needs/1/reject',
      body: { reason: 'DUPLICATE', note: 'a\u0000b' },
      as: 'worker',
      field: 'note',
    },
    {
      name: 'a right-to-left override in a nested body string',
      method: 'post',
      path: '/api/v1/campaigns/1/deliberations',
      body: {
        heldOn: '2026-12-01',
        attendees: 'a',
        minutes: 'm',
        decisions: [{ needId: 1, decision: 'APPROVED', reason: '通过\u202Eexe.pdf' }],
      },
      as: 'worker',
      field: 'decisions[0].reason',
    },
    {
      name: 'an isolate in a key',
      method: 'patch',
      path: '/api/v1/users/1',
      body: { ['displayName\u2066']: 'x' },
      as: 'admin',
      field: 'displayName\\u2066',
    },
    {
      name: 'a bidirectional override in a query string',
      method: 'get',
      path: '/api/v1/users?q=%E2%80%AEnimda',
      as: 'admin',
      field: 'q',
    },
    {
      name: 'a lone surrogate percent-encoded in a query string (not UTF-8)',
      method: 'get',
      path: '/api/v1/needs?q=%ED%A0%80',
      as: 'auditor',
      field: 'q',
    },
    { name: 'a NUL in a path parameter', method: 'get', path: '/api/v1/regions/1%00', as: 'admin', field: 'id' },
    {
      name: 'a list inside a list (class-validator took [[{…}]] for [{…}]: a 500 on projects, tenders and bids)',
      method: 'post',
      path: '/api/v1/tenders',
      body: { ...TENDER, criteria: [[{ code: 'PLAN', name: '方案', maxScore: '70' }]] },
      as: 'officer',
      field: 'criteria[0]',
    },
    {
      name: 'an id of 1e300 (an "integer" to IsInt)',
      method: 'post',
      path: '/api/v1/needs/1/merge',
      body: { targetNeedId: 1e300 },
      as: 'worker',
      field: 'targetNeedId',
    },
    {
      name: 'a region parent id sent as a string',
      method: 'post',
      path: '/api/v1/regions',
      body: { parentId: '2', code: '320106099000', name: '宁海路社区' },
      as: 'admin',
      field: 'parentId',
    },
    {
      name: 'my organisation moved to region null (answered 500)',
      method: 'patch',
      path: '/api/v1/my/organisation',
      body: { regionId: null },
      as: 'orgmember',
      field: 'regionId',
    },
    {
      name: 'a body with fields sent to a route that takes none',
      method: 'post',
      path: '/api/v1/users/1/enable',
      body: { status: 'ACTIVE' },
      as: 'admin',
      field: 'status',
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

  describe('ill-formed text (issue #9 A1)', () => {
    it('refuses the login with a lone surrogate before it is audited: 400 naming username, the chain still verifies', async () => {
      const events = await count(t.ds, 'audit_events');
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username":"\\ud800x","password":"x"}');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'username', message: expect.stringMatching(/lone UTF-16 surrogate/) }]);
      expect(await count(t.ds, 'audit_events')).toBe(events);
      const verify = await t.http().get('/api/v1/audit/verify').set('Authorization', auditor);
      expect(verify.body).toMatchObject({ ok: true });
    });

    it('refuses bytes that are not UTF-8 (a surrogate encoded as bytes)', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .serialize(asIs)
        .send(
          Buffer.concat([
            Buffer.from('{"username":"'),
            Buffer.from([0xed, 0xa0, 0x80]),
            Buffer.from('","password":"x"}'),
          ]),
        );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MALFORMED_JSON');
    });

    it('accepts the implicit direction marks (LRM, RLM, ALM) that Uyghur and Arabic-script names need', async () => {
      const res = await t.http().get('/api/v1/users?q=%E2%80%8F%D8%B9%E2%80%8E').set('Authorization', admin);
      expect(res.status).toBe(200);
    });
  });

  describe('request bodies (issue #9 A4, A14)', () => {
    const problem = (res: { status: number; headers: Record<string, string>; body: { status: number } }) => {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.status).toBe(res.status);
      expect(res.headers['x-request-id']).toMatch(/.+/);
    };

    it('answers a body over the limit with 413, not 500', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'x' }));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('BODY_TOO_LARGE');
      problem(res);
    });

    it('refuses JSON nested deeper than 32 levels before transforming it (5000 levels overflowed the stack)', async () => {
      for (const levels of [33, 5000]) {
        const res = await t
          .http()
          .post('/api/v1/projects/1/approve')
          .set('Authorization', finance)
          .set('Content-Type', 'application/json')
          .send(`{"note":"x","deep":${'['.repeat(levels)}${']'.repeat(levels)}}`);
        expect([levels, res.status, res.body.code]).toEqual([levels, 400, 'BODY_TOO_DEEP']);
        problem(res);
      }
      // 32 levels pass the depth check and reach validation, which names the unknown field
      const ok = await t
        .http()
        .post('/api/v1/projects/1/approve')
        .set('Authorization', finance)
        .set('Content-Type', 'application/json')
        .send(`{"note":"x","deep":${'['.repeat(31)}${']'.repeat(31)}}`);
      expect(ok.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    });

    it.each(['gzip', 'deflate', 'br', 'GZIP, identity'])(
      'refuses a compressed body (%s) with 415',
      async (encoding) => {
        const res = await t
          .http()
          .post('/api/v1/auth/login')
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', encoding)
          .serialize(asIs)
          .send(gzipSync(JSON.stringify({ username: 'admin', password: 'x' })));
        expect(res.status).toBe(415);
        expect(res.body.code).toBe('UNSUPPORTED_CONTENT_ENCODING');
        problem(res);
      },
    );

    it('refuses a gzip bomb without inflating it', async () => {
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)); // 64 MB of spaces in 64 kB
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .serialize(asIs)
        .send(bomb);
      expect(res.status).toBe(415);
    });

    describe('the large-body routes authenticate before reading', () => {
      const huge = () =>
        JSON.stringify({
          price: '9000.00',
          technical: {},
          documents: [{ fileName: 'a.pdf', contentBase64: 'A'.repeat(29 * 1024 * 1024) }],
        });
      let parse: jest.SpyInstance;
      beforeEach(() => {
        parse = jest.spyOn(JSON, 'parse');
      });
      afterEach(() => parse.mockRestore());
      const parsedLarge = () =>
        parse.mock.calls.some(([text]) => typeof text === 'string' && text.length > 1024 * 1024);

      it('a 29 MB anonymous PUT /tenders/1/my-bid is a 401 and its body is never parsed', async () => {
        const res = await t.http().put('/api/v1/tenders/1/my-bid').set('Content-Type', 'application/json').send(huge());
        expect(res.status).toBe(401);
        expect(parsedLarge()).toBe(false);
      });

      it('a signed-in caller without bids.submit gets 403, the body unread', async () => {
        const res = await t
          .http()
          .put('/api/v1/tenders/1/my-bid')
          .set('Authorization', officer)
          .set('Content-Type', 'application/json')
          .send(huge());
        expect(res.status).toBe(403);
        expect(parsedLarge()).toBe(false);
      });

      it('a bidder over 30 MB gets 413', async () => {
        const res = await t
          .http()
          .put('/api/v1/tenders/1/my-bid')
          .set('Authorization', orgmember)
          .set('Content-Type', 'application/json')
          .send(
            JSON.stringify({
              price: '1.00',
              documents: [{ fileName: 'a.pdf', contentBase64: 'A'.repeat(31 * 1024 * 1024) }],
            }),
          );
        expect(res.status).toBe(413);
        problem(res);
      });
    });

    it.each([
      ['text/plain', 'grade=5'],
      ['application/x-www-form-urlencoded', 'grade=5'],
      ['application/json; charset=latin1', '{"grade":5}'],
    ])('refuses a body sent as %s with 415, changing and auditing nothing', async (type, text) => {
      const events = await count(t.ds, 'audit_events');
      const res = await t
        .http()
        .patch('/api/v1/my/organisation')
        .set('Authorization', orgmember)
        .set('Content-Type', type)
        .send(text);
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await count(t.ds, 'audit_events')).toBe(events);
    });

    it.each([
      ['/api/v1/my/organisation', 'orgmember'],
      ['/api/v1/users/1', 'admin'],
      ['/api/v1/regions/2', 'admin'],
      ['/api/v1/campaigns/1', 'worker'],
      ['/api/v1/catalogue/categories/1', 'officer'],
      ['/api/v1/catalogue/items/1', 'officer'],
    ] as const)('PATCH %s with nothing to change ({} or no body) is a 400, audited nowhere', async (path, as) => {
      const auth = { orgmember, admin, worker, officer }[as];
      const events = await count(t.ds, 'audit_events');
      for (const res of [
        await t.http().patch(path).set('Authorization', auth).send({}),
        await t.http().patch(path).set('Authorization', auth),
      ]) {
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('NOTHING_TO_CHANGE');
      }
      expect(await count(t.ds, 'audit_events')).toBe(events);
    });

    it.each([
      ['an array', '[{"username":"admin","password":"x"}]'],
      ['a string', '"admin"'],
      ['null', 'null'],
      ['a number', '42'],
    ])('refuses %s where a JSON object is expected', async (_what, text) => {
      const res = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send(text);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BODY_NOT_OBJECT');
    });

    it('lets a route that takes no body be called with an empty body or {} (as the UI does)', async () => {
      for (const send of [undefined, {}]) {
        const req = t.http().post('/api/v1/inbox/read-all').set('Authorization', worker);
        const res = send === undefined ? await req : await req.send(send);
        expect(res.status).toBeLessThan(300);
      }
    });
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
