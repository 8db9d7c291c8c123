import { createRouter } from '../../../kernel';

/** Public API of the cases area (行政执法公示), mounted at /api/public/enforcement. */
export const casesPublicRoutes = () => createRouter();
