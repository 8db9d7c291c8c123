// The sample-desk module's browser side: routes under /sample-desk/….
import { createElement, lazy } from 'react';
import type { ModuleUi } from '../../../web/kit/module-ui';

const ListPage = lazy(() => import('./record-list-page'));
const DetailPage = lazy(() => import('./record-detail-page'));

export const sampleDeskUi: ModuleUi = {
  key: 'sample-desk',
  routes: [
    { path: 'records', element: createElement(ListPage), permission: 'sample-desk:read' },
    { path: 'records/:id', element: createElement(DetailPage), permission: 'sample-desk:read' },
  ],
};
