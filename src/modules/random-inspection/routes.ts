import { createRouter } from '../../kernel';

/** Staff API of 双随机一公开, mounted at /api/random-inspection. */
export const randomInspectionRoutes = () => createRouter();

export type RandomInspectionRoutes = ReturnType<typeof randomInspectionRoutes>;
