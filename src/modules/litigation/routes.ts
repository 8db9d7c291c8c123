import { createRouter } from '../../kernel';

/** Staff API of 行政应诉, mounted at /api/litigation. */
export const litigationRoutes = () => createRouter();

export type LitigationRoutes = ReturnType<typeof litigationRoutes>;
