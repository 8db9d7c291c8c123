// Typed calls to the reconsideration API: the route types come from the server's router (type-only import).
import { hc } from 'hono/client';
import type { ReconsiderationRoutes } from '../routes';
import { apiFetch, type RequestOptions } from '../../../web/api-client';

/** The typed client of /api/reconsideration; failures go through the central error policy. */
export const reconsiderationApi = (options: RequestOptions = {}) => hc<ReconsiderationRoutes>('/api/reconsideration', { fetch: apiFetch(options) });
