// The cases area's pages (paths below /enforcement/) and the public 行政执法公示 page.
import { createElement, lazy } from 'react';
import type { ModuleRoute } from '../../../../web/kit/module-ui';

const CaseListPage = lazy(() => import('./case-list-page'));
const CaseRegisterPage = lazy(() => import('./case-register-page'));
const CaseDetailPage = lazy(() => import('./case-detail-page'));
const CaseBoardPage = lazy(() => import('./case-board-page'));
const PublicationRedirectPage = lazy(() => import('./publication-redirect-page'));
const PortalPublicationPage = lazy(() => import('./portal-publication-page'));

export const casesUiRoutes: readonly ModuleRoute[] = [
  { path: 'cases', element: createElement(CaseListPage), permission: 'enforcement:read' },
  { path: 'cases/new', element: createElement(CaseRegisterPage), permission: 'enforcement:report' },
  { path: 'cases/:id', element: createElement(CaseDetailPage), permission: 'enforcement:read' },
  { path: 'cases-board', element: createElement(CaseBoardPage), permission: 'enforcement:read' },
  { path: 'publication/:id', element: createElement(PublicationRedirectPage), permission: 'enforcement:read' },
];
export const casesPublicUiRoutes: readonly Omit<ModuleRoute, 'permission'>[] = [{ path: 'publication', element: createElement(PortalPublicationPage) }];
