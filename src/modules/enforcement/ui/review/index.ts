// The review area's pages (paths below /enforcement/), and the public 网上投诉 page (/portal/enforcement/complaint).
import { createElement, lazy } from 'react';
import type { ModuleRoute } from '../../../../web/kit/module-ui';

const ReviewListPage = lazy(() => import('./review-list-page'));
const ReviewDetailPage = lazy(() => import('./review-detail-page'));
const DocListPage = lazy(() => import('./doc-list-page'));
const DocDetailPage = lazy(() => import('./doc-detail-page'));
const ComplaintListPage = lazy(() => import('./complaint-list-page'));
const ComplaintDetailPage = lazy(() => import('./complaint-detail-page'));
const CampaignListPage = lazy(() => import('./campaign-pages').then((m) => ({ default: m.CampaignListPage })));
const CampaignDetailPage = lazy(() => import('./campaign-pages').then((m) => ({ default: m.CampaignDetailPage })));
const SupervisorsPage = lazy(() => import('./supervisors-page'));
const BoardPage = lazy(() => import('./board-page'));
const PortalComplaintPage = lazy(() => import('./portal-complaint-page'));

const READ = 'enforcement:read';
export const reviewUiRoutes: readonly ModuleRoute[] = [
  { path: 'reviews', element: createElement(ReviewListPage), permission: READ },
  { path: 'reviews/:id', element: createElement(ReviewDetailPage), permission: READ },
  { path: 'supervision', element: createElement(DocListPage), permission: READ },
  { path: 'supervision/:id', element: createElement(DocDetailPage), permission: READ },
  { path: 'complaints', element: createElement(ComplaintListPage), permission: READ },
  { path: 'complaints/:id', element: createElement(ComplaintDetailPage), permission: READ },
  { path: 'campaigns', element: createElement(CampaignListPage), permission: READ },
  { path: 'campaigns/:id', element: createElement(CampaignDetailPage), permission: READ },
  { path: 'supervisors', element: createElement(SupervisorsPage), permission: READ },
  { path: 'supervision-board', element: createElement(BoardPage), permission: READ },
];
export const reviewPublicUiRoutes: readonly Omit<ModuleRoute, 'permission'>[] = [{ path: 'complaint', element: createElement(PortalComplaintPage) }];
