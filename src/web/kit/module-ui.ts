// The browser side of a business module: the routes it mounts under `/<key>/…`.
// A module's ui/index.ts exports exactly one of these; src/web/modules.ts finds them.
import type { ReactNode } from 'react';

export interface ModuleRoute {
  /** Path below `/<key>/`, e.g. 'requests' or 'requests/:id'. */
  path: string;
  /** Usually a React.lazy page, so each module's pages load on demand. */
  element: ReactNode;
  /** Full permission code needed to open the page (e.g. 'disclosure:read'); checked by the shell. */
  permission?: string;
}

export interface ModuleUi {
  /** The module key (same as its manifest key); routes mount under `/<key>/`. */
  key: string;
  routes: readonly ModuleRoute[];
  /** Public pages (no login), mounted under `/portal/<key>/…`; '' is `/portal/<key>` itself. */
  publicRoutes?: readonly Omit<ModuleRoute, 'permission'>[];
  /** Where `/portal` leads: the module whose public pages the portal opens on (one module sets it). */
  portalHome?: boolean;
}
