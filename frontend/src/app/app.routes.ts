import { Routes } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';

import { authGuard, guestGuard, permissionGuard } from './core/auth/auth.guards';
import { zorroStylesGuard } from './core/styles/lazy-styles';
import { deskGuard } from './features/desk/desk.guards';
import { passwordChangeGuard } from './features/identity/data/password-change.guard';

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard, zorroStylesGuard],
    loadComponent: () => import('./features/identity/pages/login/login.page'),
  },
  {
    // 社会组织注册: public, linked from the login page
    path: 'register-organisation',
    canActivate: [guestGuard, zorroStylesGuard],
    loadComponent: () => import('./features/organisations/pages/register/register.page'),
  },
  {
    // 采购公告 / 中标公告 on the transparency portal: public, linked from the login page
    path: 'public/tenders',
    canActivate: [zorroStylesGuard],
    loadComponent: () => import('./features/procurement/pages/public-tenders/public-tenders.page'),
  },
  {
    // 公开门户: the public portal (home figures, projects along the whole chain, communities, organisations), its
    // own layout without sign-in, lazy; linked from the login page
    path: 'public',
    loadChildren: () => import('./features/portal/portal.routes'),
  },
  {
    // 修改密码: from the user menu, and the only page open after an administrator's reset until it is changed
    path: 'password',
    canActivate: [authGuard, zorroStylesGuard],
    loadComponent: () => import('./features/identity/pages/password/password.page'),
  },
  {
    path: '',
    canActivate: [authGuard, passwordChangeGuard, zorroStylesGuard],
    loadComponent: () => import('./core/layout/shell.component').then((m) => m.ShellComponent),
    children: [
      {
        // 首页: the desk (what waits for me); residents land on their community's needs instead
        path: '',
        pathMatch: 'full',
        canActivate: [deskGuard],
        loadComponent: () => import('./features/desk/pages/desk/desk.page'),
      },
      {
        // 我的信息: who I am, my roles and permissions (from the user's name in the header)
        path: 'me',
        loadComponent: () => import('./features/identity/pages/home/home.page'),
      },
      {
        // 通知设置: my addresses and channels (from the user menu and my profile)
        path: 'me/notifications',
        loadComponent: () => import('./features/notifications/pages/settings/notification-settings.page'),
      },
      {
        path: 'needs/community',
        canActivate: [permissionGuard(PERMISSIONS.NEEDS_SUPPORT)],
        loadComponent: () => import('./features/needs/pages/community-needs/community-needs.page'),
      },
      {
        path: 'needs/new',
        canActivate: [permissionGuard(PERMISSIONS.NEEDS_SUBMIT)],
        loadComponent: () => import('./features/needs/pages/need-new/need-new.page'),
      },
      {
        path: 'needs/mine',
        canActivate: [permissionGuard(PERMISSIONS.NEEDS_READ)],
        loadComponent: () => import('./features/needs/pages/my-needs/my-needs.page'),
      },
      {
        path: 'needs/moderation',
        canActivate: [permissionGuard(PERMISSIONS.NEEDS_MODERATE)],
        loadComponent: () => import('./features/needs/pages/moderation/moderation.page'),
      },
      {
        path: 'needs/approved',
        canActivate: [permissionGuard(PERMISSIONS.NEEDS_EXPORT)],
        loadComponent: () => import('./features/needs/pages/approved-needs/approved-needs.page'),
      },
      {
        path: 'needs/:id',
        canActivate: [permissionGuard(PERMISSIONS.NEEDS_READ)],
        loadComponent: () => import('./features/needs/pages/need-detail/need-detail.page'),
      },
      {
        path: 'campaigns',
        canActivate: [permissionGuard(PERMISSIONS.CAMPAIGNS_MANAGE)],
        loadComponent: () => import('./features/needs/pages/campaigns/campaigns.page'),
      },
      {
        path: 'campaigns/:id/deliberation',
        canActivate: [permissionGuard(PERMISSIONS.NEEDS_DELIBERATE)],
        loadComponent: () => import('./features/needs/pages/deliberation/deliberation.page'),
      },
      {
        path: 'residents',
        canActivate: [permissionGuard(PERMISSIONS.RESIDENTS_VERIFY)],
        loadComponent: () => import('./features/identity/pages/residents/residents.page'),
      },
      {
        path: 'organisations',
        loadChildren: () => import('./features/organisations/organisations.routes'),
      },
      {
        path: 'my/organisation',
        canActivate: [permissionGuard(PERMISSIONS.ORGANISATIONS_SELF)],
        loadComponent: () => import('./features/organisations/pages/my-organisation/my-organisation.page'),
      },
      {
        // 社会组织接单: projects, tenders, bids, reviews (each child guarded by its permission)
        path: 'procurement',
        loadChildren: () => import('./features/procurement/procurement.routes'),
      },
      {
        path: 'inbox',
        canActivate: [permissionGuard(PERMISSIONS.INBOX_READ)],
        loadComponent: () => import('./features/notifications/pages/inbox/inbox.page'),
      },
      {
        path: 'catalogue',
        canActivate: [permissionGuard(PERMISSIONS.CATALOGUE_MANAGE)],
        loadComponent: () => import('./features/catalogue/pages/catalogue/catalogue.page'),
      },
      {
        path: 'funds/lines',
        canActivate: [permissionGuard(PERMISSIONS.FUNDS_READ)],
        loadComponent: () => import('./features/funds/pages/budget-lines/budget-lines.page'),
      },
      {
        path: 'funds/lines/:id',
        canActivate: [permissionGuard(PERMISSIONS.FUNDS_READ)],
        loadComponent: () => import('./features/funds/pages/line-ledger/line-ledger.page'),
      },
      {
        // ngx-echarts and the echarts parts it uses live in this page's chunk only.
        path: 'funds/dashboard',
        canActivate: [permissionGuard(PERMISSIONS.FUNDS_READ)],
        loadComponent: () => import('./features/funds/pages/funds-dashboard/funds-dashboard.page'),
      },
      {
        // 数据看板 (issue #12): the reporting dashboards; echarts parts in this page's chunk only
        path: 'dashboards',
        canActivate: [permissionGuard(PERMISSIONS.REPORTS_READ)],
        loadComponent: () => import('./features/reporting/pages/dashboards/dashboards.page'),
      },
      {
        // 付款申请: finance's payment queue, the officer's approvals, a supplier's own requests
        path: 'payments',
        canActivate: [permissionGuard(PERMISSIONS.CONTRACTS_READ)],
        loadComponent: () => import('./features/contracts/payments/payments-queue.page'),
      },
      {
        // 合同付款: the payment requests of one contract (both parties, the officer, finance)
        path: 'contracts/:id/payments',
        canActivate: [permissionGuard(PERMISSIONS.CONTRACTS_READ)],
        loadComponent: () => import('./features/contracts/payments/contract-payments.page'),
      },
      {
        // 保证金 (issue #10): finance's deposit and bond accounts; an organisation's own deposits and refunds
        path: 'custody',
        canActivate: [permissionGuard(PERMISSIONS.CONTRACTS_READ)],
        loadComponent: () => import('./features/funds/pages/custody/custody.page'),
      },
      {
        // 合同 (issue #10): the list, and one contract (draft editor, signatures, PDF, publication)
        path: 'contracts',
        canActivate: [permissionGuard(PERMISSIONS.CONTRACTS_READ)],
        loadComponent: () => import('./features/contracts/pages/contract-list/contract-list.page'),
      },
      {
        path: 'contracts/:id',
        canActivate: [permissionGuard(PERMISSIONS.CONTRACTS_READ)],
        loadComponent: () => import('./features/contracts/pages/contract-detail/contract-detail.page'),
      },
      {
        // 第三方验单 (issue #11): 指标体系 — the list of templates and one version (editor for a draft, read-only else)
        path: 'evaluation/templates',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/pages/templates-list/templates-list.page'),
      },
      {
        path: 'evaluation/templates/:id',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/pages/templates-editor/templates-editor.page'),
      },
      {
        // 验单评分 (issue #11): the evaluator scores a task on a tablet; staff and (once confirmed) the organisation read it
        path: 'evaluation/tasks/:id/score',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/pages/scoring/scoring.page'),
      },
      {
        path: 'admin/users',
        canActivate: [permissionGuard(PERMISSIONS.USERS_READ)],
        loadComponent: () => import('./features/identity/pages/users/users.page'),
      },
      {
        // 投递失败: e-mails and SMS that failed after every attempt, retried by an administrator
        path: 'admin/deliveries',
        canActivate: [permissionGuard(PERMISSIONS.DELIVERIES_MANAGE)],
        loadComponent: () => import('./features/notifications/pages/deliveries/deliveries.page'),
      },
      {
        path: 'admin/regions',
        canActivate: [permissionGuard(PERMISSIONS.REGIONS_READ)],
        loadComponent: () => import('./features/regions/pages/region-tree/region-tree.page'),
      },
      {
        path: 'admin/calendar',
        canActivate: [permissionGuard(PERMISSIONS.CALENDAR_READ)],
        loadComponent: () => import('./features/regions/pages/calendar/calendar.page'),
      },
      {
        path: 'admin/queue-board',
        canActivate: [permissionGuard(PERMISSIONS.QUEUES_READ)],
        loadComponent: () => import('./features/operations/pages/queue-board/queue-board.page'),
      },
      {
        path: 'audit',
        canActivate: [permissionGuard(PERMISSIONS.AUDIT_READ)],
        loadComponent: () => import('./features/audit/pages/audit-log/audit-log.page'),
      },
      // ---- milestones and evidence (issue #10): a contract's milestones and reports, the report form, the board
      {
        path: 'contracts/:id/milestones',
        canActivate: [permissionGuard(PERMISSIONS.CONTRACTS_READ)],
        loadComponent: () =>
          import('./features/contracts/milestones/pages/contract-milestones/contract-milestones.page'),
      },
      {
        path: 'contracts/:id/milestones/:milestoneId/report',
        canActivate: [permissionGuard(PERMISSIONS.CONTRACTS_SELF)],
        loadComponent: () => import('./features/contracts/milestones/pages/milestone-report/milestone-report.page'),
      },
      {
        path: 'milestones',
        canActivate: [permissionGuard(PERMISSIONS.CONTRACTS_READ)],
        loadComponent: () => import('./features/contracts/milestones/pages/milestones-board/milestones-board.page'),
      },
      {
        // 补充合同审批: finance's queue of change orders (issue #10)
        path: 'contracts/changes/queue',
        canActivate: [permissionGuard(PERMISSIONS.PAYMENTS_PAY)],
        loadComponent: () => import('./features/contracts/changes/pages/change-orders-queue/change-orders-queue.page'),
      },
      {
        // 补充合同与终止 of one contract: its parties and the officers/finance of its region (the API decides)
        path: 'contracts/:id/changes',
        canActivate: [permissionGuard(PERMISSIONS.CONTRACTS_READ)],
        loadComponent: () => import('./features/contracts/changes/pages/contract-changes/contract-changes.page'),
      },
      // ---- 第三方验单 (issue #11): evaluation tasks, assignment, sampling batches and summaries, the evaluator's tasks
      {
        path: 'evaluation/tasks',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/pages/tasks/task-list.page'),
      },
      {
        path: 'evaluation/tasks/:id',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/pages/tasks/task-detail.page'),
      },
      {
        path: 'evaluation/my-tasks',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_SCORE)],
        loadComponent: () => import('./features/evaluation/pages/tasks/my-tasks.page'),
      },
      {
        path: 'evaluation/batches',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/pages/batches/batch-list.page'),
      },
      {
        path: 'evaluation/batches/:id',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/pages/batches/batch-detail.page'),
      },
      // ---- 第三方验单 (issue #11): residents' satisfaction surveys
      {
        // 满意度调查: the officer (open, close, beneficiaries) and the readers of results (figures only)
        path: 'evaluation/surveys',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/survey/pages/survey-list.page'),
      },
      {
        path: 'evaluation/surveys/:projectId',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/survey/pages/survey-detail.page'),
      },
      {
        // the community worker: share the link and QR code, record beneficiaries, take proxy answers
        path: 'community/surveys',
        canActivate: [permissionGuard(PERMISSIONS.SURVEYS_PROXY)],
        data: { mode: 'worker' },
        loadComponent: () => import('./features/evaluation/survey/pages/survey-list.page'),
      },
      {
        path: 'community/surveys/:projectId',
        canActivate: [permissionGuard(PERMISSIONS.SURVEYS_PROXY)],
        data: { mode: 'worker' },
        loadComponent: () => import('./features/evaluation/survey/pages/survey-detail.page'),
      },
      {
        // the resident's surveys (to answer, answered)
        path: 'my/surveys',
        canActivate: [permissionGuard(PERMISSIONS.SURVEYS_ANSWER)],
        loadComponent: () => import('./features/evaluation/survey/pages/my-surveys.page'),
      },
      {
        // the share link and QR code (/s/<token>): any signed-in user reaches it (a resident answers; anyone else is
        // told that residents answer); a visitor not signed in signs in and comes back
        path: 's/:token',
        loadComponent: () => import('./features/evaluation/survey/pages/survey-answer.page'),
      },
      // ---- 第三方验单 (issue #11): review, objection and publication of evaluation results
      {
        // 我的评估结果: the evaluated organisation's confirmed results, its objections and their answers
        path: 'evaluation/results',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_OBJECT)],
        loadComponent: () => import('./features/evaluation/pages/results/results.page'),
      },
      {
        // 评估结果确认与异议: the officer confirms or returns submitted results and decides objections
        path: 'evaluation/objections',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_MANAGE)],
        loadComponent: () => import('./features/evaluation/pages/objections/objections.page'),
      },
      // ---- 第三方验单: organisation grading (等级评估, issue #11 item 6) — the assessments (officers, staff of the
      // region, an organisation's own decided ones), one assessment, and the grade lines per region (officers)
      {
        path: 'evaluation/grading',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/pages/grading-list/grading-list.page'),
      },
      {
        path: 'evaluation/grading/:id',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_READ)],
        loadComponent: () => import('./features/evaluation/pages/grading-detail/grading-detail.page'),
      },
      {
        path: 'evaluation/grade-cutoffs',
        canActivate: [permissionGuard(PERMISSIONS.EVALUATION_MANAGE)],
        loadComponent: () => import('./features/evaluation/pages/cutoffs/cutoffs.page'),
      },
      {
        path: '403',
        data: { status: 403 },
        loadComponent: () => import('./core/error-page/error-page.component').then((m) => m.ErrorPageComponent),
      },
      {
        path: '**',
        data: { status: 404 },
        loadComponent: () => import('./core/error-page/error-page.component').then((m) => m.ErrorPageComponent),
      },
    ],
  },
];
