// Typed calls to the 法治考核 API: route types come from the server's router (type-only import).
import { hc } from 'hono/client';
import type { AssessmentRoutes } from '../routes';
import { apiFetch, type RequestOptions } from '../../../web/api-client';

/** The typed client of /api/assessment; failures go through the central error policy. */
export const assessmentApi = (options: RequestOptions = {}) => hc<AssessmentRoutes>('/api/assessment', { fetch: apiFetch(options) });
