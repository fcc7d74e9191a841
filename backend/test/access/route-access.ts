/**
 * The access matrix: who may call each route the API registers, written by hand.
 *
 * `backend/test/e2e/access-matrix.e2e-spec.ts` enumerates the routes the running app registers (the Express router,
 * not this list) and calls every one anonymously and as every role; a route missing here fails that test, and so
 * does a row whose route no longer exists. The table is deliberately NOT derived from `ROLE_PERMISSIONS`: it states
 * what the product means (PRODUCT.md §2), and the test proves the code agrees.
 *
 * Adding a route: add one row, `'METHOD /api/v1/path/:param': rule(WHO, { …options })`, with a comment on why these
 * callers. WHO is `PUBLIC` or a list of roles. For a route on records that belong to a tenant (a district's or a
 * community's records, an organisation's), add `cross` checks: a real record of the first tenant, called by a user of
 * another tenant, must answer 404 exactly as a missing record does, and change nothing; on a list route, `hides`
 * names a record the other tenant's list must leave out. See docs/api.md
 * ("The access matrix") for the options.
 */
import type { Role } from '../../src/platform/access/permissions';

export const PUBLIC = 'public' as const;
export type Callers = typeof PUBLIC | readonly Role[];

/**
 * A cross-tenant call. `params` name fixtures (`@name`, built in fixtures.ts) or give literal values; the same call
 * with the `missing` params (default: every `@` param) replaced by ids that do not exist must give the same answer:
 * 404, same code, same detail (ids aside).
 */
export interface CrossTenant {
  /** A demo user of another tenant (see README.md: xw_officer, xw_finance, orgmember2, yh_resident, yh_worker…). */
  as: string;
  params?: Record<string, string>;
  /** A body that passes validation, so that only the scope check can refuse the call. */
  body?: unknown;
  /** A query string; `@name` values are fixtures too (a filter naming another tenant's record or region). */
  query?: string;
  /** Sends a small PNG as the multipart field `file` instead of a JSON body. */
  file?: true;
  /** Which params (or top-level body fields) make the record missing in the comparison call. */
  missing?: string[];
  /** The expected status, 404 unless the record is referenced in the body and a missing one answers otherwise. */
  status?: number;
  /** A list route: the call answers 200 and the listed items (`items` or the array itself) leave out this record… */
  hides?: string;
  /**
   * …which the same list shows this user of its own tenant (so that the check is not empty; narrow the list with
   * `query` so that the record is on its first page whatever other tests have added).
   */
  seenBy?: string;
}

export interface RouteRule {
  allow: Callers;
  /**
   * What an allowed caller sends: path values default to ids that do not exist (see MISSING in the spec), the body to
   * `{ matrixProbe: 1 }` (an unknown field: 400 on every route that takes a body). Either way nothing may change.
   */
  probe?: { params?: Record<string, string>; body?: unknown; query?: string };
  /** Tables an allowed probe may change, and why (only the caller's own state). */
  mayChange?: string[];
  cross?: CrossTenant[];
  /** false for the Swagger UI's own routes, which are not operations of /api/docs-json. */
  documented?: false;
}

const rule = (allow: Callers, options: Omit<RouteRule, 'allow'> = {}): RouteRule => ({ allow, ...options });

// Roles, spelled out (PRODUCT.md §2).
const RES = 'RESIDENT';
const CW = 'COMMUNITY_WORKER';
const PO = 'PROCUREMENT_OFFICER';
const FO = 'FINANCE_OFFICER';
const OM = 'ORG_MEMBER';
const EX = 'EXPERT';
const EV = 'EVALUATOR';
const AU = 'AUDITOR';
const AD = 'ADMIN';
const EVERYONE: Role[] = [RES, CW, PO, FO, OM, EX, EV, AU, AD];
/** A route no role may call (the queue board's destructive actions): 401 anonymously, 403 to everyone else. */
const NOBODY: Role[] = [];
/** Staff of a region office: they read the region tree, the registry and the calendar of their subtree. */
const STAFF: Role[] = [CW, PO, FO, AU, AD];
/** Everybody who works with dates of the procurement calendar (not residents). */
const CALENDAR: Role[] = [CW, PO, FO, OM, EX, EV, AU, AD];
/** Members of an organisation or an evaluation agency, about their own organisation. */
const OWN_ORG: Role[] = [OM, EV];
const NEEDS_READERS: Role[] = [RES, CW, PO, AU];
const FUNDS_READERS: Role[] = [PO, FO, AU];
const PROJECT_READERS: Role[] = [PO, FO, AU];
/** Tenders: the officer, bidders (published ones), the committee's experts, auditors. */
const TENDER_READERS: Role[] = [PO, OM, EX, AU];
/** Scoring: drawn experts, and officers sitting as the purchaser's representative (采购人代表). */
const SCORERS: Role[] = [PO, EX];
/** 第三方验单 (issue #11): the officer, finance, the evaluated organisation, evaluators, auditors. */
const TEMPLATE_READERS: Role[] = [PO, FO, OM, EV, AU];
/** 数据看板 (issue #12): officers, finance, auditors and administrators, each in their own region subtree. */
const REPORT_READERS: Role[] = [PO, FO, AU, AD];

// Valid bodies for cross-tenant writes (so that only the scope can refuse them).
const REASON = { reason: '越权尝试' };
const NOTE = { note: '越权尝试' };
const PLAN = {
  objectives: ['越权'],
  schedule: [{ period: '2027-01', activity: '越权' }],
  budget: [{ item: '餐费', amount: '100.00' }],
  beneficiaries: 1,
  outputIndicators: [{ name: '人次', target: '1' }],
  outcomeIndicators: [{ name: '满意度', target: '90%' }],
};
const PROJECT = {
  title: '越权项目',
  regionId: '@gulouCommunity',
  catalogueItemId: '@mealItem',
  needIds: ['@approvedNeed'],
  quantity: 8,
  unitPrice: '12.50',
  budgetLineId: '@gulouLine',
  plan: PLAN,
};
/** A valid edit of a contract draft (PUT /api/v1/contracts/:id) within the fixture contract's term. */
export const CONTRACT_BODY = {
  content: {
    purchaser: { name: '鼓楼区民政局', region: '鼓楼区', address: '', representative: '' },
    supplier: {
      name: '南京市鼓楼区阳光养老服务中心',
      creditCode: '',
      legalRepresentative: '',
      bankName: '',
      bankAccountName: '',
      bankAccountNo: '',
    },
    scope: '矩阵服务',
    serviceStandard: '',
    acceptanceMethod: '验收',
    bondTerms: '',
    otherTerms: '',
  },
  termStart: '2030-01-01',
  termEnd: '2030-12-31',
  paymentDays: 30,
  bondPercent: '5.00',
  milestones: [{ title: '结项', deliverables: '结项报告', dueDate: '2030-12-31', share: '100.00' }],
};

const TENDER = {
  projectId: '@gulouProject',
  title: '越权采购',
  description: '越权',
  method: 'OPEN_TENDER',
  scoringMethod: 'COMPREHENSIVE',
  priceWeight: 30,
  criteria: [{ code: 'PLAN', name: '方案', maxScore: '70' }],
  maxPrice: '90.00',
  committeeSize: 5,
  bidDeadline: '2099-01-01T00:00:00.000Z',
};
const NEED = {
  campaignId: '@campaign',
  categoryId: '@mealCategory',
  title: '越权需求',
  description: '越权',
  attributes: { targetGroup: '独居老人', headcount: 1, frequency: '每天', timeWindow: '中午' },
  location: '越权',
  offlineName: '某人',
  offlinePhone: '02500000000',
};

/** Evaluation: staff of the region, the assigned evaluator, the evaluated organisation once confirmed (PRODUCT.md §5.9). */
const EVALUATION_READERS: Role[] = [PO, FO, OM, EV, AU];
/** Contracts: the officers, finance and auditors of the region, the supplier's members (PRODUCT.md §5.8). */
const CONTRACT_READERS: Role[] = [PO, FO, OM, AU];
const MILESTONE = { id: '@gulouContract', milestoneId: '@gulouMilestone' };
const EVIDENCE = { id: '@gulouContract', evidenceId: '@gulouEvidence' };
const PNG_B64 = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 7),
]).toString('base64');
const REPORT = {
  activities: [{ date: '2026-01-05', place: '越权', content: '越权', participants: 1 }],
  serviceHours: [],
  outputs: [{ code: 'OUT-1', actual: '1' }],
  evidenceIds: ['@gulouEvidence'],
};

