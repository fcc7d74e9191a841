import { Permission, PERMISSIONS } from '@diandan/access';

import type { TranslationKey } from '../i18n/translation.service';

/** An entry of the side menu: a link, or a group of links. */
export interface MenuItem {
  readonly id: string;
  readonly label: TranslationKey;
  /** ng-zorro icon name (registered in app.config.ts). */
  readonly icon?: string;
  readonly link?: string;
  /** Shown only to users holding this permission. */
  readonly permission?: Permission;
  /**
   * Hidden from users holding this permission, or any of these (the home entry, for residents: their home is their
   * needs; the officers' evaluation pages, for evaluators and evaluated organisations, who have their own).
   */
  readonly hiddenWith?: Permission | readonly Permission[];
  readonly children?: readonly MenuItem[];
}

export const MENU: readonly MenuItem[] = [
  {
    id: 'home',
    label: 'nav.home',
    icon: 'home',
    link: '/',
    permission: PERMISSIONS.SELF_READ,
    hiddenWith: PERMISSIONS.NEEDS_SUPPORT,
  },
  // Residents first: what they come for, flat and one tap away on a phone.
  {
    id: 'needs-community',
    label: 'nav.needsCommunity',
    icon: 'team',
    link: '/needs/community',
    permission: PERMISSIONS.NEEDS_SUPPORT,
  },
  { id: 'needs-new', label: 'nav.needsNew', icon: 'form', link: '/needs/new', permission: PERMISSIONS.NEEDS_SUBMIT },
  {
    id: 'needs-mine',
    label: 'nav.needsMine',
    icon: 'profile',
    link: '/needs/mine',
    permission: PERMISSIONS.NEEDS_READ,
  },
  {
    // 满意度调查: rate the services I ordered or received
    id: 'my-surveys',
    label: 'nav.mySurveys',
    icon: 'smile',
    link: '/my/surveys',
    permission: PERMISSIONS.SURVEYS_ANSWER,
  },
  { id: 'inbox', label: 'nav.inbox', icon: 'bell', link: '/inbox', permission: PERMISSIONS.INBOX_READ },
  {
    id: 'my-organisation',
    label: 'nav.myOrganisation',
    icon: 'bank',
    link: '/my/organisation',
    permission: PERMISSIONS.ORGANISATIONS_SELF,
  },
  // 社会组织接单 for organisation members and experts: flat, what they come for
  {
    id: 'calls',
    label: 'nav.calls',
    icon: 'shopping',
    link: '/procurement/calls',
    permission: PERMISSIONS.BIDS_SUBMIT,
  },
  {
    id: 'my-bids',
    label: 'nav.myBids',
    icon: 'file-done',
    link: '/procurement/my-bids',
    permission: PERMISSIONS.BIDS_SUBMIT,
  },
  {
    id: 'reviews',
    label: 'nav.reviews',
    icon: 'solution',
    link: '/procurement/reviews',
    permission: PERMISSIONS.SCORES_SUBMIT,
  },
  {
    id: 'needs-admin',
    label: 'nav.needsAdmin',
    icon: 'solution',
    children: [
      {
        id: 'campaigns',
        label: 'nav.campaigns',
        icon: 'notification',
        link: '/campaigns',
        permission: PERMISSIONS.CAMPAIGNS_MANAGE,
      },
      {
        id: 'moderation',
        label: 'nav.moderation',
        icon: 'file-search',
        link: '/needs/moderation',
        permission: PERMISSIONS.NEEDS_MODERATE,
      },
      {
        id: 'residents',
        label: 'nav.residents',
        icon: 'safety-certificate',
        link: '/residents',
        permission: PERMISSIONS.RESIDENTS_VERIFY,
      },
    ],
  },
  {
    id: 'procurement',
    label: 'nav.procurement',
    icon: 'shopping',
    children: [
      {
        id: 'catalogue',
        label: 'nav.catalogue',
        icon: 'book',
        link: '/catalogue',
        permission: PERMISSIONS.CATALOGUE_MANAGE,
      },
      {
        id: 'approved-needs',
        label: 'nav.approvedNeeds',
        icon: 'file-done',
        link: '/needs/approved',
        permission: PERMISSIONS.NEEDS_EXPORT,
      },
      {
        id: 'projects',
        label: 'nav.projects',
        icon: 'profile',
        link: '/procurement/projects',
        permission: PERMISSIONS.PROJECTS_READ,
      },
      {
        id: 'project-approvals',
        label: 'nav.projectApprovals',
        icon: 'check-circle',
        link: '/procurement/projects/approvals',
        permission: PERMISSIONS.PROJECTS_APPROVE,
      },
      {
        id: 'tenders',
        label: 'nav.tenders',
        icon: 'notification',
        link: '/procurement/tenders',
        permission: PERMISSIONS.TENDERS_MANAGE,
      },
    ],
  },
  {
    id: 'funds',
    label: 'nav.funds',
    icon: 'account-book',
    children: [
      {
        id: 'funds-lines',
        label: 'nav.fundsLines',
        icon: 'fund',
        link: '/funds/lines',
        permission: PERMISSIONS.FUNDS_READ,
      },
      {
        id: 'funds-dashboard',
        label: 'nav.fundsDashboard',
        icon: 'bar-chart',
        link: '/funds/dashboard',
        permission: PERMISSIONS.FUNDS_READ,
      },
      {
        id: 'funds-change-orders',
        label: 'nav.changeOrders',
        icon: 'file-done',
        link: '/contracts/changes/queue',
        permission: PERMISSIONS.PAYMENTS_PAY,
      },
      {
        // 保证金: finance's deposit and bond accounts; an organisation's own deposits and refunds
        id: 'custody',
        label: 'nav.custody',
        icon: 'safety-certificate',
        link: '/custody',
        permission: PERMISSIONS.CONTRACTS_READ,
      },
    ],
  },
  {
    // 政府买单 (issue #10): contracts; milestones, payments and custody add their entries here
    id: 'contracts',
    label: 'nav.contracts',
    icon: 'file-protect',
    children: [
      {
        id: 'contract-list',
        label: 'nav.contractList',
        icon: 'file-text',
        link: '/contracts',
        permission: PERMISSIONS.CONTRACTS_READ,
      },
      {
        // 里程碑看板: officers (due, overdue, waiting for acceptance), finance, auditors, and suppliers (their own)
        id: 'milestones',
        label: 'nav.milestones',
        icon: 'calendar',
        link: '/milestones',
        permission: PERMISSIONS.CONTRACTS_READ,
      },
      {
        // 付款申请: finance's payment queue, the officer's approvals, a supplier's own requests
        id: 'payments',
        label: 'nav.payments',
        icon: 'account-book',
        link: '/payments',
        permission: PERMISSIONS.CONTRACTS_READ,
      },
    ],
  },
  {
    // 第三方验单 (issue #11): staff read the tasks and batches of their region (the officer assigns and draws); an
    // evaluator has their own tasks; indicator templates; satisfaction surveys (the officer and the readers of
    // results; the community worker's own); organisation grading and its lines
    id: 'evaluation',
    label: 'nav.evaluation',
    icon: 'audit',
    children: [
      {
        id: 'evaluation-tasks',
        label: 'nav.evaluationTasks',
        icon: 'solution',
        link: '/evaluation/tasks',
        permission: PERMISSIONS.EVALUATION_READ,
        hiddenWith: [PERMISSIONS.EVALUATION_SCORE, PERMISSIONS.EVALUATION_OBJECT],
      },
      {
        id: 'evaluation-batches',
        label: 'nav.evaluationBatches',
        icon: 'bar-chart',
        link: '/evaluation/batches',
        permission: PERMISSIONS.EVALUATION_READ,
        hiddenWith: [PERMISSIONS.EVALUATION_SCORE, PERMISSIONS.EVALUATION_OBJECT],
      },
      {
        id: 'my-evaluation-tasks',
        label: 'nav.myEvaluationTasks',
        icon: 'file-search',
        link: '/evaluation/my-tasks',
        permission: PERMISSIONS.EVALUATION_SCORE,
      },
      {
        id: 'evaluation-templates',
        label: 'nav.evaluationTemplates',
        icon: 'form',
        link: '/evaluation/templates',
        permission: PERMISSIONS.EVALUATION_READ,
      },
      {
        id: 'surveys',
        label: 'nav.surveys',
        icon: 'smile',
        link: '/evaluation/surveys',
        permission: PERMISSIONS.EVALUATION_READ,
      },
      {
        id: 'community-surveys',
        label: 'nav.surveys',
        icon: 'smile',
        link: '/community/surveys',
        permission: PERMISSIONS.SURVEYS_PROXY,
      },
      {
        // 我的评估结果: the evaluated organisation's results, objections and answers
        id: 'evaluation-results',
        label: 'nav.evaluationResults',
        icon: 'file-done',
        link: '/evaluation/results',
        permission: PERMISSIONS.EVALUATION_OBJECT,
      },
      {
        // 评估结果确认与异议: the officer's confirmations and objection decisions
        id: 'evaluation-objections',
        label: 'nav.evaluationObjections',
        icon: 'solution',
        link: '/evaluation/objections',
        permission: PERMISSIONS.EVALUATION_MANAGE,
      },
      {
        id: 'grading',
        label: 'nav.grading',
        icon: 'safety-certificate',
        link: '/evaluation/grading',
        permission: PERMISSIONS.EVALUATION_MANAGE,
      },
      {
        id: 'grade-cutoffs',
        label: 'nav.gradeCutoffs',
        icon: 'bar-chart',
        link: '/evaluation/grade-cutoffs',
        permission: PERMISSIONS.EVALUATION_MANAGE,
      },
    ],
  },
  {
    // 数据看板 (issue #12): officers, finance, auditors and administrators, in their region subtree
    id: 'dashboards',
    label: 'nav.dashboards',
    icon: 'fund',
    link: '/dashboards',
    permission: PERMISSIONS.REPORTS_READ,
  },
  {
    id: 'organisations',
    label: 'nav.organisations',
    icon: 'bank',
    link: '/organisations',
    permission: PERMISSIONS.ORGANISATIONS_READ,
  },
  {
    id: 'admin',
    label: 'nav.admin',
    icon: 'setting',
    children: [
      { id: 'users', label: 'nav.users', icon: 'team', link: '/admin/users', permission: PERMISSIONS.USERS_READ },
      {
        id: 'deliveries',
        label: 'nav.deliveries',
        icon: 'notification',
        link: '/admin/deliveries',
        permission: PERMISSIONS.DELIVERIES_MANAGE,
      },
      {
        id: 'regions',
        label: 'nav.regions',
        icon: 'apartment',
        link: '/admin/regions',
        permission: PERMISSIONS.REGIONS_READ,
      },
      {
        id: 'calendar',
        label: 'nav.calendar',
        icon: 'calendar',
        link: '/admin/calendar',
        permission: PERMISSIONS.CALENDAR_READ,
      },
      {
        // 队列看板 (issue #12): the deadline jobs of every queue; failed ones retried there
        id: 'queue-board',
        label: 'nav.queueBoard',
        icon: 'bar-chart',
        link: '/admin/queue-board',
        permission: PERMISSIONS.QUEUES_READ,
      },
    ],
  },
  { id: 'audit', label: 'nav.audit', icon: 'audit', link: '/audit', permission: PERMISSIONS.AUDIT_READ },
];

/**
 * The menu as a user with `permissions` sees it: items whose permission they lack are dropped,
 * and so are groups left without any child.
 */
export function visibleMenu(items: readonly MenuItem[], permissions: readonly string[]): MenuItem[] {
  const held = new Set(permissions);
  const out: MenuItem[] = [];
  for (const item of items) {
    if (item.permission && !held.has(item.permission)) continue;
    const hiddenWith: readonly string[] =
      item.hiddenWith === undefined ? [] : typeof item.hiddenWith === 'string' ? [item.hiddenWith] : item.hiddenWith;
    if (hiddenWith.some((p) => held.has(p))) continue;
    if (item.children) {
      const children = visibleMenu(item.children, permissions);
      if (children.length > 0) out.push({ ...item, children });
      continue;
    }
    out.push(item);
  }
  return out;
}
