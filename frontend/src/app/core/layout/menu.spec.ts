import { PERMISSIONS, permissionsOf } from '@diandan/access';

import { MENU, MenuItem, visibleMenu } from './menu';

/** The menu as ids, groups as `group[child,child]`. */
function ids(items: readonly MenuItem[]): string[] {
  return items.map((i) => (i.children ? `${i.id}[${ids(i.children).join(',')}]` : i.id));
}

/** Every link of the menu with the permission guarding it. */
function links(items: readonly MenuItem[]): [string, string | undefined][] {
  return items.flatMap((i) =>
    i.children ? links(i.children) : [[i.link ?? '', i.permission] as [string, string | undefined]],
  );
}

describe('visibleMenu', () => {
  it('shows a resident the community needs (their home: no separate 首页), submission, their needs and messages, flat', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['RESIDENT'])))).toEqual([
      'needs-community',
      'needs-new',
      'needs-mine',
      'my-surveys',
      'inbox',
    ]);
  });

  it('shows a community worker campaigns, moderation and resident verification, and proxy submission', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['COMMUNITY_WORKER'])))).toEqual([
      'home',
      'needs-new',
      'needs-mine',
      'inbox',
      'needs-admin[campaigns,moderation,residents]',
      'evaluation[community-surveys]',
      'organisations',
      'admin[regions,calendar]',
    ]);
  });

  it('shows a procurement officer the catalogue and the approved needs, not the worker pages', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['PROCUREMENT_OFFICER'])))).toEqual([
      'home',
      'needs-mine',
      'inbox',
      'reviews',
      'procurement[catalogue,approved-needs,projects,tenders]',
      'funds[funds-lines,funds-dashboard,custody]',
      'contracts[contract-list,milestones,payments]',
      'evaluation[evaluation-tasks,evaluation-batches,evaluation-templates,surveys,evaluation-objections,grading,grade-cutoffs]',
      'dashboards',
      'organisations',
      'admin[users,regions,calendar]',
    ]);
  });

  it('shows a finance officer the budget lines and budget execution, and messages', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['FINANCE_OFFICER'])))).toEqual([
      'home',
      'inbox',
      'procurement[projects,project-approvals]',
      'funds[funds-lines,funds-dashboard,funds-change-orders,custody]',
      'contracts[contract-list,milestones,payments]',
      'evaluation[evaluation-tasks,evaluation-batches,evaluation-templates,surveys]',
      'dashboards',
      'organisations',
      'admin[regions,calendar]',
    ]);
  });

  it('shows an admin the administration group and messages, but no needs pages nor the audit log', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['ADMIN'])))).toEqual([
      'home',
      'inbox',
      'dashboards',
      'organisations',
      'admin[users,deliveries,regions,calendar,queue-board]',
    ]);
  });

  it('shows an auditor the audit log and the approved needs (export), not the catalogue editor', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['AUDITOR'])))).toEqual([
      'home',
      'needs-mine',
      'inbox',
      'procurement[approved-needs,projects]',
      'funds[funds-lines,funds-dashboard,custody]',
      'contracts[contract-list,milestones,payments]',
      'evaluation[evaluation-tasks,evaluation-batches,evaluation-templates,surveys]',
      'dashboards',
      'organisations',
      'admin[users,regions,calendar]',
      'audit',
    ]);
  });

  it('keeps a group with only the children the user may open', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['ORG_MEMBER'])))).toEqual([
      'home',
      'inbox',
      'my-organisation',
      'calls',
      'my-bids',
      'funds[custody]',
      'contracts[contract-list,milestones,payments]',
      'evaluation[evaluation-templates,surveys,evaluation-results]',
      'admin[calendar]',
    ]);
  });

  it('shows an evaluator the evaluation group (the templates’ scoring guides)', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['EVALUATOR'])))).toEqual([
      'home',
      'inbox',
      'my-organisation',
      'evaluation[my-evaluation-tasks,evaluation-templates,surveys]',
      'admin[calendar]',
    ]);
  });

  it('shows an expert the review tasks', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['EXPERT'])))).toEqual(['home', 'inbox', 'reviews', 'admin[calendar]']);
  });

  it('shows an evaluator their own evaluation tasks, not the officers’ task list and batches', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['EVALUATOR'])))).toEqual([
      'home',
      'inbox',
      'my-organisation',
      'evaluation[my-evaluation-tasks,evaluation-templates,surveys]',
      'admin[calendar]',
    ]);
  });

  it('hides an item from a holder of any of its hiddenWith permissions', () => {
    const menu: MenuItem[] = [
      { id: 'x', label: 'nav.home', link: '/x', hiddenWith: [PERMISSIONS.USERS_MANAGE, PERMISSIONS.AUDIT_READ] },
    ];
    expect(ids(visibleMenu(menu, [PERMISSIONS.AUDIT_READ]))).toEqual([]);
    expect(ids(visibleMenu(menu, [PERMISSIONS.SELF_READ]))).toEqual(['x']);
  });

  it('guards the new pages with the permissions of the brief', () => {
    expect(Object.fromEntries(links(MENU))).toMatchObject({
      '/needs/community': PERMISSIONS.NEEDS_SUPPORT,
      '/needs/new': PERMISSIONS.NEEDS_SUBMIT,
      '/needs/mine': PERMISSIONS.NEEDS_READ,
      '/inbox': PERMISSIONS.INBOX_READ,
      '/campaigns': PERMISSIONS.CAMPAIGNS_MANAGE,
      '/needs/moderation': PERMISSIONS.NEEDS_MODERATE,
      '/residents': PERMISSIONS.RESIDENTS_VERIFY,
      '/catalogue': PERMISSIONS.CATALOGUE_MANAGE,
      '/needs/approved': PERMISSIONS.NEEDS_EXPORT,
      '/funds/lines': PERMISSIONS.FUNDS_READ,
      '/funds/dashboard': PERMISSIONS.FUNDS_READ,
      '/organisations': PERMISSIONS.ORGANISATIONS_READ,
      '/my/organisation': PERMISSIONS.ORGANISATIONS_SELF,
      '/procurement/projects': PERMISSIONS.PROJECTS_READ,
      '/procurement/projects/approvals': PERMISSIONS.PROJECTS_APPROVE,
      '/procurement/tenders': PERMISSIONS.TENDERS_MANAGE,
      '/procurement/calls': PERMISSIONS.BIDS_SUBMIT,
      '/procurement/my-bids': PERMISSIONS.BIDS_SUBMIT,
      '/procurement/reviews': PERMISSIONS.SCORES_SUBMIT,
      '/contracts/changes/queue': PERMISSIONS.PAYMENTS_PAY,
      '/payments': PERMISSIONS.CONTRACTS_READ,
      '/contracts': PERMISSIONS.CONTRACTS_READ,
      '/evaluation/tasks': PERMISSIONS.EVALUATION_READ,
      '/evaluation/batches': PERMISSIONS.EVALUATION_READ,
      '/evaluation/my-tasks': PERMISSIONS.EVALUATION_SCORE,
      '/evaluation/templates': PERMISSIONS.EVALUATION_READ,
      '/evaluation/surveys': PERMISSIONS.EVALUATION_READ,
      '/community/surveys': PERMISSIONS.SURVEYS_PROXY,
      '/my/surveys': PERMISSIONS.SURVEYS_ANSWER,
      '/evaluation/results': PERMISSIONS.EVALUATION_OBJECT,
      '/evaluation/objections': PERMISSIONS.EVALUATION_MANAGE,
    });
  });

  it('drops a group left without children, and everything when there are no permissions', () => {
    const menu: MenuItem[] = [
      {
        id: 'g',
        label: 'nav.admin',
        children: [{ id: 'u', label: 'nav.users', link: '/u', permission: PERMISSIONS.USERS_MANAGE }],
      },
      { id: 'open', label: 'nav.home', link: '/' },
    ];
    expect(ids(visibleMenu(menu, [PERMISSIONS.USERS_READ]))).toEqual(['open']);
    expect(ids(visibleMenu(MENU, []))).toEqual([]);
  });

  it('combines the permissions of several roles', () => {
    const perms = permissionsOf(['RESIDENT', 'AUDITOR']);
    expect(ids(visibleMenu(MENU, perms))).toContain('audit');
    expect(ids(visibleMenu(MENU, perms))).toContain('needs-community');
  });

  it('does not change the menu definition', () => {
    const before = JSON.stringify(MENU);
    visibleMenu(MENU, permissionsOf(['ORG_MEMBER']));
    expect(JSON.stringify(MENU)).toBe(before);
  });
});
