// Typed calls to the disclosure API: the route types come from the server's router (type-only import),
// so a changed request or response shape is a compile error here rather than a runtime surprise.
import { hc } from 'hono/client';
import type { DisclosureRoutes } from '../routes';
import { apiFetch, type RequestOptions } from '../../../web/api-client';

/** The typed client of /api/disclosure; failures go through the central error policy. */
export const disclosureApi = (options: RequestOptions = {}) => hc<DisclosureRoutes>('/api/disclosure', { fetch: apiFetch(options) });
