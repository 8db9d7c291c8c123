// The review area's pages (paths below /enforcement/).
import type { ModuleRoute } from '../../../../web/kit/module-ui';

export const reviewUiRoutes: readonly ModuleRoute[] = [];
export const reviewPublicUiRoutes: readonly Omit<ModuleRoute, 'permission'>[] = [];
