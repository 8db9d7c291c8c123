// Typed calls to the inspection API: the route types come from the server's router (type-only import).
import { hc } from 'hono/client';
import type { InspectionRoutes } from '../routes';
import { apiFetch, type RequestOptions } from '../../../web/api-client';

/** The typed client of /api/inspection; failures go through the central error policy. */
export const inspectionApi = (options: RequestOptions = {}) => hc<InspectionRoutes>('/api/inspection', { fetch: apiFetch(options) });