/** 验单 scoring: a task of 鼓楼区 ASSIGNED to `evaluator`, and a document of it. */
const TASK = { id: '@evaluationTask' };
const TASK_EVIDENCE = { id: '@evaluationTask', evidenceId: '@evaluationEvidence' };
/** Readers of a task's scoresheet (their scope is checked per task): staff, the evaluator, the organisation. */
const SCORESHEET_READERS: Role[] = [PO, FO, OM, EV, AU];
/** Another evaluator of the same agency, not assigned to the task. */
const OTHER_EVALUATOR = (params: Record<string, string>, body?: unknown): CrossTenant => ({
  as: 'matrix_evaluator',
  params,
  body,
});
/** Staff of 玄武区, another organisation (not the evaluated one), another evaluator. */
const SCORESHEET_CROSS = (params: Record<string, string>): CrossTenant[] => [
  { as: 'xw_officer', params },
  { as: 'xw_finance', params },
  { as: 'orgmember2', params },
  OTHER_EVALUATOR(params),
];
/** 满意度调查 (issue #11): who reads a survey's figures (EVALUATION_READ). */
const EVAL_READERS: Role[] = [PO, FO, OM, EV, AU];
const SURVEY = { projectId: '@surveyProject' };
const SURVEY_BENEFICIARY = { projectId: '@surveyProject', residentId: '@surveyResident' };

// District-bound records of 鼓楼区, tried by the same roles of 玄武区.
const XW_PO = (params: Record<string, string>, body?: unknown): CrossTenant => ({ as: 'xw_officer', params, body });
const XW_FO = (params: Record<string, string>, body?: unknown): CrossTenant => ({ as: 'xw_finance', params, body });
const XW_AD = (params: Record<string, string>, body?: unknown): CrossTenant => ({ as: 'xw_admin', params, body });
/** A dashboard of 鼓楼区 asked for by a user of 玄武区. */
const XW_REPORT = (as: string): CrossTenant => ({ as, query: 'regionId=@gulou' });
// Community-bound records of 山西路社区, tried by a resident and a worker of 颐和路社区.
const YH_RES = (params: Record<string, string>, body?: unknown): CrossTenant => ({ as: 'yh_resident', params, body });
const YH_CW = (params: Record<string, string>, body?: unknown): CrossTenant => ({ as: 'yh_worker', params, body });

