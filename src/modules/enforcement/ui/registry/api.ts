// Typed calls to the registry area's API: the route types come from the server's router (type-only import).
import { hc } from 'hono/client';
import type { registryRoutes } from '../../registry/routes';
import { apiFetch, type RequestOptions } from '../../../../web/api-client';

export type RegistryRoutes = ReturnType<typeof registryRoutes>;

/** The typed client of /api/enforcement (registry routes); failures go through the central error policy. */
export const registryApi = (options: RequestOptions = {}) => hc<RegistryRoutes>('/api/enforcement', { fetch: apiFetch(options) });
