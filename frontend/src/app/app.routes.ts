import { Routes } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';

import { authGuard, guestGuard, permissionGuard } from './core/auth/auth.guards';
import { zorroStylesGuard } from './core/styles/lazy-styles';

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard, zorroStylesGuard],
    loadComponent: () => import('./features/identity/pages/login/login.page'),
  },
  {
    path: '',
    canActivate: [authGuard, zorroStylesGuard],
    loadComponent: () => import('./core/layout/shell.component').then((m) => m.ShellComponent),
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./features/identity/pages/home/home.page'),
      },
      {
        path: 'admin/users',
        canActivate: [permissionGuard(PERMISSIONS.USERS_READ)],
        loadComponent: () => import('./features/identity/pages/users/users.page'),
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
        path: 'audit',
        canActivate: [permissionGuard(PERMISSIONS.AUDIT_READ)],
        loadComponent: () => import('./features/audit/pages/audit-log/audit-log.page'),
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
