import { createRouter } from '../../kernel';
import { casesPublicRoutes } from './cases/public-routes';
import { casesRoutes } from './cases/routes';
import { registryPublicRoutes } from './registry/public-routes';
import { registryRoutes } from './registry/routes';
import { reviewPublicRoutes } from './review/public-routes';
import { reviewRoutes } from './review/routes';

/** Staff API of 行政执法监督, mounted at /api/enforcement: the three areas' routers side by side. */
export const enforcementRoutes = () => createRouter().route('/', registryRoutes()).route('/', casesRoutes()).route('/', reviewRoutes());

/** Public portal API (行政执法公示, 裁量基准, 投诉), mounted at /api/public/enforcement: the areas' public routers. */
export const enforcementPublicRoutes = () =>
  createRouter().route('/', registryPublicRoutes()).route('/', casesPublicRoutes()).route('/', reviewPublicRoutes());

export type EnforcementRoutes = ReturnType<typeof enforcementRoutes>;
