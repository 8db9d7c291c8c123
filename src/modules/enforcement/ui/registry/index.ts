// The registry area's pages (paths below /enforcement/).
import type { ModuleRoute } from '../../../../web/kit/module-ui';

export const registryUiRoutes: readonly ModuleRoute[] = [];
export const registryPublicUiRoutes: readonly Omit<ModuleRoute, 'permission'>[] = [];
