// The enforcement module's browser side: routes under /enforcement/… from its three areas, and the
// public 行政执法公示 pages under /portal/enforcement.
import type { ModuleUi } from '../../../web/kit/module-ui';
import { casesPublicUiRoutes, casesUiRoutes } from './cases';
import { registryPublicUiRoutes, registryUiRoutes } from './registry';
import { reviewPublicUiRoutes, reviewUiRoutes } from './review';

export const enforcementUi: ModuleUi = {
  key: 'enforcement',
  routes: [...registryUiRoutes, ...casesUiRoutes, ...reviewUiRoutes],
  publicRoutes: [...registryPublicUiRoutes, ...casesPublicUiRoutes, ...reviewPublicUiRoutes],
};
