// The litigation module's browser side: routes under /litigation/….
import { createElement, lazy } from 'react';
import type { ModuleUi } from '../../../web/kit/module-ui';

const CaseListPage = lazy(() => import('./case-list-page'));
const CaseRegisterPage = lazy(() => import('./case-register-page'));
const CaseDetailPage = lazy(() => import('./case-detail-page'));
const WarningsPage = lazy(() => import('./warnings-page'));
const ObservationsPage = lazy(() => import('./observations-page'));
const SuggestionRedirectPage = lazy(() => import('./suggestion-redirect-page'));

export const litigationUi: ModuleUi = {
  key: 'litigation',
  routes: [
    { path: 'cases', element: createElement(CaseListPage), permission: 'litigation:read' },
    { path: 'cases/new', element: createElement(CaseRegisterPage), permission: 'litigation:register' },
    { path: 'cases/:id', element: createElement(CaseDetailPage), permission: 'litigation:read' },
    { path: 'warnings', element: createElement(WarningsPage), permission: 'litigation:read' },
    { path: 'observations', element: createElement(ObservationsPage), permission: 'litigation:read' },
    { path: 'suggestions/:id', element: createElement(SuggestionRedirectPage), permission: 'litigation:read' },
  ],
};
