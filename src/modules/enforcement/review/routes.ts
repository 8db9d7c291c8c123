import { createRouter } from '../../../kernel';

/** Staff API of the review area, mounted at /api/enforcement. */
export const reviewRoutes = () => createRouter();
