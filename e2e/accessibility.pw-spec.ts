import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection, createConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { creditCodeCheckChar } from '../backend/src/modules/organisations/domain/credit-code';
import {
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  type Permission,
  type Role,
} from '../backend/src/platform/access/permissions';
import { BASE_URL, launch } from './browser';

/**
 * WCAG 2.1 A/AA on every page of the app, as every role that can open it (axe-core in Chromium), after the page
 * has shown its data; residents' pages on a phone, also in the large-text mode (适老模式). The route list is read
 * from the router files, so a new route fails here until it is given a URL and a "loaded" sign below.
 *
 * Data: the demo seed plus, made in beforeAll through the API, a project through evaluation (a published call
 * with three sealed bids, opened, qualified, a committee of two experts and the officer), a draft project, a
 * draft tender and a budget adjustment, so that every list has rows and every `:id` page a real record.
 */
const AXE = require.resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 860 };
const PASSWORD = 'Diandan@2026';
const APP = join(__dirname, '..', 'frontend', 'src', 'app');

// ---------------------------------------------------------------------------------------------------------------
// The route table, from the router files

interface DeclaredRoute {
  /** Full path pattern without the leading slash, e.g. `procurement/tenders/:id`. */
  readonly path: string;
  /** The permission of its guard; null: every signed-in user; 'public': no sign-in. */
  readonly permission: Permission | null | 'public';
}

/**
 * The `path:` entries of a routes file with the guard of each (text-level: the files are plain route arrays). A lazy
 * group loaded from a public route of the top-level file (the portal under `public`) is public throughout.
 */
function routesOf(file: string, prefix: string, publicUntilAuth: boolean, publicGroup = false): DeclaredRoute[] {
  const text = readFileSync(join(APP, file), 'utf8');
  const out: DeclaredRoute[] = [];
  // In the top-level file, the routes before the signed-in shell are public unless they have their own authGuard
  // (the password page: outside the shell, for signed-in users only).
  const shellAt = publicUntilAuth ? text.indexOf("import('./core/layout/shell.component')") : -1;
  const marks = [...text.matchAll(/path: '([^']*)'/g)];
  marks.forEach((m, i) => {
    const body = text.slice(m.index, marks[i + 1]?.index ?? text.length);
    const ownGuards = /canActivate: \[([^\]]*)\]/.exec(body)?.[1] ?? '';
    const isPublic = publicGroup || (shellAt >= 0 && m.index! < shellAt && !ownGuards.includes('authGuard'));
    const children = /loadChildren: \(\) => import\('\.\/(.+?)'\)/.exec(body);
    if (children) {
      out.push(...routesOf(`${children[1]}.ts`, `${prefix}${m[1]}/`, false, isPublic));
      return;
    }
    if (/children: \[/.test(body)) return; // a parent: the layout shell, a group of lazy children
    const guard = /permissionGuard\(PERMISSIONS\.(\w+)\)/.exec(body);
    const permission = isPublic
      ? ('public' as const)
      : guard
        ? PERMISSIONS[guard[1] as keyof typeof PERMISSIONS]
        : null;
    out.push({ path: `${prefix}${m[1]}`.replace(/\/$/, ''), permission });
  });
  return out;
}

const DECLARED = routesOf('app.routes.ts', '', true);

// ---------------------------------------------------------------------------------------------------------------
// Who signs in for each role, and what each page shows once it has loaded

const USERS: Record<Role, string> = {
  RESIDENT: 'resident',
  COMMUNITY_WORKER: 'worker',
  PROCUREMENT_OFFICER: 'officer',
  FINANCE_OFFICER: 'finance',
  ORG_MEMBER: 'orgmember',
  EXPERT: 'expert', // replaced in beforeAll by an expert drawn onto the committee
  EVALUATOR: 'evaluator',
  AUDITOR: 'auditor',
  ADMIN: 'admin',
};

/** Ids of the records made in beforeAll (or seeded), for the `:id` routes. */
interface Ids {
  need: number;
  campaign: number;
  organisation: number;
  line: number;
  project: number;
  draftProject: number;
  tender: number;
  draftTender: number;
  openCall: number;
  /** A contract for the change-order page (the first one, when the run has made one; else a missing id). */
  changesContract: number;
  /** A signed contract of orgmember's organisation and its first milestone (the milestone pages). */
  contract: number;
  contractMilestone: number;
  /** A DRAFT contract of the awarded tender (the contract page). */
  draftContract: number;
  /** 指标体系: a DRAFT template whose points do not all add up yet (the editor shows the differences in red). */
  template: number;
  /**
   * 第三方验单 (issue #11): the signed contract's final task, assigned to `evaluator` (its scoring page too), and a
   * sampling batch of 鼓楼区.
   */
  evaluationTask: number;
  evaluationBatch: number;
  /** 满意度调查: the project of the signed contract (its survey open, `resident` its need's raiser) and its token. */
  surveyProject: number;
  surveyToken: string;
  /** 等级评估: an assessment of 乐龄 (鼓楼区) in progress, a few items scored (orgmember's organisation is another). */
  gradeAssessment: number;
  /** 公开门户: 山西路社区 (the community page). */
  community: number;
}

interface PageSpec {
  url: (ids: Ids) => string;
  /** A selector that matches once the page shows its data (a row, the record's title, the form's options). */
  ready: (ids: Ids, role: Role | 'ANONYMOUS') => string;
}

const row = (prefix: string) => `[data-testid^="${prefix}"]`;

