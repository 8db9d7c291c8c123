import { createRouter } from '../../kernel';

/** Staff API of 示范创建, mounted at /api/demonstration. */
export const demonstrationRoutes = () => createRouter();

export type DemonstrationRoutes = ReturnType<typeof demonstrationRoutes>;
