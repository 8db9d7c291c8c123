import { createRouter } from '../../../kernel';

/** Staff API of the registry area, mounted at /api/enforcement. */
export const registryRoutes = () => createRouter();