const PAGES: Record<string, PageSpec> = {
  login: { url: () => '/login', ready: () => '[data-testid="login-submit"]' },
  'register-organisation': {
    url: () => '/register-organisation',
    ready: () => '[data-testid="org-register-form"] nz-tree-select, [data-testid="org-register-form"] nz-select',
  },
  'public/tenders': { url: () => '/public/tenders', ready: (ids) => `[data-testid="public-tender-${ids.openCall}"]` },
  // 公开门户 (issue #12): the portal's own layout, anonymous, on a phone
  public: { url: () => '/public', ready: () => '[data-testid="portal-figures"]' },
  'public/projects': { url: () => '/public/projects', ready: () => '[data-testid="portal-projects-total"]' },
  'public/projects/:id': {
    url: (ids) => `/public/projects/${ids.surveyProject}`,
    ready: () => '[data-testid="portal-project-page"]',
  },
  'public/communities/:id': {
    url: (ids) => `/public/communities/${ids.community}`,
    ready: () => '[data-testid="portal-community-page"]',
  },
  'public/organisations/:id': {
    url: (ids) => `/public/organisations/${ids.organisation}`,
    ready: () => '[data-testid="portal-organisation-page"]',
  },
  // the desk (what waits for me); residents land on their community's needs instead
  '': {
    url: () => '/',
    ready: (_ids, role) =>
      role === 'RESIDENT' ? row('need-card-') : '[data-testid="desk-item"], [data-testid="desk-empty"]',
  },
  me: { url: () => '/me', ready: () => '[data-testid="home-display-name"]' },
  password: { url: () => '/password', ready: () => '[data-testid="password-submit"]' },
  'me/notifications': { url: () => '/me/notifications', ready: () => '[data-testid="notify-topics"]' },
  'needs/community': { url: () => '/needs/community', ready: () => row('need-card-') },
  'needs/new': {
    url: () => '/needs/new',
    ready: () => '[data-testid="need-form-campaign"] .ant-select-selection-item',
  },
  'needs/mine': {
    url: () => '/needs/mine',
    ready: (_ids, role) => (role === 'RESIDENT' ? row('my-need-') : `${row('my-need-')}, nz-empty`),
  },
  'needs/moderation': { url: () => '/needs/moderation', ready: () => row('moderation-row-') },
  'needs/approved': { url: () => '/needs/approved', ready: () => row('approved-row-') },
  'needs/:id': { url: (ids) => `/needs/${ids.need}`, ready: () => '[data-testid="need-detail-title"]' },
  // milestones and evidence (issue #10)
  'contracts/:id/milestones': {
    url: (ids) => `/contracts/${ids.contract}/milestones`,
    ready: () => row('milestone-status-'),
  },
  'contracts/:id/milestones/:milestoneId/report': {
    url: (ids) => `/contracts/${ids.contract}/milestones/${ids.contractMilestone}/report`,
    ready: () => '[data-testid="rf-submit"], [data-testid="rf-not-allowed"]',
  },
  milestones: { url: () => '/milestones', ready: () => '[data-testid="board-table"] .ant-table' },
  campaigns: { url: () => '/campaigns', ready: () => row('campaign-row-') },
  'campaigns/:id/deliberation': {
    url: (ids) => `/campaigns/${ids.campaign}/deliberation`,
    ready: () => '[data-testid="delib-campaign-status"]',
  },
  residents: { url: () => '/residents', ready: () => row('resident-row-') },
  organisations: { url: () => '/organisations', ready: () => row('org-row-') },
  'organisations/:id': {
    url: (ids) => `/organisations/${ids.organisation}`,
    ready: () => '[data-testid="org-detail-profile"]',
  },
  'my/organisation': { url: () => '/my/organisation', ready: () => '[data-testid="my-org-profile"]' },
  'procurement/projects': { url: () => '/procurement/projects', ready: () => row('project-row-') },
  'procurement/projects/approvals': {
    url: () => '/procurement/projects/approvals',
    ready: () => row('project-row-'),
  },
  'procurement/projects/new': {
    url: () => '/procurement/projects/new',
    ready: () => '[data-testid="project-form-region"] .ant-select-selection-item',
  },
  'procurement/projects/:id/edit': {
    url: (ids) => `/procurement/projects/${ids.draftProject}/edit`,
    ready: () => '[data-testid="project-form-item-info"]',
  },
  'procurement/projects/:id': {
    url: (ids) => `/procurement/projects/${ids.project}`,
    ready: () => '[data-testid="project-detail-status"]',
  },
  'procurement/tenders': { url: () => '/procurement/tenders', ready: () => row('tender-row-') },
  'procurement/tenders/new': {
    url: () => '/procurement/tenders/new',
    ready: () => '[data-testid="tender-wizard-project"]',
  },
  'procurement/tenders/:id/edit': {
    url: (ids) => `/procurement/tenders/${ids.draftTender}/edit`,
    ready: () => '[data-testid="tender-wizard-project"] .ant-select-selection-item',
  },
  'procurement/tenders/:id': {
    url: (ids) => `/procurement/tenders/${ids.tender}`,
    ready: () => '[data-testid="tender-summary"]',
  },
  'procurement/calls': { url: () => '/procurement/calls', ready: () => row('call-row-') },
  'procurement/calls/:id': {
    url: (ids) => `/procurement/calls/${ids.tender}`,
    ready: () => '[data-testid="call-title"]',
  },
  'procurement/my-bids': { url: () => '/procurement/my-bids', ready: () => row('my-bid-') },
  'procurement/reviews': { url: () => '/procurement/reviews', ready: () => row('review-row-') },
  'procurement/reviews/:id': {
    url: (ids) => `/procurement/reviews/${ids.tender}`,
    ready: () => row('score-bid-'),
  },
  inbox: { url: () => '/inbox', ready: () => `${row('inbox-item-')}, nz-empty` },
  catalogue: { url: () => '/catalogue', ready: () => '[data-testid="catalogue-detail"]' },
  'funds/lines': { url: () => '/funds/lines', ready: () => row('funds-line-row-') },
  'funds/lines/:id': { url: (ids) => `/funds/lines/${ids.line}`, ready: () => row('funds-entry-row-') },
  'funds/dashboard': { url: () => '/funds/dashboard', ready: () => '[data-testid="funds-chart-region"] canvas' },
  // 数据看板 (issue #12): officers, finance, auditors, administrators; ready once every chart's figures have arrived
  dashboards: { url: () => '/dashboards', ready: () => '[data-testid="dashboards"][data-loaded="true"]' },
  // 保证金: finance's accounts or an organisation's own; the table renders rows or its empty state
  custody: {
    url: () => '/custody',
    ready: () => `${row('custody-row-')}, [data-testid="custody-table"] nz-embed-empty`,
  },
  contracts: { url: () => '/contracts', ready: () => `${row('contract-row-')}, .ant-table-placeholder` },
  'contracts/:id': { url: (ids) => `/contracts/${ids.draftContract}`, ready: () => '[data-testid="contract-summary"]' },
  'admin/users': { url: () => '/admin/users', ready: () => row('user-row-') },
  'admin/deliveries': {
    url: () => '/admin/deliveries',
    ready: () => `${row('delivery-row-')}, [data-testid="deliveries-table"] .ant-table-placeholder`,
  },
  'admin/regions': { url: () => '/admin/regions', ready: () => '[data-testid="region-tree"] nz-tree-node-title' },
  'admin/calendar': { url: () => '/admin/calendar', ready: () => row('calendar-row-') },
  'admin/queue-board': {
    url: () => '/admin/queue-board',
    ready: () => '[data-testid="queue-counts"] tbody tr',
  },
  audit: { url: () => '/audit', ready: () => row('audit-row-') },
  // 补充合同与终止: the page frame is there for any contract (its table once a contract exists: ids.changesContract)
  'contracts/:id/changes': {
    url: (ids) => `/contracts/${ids.changesContract}/changes`,
    ready: () => '[data-testid="contract-changes"] h1',
  },
  'contracts/changes/queue': {
    url: () => '/contracts/changes/queue',
    ready: () => `${row('queue-change-order-')}, [data-testid="change-orders-queue-table"] nz-embed-empty, nz-empty`,
  },
  // 验单评分 (issue #11): the evaluator's scoring page; staff read it; the organisation sees nothing before confirmation
  'evaluation/tasks/:id/score': {
    url: (ids) => `/evaluation/tasks/${ids.evaluationTask}/score`,
    ready: () => '[data-testid="score-sheet"], [data-testid="score-not-found"]',
  },
  payments: { url: () => '/payments', ready: () => '[data-testid="pay-queue"]' },
  'contracts/:id/payments': {
    url: (ids) => `/contracts/${ids.contract}/payments`,
    ready: () => '[data-testid="pay-milestones"]',
  },
  // 指标体系 (issue #11): the list, and a draft in the editor (read-only for the readers)
  'evaluation/templates': { url: () => '/evaluation/templates', ready: () => row('template-row-') },
  'evaluation/templates/:id': {
    url: (ids) => `/evaluation/templates/${ids.template}`,
    ready: () => '[data-testid="template-tree"] li',
  },
  // 第三方验单 (issue #11): tasks, the evaluator's own, sampling batches; outside one's scope a task or batch says so
  'evaluation/tasks': {
    url: () => '/evaluation/tasks',
    ready: () => `${row('task-row-')}, [data-testid="tasks-table"] .ant-table-placeholder`,
  },
  'evaluation/tasks/:id': {
    url: (ids) => `/evaluation/tasks/${ids.evaluationTask}`,
    ready: () => '[data-testid="task-detail-summary"], [data-testid="task-not-found"]',
  },
  'evaluation/my-tasks': {
    url: () => '/evaluation/my-tasks',
    ready: () => `${row('my-task-')}, [data-testid="my-tasks-empty"]`,
  },
  'evaluation/batches': {
    url: () => '/evaluation/batches',
    ready: () => `${row('batch-row-')}, [data-testid="batches-table"] .ant-table-placeholder`,
  },
  'evaluation/batches/:id': {
    url: (ids) => `/evaluation/batches/${ids.evaluationBatch}`,
    ready: () => '[data-testid="batch-summary"], [data-testid="batch-not-found"]',
  },
  // 满意度调查 (issue #11): the officer's and readers' pages, the worker's, the resident's (a phone) and the share link
  // (the evaluator has no task on the project: an empty list, and the project is not found)
  'evaluation/surveys': {
    url: () => '/evaluation/surveys',
    ready: () => `${row('survey-row-')}, .ant-table-placeholder`,
  },
  'evaluation/surveys/:projectId': {
    url: (ids) => `/evaluation/surveys/${ids.surveyProject}`,
    ready: () => '[data-testid="survey-detail-title"], [data-testid="survey-detail-error"]',
  },
  'community/surveys': { url: () => '/community/surveys', ready: () => row('survey-row-') },
  'community/surveys/:projectId': {
    url: (ids) => `/community/surveys/${ids.surveyProject}`,
    ready: () => '[data-testid="survey-proxy-form"], [data-testid="survey-proxy"] p',
  },
  'my/surveys': { url: () => '/my/surveys', ready: () => row('my-survey-') },
  's/:token': {
    url: (ids) => `/s/${ids.surveyToken}`,
    ready: (_ids, role) =>
      role === 'RESIDENT'
        ? '[data-testid="survey-form"], [data-testid="survey-done"]'
        : '[data-testid="survey-not-resident"]',
  },
  // 第三方验单 (issue #11): the organisation's results (cards or the empty state), the officer's confirmations and
  // objections (both tables loaded)
  'evaluation/results': { url: () => '/evaluation/results', ready: () => row('result-card-') },
  'evaluation/objections': {
    url: () => '/evaluation/objections',
    ready: () => `[data-testid="officer-objections"] ${row('objection-row-')}`,
  },
  // 等级评估 (issue #11): the list (rows, or its empty state for an organisation without a decided one), one
  // assessment in progress (its tree; the not-found result for those outside its region), the grade lines
  'evaluation/grading': {
    url: () => '/evaluation/grading',
    ready: () => `${row('grading-row-')}, [data-testid="grading-table"] .ant-table-placeholder`,
  },
  'evaluation/grading/:id': {
    url: (ids) => `/evaluation/grading/${ids.gradeAssessment}`,
    ready: () => '[data-testid="grading-tree"], [data-testid="grading-not-found"]',
  },
  'evaluation/grade-cutoffs': { url: () => '/evaluation/grade-cutoffs', ready: () => row('cutoffs-row-') },
  '403': { url: () => '/403', ready: () => '.ant-result-title' },
  '**': { url: () => '/no-such-page', ready: () => '.ant-result-title' },
};

