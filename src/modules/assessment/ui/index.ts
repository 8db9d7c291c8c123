// The 法治考核 module's browser side: routes under /assessment/….
import { createElement, lazy } from 'react';
import type { ModuleUi } from '../../../web/kit/module-ui';

const SchemeListPage = lazy(() => import('./scheme-list-page'));
const SchemeDetailPage = lazy(() => import('./scheme-detail-page'));
const DutyReportListPage = lazy(() => import('./duty-report-list-page'));
const DutyReportDetailPage = lazy(() => import('./duty-report-detail-page'));
const StudySessionListPage = lazy(() => import('./study-session-list-page'));
const ExamListPage = lazy(() => import('./exam-list-page'));
const ExamDetailPage = lazy(() => import('./exam-detail-page'));

export const assessmentUi: ModuleUi = {
  key: 'assessment',
  routes: [
    { path: 'schemes', element: createElement(SchemeListPage), permission: 'assessment:read' },
    { path: 'schemes/:id', element: createElement(SchemeDetailPage), permission: 'assessment:read' },
    { path: 'duty-reports', element: createElement(DutyReportListPage), permission: 'assessment:read' },
    { path: 'duty-reports/:id', element: createElement(DutyReportDetailPage), permission: 'assessment:read' },
    { path: 'study-sessions', element: createElement(StudySessionListPage), permission: 'assessment:read' },
    { path: 'exams', element: createElement(ExamListPage), permission: 'assessment:read' },
    { path: 'exams/:id', element: createElement(ExamDetailPage), permission: 'assessment:read' },
  ],
};
