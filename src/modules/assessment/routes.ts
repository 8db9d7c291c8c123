import { createRouter } from '../../kernel';

/** Staff API of 法治考核, mounted at /api/assessment. */
export const assessmentRoutes = () => createRouter();

export type AssessmentRoutes = ReturnType<typeof assessmentRoutes>;