/** Roles that can open a route (every role for the home page, the error pages and the inbox of everyone). */
function rolesFor(route: DeclaredRoute): readonly Role[] {
  if (route.permission === 'public') return [];
  if (route.permission === null) return ROLES;
  return ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(route.permission as Permission));
}

// ---------------------------------------------------------------------------------------------------------------
// The checks

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

async function axe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> };
    };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

function report(where: string, violations: Violation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${where}: ${v.id} (${v.impact}) ${v.help}\n    at ${n.target.join(' ')}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
      ),
    )
    .join('\n');
}

describe('accessibility: WCAG 2.1 A/AA on every page, as every role that can open it (axe-core, Chromium)', () => {
  let browser: Browser;
  let db: Connection;
  const ids: Ids = {
    need: 0,
    campaign: 0,
    organisation: 0,
    community: 0,
    line: 0,
    project: 0,
    draftProject: 0,
    tender: 0,
    draftTender: 0,
    openCall: 0,
    changesContract: 0,
    contract: 0,
    contractMilestone: 0,
    draftContract: 0,
    template: 0,
    evaluationTask: 0,
    evaluationBatch: 0,
    surveyProject: 0,
    surveyToken: '',
    gradeAssessment: 0,
  };
  const contexts = new Map<string, { context: BrowserContext; page: Page }>();

  async function api<T = Record<string, unknown>>(
    method: string,
    path: string,
    user: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (user !== '') headers.Authorization = `Bearer ${await token(user)}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }
  const tokens = new Map<string, string>();
  async function token(username: string): Promise<string> {
    const known = tokens.get(username);
    if (known) return known;
    const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    tokens.set(username, accessToken);
    return accessToken;
  }
  async function ok<T = Record<string, unknown>>(
    method: string,
    path: string,
    user: string,
    body?: unknown,
  ): Promise<T> {
    const res = await api<T>(method, path, user, body);
    if (res.status >= 300) throw new Error(`${method} ${path} as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
    const [rows] = await db.query<RowDataPacket[]>(sql, params);
    return rows[0] as T;
  }

  /** A project of the seeded approved need, approved by finance; a draft one; a call through evaluation. */
  async function makeRecords(): Promise<void> {
    ids.need = (await one<{ id: number }>("SELECT id FROM needs WHERE title = '四点半课堂' ORDER BY id LIMIT 1")).id;
    ids.campaign = (await one<{ id: number }>('SELECT id FROM campaigns ORDER BY id LIMIT 1')).id;
    // 指标体系: a draft whose 产出 does not add up yet (the editor's red totals and problems are checked too)
    const leaf = (key: string, name: string, points: string, computed?: string) => ({
      key,
      name,
      points,
      kind: computed ? 'COMPUTED' : 'MANUAL',
      ...(computed ? { computed } : {}),
      guide: [
        { label: '好', from: String(Number(points) * 0.8), to: points, description: '完全达到要求' },
        { label: '差', from: '0', to: String(Number(points) * 0.8 - 0.01), description: '未达到要求' },
      ],
    });
    ids.template = (
      await ok<{ id: number }>('POST', '/evaluation/templates', 'officer', {
        code: 'A11Y-DRAFT',
        name: '无障碍检查指标体系',
        purpose: 'PROJECT',
        tree: {
          total: '100',
          nodes: [
            { key: 'A', name: '决策', points: '20', children: [leaf('A1', '项目立项', '20')] },
            {
              key: 'B',
              name: '产出',
              points: '50',
              children: [leaf('B1', '服务对象覆盖率', '30', 'BENEFICIARIES_SERVED'), leaf('B2', '服务质量', '15')],
            },
            { key: 'C', name: '效益', points: '30', children: [leaf('C1', '服务对象满意率', '30', 'SATISFACTION')] },
          ],
        },
      })
    ).id;
    ids.changesContract =
      (await one<{ id: number } | undefined>('SELECT id FROM contracts ORDER BY id LIMIT 1'))?.id ?? 999_999;
    ids.organisation = (await one<{ id: number }>("SELECT id FROM organisations WHERE name LIKE '%阳光养老%'")).id;
    ids.community = (await one<{ id: number }>("SELECT id FROM regions WHERE code = '320106002001'")).id;
    ids.line = (
      await one<{ id: number }>(
        "SELECT id FROM budget_lines WHERE status = 'ACTIVE' AND restricted_category_code IS NULL ORDER BY id LIMIT 1",
      )
    ).id;
    const community = (await one<{ id: number }>("SELECT id FROM regions WHERE code = '320106002001'")).id;
    const year = (await one<{ year: number }>('SELECT year FROM catalogue_versions WHERE status = "PUBLISHED" LIMIT 1'))
      .year;
    const item = (
      await one<{ id: number }>(
        "SELECT i.id FROM catalogue_items i JOIN catalogue_versions v ON v.id = i.version_id WHERE v.status = 'PUBLISHED' AND i.code = 'A0101'",
      )
    ).id;
    const plan = {
      objectives: ['为独居老人提供每日午餐'],
      schedule: [{ period: `${year + 1}-01`, activity: '启动服务' }],
      budget: [
        { item: '餐费补贴', amount: '6000.00' },
        { item: '人员经费', amount: '4000.00' },
      ],
      beneficiaries: 25,
      outputIndicators: [{ name: '送餐人次', target: '≥ 800' }],
      outcomeIndicators: [{ name: '满意度', target: '≥ 90%' }],
    };
    const project = (title: string, needIds: number[]) => ({
      title,
      regionId: community,
      catalogueItemId: item,
      needIds,
      quantity: 800,
      unitPrice: '12.50',
      budgetLineId: ids.line,
      plan,
    });
    const approved = async (title: string, needId: number): Promise<number> => {
      const made = await ok<{ id: number }>('POST', '/projects', 'officer', project(title, [needId]));
      await ok('POST', `/projects/${made.id}/submit`, 'officer');
      await ok('POST', `/projects/${made.id}/approve`, 'finance', { note: '同意' });
      return made.id;
    };
    /** Another approved meal need (submitted by the resident; the council's decision recorded directly). */
    const anotherNeed = async (title: string, approve = true): Promise<number> => {
      const campaign = (await one<{ id: number }>("SELECT id FROM campaigns WHERE status = 'OPEN' ORDER BY id LIMIT 1"))
        .id;
      const category = (await one<{ id: number }>('SELECT category_id AS id FROM catalogue_items WHERE id = ?', [item]))
        .id;
      const need = await ok<{ id: number }>('POST', '/needs', 'resident', {
        campaignId: campaign,
        categoryId: category,
        title,
        description: '行动不便的老人希望有人送餐上门。',
        attributes: {
          targetGroup: '独居老人',
          headcount: 20,
          frequency: '每天',
          timeWindow: '每周一至周五 11:00-12:30',
        },
        location: '山西路社区',
      });
      if (approve) await db.query("UPDATE needs SET status = 'APPROVED' WHERE id = ?", [need.id]);
      return need.id;
    };
    // a need of its own: the seeded approved need is the one the procurement journey bundles
    ids.project = await approved('无障碍检查助餐项目', await anotherNeed('无障碍检查需求零'));
    const draftTenderProject = await approved('无障碍检查草稿公告项目', await anotherNeed('无障碍检查需求一'));
    ids.draftProject = (
      await ok<{ id: number }>(
        'POST',
        '/projects',
        'officer',
        project('无障碍检查草稿项目', [await anotherNeed('无障碍检查需求二')]),
      )
    ).id;

    const tender = (title: string, projectId: number) => ({
      projectId,
      title,
      description: '为山西路社区独居老人提供午餐送餐上门服务一年。',
      method: 'COMPETITIVE_CONSULTATION',
      scoringMethod: 'COMPREHENSIVE',
      priceWeight: 30,
      criteria: [
        { code: 'PLAN', name: '服务方案', maxScore: '40' },
        { code: 'TEAM', name: '团队与经验', maxScore: '30' },
      ],
      maxPrice: '9800.00',
      committeeSize: 3,
      bidDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    ids.draftTender = (
      await ok<{ id: number }>('POST', '/tenders', 'officer', tender('无障碍检查草稿公告', draftTenderProject))
    ).id;
    ids.tender = (
      await ok<{ id: number }>('POST', '/tenders', 'officer', tender('无障碍检查助餐服务采购', ids.project))
    ).id;
    await ok('POST', `/tenders/${ids.tender}/publish`, 'officer');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    for (const [user, price] of [
      ['orgmember', '9000.00'],
      ['orgmember2', '8500.00'],
      ['orgmember3', '9500.00'],
    ])
      await ok('PUT', `/tenders/${ids.tender}/my-bid`, user, {
        price,
        technical: { PLAN: '中央厨房配送，两荤一素', TEAM: '厨师 2 名、送餐员 4 名' },
        documents: [{ fileName: '投标文件.pdf', contentBase64: pdf.toString('base64') }],
      });
    // the call opens at its deadline: bring it forward and have the worker's jobs rebuilt
    await db.query('UPDATE tenders SET bid_deadline = UTC_TIMESTAMP(3) + INTERVAL 1 SECOND WHERE id = ?', [ids.tender]);
    await ok('POST', '/queues/reconcile', 'admin');
    const until = Date.now() + 30_000;
    let status = '';
    while (status !== 'OPENED' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await ok<{ status: string }>('GET', `/tenders/${ids.tender}`, 'officer')).status;
    }
    if (status !== 'OPENED') throw new Error(`the call did not open: ${status}`);
    const bids = await ok<Array<{ id: string }>>('GET', `/tenders/${ids.tender}/bids`, 'officer');
    await ok('POST', `/tenders/${ids.tender}/qualification`, 'officer', {
      decisions: bids.map((b) => ({ bidId: b.id, qualified: true })),
    });
    const officerId = (await one<{ id: number }>("SELECT id FROM users WHERE username = 'officer'")).id;
    await ok('POST', `/tenders/${ids.tender}/committee/draw`, 'officer', { representativeIds: [officerId] });
    USERS.EXPERT = (
      await one<{ username: string }>(
        "SELECT u.username FROM committee_members c JOIN users u ON u.id = c.expert_id WHERE c.tender_id = ? AND u.username LIKE 'expert%' ORDER BY u.id LIMIT 1",
        [ids.tender],
      )
    ).username;
    // 合同 (issue #10): a DRAFT contract of 阳光养老 (orgmember's organisation, so that the supplier's page is checked
    // too) on the call, written directly (the award path is the journey's)
    const bid = await one<{ id: string; organisation_id: number }>(
      `SELECT b.id, u.organisation_id FROM bids b, users u WHERE b.tender_id = ? AND u.username = 'orgmember'
       ORDER BY b.price_fen LIMIT 1`,
      [ids.tender],
    );
    const [inserted] = await db.query<ResultSetHeader>(
      `INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id,
         organisation_id, title, status, amount_fen, changes_fen, content, term_start, term_end, max_term_months,
         payment_days, bond_bp, bond_fen, award_notice_at, signature_due_at, created_at, updated_at)
       SELECT 'HT-A11Y-000001', p.id, t.id, ?, p.region_id, p.region_path, p.budget_line_id, ?, '无障碍检查合同', 'DRAFT',
         900000, 0, ?, '2030-01-01', '2030-12-31', 12, 30, 500, 45000, UTC_TIMESTAMP(3),
         UTC_TIMESTAMP(3) + INTERVAL 30 DAY, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
       FROM tenders t JOIN projects p ON p.id = t.project_id WHERE t.id = ?`,
      [
        bid.id,
        bid.organisation_id,
        JSON.stringify({
          purchaser: { name: '鼓楼区民政局', region: '鼓楼区', address: '', representative: '' },
          supplier: {
            name: '服务社',
            creditCode: '',
            legalRepresentative: '',
            bankName: '',
            bankAccountName: '',
            bankAccountNo: '',
          },
          scope: '助餐服务',
          serviceStandard: '',
          acceptanceMethod: '验收',
          bondTerms: '',
          otherTerms: '',
        }),
        ids.tender,
      ],
    );
    ids.draftContract = inserted.insertId;
    await db.query(
      `INSERT INTO contract_milestones (contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen,
         is_final, status, created_at, updated_at)
       VALUES (?, 1, '结项', '结项报告', '2030-12-31', '2030-12-31 16:00:00', 10000, 900000, 1, 'PENDING',
         UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [ids.draftContract],
    );
    // 等级评估: an assessment of 乐龄 opened by the officer, with two items scored
    const leling = (await one<{ id: number }>("SELECT id FROM organisations WHERE name LIKE '%乐龄%'")).id;
    ids.gradeAssessment = (
      await ok<{ id: number }>('POST', '/evaluation/grade-assessments', 'officer', { organisationId: leling })
    ).id;
    await ok('PUT', `/evaluation/grade-assessments/${ids.gradeAssessment}/scores`, 'officer', {
      scores: [
        { leafKey: 'B1-1', score: '9', note: '查阅理事会选举决议' },
        { leafKey: 'B1-2', score: '8.5' },
      ],
    });
    // waiting for someone: a project for finance, a need for the worker, a registration for the officer
    await ok('POST', `/projects/${ids.draftProject}/submit`, 'officer');
    ids.draftProject = (
      await ok<{ id: number }>(
        'POST',
        '/projects',
        'officer',
        project('无障碍检查草稿项目', [await anotherNeed('无障碍检查需求三')]),
      )
    ).id;
    await anotherNeed('无障碍检查待审需求', false);
    const gulou = (await one<{ id: number }>("SELECT id FROM regions WHERE code = '320106000000'")).id;
    const first17 = `52320106MJ${Date.now()
      .toString(36)
      .toUpperCase()
      .replace(/[IOSVZ]/g, '0')
      .slice(-7)
      .padStart(7, '0')}`;
    await ok('POST', '/organisations/register', '', {
      name: '南京市鼓楼区无障碍检查社会工作服务中心',
      kind: 'SOCIAL_ORGANISATION',
      orgType: 'SOCIAL_SERVICE_AGENCY',
      creditCode: first17 + creditCodeCheckChar(first17),
      regionId: gulou,
      legalRepresentative: '周明',
      contactPhone: '025-83000000',
      serviceRegionIds: [gulou],
      username: `a11y_${Date.now().toString(36)}`,
      displayName: '周明',
      password: 'Lexin@2026-reg',
    });
    // a resident waiting for verification (the other browser tests verify the seeded one)
    const phone = `139${String(Date.now()).slice(-8)}`;
    await ok('POST', '/auth/register', '', {
      phone,
      password: 'Lexin@2026-res',
      displayName: '无障碍检查居民',
      communityId: community,
    });
    // an open call, on the public portal and in the organisations' list
    ids.openCall = (
      await ok<{ id: number }>(
        'POST',
        '/tenders',
        'officer',
        tender('无障碍检查公开征集', await approved('无障碍检查公开征集项目', await anotherNeed('无障碍检查需求四'))),
      )
    ).id;
    await ok('POST', `/tenders/${ids.openCall}/publish`, 'officer');
    // an adjustment waiting for finance, so the ledger page shows that table too
    await ok('POST', `/funds/lines/${ids.line}/adjustments`, 'officer', { delta: '5000.00', reason: '追加助餐补贴' });
    // a signed contract of 阳光养老 on the draft tender, with two milestones (rows as signing leaves them)
    const [[p]] = await db.query<RowDataPacket[]>(
      `SELECT t.project_id, pr.region_id, pr.region_path, pr.budget_line_id FROM tenders t JOIN projects pr ON pr.id = t.project_id WHERE t.id = ?`,
      [ids.draftTender],
    );
    const [[people]] = await db.query<RowDataPacket[]>(
      "SELECT (SELECT id FROM users WHERE username = 'officer') AS officer, (SELECT id FROM users WHERE username = 'orgmember') AS member, (SELECT organisation_id FROM users WHERE username = 'orgmember') AS org",
    );
    const [contract] = await db.query<ResultSetHeader>(
      `INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id,
         organisation_id, title, status, amount_fen, changes_fen, content, term_start, term_end, max_term_months,
         payment_days, bond_bp, bond_fen, award_notice_at, signature_due_at, purchaser_signed_by, purchaser_signed_at,
         supplier_signed_by, supplier_signed_at, frozen_content, content_sha256, signed_at, created_at, updated_at)
       VALUES ('HT-A11Y-0001', ?, ?, UUID(), ?, ?, ?, ?, '无障碍检查合同', 'SIGNED', 1000000, 0, '{}', CURDATE() - INTERVAL 30 DAY,
         CURDATE() + INTERVAL 300 DAY, 12, 30, 0, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 30 DAY, ?, UTC_TIMESTAMP(3),
         ?, UTC_TIMESTAMP(3), '{}', REPEAT('0', 64), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [
        p.project_id,
        ids.draftTender,
        p.region_id,
        p.region_path,
        p.budget_line_id,
        people.org,
        people.officer,
        people.member,
      ],
    );
    ids.contract = contract.insertId;
    for (const [seq, days, share] of [
      [1, 30, 5000],
      [2, 200, 5000],
    ]) {
      const [m] = await db.query<ResultSetHeader>(
        `INSERT INTO contract_milestones (contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen, is_final,
           status, created_at, updated_at)
         VALUES (?, ?, ?, '服务记录、签到表、照片', CURDATE() + INTERVAL ? DAY, TIMESTAMP(CURDATE() + INTERVAL ? DAY, '16:00:00'), ?, ?, ?,
           'PENDING', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
        [ids.contract, seq, `第${seq}阶段服务`, days, days, share, share * 100, seq === 2 ? 1 : 0],
      );
      if (seq === 1) ids.contractMilestone = m.insertId;
    }
    // 满意度调查 (issue #11): the signed contract's project surveyed (its need raised by `resident`), a beneficiary
    // recorded, one answer taken by the worker, so that the figures, the residents and the forms all show
    const surveyed = await ok<{ survey: { link: string } }>(
      'POST',
      `/evaluation/projects/${p.project_id}/survey`,
      'officer',
      {},
    );
    ids.surveyProject = p.project_id as number;
    ids.surveyToken = surveyed.survey.link.slice(3);
    await ok('POST', `/community/projects/${ids.surveyProject}/beneficiaries`, 'worker', { resident: 'resident3' });
    const resident3 = (await one<{ id: number }>("SELECT id FROM users WHERE username = 'resident3'")).id;
    await ok('POST', `/community/projects/${ids.surveyProject}/survey/proxy-answers`, 'worker', {
      residentId: resident3,
      answers: [5, 4, 4, 5, 5],
      comment: '送餐准时，饭菜可口',
    });
    // 第三方验单 (issue #11): on that contract, a mid-term result waiting for the officer's confirmation and another
    // one confirmed (mid-term: the contract's FINAL task is the scoring page's), its objection window open and an objection of 阳光养老 waiting for the officer (rows as the
    // evaluator's submission and the officer's confirmation leave them)
    const [template] = await db.query<ResultSetHeader>(
      `INSERT INTO evaluation_templates (code, version, name, purpose, status, total_points, tree, frozen_at, created_at, updated_at)
       VALUES ('A11Y-R', 1, '无障碍检查指标体系（结果）', 'PROJECT', 'ACTIVE', 100, '{"total":"100","nodes":[]}', UTC_TIMESTAMP(3),
         UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    );
    const evaluationTask = async (code: string, kind: string, status: string, score: string, grade: string) => {
      const [task] = await db.query<ResultSetHeader>(
        `INSERT INTO evaluation_tasks (code, kind, status, contract_id, project_id, organisation_id, region_id, region_path,
           final_key, template_id, agency_id, evaluator_id, due_at, assigned_by, assigned_at, submitted_at, confirmed_by,
           confirmed_at, objection_due_at, total_score, total_exact, grade, summary, created_at, updated_at)
         SELECT ?, ?, ?, c.id, c.project_id, c.organisation_id, c.region_id, c.region_path, IF(? = 'FINAL', c.id, NULL), ?,
           u.organisation_id, u.id, UTC_TIMESTAMP(3) + INTERVAL 30 DAY, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3),
           IF(? = 'CONFIRMED', ?, NULL), IF(? = 'CONFIRMED', UTC_TIMESTAMP(3), NULL),
           IF(? = 'CONFIRMED', UTC_TIMESTAMP(3) + INTERVAL 7 DAY, NULL), ?, CONCAT(ROUND(? * 100), '/100'), ?,
           '服务总体达到合同要求。', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
           FROM contracts c JOIN users u ON u.username = 'evaluator' WHERE c.id = ?`,
        [
          code,
          kind,
          status,
          kind,
          template.insertId,
          people.officer,
          status,
          people.officer,
          status,
          status,
          score,
          score,
          grade,
          ids.contract,
        ],
      );
      return task.insertId;
    };
    await evaluationTask('PG-A11Y-0001', 'MID_TERM', 'SUBMITTED', '76.50', 'PASS');
    const confirmed = await evaluationTask('PG-A11Y-0002', 'MID_TERM', 'CONFIRMED', '84.16', 'GOOD');
    await db.query(
      `INSERT INTO evaluation_objections (task_id, organisation_id, region_path, status, open_key, reasons, window_due_at,
         filed_by, filed_at, created_at, updated_at)
       SELECT t.id, t.organisation_id, t.region_path, 'FILED', t.id, '满意度调查只收回 8 份问卷，满意度不应按系统计算。',
         t.objection_due_at, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) FROM evaluation_tasks t WHERE t.id = ?`,
      [people.member, confirmed],
    );
    await evaluationRecords(people.officer as number);
  }

  /**
   * 第三方验单 (issue #11): the signed contract's FINAL task (an active template first, when the seed has none),
   * assigned to the demo evaluator, and a sampling batch of 鼓楼区 written directly (a real draw needs active
   * contracts; the page only reads the row).
   */
  async function evaluationRecords(officer: number): Promise<void> {
    const active = await one<{ n: number }>(
      "SELECT COUNT(*) AS n FROM evaluation_templates WHERE purpose = 'PROJECT' AND status = 'ACTIVE'",
    );
    if (Number(active.n) === 0)
      await db.query(
        `INSERT INTO evaluation_templates (code, version, name, purpose, status, total_points, tree, created_at, updated_at)
         VALUES ('A11Y', 1, '无障碍检查指标体系', 'PROJECT', 'ACTIVE', 100, '{"total":"100","nodes":[]}', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      );
    ids.evaluationTask = (
      await ok<{ id: number }>('POST', `/evaluation/contracts/${ids.contract}/final-task`, 'officer')
    ).id;
    const agency = await one<{ id: number }>("SELECT id FROM organisations WHERE name = '江苏众评社会组织评估中心'");
    const evaluator = await one<{ id: number }>("SELECT id FROM users WHERE username = 'evaluator'");
    await ok('POST', '/evaluation/tasks/assign', 'officer', {
      taskIds: [ids.evaluationTask],
      agencyId: agency.id,
      evaluatorId: evaluator.id,
    });
    const gulou = await one<{ id: number; code: string; path: string }>(
      "SELECT id, code, path FROM regions WHERE code = '320106000000'",
    );
    const [batch] = await db.query<ResultSetHeader>(
      `INSERT INTO evaluation_batches (name, region_id, region_path, sample_bp, seed, candidates, drawn, candidate_count,
         drawn_count, due_at, created_by, created_at)
       VALUES ('无障碍检查抽查批次', ?, ?, 3000, SHA2('a11y', 256), ?, ?, 1, 1, UTC_TIMESTAMP(3) + INTERVAL 30 DAY, ?,
         UTC_TIMESTAMP(3))`,
      [
        gulou.id,
        gulou.path,
        JSON.stringify([
          {
            regionId: gulou.id,
            regionCode: gulou.code,
            regionName: '鼓楼区',
            candidates: [{ contractId: ids.contract, code: 'HT-A11Y-0001' }],
          },
        ]),
        JSON.stringify([{ regionId: gulou.id, codes: ['HT-A11Y-0001'] }]),
        officer,
      ],
    );
    ids.evaluationBatch = batch.insertId;
  }

  beforeAll(async () => {
    if (!process.env.DB_NAME) throw new Error('DB_NAME (the schema of the running app) is required: see e2e/run.sh');
    db = await createConnection({
      host: process.env.DB_HOST ?? '127.0.0.1',
      port: Number(process.env.DB_PORT ?? 3306),
      user: process.env.DB_USER ?? 'root',
      password: process.env.DB_PASSWORD ?? '',
      database: process.env.DB_NAME,
    });
    browser = await launch();
    await makeRecords();
  }, 120_000);
  afterAll(async () => {
    for (const { context } of contexts.values()) await context.close();
    await browser?.close();
    await db?.end();
  });

  /** One signed-in tab per role (and per mode), reused across its pages. `bypassCSP` lets axe be injected. */
  async function tab(role: Role | 'ANONYMOUS', large = false): Promise<Page> {
    const key = `${role}${large ? ':large' : ''}`;
    const known = contexts.get(key);
    if (known) return known.page;
    const viewport = role === 'RESIDENT' || role === 'ANONYMOUS' ? PHONE : DESKTOP;
    const context = await browser.newContext({
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      bypassCSP: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    contexts.set(key, { context, page });
    await page.goto(`${BASE_URL}/login`);
    if (large) {
      await page.getByTestId('large-text-toggle').click();
      await page.locator('html.dd-large').waitFor({ state: 'attached' });
    }
    if (role !== 'ANONYMOUS') {
      await page.getByTestId('login-username').fill(USERS[role]);
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    }
    return page;
  }

  async function check(role: Role | 'ANONYMOUS', pattern: string, large = false): Promise<void> {
    const spec = PAGES[pattern];
    const page = await tab(role, large);
    const url = spec.url(ids);
    if (role === 'ANONYMOUS' && pattern !== 'public/tenders') await page.context().clearCookies();
    await page.goto(`${BASE_URL}${url}`);
    await page.locator(spec.ready(ids, role)).first().waitFor();
    // nothing still loading: no spinner, no skeleton
    await page.locator('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin').first().waitFor({
      state: 'detached',
    });
    // and nothing still fading in or sliding (ng-zorro's transitions), as a user would see it settled
    await page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
    const violations = await axe(page);
    const where = `${url} as ${role === 'ANONYMOUS' ? 'anonymous' : USERS[role]}${large ? ' (large text)' : ''}`;
    expect(report(where, violations)).toBe('');
  }

  it('knows every route of the router files (a new route needs a URL and a loaded sign here)', () => {
    expect(DECLARED.length).toBeGreaterThan(40);
    expect(DECLARED.map((r) => r.path).filter((p) => !(p in PAGES))).toEqual([]);
    expect(DECLARED.filter((r) => r.permission === 'public').map((r) => r.path)).toEqual([
      'login',
      'register-organisation',
      'public/tenders',
      'public',
      'public/projects',
      'public/projects/:id',
      'public/communities/:id',
      'public/organisations/:id',
    ]);
  });

  describe('anonymous, on a phone', () => {
    for (const route of DECLARED.filter((r) => r.permission === 'public'))
      it(`/${route.path}`, () => check('ANONYMOUS', route.path));
  });

  for (const role of ROLES) {
    describe(`${role}${role === 'RESIDENT' ? ', on a phone' : ''}`, () => {
      for (const route of DECLARED.filter((r) => rolesFor(r).includes(role)))
        it(`/${route.path}`, () => check(role, route.path));
    });
  }

  describe('large-text mode (适老模式), resident on a phone', () => {
    it('is switched on once and stays on after a reload: text at least 18 px, buttons at least 44 px tall', async () => {
      const page = await tab('RESIDENT', true);
      await page.goto(`${BASE_URL}/needs/community`);
      await page.reload();
      await page.locator(row('need-support-')).first().waitFor();
      expect(await page.locator('html').getAttribute('class')).toContain('dd-large');
      expect(await page.getByTestId('large-text-toggle').getAttribute('aria-pressed')).toBe('true');
      const sizes = await page.evaluate(() => {
        const small: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement;
          if (!el || !node.textContent?.trim() || el.closest('[aria-hidden="true"]')) continue;
          const rect = el.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) continue; // not shown
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < 18) small.push(`${size}px: ${node.textContent.trim().slice(0, 20)}`);
        }
        const buttons = Array.from(document.querySelectorAll<HTMLElement>('button, a.ant-btn'))
          .filter((b) => b.getBoundingClientRect().width > 0)
          .map((b) => ({ text: b.innerText.trim().slice(0, 20), height: b.getBoundingClientRect().height }));
        return { body: parseFloat(getComputedStyle(document.body).fontSize), small, buttons };
      });
      expect(sizes.body).toBeGreaterThanOrEqual(18);
      expect(sizes.small).toEqual([]);
      expect(sizes.buttons.length).toBeGreaterThan(0);
      expect(sizes.buttons.filter((b) => b.height < 44)).toEqual([]);
    });

    it('/login', () => check('ANONYMOUS', 'login', true));
    for (const route of DECLARED.filter((r) => rolesFor(r).includes('RESIDENT')))
      it(`/${route.path}`, () => check('RESIDENT', route.path, true));
  });

  describe('layout', () => {
    it('the budget table fits 1,440 px beside the menu without scrolling sideways (finance, with the decisions column)', async () => {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      contexts.set('finance:1440', { context, page: await context.newPage() });
      const page = contexts.get('finance:1440')!.page;
      await page.goto(`${BASE_URL}/login`);
      await page.getByTestId('login-username').fill('finance');
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`${BASE_URL}/funds/lines`);
      await page.locator(row('funds-line-approve-')).first().waitFor(); // a pending line: the widest row
      const fit = await page.evaluate(() => {
        const table = document.querySelector('[data-testid="funds-lines-table"] table') as HTMLElement;
        const wrapper = table.closest('.ant-table-container') as HTMLElement;
        return {
          table: table.getBoundingClientRect().width,
          wrapper: wrapper.clientWidth,
          page: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          scrollers: Array.from(document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')).filter(
            (el) => el.scrollWidth > el.clientWidth,
          ).length,
        };
      });
      expect(fit.table).toBeLessThanOrEqual(fit.wrapper);
      expect(fit.page).toBeLessThanOrEqual(fit.viewport);
      expect(fit.scrollers).toBe(0);
    });
  });
});
