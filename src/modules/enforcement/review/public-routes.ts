import { createRouter } from '../../../kernel';

/** Public API of the review area, mounted at /api/public/enforcement. */
export const reviewPublicRoutes = () => createRouter();
