// The disclosure module's browser side: routes under /disclosure/… and public pages under /portal/disclosure.
import { createElement, lazy } from 'react';
import type { ModuleUi } from '../../../web/kit/module-ui';

const RequestListPage = lazy(() => import('./request-list-page'));
const RequestRegisterPage = lazy(() => import('./request-register-page'));
const RequestDetailPage = lazy(() => import('./request-detail-page'));
const PortalApplyPage = lazy(() => import('./portal-apply-page'));
const PortalQueryPage = lazy(() => import('./portal-query-page'));

export const disclosureUi: ModuleUi = {
  key: 'disclosure',
  routes: [
    { path: 'requests', element: createElement(RequestListPage), permission: 'disclosure:read' },
    { path: 'requests/new', element: createElement(RequestRegisterPage), permission: 'disclosure:register' },
    { path: 'requests/:id', element: createElement(RequestDetailPage), permission: 'disclosure:read' },
  ],
  publicRoutes: [
    { path: '', element: createElement(PortalApplyPage) },
    { path: 'query', element: createElement(PortalQueryPage) },
  ],
};
