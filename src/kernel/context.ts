import type { Db, DbOrTx } from './db/client';
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
  /** The database, or the transaction the use case runs in (see `inTransaction`). */
  db: DbOrTx;
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

/**
 * Runs `fn` in one transaction, handing it a context whose `db` is that transaction (a savepoint when
 * `ctx` is already inside one): use cases take `ctx` alone, and whatever they call joins the transaction.
 */
export const inTransaction = <T>(ctx: Ctx, fn: (txCtx: Ctx) => Promise<T>): Promise<T> => ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
