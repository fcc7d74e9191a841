import { PERMISSIONS, Permission } from '@diandan/access';

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
  readonly children?: readonly MenuItem[];
}

export const MENU: readonly MenuItem[] = [
  { id: 'home', label: 'nav.home', icon: 'home', link: '/', permission: PERMISSIONS.SELF_READ },
  {
    id: 'admin',
    label: 'nav.admin',
    icon: 'setting',
    children: [
      { id: 'users', label: 'nav.users', icon: 'team', link: '/admin/users', permission: PERMISSIONS.USERS_READ },
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
    if (item.children) {
      const children = visibleMenu(item.children, permissions);
      if (children.length > 0) out.push({ ...item, children });
      continue;
    }
    out.push(item);
  }
  return out;
}
