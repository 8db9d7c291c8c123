// The inspection module's browser side: routes under /inspection/….
import { createElement, lazy } from 'react';
import type { ModuleUi } from '../../../web/kit/module-ui';

const PlanListPage = lazy(() => import('./plan-list-page'));
const PlanDetailPage = lazy(() => import('./plan-detail-page'));
const FindingListPage = lazy(() => import('./finding-list-page'));
const OrderListPage = lazy(() => import('./order-list-page'));
const OrderIssuePage = lazy(() => import('./order-issue-page'));
const OrderDetailPage = lazy(() => import('./order-detail-page'));
const OverduePage = lazy(() => import('./overdue-page'));
const NoticeListPage = lazy(() => import('./notice-list-page'));
const BoardPage = lazy(() => import('./board-page'));

export const inspectionUi: ModuleUi = {
  key: 'inspection',
  routes: [
    { path: 'plans', element: createElement(PlanListPage), permission: 'inspection:read' },
    { path: 'plans/:id', element: createElement(PlanDetailPage), permission: 'inspection:read' },
    { path: 'findings', element: createElement(FindingListPage), permission: 'inspection:read' },
    { path: 'orders', element: createElement(OrderListPage), permission: 'inspection:read' },
    { path: 'orders/new', element: createElement(OrderIssuePage), permission: 'inspection:issue' },
    { path: 'orders/:id', element: createElement(OrderDetailPage), permission: 'inspection:read' },
    { path: 'overdue', element: createElement(OverduePage), permission: 'inspection:issue' },
    { path: 'notices', element: createElement(NoticeListPage), permission: 'inspection:read' },
    { path: 'board', element: createElement(BoardPage), permission: 'inspection:read' },
  ],
};
