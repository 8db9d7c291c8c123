import { createRouter } from '../../../kernel';

/** Public API of the registry area, mounted at /api/public/enforcement. */
export const registryPublicRoutes = () => createRouter();
