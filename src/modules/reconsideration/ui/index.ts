// The reconsideration module's browser side: routes under /reconsideration/… and public pages under /portal/reconsideration.
import { createElement, lazy } from 'react';
import type { ModuleUi } from '../../../web/kit/module-ui';

const CaseListPage = lazy(() => import('./case-list-page'));
const CaseRegisterPage = lazy(() => import('./case-register-page'));
const CaseDetailPage = lazy(() => import('./case-detail-page'));
const BoardPage = lazy(() => import('./board-page'));
const LetterRedirectPage = lazy(() => import('./letter-redirect-page'));
const PortalApplyPage = lazy(() => import('./portal-apply-page'));
const PortalQueryPage = lazy(() => import('./portal-query-page'));

export const reconsiderationUi: ModuleUi = {
  key: 'reconsideration',
  routes: [
    { path: 'cases', element: createElement(CaseListPage), permission: 'reconsideration:read' },
    { path: 'cases/new', element: createElement(CaseRegisterPage), permission: 'reconsideration:register' },
    { path: 'cases/:id', element: createElement(CaseDetailPage), permission: 'reconsideration:read' },
    { path: 'letters/:id', element: createElement(LetterRedirectPage), permission: 'reconsideration:read' },
    { path: 'board', element: createElement(BoardPage), permission: 'reconsideration:read' },
  ],
  portalHome: true,
  publicRoutes: [
    { path: '', element: createElement(PortalApplyPage) },
    { path: 'query', element: createElement(PortalQueryPage) },
  ],
};
