import { inject, provideEnvironmentInitializer } from '@angular/core';
import { Routes } from '@angular/router';
import { LockOutline } from '@ant-design/icons-angular/icons';
import { PERMISSIONS } from '@diandan/access';
import { NzIconService } from 'ng-zorro-antd/icon';

import { permissionGuard } from '../../core/auth/auth.guards';

/**
 * 社会组织接单, under `/procurement` (lazy): projects and their approval, tenders (wizard, detail
 * with opening, committee, report, objections), the organisation's calls and bids, the expert's
 * review tasks. Each route carries the backend's permission code.
 */
const routes: Routes = [
  {
    path: '',
    // Icons of these pages beyond the shell's set. (provideNzIconsPatch would not do: nz-icon finds the
    // shell's patch service first, up the element tree.)
    providers: [provideEnvironmentInitializer(() => inject(NzIconService).addIcon(LockOutline))],
    children: [
      {
        path: 'projects',
        canActivate: [permissionGuard(PERMISSIONS.PROJECTS_READ)],
        loadComponent: () => import('./pages/project-list/project-list.page'),
      },
      {
        path: 'projects/approvals',
        canActivate: [permissionGuard(PERMISSIONS.PROJECTS_APPROVE)],
        data: { approvals: true },
        loadComponent: () => import('./pages/project-list/project-list.page'),
      },
      {
        path: 'projects/new',
        canActivate: [permissionGuard(PERMISSIONS.PROJECTS_MANAGE)],
        loadComponent: () => import('./pages/project-form/project-form.page'),
      },
      {
        path: 'projects/:id/edit',
        canActivate: [permissionGuard(PERMISSIONS.PROJECTS_MANAGE)],
        loadComponent: () => import('./pages/project-form/project-form.page'),
      },
      {
        path: 'projects/:id',
        canActivate: [permissionGuard(PERMISSIONS.PROJECTS_READ)],
        loadComponent: () => import('./pages/project-detail/project-detail.page'),
      },
      {
        path: 'tenders',
        canActivate: [permissionGuard(PERMISSIONS.TENDERS_READ)],
        loadComponent: () => import('./pages/tender-list/tender-list.page'),
      },
      {
        path: 'tenders/new',
        canActivate: [permissionGuard(PERMISSIONS.TENDERS_MANAGE)],
        loadComponent: () => import('./pages/tender-wizard/tender-wizard.page'),
      },
      {
        path: 'tenders/:id/edit',
        canActivate: [permissionGuard(PERMISSIONS.TENDERS_MANAGE)],
        loadComponent: () => import('./pages/tender-wizard/tender-wizard.page'),
      },
      {
        path: 'tenders/:id',
        canActivate: [permissionGuard(PERMISSIONS.TENDERS_READ)],
        loadComponent: () => import('./pages/tender-detail/tender-detail.page'),
      },
      {
        path: 'calls',
        canActivate: [permissionGuard(PERMISSIONS.BIDS_SUBMIT)],
        loadComponent: () => import('./pages/open-calls/open-calls.page'),
      },
      {
        path: 'calls/:id',
        canActivate: [permissionGuard(PERMISSIONS.BIDS_SUBMIT)],
        loadComponent: () => import('./pages/bid-page/bid-page.page'),
      },
      {
        path: 'my-bids',
        canActivate: [permissionGuard(PERMISSIONS.BIDS_SUBMIT)],
        loadComponent: () => import('./pages/my-bids/my-bids.page'),
      },
      {
        path: 'reviews',
        canActivate: [permissionGuard(PERMISSIONS.SCORES_SUBMIT)],
        loadComponent: () => import('./pages/review-tasks/review-tasks.page'),
      },
      {
        path: 'reviews/:id',
        canActivate: [permissionGuard(PERMISSIONS.SCORES_SUBMIT)],
        loadComponent: () => import('./pages/scoring/scoring.page'),
      },
    ],
  },
];

export default routes;
