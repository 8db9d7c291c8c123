// Typed calls to the cases area's API: the route types come from the server's router (type-only import).
import { hc } from 'hono/client';
import type { casesRoutes } from '../../cases/routes';
import { apiFetch, type RequestOptions } from '../../../../web/api-client';

export type CasesRoutes = ReturnType<typeof casesRoutes>;

/** The typed client of /api/enforcement (cases area); failures go through the central error policy. */
export const casesApi = (options: RequestOptions = {}) => hc<CasesRoutes>('/api/enforcement', { fetch: apiFetch(options) });
