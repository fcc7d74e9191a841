import { Routes } from '@angular/router';

/** 公开门户: anonymous, its own layout, every page lazy (the initial bundle does not grow). */
const routes: Routes = [
  {
    path: '',
    loadComponent: () => import('./portal-layout.component').then((m) => m.PortalLayoutComponent),
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./pages/portal-home.page'),
      },
      {
        path: 'projects',
        loadComponent: () => import('./pages/portal-projects.page'),
      },
      {
        path: 'projects/:id',
        loadComponent: () => import('./pages/portal-project.page'),
      },
      {
        path: 'communities/:id',
        loadComponent: () => import('./pages/portal-community.page'),
      },
      {
        path: 'organisations/:id',
        loadComponent: () => import('./pages/portal-organisation.page'),
      },
    ],
  },
];

export default routes;
