// The random-inspection module's browser side: routes under /random-inspection/… and the public page under /portal/random-inspection.
import { createElement, lazy } from 'react';
import type { ModuleUi } from '../../../web/kit/module-ui';

const PlanListPage = lazy(() => import('./plan-list-page'));
const PlanNewPage = lazy(() => import('./plan-new-page'));
const PlanDetailPage = lazy(() => import('./plan-detail-page'));
const ResultListPage = lazy(() => import('./result-list-page'));
const PoolsPage = lazy(() => import('./pools-page'));
const BoardPage = lazy(() => import('./board-page'));
const PortalResultsPage = lazy(() => import('./portal-results-page'));

export const randomInspectionUi: ModuleUi = {
  key: 'random-inspection',
  routes: [
    { path: 'plans', element: createElement(PlanListPage), permission: 'random-inspection:read' },
    { path: 'plans/new', element: createElement(PlanNewPage), permission: 'random-inspection:manage' },
    { path: 'plans/:id', element: createElement(PlanDetailPage), permission: 'random-inspection:read' },
    { path: 'results', element: createElement(ResultListPage), permission: 'random-inspection:read' },
    { path: 'results/:id', element: createElement(ResultListPage), permission: 'random-inspection:read' },
    { path: 'pools', element: createElement(PoolsPage), permission: 'random-inspection:read' },
    { path: 'board', element: createElement(BoardPage), permission: 'random-inspection:read' },
  ],
  publicRoutes: [{ path: '', element: createElement(PortalResultsPage) }],
};
