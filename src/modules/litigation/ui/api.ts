// Typed calls to the litigation API: the route types come from the server's router (type-only import).
import { hc } from 'hono/client';
import type { LitigationRoutes } from '../routes';
import { apiFetch, type RequestOptions } from '../../../web/api-client';

/** The typed client of /api/litigation; failures go through the central error policy. */
export const litigationApi = (options: RequestOptions = {}) => hc<LitigationRoutes>('/api/litigation', { fetch: apiFetch(options) });
