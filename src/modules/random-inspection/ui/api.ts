// Typed calls to the random-inspection API: the route types come from the server's router (type-only import).
import { hc } from 'hono/client';
import type { RandomInspectionRoutes } from '../routes';
import { apiFetch, type RequestOptions } from '../../../web/api-client';

/** The typed client of /api/random-inspection; failures go through the central error policy. */
export const randomInspectionApi = (options: RequestOptions = {}) => hc<RandomInspectionRoutes>('/api/random-inspection', { fetch: apiFetch(options) });
