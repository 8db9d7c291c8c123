import { createRouter } from '../../kernel';

/** Staff API of 行政复议, mounted at /api/reconsideration. */
export const reconsiderationRoutes = () => createRouter();

export type ReconsiderationRoutes = ReturnType<typeof reconsiderationRoutes>;
