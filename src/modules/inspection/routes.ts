import { createRouter } from '../../kernel';

/** Staff API of 法治督察, mounted at /api/inspection. */
export const inspectionRoutes = () => createRouter();

export type InspectionRoutes = ReturnType<typeof inspectionRoutes>;
