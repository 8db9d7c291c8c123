// The registry area's pages (paths below /enforcement/) and its portal page (/portal/enforcement/benchmarks).
import { createElement, lazy } from 'react';
import type { ModuleRoute } from '../../../../web/kit/module-ui';

const BodiesPage = lazy(() => import('./bodies-page'));
const BodyDetailPage = lazy(() => import('./body-detail-page'));
const OfficersPage = lazy(() => import('./officers-page'));
const OfficerDetailPage = lazy(() => import('./officer-detail-page'));
const CertificatesPage = lazy(() => import('./certificates-page'));
const CertificateRedirectPage = lazy(() => import('./certificate-redirect-page'));
const ItemsPage = lazy(() => import('./items-page'));
const ItemDetailPage = lazy(() => import('./item-detail-page'));
const ListsPage = lazy(() => import('./lists-page'));
const RegistryBoardPage = lazy(() => import('./board-page'));
const PortalBenchmarksPage = lazy(() => import('./portal-benchmarks-page'));

const READ = 'enforcement:read';

export const registryUiRoutes: readonly ModuleRoute[] = [
  { path: 'bodies', element: createElement(BodiesPage), permission: READ },
  { path: 'bodies/:id', element: createElement(BodyDetailPage), permission: READ },
  { path: 'officers', element: createElement(OfficersPage), permission: READ },
  { path: 'officers/:id', element: createElement(OfficerDetailPage), permission: READ },
  { path: 'certificates', element: createElement(CertificatesPage), permission: READ },
  { path: 'certificates/cleanup', element: createElement(CertificatesPage), permission: READ },
  { path: 'certificates/:id', element: createElement(CertificateRedirectPage), permission: READ },
  { path: 'items', element: createElement(ItemsPage), permission: READ },
  { path: 'items/:id', element: createElement(ItemDetailPage), permission: READ },
  { path: 'lists', element: createElement(ListsPage), permission: READ },
  { path: 'registry-board', element: createElement(RegistryBoardPage), permission: READ },
];
export const registryPublicUiRoutes: readonly Omit<ModuleRoute, 'permission'>[] = [{ path: 'benchmarks', element: createElement(PortalBenchmarksPage) }];
