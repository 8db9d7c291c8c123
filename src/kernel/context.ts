import type { Db } from './db/client';
import type { AdminKind, DataScope } from './db/schema';
import type { KeyStore } from './crypto/key-store';
import type { CalendarService } from './calendar/calendar-service';
import type { ModuleRegistry } from './module/registry';

/** The signed-in staff member, with the data scope of each permission they hold. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgPath: string;
  /** Path of the actor's 辖区: the nearest city/county/town unit at or above the actor's unit. */
  jurisdictionPath: string;
  orgName: string;
  adminKind: AdminKind | null;
  /** Permission code → the broadest scope any of the actor's roles gives it. */
  grants: Record<string, DataScope>;
  roleNames: string[];
}

export interface PlatformConfig {
  production: boolean;
  dataDir: string;
  filesDir: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  maxUploadBytes: number;
  cookieSecure: boolean;
  /** Behind one reverse proxy: the client address is the last X-Forwarded-For entry, not the socket's. */
  trustProxy?: boolean;
}

/** Services every use case may reach through `ctx`. */
export interface KernelServices {
  db: Db;
  dbKind: 'pglite' | 'pg';
  keys: KeyStore;
  calendar: CalendarService;
  registry: ModuleRegistry;
  config: PlatformConfig;
  /** The clock; tests replace it to make deadline and session timing exact. */
  clock: () => Date;
}

/** What a use case receives: who acts, when, and the services. */
export interface Ctx {
  services: KernelServices;
  db: Db;
  actor: Actor | null;
  now: Date;
  requestId: string;
  ip: string | null;
}

/** A context for jobs and scripts, acting as the system. */
export const systemCtx = (services: KernelServices, requestId = 'system'): Ctx => ({
  services,
  db: services.db,
  actor: null,
  now: services.clock(),
  requestId,
  ip: null,
});
