// The demonstration module's browser side: routes under /demonstration/….
import { createElement, lazy } from 'react';
import type { ModuleUi } from '../../../web/kit/module-ui';

const IndicatorTreePage = lazy(() => import('./indicator-tree-page'));
const AssignmentListPage = lazy(() => import('./assignment-list-page'));
const AssignmentDetailPage = lazy(() => import('./assignment-detail-page'));
const TaskCreatePage = lazy(() => import('./task-create-page'));
const BoardPage = lazy(() => import('./board-page'));

export const demonstrationUi: ModuleUi = {
  key: 'demonstration',
  routes: [
    { path: 'indicators', element: createElement(IndicatorTreePage), permission: 'demonstration:read' },
    { path: 'assignments', element: createElement(AssignmentListPage), permission: 'demonstration:read' },
    { path: 'assignments/:id', element: createElement(AssignmentDetailPage), permission: 'demonstration:read' },
    { path: 'tasks/new', element: createElement(TaskCreatePage), permission: 'demonstration:manage' },
    { path: 'board', element: createElement(BoardPage), permission: 'demonstration:read' },
  ],
};
