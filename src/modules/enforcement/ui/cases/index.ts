// The cases area's pages (paths below /enforcement/).
import type { ModuleRoute } from '../../../../web/kit/module-ui';

export const casesUiRoutes: readonly ModuleRoute[] = [];
export const casesPublicUiRoutes: readonly Omit<ModuleRoute, 'permission'>[] = [];
