import { createRouter } from '../../../kernel';

/** Staff API of the cases area, mounted at /api/enforcement. */
export const casesRoutes = () => createRouter();