export const ROUTE_ACCESS: Record<string, RouteRule> = {
  // ---- platform
  'GET /api/health': rule(PUBLIC), // load balancers probe it
  'GET /api/health/ready': rule(PUBLIC), // the same, with database and Redis
  'GET /api/v1/queues': rule([AD]), // job counts: operations
  'POST /api/v1/queues/reconcile': rule([AD]), // rebuilds jobs from the database (Redis only)
  'POST /api/v1/queues/board-session': rule([AD]), // the queue board's cookie (queues.read)
  // The queue board (Bull Board, issue #12): not Nest routes, registered one by one on the Express router behind the
  // board's own check (bearer or the board's cookie). Reads need queues.read, the two retries of failed jobs
  // queues.manage; every other write of the board is refused to everyone (modules/operations/domain/board-routes.ts).
  'GET /api/v1/queues/board': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/metrics-history': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/job-schedulers': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/queue/:queueName': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/queue/:queueName/:jobId': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/static/*file': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/redis/stats': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/queues': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/job-schedulers': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/queues/:queueName/metrics': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/queues/:queueName/default-job-options': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/queues/:queueName/workers': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/queues/:queueName/rate-limit': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/queues/:queueName/job-data-schema': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/queues/:queueName/:jobId/logs': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/queues/:queueName/:jobId/flow': rule([AD], { documented: false }),
  'GET /api/v1/queues/board/api/queues/:queueName/:jobId': rule([AD], { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/retry/:queueStatus': rule([AD], { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/:jobId/retry': rule([AD], { documented: false }),
  'PUT /api/v1/queues/board/api/queues/pause': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/resume': rule(NOBODY, { documented: false }),
  'POST /api/v1/queues/board/api/queues/:queueName/add': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/promote': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/clean/:queueStatus': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/pause': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/resume': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/concurrency': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/rate-limit': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/rate-limit/release': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/empty': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/obliterate': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/job-schedulers/:schedulerId/remove': rule(NOBODY, {
    documented: false,
  }),
  'PATCH /api/v1/queues/board/api/queues/:queueName/job-schedulers/:schedulerId': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/job-schedulers/:schedulerId/run': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/:jobId/clean': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/:jobId/promote': rule(NOBODY, { documented: false }),
  'PATCH /api/v1/queues/board/api/queues/:queueName/:jobId/update-data': rule(NOBODY, { documented: false }),
  'PATCH /api/v1/queues/board/api/queues/:queueName/:jobId/delay': rule(NOBODY, { documented: false }),
  'PATCH /api/v1/queues/board/api/queues/:queueName/:jobId/priority': rule(NOBODY, { documented: false }),
  'PUT /api/v1/queues/board/api/queues/:queueName/:jobId/remove-unprocessed-children': rule(NOBODY, {
    documented: false,
  }),
  // the Swagger UI and the OpenAPI document: the API is documented publicly (no data in it)
  'GET /api/docs': rule(PUBLIC, { documented: false }),
  'GET /api/docs/': rule(PUBLIC, { documented: false }),
  'GET /api/docs/index.html': rule(PUBLIC, { documented: false }),
  'GET /api/docs/LICENSE': rule(PUBLIC, { documented: false }),
  'GET /api/docs/swagger-ui-init.js': rule(PUBLIC, { documented: false }),
  'GET /api/docs/docs/swagger-ui-init.js': rule(PUBLIC, { documented: false }),
  'GET /api/docs-json': rule(PUBLIC, { documented: false }),
  'GET /api/docs-yaml': rule(PUBLIC, { documented: false }),

  // ---- audit: the auditor only (an administrator never reads or verifies the log of their own acts)
  'GET /api/v1/audit': rule([AU]),
  // a verification is recorded (when, by whom, its verdict) for the auditors' desk
  'GET /api/v1/audit/verify': rule([AU], { mayChange: ['audit_verifications'] }),
  'GET /api/v1/audit/state': rule([AU]),
  // an auditor anchors the chain on demand (the worker does it on schedule)
  'POST /api/v1/audit/checkpoints': rule([AU]),
  // the signed checkpoints and the key that checks them are published: anyone can hold the operator to them
  'GET /api/v1/public/audit/checkpoints': rule(PUBLIC),
  'GET /api/v1/public/audit/public-key': rule(PUBLIC),

  // ---- regions: staff read their subtree; administrators edit it
  'GET /api/v1/regions/tree': rule(STAFF),
  'GET /api/v1/regions/:id': rule(STAFF, { cross: [XW_PO({ id: '@gulou' })] }),
  'GET /api/v1/regions/:id/subtree': rule(STAFF, { cross: [XW_PO({ id: '@gulou' })] }),
  'POST /api/v1/regions': rule([AD], {
    cross: [{ as: 'xw_admin', body: { parentId: '@gulou', code: '320106099000', name: '越权街道' }, missing: [] }],
  }),
  'PATCH /api/v1/regions/:id': rule([AD], { cross: [XW_AD({ id: '@gulouStreet' }, { name: '越权改名' })] }),

  // ---- working-day calendar: one national calendar, read by everybody who counts legal periods
  'GET /api/v1/calendar/add-working-days': rule(CALENDAR),
  'GET /api/v1/calendar/:year': rule(CALENDAR),
  'PUT /api/v1/calendar/days/:date': rule([AD]),
  'DELETE /api/v1/calendar/days/:date': rule([AD]),

  // ---- organisations: registration is public; the registry is read by staff, reviewed by officers in their subtree
  'POST /api/v1/organisations/register': rule(PUBLIC),
  'GET /api/v1/organisations/register/regions': rule(PUBLIC),
  'GET /api/v1/organisations': rule(STAFF, {
    cross: [{ as: 'xw_officer', hides: '@pendingOrg', seenBy: 'officer', query: 'sort=-createdAt&pageSize=100' }],
  }),
  // a registration still under review is visible only in its region's subtree (ACTIVE ones are public knowledge)
  'GET /api/v1/organisations/:id': rule(STAFF, { cross: [XW_PO({ id: '@pendingOrg' })] }),
  'GET /api/v1/organisations/:id/record': rule(STAFF, { cross: [XW_PO({ id: '@pendingOrg' })] }),
  'GET /api/v1/organisations/:id/documents': rule(STAFF, { cross: [XW_PO({ id: '@pendingOrg' })] }),
  'GET /api/v1/organisations/:id/documents/:documentId': rule(STAFF, {
    cross: [XW_PO({ id: '@pendingOrg', documentId: '@pendingOrgDocument' })],
  }),
  'POST /api/v1/organisations/:id/approve': rule([PO], { cross: [XW_PO({ id: '@pendingOrg' }, NOTE)] }),
  'POST /api/v1/organisations/:id/return': rule([PO], { cross: [XW_PO({ id: '@pendingOrg' }, REASON)] }),
  // decisions on an ACTIVE organisation belong to its own district's officers, though everybody can read it
  'POST /api/v1/organisations/:id/suspend': rule([PO], { cross: [XW_PO({ id: '@sunshine' }, REASON)] }),
  'POST /api/v1/organisations/:id/reinstate': rule([PO], { cross: [XW_PO({ id: '@sunshine' }, NOTE)] }),
  'POST /api/v1/organisations/:id/blacklist': rule([PO], {
    cross: [XW_PO({ id: '@sunshine' }, { ...REASON, until: '@blacklistUntil' })],
  }),
  // grades are decided by the officers of the organisation's district on its certificate (members only propose)
  'GET /api/v1/organisations/:id/grade-proposals': rule(STAFF, { cross: [XW_PO({ id: '@pendingOrg' })] }),
  'POST /api/v1/organisations/:id/grade-proposals/:proposalId/approve': rule([PO], {
    cross: [XW_PO({ id: '@sunshine', proposalId: '@sunshineGradeProposal' }, NOTE)],
  }),
  'POST /api/v1/organisations/:id/grade-proposals/:proposalId/reject': rule([PO], {
    cross: [XW_PO({ id: '@sunshine', proposalId: '@sunshineGradeProposal' }, REASON)],
  }),
  // my organisation (or evaluation agency): its members only, and only their own
  'GET /api/v1/my/organisation': rule(OWN_ORG),
  'PATCH /api/v1/my/organisation': rule(OWN_ORG),
  'POST /api/v1/my/organisation/resubmit': rule(OWN_ORG),
  'GET /api/v1/my/organisation/record': rule(OWN_ORG),
  'GET /api/v1/my/organisation/documents': rule(OWN_ORG),
  'POST /api/v1/my/organisation/documents': rule(OWN_ORG),
  'GET /api/v1/my/organisation/documents/:documentId': rule(OWN_ORG, {
    cross: [{ as: 'orgmember2', params: { documentId: '@pendingOrgDocument' } }],
  }),
  'GET /api/v1/my/organisation/members': rule(OWN_ORG),
  'POST /api/v1/my/organisation/members': rule(OWN_ORG),
  // a member proposes its organisation's grade with the certificate; another organisation's proposal is not theirs
  'GET /api/v1/my/organisation/grade-proposals': rule(OWN_ORG),
  'POST /api/v1/my/organisation/grade-proposals': rule(OWN_ORG),
  'POST /api/v1/my/organisation/grade-proposals/:proposalId/withdraw': rule(OWN_ORG, {
    cross: [{ as: 'orgmember2', params: { proposalId: '@sunshineGradeProposal' } }],
  }),

  // ---- identity
  'POST /api/v1/auth/register': rule(PUBLIC), // residents register with their phone
  'POST /api/v1/auth/login': rule(PUBLIC),
  'POST /api/v1/auth/refresh': rule(PUBLIC), // the refresh token is the credential
  'POST /api/v1/auth/logout': rule(PUBLIC), // the refresh token is the credential
  'GET /api/v1/me': rule(EVERYONE),
  // what waits for the caller: always the caller's own scope (the desk's own tests check cross-district and sealed bids)
  'GET /api/v1/desk': rule(EVERYONE),
  // every signed-in user chooses the language the server writes to them in (their own row only)
  'PATCH /api/v1/me/preferences': rule(EVERYONE),
  // every signed-in user changes their own password (the current one is the credential)
  'POST /api/v1/me/password': rule(EVERYONE),
  // users of the region subtree: officers and auditors read them, administrators manage them
  'GET /api/v1/users': rule([PO, AU, AD], {
    cross: [
      { as: 'xw_officer', hides: '@gulouOfficer', seenBy: 'admin', query: 'q=officer&pageSize=100' },
      { as: 'xw_officer', query: 'regionId=@gulou' }, // a filter cannot reach outside the subtree
    ],
  }),
  'GET /api/v1/users/:id': rule([PO, AU, AD], { cross: [XW_PO({ id: '@gulouOfficer' })] }),
  'POST /api/v1/users': rule([AD], {
    cross: [
      {
        as: 'xw_admin',
        body: {
          username: 'matrix_sneaky',
          displayName: '越权',
          password: 'Diandan@2026',
          roles: ['AUDITOR'],
          regionId: '@gulou',
        },
        missing: [],
      },
      // a member account of another district's organisation would open that organisation's bids to its holder
      {
        as: 'xw_admin',
        body: {
          username: 'matrix_member',
          displayName: '越权',
          password: 'Diandan@2026',
          roles: ['ORG_MEMBER'],
          organisationId: '@sunshine',
        },
        missing: ['organisationId'],
        status: 422, // a referenced organisation that does not exist is a 422 (IDENTITY_ORGANISATION_NOT_FOUND)
      },
    ],
  }),
  'PATCH /api/v1/users/:id': rule([AD], { cross: [XW_AD({ id: '@gulouOfficer' }, { displayName: '越权' })] }),
  'POST /api/v1/users/:id/disable': rule([AD], { cross: [XW_AD({ id: '@gulouOfficer' })] }),
  'POST /api/v1/users/:id/enable': rule([AD], { cross: [XW_AD({ id: '@gulouOfficer' })] }),
  // an administrator of the user's region resets a forgotten password or lifts a lockout — never another district's
  'POST /api/v1/users/:id/reset-password': rule([AD], { cross: [XW_AD({ id: '@gulouOfficer' })] }),
  'POST /api/v1/users/:id/unlock': rule([AD], { cross: [XW_AD({ id: '@gulouOfficer' })] }),
  // a community worker verifies the residents of their community
  'GET /api/v1/residents': rule([CW], { cross: [{ as: 'yh_worker', hides: '@unverifiedResident', seenBy: 'worker' }] }),
  'POST /api/v1/residents/:id/verify': rule([CW], { cross: [YH_CW({ id: '@unverifiedResident' })] }),

  // ---- catalogue: everybody reads the published guidance catalogue; procurement officers edit it
  'GET /api/v1/catalogue/versions': rule(EVERYONE),
  'GET /api/v1/catalogue/current': rule(EVERYONE),
  'GET /api/v1/catalogue/versions/:id': rule(EVERYONE),
  'POST /api/v1/catalogue/versions': rule([PO]),
  'POST /api/v1/catalogue/versions/:id/publish': rule([PO]),
  'POST /api/v1/catalogue/versions/:id/categories': rule([PO]),
  'PATCH /api/v1/catalogue/categories/:id': rule([PO]),
  'POST /api/v1/catalogue/versions/:id/items': rule([PO]),
  'PATCH /api/v1/catalogue/items/:id': rule([PO]),

  // ---- inbox: everybody has one, and sees only their own messages
  'GET /api/v1/inbox': rule(EVERYONE, { cross: [{ as: 'resident2', hides: '@residentMessage', seenBy: 'resident' }] }),
  'POST /api/v1/inbox/read-all': rule(EVERYONE, { mayChange: ['notifications'] }), // the caller's own messages
  'POST /api/v1/inbox/:id/read': rule(EVERYONE, { cross: [{ as: 'resident2', params: { id: '@residentMessage' } }] }),
  // ---- notifications beyond the inbox (issue #12): everybody chooses their own channels and addresses; administrators
  // see the failed e-mail/SMS deliveries of the users of their subtree and retry them
  'GET /api/v1/me/notification-preferences': rule(EVERYONE),
  'PUT /api/v1/me/notification-preferences': rule(EVERYONE), // the caller's own row only
  'PATCH /api/v1/me/contact': rule(EVERYONE), // the caller's own e-mail address and phone
  'GET /api/v1/notifications/deliveries': rule([AD], {
    cross: [{ as: 'xw_admin', hides: '@gulouDelivery', seenBy: 'admin', query: 'status=FAILED&pageSize=100' }],
  }),
  'POST /api/v1/notifications/deliveries/:id/retry': rule([AD], { cross: [XW_AD({ id: '@gulouDelivery' })] }),
  // every failed delivery of the caller's subtree (none of another district's: the list's scope)
  'POST /api/v1/notifications/deliveries/retry-failed': rule([AD]),

  // ---- campaigns (需求征集): residents of the community, its workers, the district's officers, auditors
  'GET /api/v1/campaigns': rule(NEEDS_READERS, {
    cross: [
      { as: 'yh_resident', hides: '@campaign', seenBy: 'resident' },
      { as: 'yh_worker', hides: '@campaign', seenBy: 'worker' },
      { as: 'xw_officer', hides: '@campaign', seenBy: 'officer' },
    ],
  }),
  'GET /api/v1/campaigns/:id': rule(NEEDS_READERS, {
    cross: [YH_RES({ id: '@campaign' }), YH_CW({ id: '@campaign' }), XW_PO({ id: '@campaign' })],
  }),
  'POST /api/v1/campaigns': rule([CW], {
    cross: [
      {
        as: 'yh_worker',
        body: {
          regionId: '@shanxi',
          title: '越权征集',
          description: '越权',
          opensAt: '2099-01-01T00:00:00.000Z',
          closesAt: '2099-02-01T00:00:00.000Z',
          supportsPerResident: 3,
          minSupportsToShortlist: 2,
          catalogueVersionId: '@catalogueVersion',
        },
        missing: ['regionId'],
      },
    ],
  }),
  'PATCH /api/v1/campaigns/:id': rule([CW], { cross: [YH_CW({ id: '@draftCampaign' }, { title: '越权改名' })] }),
  'GET /api/v1/campaigns/:id/deliberations': rule(NEEDS_READERS, {
    cross: [YH_RES({ id: '@campaign' }), YH_CW({ id: '@campaign' })],
  }),
  'POST /api/v1/campaigns/:id/deliberations': rule([CW], {
    cross: [
      YH_CW(
        { id: '@campaign' },
        {
          heldOn: '2026-12-01',
          attendees: '越权',
          minutes: '越权',
          decisions: [{ needId: '@acceptedNeed', decision: 'DECLINED', reason: '越权' }],
        },
      ),
    ],
  }),

  // ---- needs (群众点单)
  'GET /api/v1/needs': rule(NEEDS_READERS, {
    cross: [
      { as: 'yh_resident', hides: '@acceptedNeed', seenBy: 'resident2' },
      { as: 'yh_worker', hides: '@acceptedNeed', seenBy: 'worker' },
      { as: 'xw_officer', hides: '@acceptedNeed', seenBy: 'officer' },
      { as: 'resident2', hides: '@submittedNeed', seenBy: 'resident' }, // a neighbour's need before it is accepted
      { as: 'xw_officer', query: 'regionId=@gulou' }, // a filter cannot reach outside the subtree
    ],
  }),
  // officers and auditors export their subtree
  'GET /api/v1/needs/export.xlsx': rule([PO, AU], { cross: [{ as: 'xw_officer', query: 'regionId=@gulou' }] }),
  // while typing a need
  'GET /api/v1/needs/similar': rule([RES, CW], {
    cross: [
      { as: 'yh_resident', query: 'campaignId=@campaign&title=助餐' },
      { as: 'yh_worker', query: 'campaignId=@campaign&title=助餐' },
    ],
  }),
  'GET /api/v1/needs/:id': rule(NEEDS_READERS, {
    cross: [YH_RES({ id: '@acceptedNeed' }), YH_CW({ id: '@acceptedNeed' }), XW_PO({ id: '@acceptedNeed' })],
  }),
  'GET /api/v1/needs/:id/timeline': rule(NEEDS_READERS, {
    cross: [YH_RES({ id: '@acceptedNeed' }), YH_CW({ id: '@acceptedNeed' }), XW_PO({ id: '@acceptedNeed' })],
  }),
  // residents submit their own; workers enter needs for offline residents (代录) of their community
  'POST /api/v1/needs': rule([RES, CW], { cross: [{ as: 'yh_worker', body: NEED, missing: ['campaignId'] }] }),
  'POST /api/v1/needs/:id/attachments': rule([RES, CW], {
    cross: [
      { as: 'yh_resident', params: { id: '@acceptedNeed' }, file: true },
      { as: 'yh_worker', params: { id: '@acceptedNeed' }, file: true },
    ],
  }),
  'GET /api/v1/needs/:id/attachments/:attachmentId': rule(NEEDS_READERS, {
    cross: [YH_RES({ id: '@acceptedNeed', attachmentId: '@attachment' })],
  }),
  'POST /api/v1/needs/:id/accept': rule([CW], { cross: [YH_CW({ id: '@submittedNeed' })] }),
  'POST /api/v1/needs/:id/reject': rule([CW], {
    cross: [YH_CW({ id: '@submittedNeed' }, { reason: 'INSUFFICIENT_INFO', note: '越权' })],
  }),
  'POST /api/v1/needs/:id/merge': rule([CW], {
    cross: [{ as: 'yh_worker', params: { id: '@submittedNeed' }, body: { targetNeedId: '@acceptedNeed' } }],
  }),
  'POST /api/v1/needs/:id/resubmit': rule([RES, CW], {
    cross: [YH_RES({ id: '@rejectedNeed' }, { campaignId: '@campaign' })],
  }),
  'POST /api/v1/needs/:id/support': rule([RES], { cross: [YH_RES({ id: '@acceptedNeed' })] }),
  'DELETE /api/v1/needs/:id/support': rule([RES], { cross: [YH_RES({ id: '@acceptedNeed' })] }),
  'GET /api/v1/my/needs': rule(NEEDS_READERS), // the caller's own needs and supports
  // a merged need's supporters decide themselves where their support goes
  'GET /api/v1/support-transfers': rule([RES], {
    cross: [{ as: 'resident2', hides: '@transfer', seenBy: 'resident' }],
  }),
  'POST /api/v1/support-transfers/:id/accept': rule([RES], {
    cross: [{ as: 'resident2', params: { id: '@transfer' } }],
  }),
  'POST /api/v1/support-transfers/:id/decline': rule([RES], {
    cross: [{ as: 'resident2', params: { id: '@transfer' } }],
  }),

  // ---- funds (政府买单): lines of the district; officers request, finance decides, auditors read
  'GET /api/v1/funds/lines': rule(FUNDS_READERS, {
    cross: [
      { as: 'xw_officer', hides: '@gulouLine', seenBy: 'officer' },
      { as: 'xw_finance', hides: '@gulouLine', seenBy: 'finance' },
      { as: 'xw_finance', query: 'regionId=@gulou' },
    ],
  }),
  'GET /api/v1/funds/lines/export.xlsx': rule(FUNDS_READERS, {
    cross: [{ as: 'xw_finance', query: 'regionId=@gulou' }],
  }),
  'GET /api/v1/funds/lines/:id': rule(FUNDS_READERS, {
    cross: [XW_PO({ id: '@gulouLine' }), XW_FO({ id: '@gulouLine' })],
  }),
  'POST /api/v1/funds/lines': rule([PO], {
    cross: [
      {
        as: 'xw_officer',
        body: { year: 2026, regionId: '@gulou', source: 'DISTRICT_FINANCE', title: '越权指标', amount: '1.00' },
        missing: ['regionId'],
      },
    ],
  }),
  'POST /api/v1/funds/lines/:id/approve': rule([FO], { cross: [XW_FO({ id: '@pendingLine' }, NOTE)] }),
  'POST /api/v1/funds/lines/:id/reject': rule([FO], { cross: [XW_FO({ id: '@pendingLine' }, REASON)] }),
  'GET /api/v1/funds/lines/:id/adjustments': rule(FUNDS_READERS, { cross: [XW_FO({ id: '@gulouLine' })] }),
  'POST /api/v1/funds/lines/:id/adjustments': rule([PO], {
    cross: [XW_PO({ id: '@gulouLine' }, { delta: '1.00', reason: '越权' })],
  }),
  'POST /api/v1/funds/adjustments/:id/approve': rule([FO], { cross: [XW_FO({ id: '@adjustment' })] }),
  'POST /api/v1/funds/adjustments/:id/reject': rule([FO], { cross: [XW_FO({ id: '@adjustment' }, REASON)] }),
  'GET /api/v1/funds/lines/:id/entries': rule(FUNDS_READERS, { cross: [XW_FO({ id: '@gulouLine' })] }),
  'GET /api/v1/funds/lines/:id/entries/export.xlsx': rule(FUNDS_READERS, { cross: [XW_FO({ id: '@gulouLine' })] }),
  'POST /api/v1/funds/entries/:id/reverse': rule([FO], {
    cross: [XW_FO({ id: '@ledgerEntry' }, { idempotencyKey: 'matrix-cross-reverse', memo: '越权' })],
  }),
  'GET /api/v1/funds/report': rule(FUNDS_READERS, {
    cross: [{ as: 'xw_finance', query: 'year=2026&groupBy=region&regionId=@gulou' }],
  }),
  'GET /api/v1/funds/consistency': rule([FO, AU]),
  // closes the year for the caller's own region subtree: its cross-district proof is funds-scope.e2e-spec.ts
  'POST /api/v1/funds/years/:year/close': rule([FO]),

  // ---- custody (保证金): deposits and bonds held for organisations. Staff read their district's accounts, an
  // organisation member reads only its own (mine, or one account of its own); finance of the district returns them.
  'GET /api/v1/custody/accounts': rule([PO, FO, OM, AU], {
    cross: [{ as: 'xw_finance', hides: '@gulouDeposit', seenBy: 'finance', query: 'pageSize=100' }],
  }),
  'GET /api/v1/custody/accounts/export.xlsx': rule([PO, FO, OM, AU]),
  'GET /api/v1/custody/accounts/:id': rule([PO, FO, OM, AU], {
    cross: [XW_FO({ id: '@gulouDeposit' }), { as: 'orgmember2', params: { id: '@gulouDeposit' } }],
  }),
  'GET /api/v1/custody/mine': rule([OM], {
    cross: [{ as: 'orgmember2', hides: '@gulouDeposit', seenBy: 'orgmember', query: 'pageSize=100' }],
  }),
  'POST /api/v1/custody/accounts/:id/refund': rule([FO], { cross: [XW_FO({ id: '@gulouDeposit' }, NOTE)] }),
  'POST /api/v1/custody/accounts/:id/release': rule([FO], { cross: [XW_FO({ id: '@gulouDeposit' }, NOTE)] }),
  'POST /api/v1/custody/accounts/:id/forfeit': rule([FO], { cross: [XW_FO({ id: '@gulouDeposit' }, REASON)] }),

  // ---- projects: officers draft, finance approves (reserves the budget), auditors read — in their district
  'GET /api/v1/projects': rule(PROJECT_READERS, {
    cross: [
      { as: 'xw_officer', hides: '@gulouProject', seenBy: 'officer' },
      { as: 'xw_finance', hides: '@gulouProject', seenBy: 'finance' },
    ],
  }),
  'GET /api/v1/projects/:id': rule(PROJECT_READERS, {
    cross: [XW_PO({ id: '@gulouProject' }), XW_FO({ id: '@gulouProject' })],
  }),
  'POST /api/v1/projects': rule([PO], {
    cross: [{ as: 'xw_officer', body: PROJECT, missing: ['regionId', 'needIds', 'budgetLineId'] }],
  }),
  'PUT /api/v1/projects/:id': rule([PO], { cross: [XW_PO({ id: '@draftProject' }, PROJECT)] }),
  'POST /api/v1/projects/:id/submit': rule([PO], { cross: [XW_PO({ id: '@draftProject' })] }),
  'POST /api/v1/projects/:id/approve': rule([FO], { cross: [XW_FO({ id: '@submittedProject' }, NOTE)] }),
  'POST /api/v1/projects/:id/return': rule([FO], { cross: [XW_FO({ id: '@submittedProject' }, REASON)] }),
  'POST /api/v1/projects/:id/cancel': rule([PO], { cross: [XW_PO({ id: '@draftProject' }, REASON)] }),

  // ---- tenders (社会组织接单)
  'GET /api/v1/tenders': rule(TENDER_READERS, {
    cross: [
      { as: 'xw_officer', hides: '@openTender', seenBy: 'officer' },
      { as: 'orgmember2', hides: '@draftTender', seenBy: 'officer' }, // drafts are the officer's
    ],
  }),
  'GET /api/v1/tenders/:id': rule(TENDER_READERS, {
    cross: [XW_PO({ id: '@draftTender' }), { as: 'orgmember2', params: { id: '@draftTender' } }],
  }),
  'POST /api/v1/tenders': rule([PO], { cross: [{ as: 'xw_officer', body: TENDER, missing: ['projectId'] }] }),
  'PUT /api/v1/tenders/:id': rule([PO], { cross: [XW_PO({ id: '@draftTender' }, TENDER)] }),
  'POST /api/v1/tenders/:id/publish': rule([PO], { cross: [XW_PO({ id: '@draftTender' })] }),
  'POST /api/v1/tenders/:id/cancel': rule([PO], { cross: [XW_PO({ id: '@openTender' }, REASON)] }),
  'GET /api/v1/tenders/:id/notices': rule(TENDER_READERS, { cross: [XW_PO({ id: '@openTender' })] }),
  'POST /api/v1/tenders/:id/amendments': rule([PO], {
    cross: [XW_PO({ id: '@openTender' }, { body: '越权修改', affectsPreparation: false })],
  }),
  'POST /api/v1/tenders/:id/clarifications': rule([PO], {
    cross: [XW_PO({ id: '@openTender' }, { body: '越权澄清' })],
  }),
  'POST /api/v1/tenders/:id/questions': rule([OM]), // bidders ask; published tenders are public
  'POST /api/v1/tenders/:id/notices/:noticeId/answer': rule([PO], {
    cross: [XW_PO({ id: '@openTender', noticeId: '@question' }, { answer: '越权答复' })],
  }),
  'POST /api/v1/tenders/:id/interest': rule([OM]),
  // my organisation's bid: the bid is looked up by the caller's organisation, so there is no other tenant's record
  'PUT /api/v1/tenders/:id/my-bid': rule([OM]),
  'GET /api/v1/tenders/:id/my-bid': rule([OM]),
  'DELETE /api/v1/tenders/:id/my-bid': rule([OM]),
  'POST /api/v1/tenders/:id/my-bid/reconfirm': rule([OM]),
  'GET /api/v1/tenders/:id/bids': rule(TENDER_READERS, { cross: [XW_PO({ id: '@openedTender' })] }),
  // a bid's documents: its bidder, and after opening the officer in scope and the committee — no other bidder
  'GET /api/v1/tenders/:id/bids/:bidId/documents/:documentId': rule(TENDER_READERS, {
    probe: {
      params: { bidId: '00000000-0000-4000-8000-000000000000', documentId: '00000000-0000-4000-8000-000000000000' },
    },
    cross: [
      {
        as: 'orgmember2',
        params: { id: '@openedTender', bidId: '@openedBid', documentId: '@openedBidDocument' },
        missing: ['bidId', 'documentId'],
      },
      XW_PO({ id: '@openedTender', bidId: '@openedBid', documentId: '@openedBidDocument' }),
    ],
  }),
  'POST /api/v1/tenders/:id/qualification': rule([PO], {
    cross: [XW_PO({ id: '@openedTender' }, { decisions: [{ bidId: '@openedBid', qualified: true }] })],
  }),
  'POST /api/v1/tenders/:id/committee/draw': rule([PO], { cross: [XW_PO({ id: '@openedTender' }, {})] }),
  'GET /api/v1/tenders/:id/committee': rule(TENDER_READERS, { cross: [XW_PO({ id: '@openedTender' })] }),
  // only the committee's members, each for their own sheet
  'GET /api/v1/tenders/:id/my-scores': rule(SCORERS, {
    cross: [XW_PO({ id: '@openedTender' }), { as: 'expert', params: { id: '@openedTender' } }],
  }),
  'PUT /api/v1/tenders/:id/my-scores': rule(SCORERS, {
    cross: [
      {
        as: 'expert',
        params: { id: '@openedTender' },
        body: { sheets: [{ bidId: '@openedBid', scores: { PLAN: '30' } }] },
      },
    ],
  }),
  'GET /api/v1/tenders/:id/report': rule(TENDER_READERS, { cross: [XW_PO({ id: '@openedTender' })] }),
  'GET /api/v1/tenders/:id/report.xlsx': rule(TENDER_READERS, { cross: [XW_PO({ id: '@openedTender' })] }),
  'POST /api/v1/tenders/:id/award': rule([PO], { cross: [XW_PO({ id: '@openedTender' }, {})] }),
  // bidders of the tender only: another organisation answers as for a missing tender
  'POST /api/v1/tenders/:id/objections': rule([OM], {
    cross: [
      { as: 'xw_orgmember', params: { id: '@openedTender' }, body: { grounds: '我没有投标但是想质疑一下结果。' } },
    ],
  }),
  'GET /api/v1/my/bids': rule([OM], { cross: [{ as: 'orgmember2', hides: '@openedBid', seenBy: 'orgmember' }] }),
  'GET /api/v1/public/tenders': rule(PUBLIC), // the transparency portal
  'GET /api/v1/public/tenders/:id': rule(PUBLIC),
  // 公开门户 (the portal context): read models for everybody, nothing sealed or personal (docs/domain/portal.md)
  'GET /api/v1/public/regions': rule(PUBLIC),
  'GET /api/v1/public/figures': rule(PUBLIC),
  'GET /api/v1/public/projects': rule(PUBLIC),
  'GET /api/v1/public/projects/:id': rule(PUBLIC),
  'GET /api/v1/public/communities/:id': rule(PUBLIC),
  'GET /api/v1/public/organisations/:id': rule(PUBLIC),

  // ---- objections (质疑): the organisation that filed it, and the officers of the tender's district
  'GET /api/v1/objections': rule(TENDER_READERS, {
    cross: [
      { as: 'orgmember2', hides: '@objection', seenBy: 'orgmember' },
      { as: 'xw_officer', hides: '@objection', seenBy: 'officer' },
    ],
  }),
  'GET /api/v1/objections/:id': rule(TENDER_READERS, {
    cross: [{ as: 'orgmember2', params: { id: '@objection' } }, XW_PO({ id: '@objection' })],
  }),
  'POST /api/v1/objections/:id/review': rule([PO], { cross: [XW_PO({ id: '@objection' })] }),
  'POST /api/v1/objections/:id/answer': rule([PO], {
    cross: [XW_PO({ id: '@objection' }, { outcome: 'DISMISSED', answer: '越权答复' })],
  }),

  // ---- milestones and evidence: the contract's supplier (its members) and the staff of the contract's region
  'GET /api/v1/contracts/:id/milestones': rule(CONTRACT_READERS, {
    cross: [XW_PO({ id: '@gulouContract' }), { as: 'orgmember2', params: { id: '@gulouContract' } }],
  }),
  // only a member of the supplier reports, for its own contracts
  'POST /api/v1/contracts/:id/milestones/:milestoneId/evidence': rule([OM], {
    cross: [
      { as: 'orgmember2', params: MILESTONE, body: { kind: 'PHOTO', fileName: 'x.png', contentBase64: PNG_B64 } },
    ],
  }),
  'POST /api/v1/contracts/:id/milestones/:milestoneId/reports': rule([OM], {
    cross: [{ as: 'orgmember2', params: MILESTONE, body: REPORT }],
  }),
  // the procurement officer of the contract's region accepts or returns
  'POST /api/v1/contracts/:id/milestones/:milestoneId/accept': rule([PO], { cross: [XW_PO(MILESTONE, {})] }),
  'POST /api/v1/contracts/:id/milestones/:milestoneId/return': rule([PO], { cross: [XW_PO(MILESTONE, REASON)] }),
  'GET /api/v1/contracts/:id/evidence/:evidenceId': rule(CONTRACT_READERS, {
    cross: [XW_PO(EVIDENCE), { as: 'orgmember2', params: EVIDENCE }],
  }),
  'GET /api/v1/contracts/:id/evidence/:evidenceId/thumbnail': rule(CONTRACT_READERS, {
    cross: [XW_PO(EVIDENCE), { as: 'orgmember2', params: EVIDENCE }],
  }),
  // the board: staff see their region subtree, members their own organisation's milestones
  'GET /api/v1/milestones': rule(CONTRACT_READERS, {
    cross: [
      { as: 'orgmember2', hides: '@gulouMilestone', seenBy: 'orgmember' },
      { as: 'xw_officer', hides: '@gulouMilestone', seenBy: 'officer' },
    ],
  }),
  'GET /api/v1/milestones/export.xlsx': rule(CONTRACT_READERS),
  // ---- contracts (合同, issue #10): staff of the contract's district read it, the officer manages it, the supplier's
  // members read theirs and its signatories sign; the contract notice is public once published
  'GET /api/v1/contracts': rule(CONTRACT_READERS, {
    cross: [
      { as: 'xw_officer', hides: '@draftContract', seenBy: 'officer', query: 'q=HT-M-&pageSize=100' },
      { as: 'orgmember2', hides: '@draftContract', seenBy: 'orgmember', query: 'q=HT-M-&pageSize=100' },
    ],
  }),
  'GET /api/v1/contracts/export.xlsx': rule(CONTRACT_READERS),
  'GET /api/v1/contracts/:id': rule(CONTRACT_READERS, {
    cross: [
      XW_PO({ id: '@draftContract' }),
      XW_FO({ id: '@draftContract' }),
      { as: 'orgmember2', params: { id: '@draftContract' } },
    ],
  }),
  'GET /api/v1/contracts/:id/pdf': rule(CONTRACT_READERS, {
    cross: [XW_PO({ id: '@draftContract' }), { as: 'orgmember2', params: { id: '@draftContract' } }],
  }),
  'PUT /api/v1/contracts/:id': rule([PO], { cross: [XW_PO({ id: '@draftContract' }, CONTRACT_BODY)] }),
  'POST /api/v1/contracts/:id/sign/purchaser': rule([PO], { cross: [XW_PO({ id: '@draftContract' })] }),
  'POST /api/v1/contracts/:id/sign/supplier': rule([OM], {
    cross: [{ as: 'orgmember2', params: { id: '@draftContract' } }],
  }),
  'POST /api/v1/contracts/:id/publish': rule([PO], { cross: [XW_PO({ id: '@draftContract' })] }),
  'GET /api/v1/contract-signatories': rule([OM]),
  'PUT /api/v1/contract-signatories/:userId': rule([OM], {
    cross: [{ as: 'orgmember2', params: { userId: '@sunshineMember' }, body: { granted: true } }],
  }),
  'GET /api/v1/public/tenders/:id/contract': rule(PUBLIC), // the contract notice (合同公告): no bank accounts
  // ---- OCDS 1.1 open data (issue #12 item 2, docs/open-data.md): anyone, read-only; releases carry nothing sealed or
  // personal, so there is no tenant to cross
  'GET /api/v1/public/open-data': rule(PUBLIC),
  'GET /api/v1/public/open-data/releases': rule(PUBLIC),
  'GET /api/v1/public/open-data/records/:ocid': rule(PUBLIC),
  'GET /api/v1/public/open-data/bulk': rule(PUBLIC),
  'GET /api/v1/public/open-data/bulk/:month': rule(PUBLIC),
  'GET /api/v1/public/open-data/bulk/:month/csv/:file': rule(PUBLIC),
  // ---- 验单 scoring (issue #11 item 3): only the task's evaluator scores, adds evidence and submits (another evaluator
  // of the same agency gets 404); staff of the task's region, the evaluator and — once the result is confirmed — the
  // evaluated organisation read the scoresheet, the evidence and the report
  'GET /api/v1/evaluation/tasks/:id/scoresheet': rule(SCORESHEET_READERS, { cross: SCORESHEET_CROSS(TASK) }),
  'PUT /api/v1/evaluation/tasks/:id/scores/:leafKey': rule([EV], {
    cross: [OTHER_EVALUATOR({ ...TASK, leafKey: 'D1' }, { score: '1' })],
  }),
  'POST /api/v1/evaluation/tasks/:id/submit': rule([EV], {
    cross: [OTHER_EVALUATOR(TASK, { summary: '越权提交评估结果' })],
  }),
  'GET /api/v1/evaluation/tasks/:id/evidence': rule(SCORESHEET_READERS, { cross: SCORESHEET_CROSS(TASK) }),
  'POST /api/v1/evaluation/tasks/:id/evidence': rule([EV], {
    cross: [
      OTHER_EVALUATOR(TASK, { kind: 'DOCUMENT', leafKeys: ['D1'], fileName: '越权.png', contentBase64: PNG_B64 }),
    ],
  }),
  'POST /api/v1/evaluation/tasks/:id/interviews': rule([EV], {
    cross: [
      OTHER_EVALUATOR(TASK, {
        leafKeys: ['E1'],
        interviewee: '越权',
        interviewedAt: '2026-01-05T10:00:00+08:00',
        summary: '越权记录',
      }),
    ],
  }),
  'GET /api/v1/evaluation/tasks/:id/evidence/:evidenceId': rule(SCORESHEET_READERS, {
    cross: SCORESHEET_CROSS(TASK_EVIDENCE),
  }),
  'GET /api/v1/evaluation/tasks/:id/evidence/:evidenceId/thumbnail': rule(SCORESHEET_READERS, {
    cross: SCORESHEET_CROSS(TASK_EVIDENCE),
  }),
  'DELETE /api/v1/evaluation/tasks/:id/evidence/:evidenceId': rule([EV], { cross: [OTHER_EVALUATOR(TASK_EVIDENCE)] }),
  'GET /api/v1/evaluation/tasks/:id/report.pdf': rule(SCORESHEET_READERS, { cross: SCORESHEET_CROSS(TASK) }),
  'GET /api/v1/evaluation/tasks/:id/report.xlsx': rule(SCORESHEET_READERS, { cross: SCORESHEET_CROSS(TASK) }),

  // ---- experts: their own declared relationships (conflicts of interest)
  'GET /api/v1/my/expert/affiliations': rule(SCORERS),
  'POST /api/v1/my/expert/affiliations': rule(SCORERS),
  'GET /api/v1/my/expert/organisations': rule(SCORERS),

  // ---- change orders (补充合同) and termination: the officer proposes and terminates, finance decides, in the
  // contract's district; the supplier reads its own contract's approved change orders, the auditor reads
  'GET /api/v1/contracts/:id/change-orders': rule([PO, FO, OM, AU], {
    cross: [
      XW_PO({ id: '@changeContract' }),
      XW_FO({ id: '@changeContract' }),
      { as: 'orgmember2', params: { id: '@changeContract' } },
    ],
  }),
  'GET /api/v1/contracts/:id/change-orders/export.xlsx': rule([PO, FO, OM, AU], {
    cross: [XW_FO({ id: '@changeContract' }), { as: 'orgmember2', params: { id: '@changeContract' } }],
  }),
  'POST /api/v1/contracts/:id/change-orders': rule([PO], {
    cross: [
      XW_PO(
        { id: '@changeContract' },
        { scope: '越权追加', amount: '1.00', reason: '越权', milestoneTitle: '越权', milestoneDueDate: '2099-01-01' },
      ),
    ],
  }),
  'POST /api/v1/contracts/:id/terminate': rule([PO], {
    cross: [XW_PO({ id: '@changeContract' }, { kind: 'AGREEMENT', reason: '越权终止' })],
  }),
  'GET /api/v1/change-orders': rule([FO], {
    cross: [{ as: 'xw_finance', query: 'pageSize=100', hides: '@changeOrder', seenBy: 'finance' }],
  }),
  'GET /api/v1/change-orders/export.xlsx': rule([FO]),
  'POST /api/v1/change-orders/:id/approve': rule([FO], { cross: [XW_FO({ id: '@changeOrder' })] }),
  'POST /api/v1/change-orders/:id/reject': rule([FO], { cross: [XW_FO({ id: '@changeOrder' }, REASON)] }),
  'POST /api/v1/change-orders/:id/withdraw': rule([PO], { cross: [XW_PO({ id: '@changeOrder' }, REASON)] }),
  // ---- contract payments (付款申请): the supplier's members, and staff of the contract's region subtree
  'GET /api/v1/contracts/:id/payments': rule(CONTRACT_READERS, {
    cross: [{ as: 'orgmember2', params: { id: '@paymentContract' } }, XW_PO({ id: '@paymentContract' })],
  }),
  // the supplier requests the tranche of an accepted milestone of its own contract
  'POST /api/v1/contracts/:id/milestones/:milestoneId/payment-request': rule([OM], {
    cross: [{ as: 'orgmember2', params: { id: '@paymentContract', milestoneId: '@paymentMilestone' } }],
  }),
  'GET /api/v1/payment-requests': rule(CONTRACT_READERS, {
    cross: [
      { as: 'orgmember2', hides: '@paymentRequest', seenBy: 'orgmember' },
      { as: 'xw_finance', hides: '@paymentRequest', seenBy: 'finance' },
    ],
  }),
  'GET /api/v1/payment-requests/export.xlsx': rule(CONTRACT_READERS),
  'GET /api/v1/payment-requests/:id': rule(CONTRACT_READERS, {
    cross: [{ as: 'orgmember2', params: { id: '@paymentRequest' } }, XW_FO({ id: '@paymentRequest' })],
  }),
  // the officer approves or sends back; finance pays or sends back (never the same person twice)
  'POST /api/v1/payment-requests/:id/approve': rule([PO], { cross: [XW_PO({ id: '@paymentRequest' })] }),
  'POST /api/v1/payment-requests/:id/reject': rule([PO], { cross: [XW_PO({ id: '@paymentRequest' }, REASON)] }),
  'POST /api/v1/payment-requests/:id/return': rule([FO], {
    cross: [XW_FO({ id: '@approvedPaymentRequest' }, REASON)],
  }),
  'POST /api/v1/payment-requests/:id/pay': rule([FO], { cross: [XW_FO({ id: '@approvedPaymentRequest' })] }),

  // ---- 指标体系 (issue #11): city-wide reference data like the catalogue (no tenant, no cross checks). Everyone who
  // takes part in evaluations reads them — the evaluator scores by their guides, the organisation sees what it is
  // evaluated on, finance and auditors check the result; the procurement officer writes them.
  'GET /api/v1/evaluation/templates': rule(TEMPLATE_READERS),
  'GET /api/v1/evaluation/templates/:id': rule(TEMPLATE_READERS),
  'POST /api/v1/evaluation/templates': rule([PO]),
  'PUT /api/v1/evaluation/templates/:id': rule([PO]),
  'POST /api/v1/evaluation/templates/:id/versions': rule([PO]),
  'POST /api/v1/evaluation/templates/:id/activate': rule([PO]),
  'POST /api/v1/evaluation/templates/:id/retire': rule([PO]),
  // ---- evaluation tasks (第三方验单, issue #11): staff of the task's region read it, the officer assigns it; the
  // evaluator it is assigned to reads it; the evaluated organisation only once CONFIRMED or PUBLISHED
  'GET /api/v1/evaluation/tasks': rule(EVALUATION_READERS, {
    cross: [
      {
        as: 'xw_officer',
        hides: '@gulouEvalTask',
        seenBy: 'officer',
        query: 'status=OPEN&sort=-createdAt&pageSize=100',
      },
      {
        as: 'xw_finance',
        hides: '@gulouEvalTask',
        seenBy: 'finance',
        query: 'status=OPEN&sort=-createdAt&pageSize=100',
      },
      // its own organisation's task, not yet confirmed: nothing for the organisation to see
      { as: 'orgmember', hides: '@gulouEvalTask', seenBy: 'officer', query: 'sort=-createdAt&pageSize=100' },
      { as: 'evaluator', hides: '@gulouEvalTask', seenBy: 'officer', query: 'sort=-createdAt&pageSize=100' },
    ],
  }),
  'GET /api/v1/evaluation/tasks/:id': rule(EVALUATION_READERS, {
    cross: [
      XW_PO({ id: '@gulouEvalTask' }),
      XW_FO({ id: '@gulouEvalTask' }),
      { as: 'orgmember', params: { id: '@gulouEvalTask' } },
      { as: 'orgmember2', params: { id: '@gulouEvalTask' } },
      { as: 'evaluator', params: { id: '@gulouEvalTask' } },
    ],
  }),
  'GET /api/v1/evaluation/tasks/:id/assignees': rule([PO], { cross: [XW_PO({ id: '@gulouEvalTask' })] }),
  'POST /api/v1/evaluation/tasks/assign': rule([PO], {
    cross: [
      {
        as: 'xw_officer',
        body: { taskIds: ['@gulouEvalTask'], agencyId: '@zhongping', evaluatorId: '@evaluatorUser' },
        missing: ['taskIds'],
      },
    ],
  }),
  'GET /api/v1/evaluation/final-task-candidates': rule([PO]),
  'POST /api/v1/evaluation/contracts/:contractId/final-task': rule([PO], {
    cross: [XW_PO({ contractId: '@evalContract' })],
  }),
  // sampling batches and summaries: staff of the batch's region subtree (the auditor re-runs a draw)
  'GET /api/v1/evaluation/batches': rule(EVALUATION_READERS, {
    cross: [{ as: 'xw_officer', hides: '@gulouBatch', seenBy: 'officer', query: 'pageSize=100' }],
  }),
  'POST /api/v1/evaluation/batches': rule([PO], {
    cross: [{ as: 'xw_officer', body: { name: '越权抽查', regionId: '@gulou' }, missing: ['regionId'], status: 422 }],
  }),
  'GET /api/v1/evaluation/batches/:id': rule(EVALUATION_READERS, {
    cross: [XW_PO({ id: '@gulouBatch' }), XW_FO({ id: '@gulouBatch' })],
  }),
  'GET /api/v1/evaluation/batches/:id/verify': rule(EVALUATION_READERS, { cross: [XW_PO({ id: '@gulouBatch' })] }),
  'GET /api/v1/evaluation/batches/:id/summary': rule(EVALUATION_READERS, { cross: [XW_FO({ id: '@gulouBatch' })] }),
  'GET /api/v1/evaluation/batches/:id/summary.xlsx': rule(EVALUATION_READERS, {
    cross: [XW_PO({ id: '@gulouBatch' })],
  }),
  'GET /api/v1/evaluation/summary': rule(EVALUATION_READERS, {
    cross: [{ as: 'xw_officer', query: 'year=2027&regionId=@gulou', status: 422 }],
  }),
  'GET /api/v1/evaluation/summary.xlsx': rule(EVALUATION_READERS, {
    cross: [{ as: 'xw_finance', query: 'year=2027&regionId=@gulou', status: 422 }],
  }),
  // an evaluator's own declared relationships (conflicts of interest)
  'GET /api/v1/my/evaluator/affiliations': rule([EV]),
  'POST /api/v1/my/evaluator/affiliations': rule([EV]),
  'GET /api/v1/my/evaluator/organisations': rule([EV]),
  // ---- 满意度调查 (issue #11 item 4): the readers of evaluation results (staff of the project's region, the evaluated
  // organisation, the evaluators of an agency with a task on it) see figures; the officer of the district opens,
  // closes and records beneficiaries; the worker of the community the project serves shares it, records beneficiaries
  // and takes proxy answers; a resident answers through the link (the token is the capability: no tenant row)
  'GET /api/v1/evaluation/surveys': rule(EVAL_READERS, {
    cross: [
      { as: 'xw_officer', hides: '@surveyProject', seenBy: 'officer', query: 'q=矩阵调查&pageSize=100' },
      { as: 'orgmember2', hides: '@surveyProject', seenBy: 'orgmember', query: 'q=矩阵调查&pageSize=100' },
    ],
  }),
  'GET /api/v1/evaluation/projects/:projectId/survey': rule(EVAL_READERS, {
    cross: [
      XW_PO(SURVEY),
      XW_FO(SURVEY),
      { as: 'orgmember2', params: SURVEY },
      { as: 'evaluator', params: SURVEY }, // no task of its agency on the project
    ],
  }),
  'POST /api/v1/evaluation/projects/:projectId/survey': rule([PO], { cross: [XW_PO(SURVEY, {})] }),
  'POST /api/v1/evaluation/projects/:projectId/survey/close': rule([PO], { cross: [XW_PO(SURVEY)] }),
  'GET /api/v1/evaluation/projects/:projectId/survey/residents': rule([PO], { cross: [XW_PO(SURVEY)] }),
  'POST /api/v1/evaluation/projects/:projectId/beneficiaries': rule([PO], {
    cross: [XW_PO(SURVEY, { resident: 'resident3' })],
  }),
  'DELETE /api/v1/evaluation/projects/:projectId/beneficiaries/:residentId': rule([PO], {
    cross: [XW_PO(SURVEY_BENEFICIARY)],
  }),
  'GET /api/v1/community/surveys': rule([CW], {
    cross: [{ as: 'yh_worker', hides: '@surveyProject', seenBy: 'worker', query: 'q=矩阵调查&pageSize=100' }],
  }),
  'GET /api/v1/community/projects/:projectId/survey': rule([CW], { cross: [YH_CW(SURVEY)] }),
  'POST /api/v1/community/projects/:projectId/survey': rule([CW], { cross: [YH_CW(SURVEY, {})] }),
  'GET /api/v1/community/projects/:projectId/survey/residents': rule([CW], { cross: [YH_CW(SURVEY)] }),
  'POST /api/v1/community/projects/:projectId/survey/proxy-answers': rule([CW], {
    // the project is the record the call aims at: the resident stays real in the comparison call
    cross: [{ ...YH_CW(SURVEY, { residentId: '@surveyResident', answers: [5, 5, 5, 5, 5] }), missing: ['projectId'] }],
  }),
  'POST /api/v1/community/projects/:projectId/beneficiaries': rule([CW], {
    cross: [YH_CW(SURVEY, { resident: 'resident3' })],
  }),
  'DELETE /api/v1/community/projects/:projectId/beneficiaries/:residentId': rule([CW], {
    cross: [YH_CW(SURVEY_BENEFICIARY)],
  }),
  'GET /api/v1/my/surveys': rule([RES]),
  'GET /api/v1/surveys/:token': rule([RES]),
  'PUT /api/v1/surveys/:token/my-answer': rule([RES]),
  // ---- evaluation results (issue #11 item 5): staff of the task's region, the evaluated organisation (its confirmed
  // results), the agency (its tasks); the region's officer confirms, returns and decides objections; the evaluated
  // organisation's members object
  'GET /api/v1/evaluation/results': rule(EVALUATION_READERS, {
    cross: [
      { as: 'xw_officer', hides: '@evalResult', seenBy: 'officer', query: 'status=CONFIRMED&pageSize=100' },
      { as: 'orgmember2', hides: '@evalResult', seenBy: 'orgmember', query: 'status=CONFIRMED&pageSize=100' },
    ],
  }),
  'GET /api/v1/evaluation/results/:id': rule(EVALUATION_READERS, {
    cross: [
      XW_PO({ id: '@evalResult' }),
      XW_FO({ id: '@evalResult' }),
      { as: 'orgmember2', params: { id: '@evalResult' } },
    ],
  }),
  'POST /api/v1/evaluation/tasks/:id/confirm': rule([PO], { cross: [XW_PO({ id: '@submittedEvalTask' })] }),
  'POST /api/v1/evaluation/tasks/:id/return': rule([PO], {
    cross: [XW_PO({ id: '@submittedEvalTask' }, { comment: '越权退回' })],
  }),
  'POST /api/v1/evaluation/tasks/:id/objections': rule([OM], {
    cross: [{ as: 'orgmember2', params: { id: '@evalResult' }, body: { reasons: '越权提出的评估异议理由。' } }],
  }),
  'GET /api/v1/evaluation/objections': rule(EVALUATION_READERS, {
    cross: [
      { as: 'xw_officer', hides: '@evalObjection', seenBy: 'officer', query: 'status=FILED&pageSize=100' },
      { as: 'orgmember2', hides: '@evalObjection', seenBy: 'orgmember', query: 'status=FILED&pageSize=100' },
    ],
  }),
  'GET /api/v1/evaluation/objections/:id': rule(EVALUATION_READERS, {
    cross: [XW_PO({ id: '@evalObjection' }), { as: 'orgmember2', params: { id: '@evalObjection' } }],
  }),
  'GET /api/v1/evaluation/objections/:id/files/:fileId': rule(EVALUATION_READERS, {
    cross: [
      XW_PO({ id: '@evalObjection', fileId: '@evalObjectionFile' }),
      { as: 'orgmember2', params: { id: '@evalObjection', fileId: '@evalObjectionFile' } },
    ],
  }),
  'POST /api/v1/evaluation/objections/:id/uphold': rule([PO], {
    cross: [XW_PO({ id: '@evalObjection' }, { answer: '越权决定' })],
  }),
  'POST /api/v1/evaluation/objections/:id/dismiss': rule([PO], {
    cross: [XW_PO({ id: '@evalObjection' }, { answer: '越权决定' })],
  }),
  // ---- 等级评估 (issue #11 item 6): officers of the organisation's region run grade assessments and draw grade lines;
  // staff of the subtree read them; a member reads its organisation's decided assessments (never another's)
  'GET /api/v1/evaluation/grade-assessments': rule([PO, FO, OM, EV, AU], {
    cross: [
      { as: 'xw_officer', hides: '@gradeAssessment', seenBy: 'officer' },
      { as: 'orgmember2', hides: '@decidedGradeAssessment', seenBy: 'matrix_grading' },
    ],
  }),
  'GET /api/v1/evaluation/grade-assessments/candidates': rule([PO]),
  'GET /api/v1/evaluation/grade-assessments/:id': rule([PO, FO, OM, EV, AU], {
    cross: [
      XW_PO({ id: '@gradeAssessment' }),
      XW_FO({ id: '@gradeAssessment' }),
      { as: 'orgmember2', params: { id: '@decidedGradeAssessment' } },
    ],
  }),
  // an organisation of another district is refused as a missing one (422 naming organisationId)
  'POST /api/v1/evaluation/grade-assessments': rule([PO], {
    cross: [{ as: 'xw_officer', body: { organisationId: '@gradingOrg' }, missing: ['organisationId'], status: 422 }],
  }),
  'PUT /api/v1/evaluation/grade-assessments/:id/scores': rule([PO], {
    cross: [XW_PO({ id: '@gradeAssessment' }, { scores: [{ leafKey: 'B1-1', score: '1' }] })],
  }),
  'POST /api/v1/evaluation/grade-assessments/:id/submit': rule([PO], {
    cross: [XW_PO({ id: '@gradeAssessment' }, {})],
  }),
  'POST /api/v1/evaluation/grade-assessments/:id/return': rule([PO], {
    cross: [XW_PO({ id: '@submittedGradeAssessment' }, REASON)],
  }),
  'POST /api/v1/evaluation/grade-assessments/:id/decide': rule([PO], {
    cross: [
      XW_PO({ id: '@submittedGradeAssessment' }, { fileName: '越权.pdf', contentBase64: 'JVBERi0xLjcKJSVFT0YK' }),
    ],
  }),
  'POST /api/v1/evaluation/grade-assessments/:id/cancel': rule([PO], {
    cross: [XW_PO({ id: '@gradeAssessment' }, REASON)],
  }),
  'GET /api/v1/evaluation/grade-cutoffs': rule([PO, FO, OM, EV, AU]),
  // a district officer draws the lines of their own district only (another's answers as a missing region)
  'POST /api/v1/evaluation/grade-cutoffs': rule([PO], {
    cross: [
      {
        as: 'xw_officer',
        body: {
          regionId: '@gulou',
          min1: '500',
          min2: '600',
          min3: '700',
          min4: '800',
          min5: '900',
          effectiveFrom: '2099-01-01',
        },
        missing: ['regionId'],
      },
    ],
  }),
  // ---- reporting (数据看板, issue #12): aggregates of the caller's region subtree for the officers, finance, auditors
  // and administrators (bureau leadership reads the year through them; aggregates only, no personal data); residents,
  // organisations, experts and evaluators have their own pages. A region of another district answers as a missing one.
  'GET /api/v1/dashboards/needs-funnel': rule(REPORT_READERS, { cross: [XW_REPORT('xw_officer')] }),
  'GET /api/v1/dashboards/budget-execution': rule(REPORT_READERS, { cross: [XW_REPORT('xw_finance')] }),
  'GET /api/v1/dashboards/projects': rule(REPORT_READERS, { cross: [XW_REPORT('xw_officer')] }),
  'GET /api/v1/dashboards/milestones': rule(REPORT_READERS, { cross: [XW_REPORT('xw_admin')] }),
  'GET /api/v1/dashboards/grades': rule(REPORT_READERS, { cross: [XW_REPORT('xw_officer')] }),
  'GET /api/v1/dashboards/satisfaction': rule(REPORT_READERS, { cross: [XW_REPORT('xw_finance')] }),
  'GET /api/v1/dashboards/organisations': rule(REPORT_READERS, {
    // (which organisations a district's records list depends on where they worked: another suite of the run may give
    // 阳光养老 a contract in 玄武区, so a `hides` check here would test the run's order; the records of a district of its
    // own are checked in dashboards.e2e-spec.ts)
    cross: [XW_REPORT('xw_officer')],
  }),
  'GET /api/v1/dashboards/:chart/export.xlsx': rule(REPORT_READERS, {
    probe: { params: { chart: 'needs-funnel' } },
    cross: [{ ...XW_REPORT('xw_finance'), params: { chart: 'budget-execution' } }],
  }),
};
