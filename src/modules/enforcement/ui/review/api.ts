// Typed calls to the review area's API: the route types come from the server's router (type-only import).
import { hc } from 'hono/client';
import type { reviewRoutes } from '../../review/routes';
import { apiFetch, type RequestOptions } from '../../../../web/api-client';

/** The typed client of /api/enforcement (review area); failures go through the central error policy. */
export const reviewApi = (options: RequestOptions = {}) => hc<ReturnType<typeof reviewRoutes>>('/api/enforcement', { fetch: apiFetch(options) });
