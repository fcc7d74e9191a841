import { PERMISSIONS, permissionsOf } from '@diandan/access';

import { MENU, MenuItem, visibleMenu } from './menu';

/** The menu as ids, groups as `group[child,child]`. */
function ids(items: readonly MenuItem[]): string[] {
  return items.map((i) => (i.children ? `${i.id}[${ids(i.children).join(',')}]` : i.id));
}

describe('visibleMenu', () => {
  it('shows a resident only the home page', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['RESIDENT'])))).toEqual(['home']);
  });

  it('shows an admin the administration group but not the audit log', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['ADMIN'])))).toEqual(['home', 'admin[users,regions,calendar]']);
  });

  it('shows an auditor the audit log', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['AUDITOR'])))).toEqual([
      'home',
      'admin[users,regions,calendar]',
      'audit',
    ]);
  });

  it('keeps a group with only the children the user may open', () => {
    expect(ids(visibleMenu(MENU, permissionsOf(['ORG_MEMBER'])))).toEqual(['home', 'admin[calendar]']);
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
  });

  it('does not change the menu definition', () => {
    const before = JSON.stringify(MENU);
    visibleMenu(MENU, permissionsOf(['ORG_MEMBER']));
    expect(JSON.stringify(MENU)).toBe(before);
  });
});
