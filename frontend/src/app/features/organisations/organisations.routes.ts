import { Routes } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';

import { permissionGuard } from '../../core/auth/auth.guards';

/** `/organisations` (lazy): the registry and the officers' review, for staff. */
const routes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(PERMISSIONS.ORGANISATIONS_READ)],
    loadComponent: () => import('./pages/organisation-list/organisation-list.page'),
  },
  {
    path: ':id',
    canActivate: [permissionGuard(PERMISSIONS.ORGANISATIONS_READ)],
    loadComponent: () => import('./pages/organisation-detail/organisation-detail.page'),
  },
];

export default routes;
