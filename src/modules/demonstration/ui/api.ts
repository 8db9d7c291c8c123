// Typed calls to the demonstration API: route types come from the server's router (type-only import).
import { hc } from 'hono/client';
import type { DemonstrationRoutes } from '../routes';
import { apiFetch, type RequestOptions } from '../../../web/api-client';

/** The typed client of /api/demonstration; failures go through the central error policy. */
export const demonstrationApi = (options: RequestOptions = {}) => hc<DemonstrationRoutes>('/api/demonstration', { fetch: apiFetch(options) });
