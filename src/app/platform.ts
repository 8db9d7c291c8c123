import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { openDatabase, runMigrations, type Database } from '../kernel/db/client';
import { loadKeyStore, type KeyStore } from '../kernel/crypto/key-store';
import { CalendarService, seedHolidayTable } from '../kernel/calendar/calendar-service';
import { ModuleRegistry } from '../kernel/module/registry';
import type { KernelServices, PlatformConfig } from '../kernel/context';
import type { ModuleDefinition } from '../kernel/module/define-module';
import type { AppEnv } from '../kernel/http/app-env';
import { contextMiddleware, sessionMiddleware } from '../kernel/http/middleware';
import { errorHandler } from '../kernel/http/error-handler';
import { rejectControlCharacters } from '../kernel/http/control-characters';
import { AppError } from '../kernel/errors/app-error';
import { validationHook } from '../kernel/http/validation';
import { authRoutes } from '../kernel/auth/routes';
import { auditRoutes, securityRoutes, systemRoutes } from '../kernel/http/admin-routes';
import { homeRoutes } from '../kernel/http/home-routes';
import { attachmentRoutes } from '../kernel/attachments/routes';
import { reportRoutes } from '../kernel/http/report-routes';
import { renderApiDocs } from './api-docs';
import { OutboxDispatcher, outboxNudge } from '../kernel/events/dispatch-outbox';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MIGRATIONS_DIR = join(ROOT, 'drizzle');
const WEB_DIR = join(ROOT, 'dist-web');
// The holiday table ships with these years (chinese-days 1.5.7 has data up to 2026).
export const SEED_HOLIDAY_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

export interface Platform {
  app: OpenAPIHono<AppEnv>;
  services: KernelServices;
  database: Database;
  /** Hands outbox events to subscribing modules; idle until `start()` (main.ts starts it). */
  outbox: OutboxDispatcher;
  close(): Promise<void>;
}

export interface CreatePlatformOptions {
  config: PlatformConfig;
  modules: readonly ModuleDefinition[];
  databaseUrl?: string | undefined;
  pgliteDir?: string;
  keys?: KeyStore;
  clock?: () => Date;
  /** An already opened database (tests share one per file). */
  database?: Database;
  serveWeb?: boolean;
}

/** Opens the database, applies migrations, checks the module declarations and builds the HTTP app. */
export const createPlatform = async (opts: CreatePlatformOptions): Promise<Platform> => {
  const registry = new ModuleRegistry(opts.modules);
  const database =
    opts.database ??
    (await openDatabase({ databaseUrl: opts.databaseUrl, pgliteDir: opts.pgliteDir ?? join(opts.config.dataDir, 'pgdata') }));
  try {
    await runMigrations(database, MIGRATIONS_DIR);
    await seedHolidayTable(database.db, SEED_HOLIDAY_YEARS);
  } catch (err) {
    if (!opts.database) await database.close().catch(() => undefined);
    throw err;
  }
  const services: KernelServices = {
    db: database.db,
    dbKind: database.kind,
    keys: opts.keys ?? loadKeyStore(join(opts.config.dataDir, 'keys', 'master.key')),
    calendar: new CalendarService(database.db),
    registry,
    config: opts.config,
    clock: opts.clock ?? (() => new Date()),
  };
  const outbox = new OutboxDispatcher(services);
  const app = buildApp(services, opts.serveWeb ?? false, outbox);
  return {
    app,
    services,
    database,
    outbox,
    close: async () => {
      await outbox.stop();
      await database.close();
    },
  };
};

/** The HTTP app: kernel routes, each module's staff and portal routes, the OpenAPI document and the web build. */
export const buildApp = (services: KernelServices, serveWeb: boolean, outbox?: OutboxDispatcher): OpenAPIHono<AppEnv> => {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.onError(errorHandler);
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) throw new AppError('NOT_FOUND', '接口不存在');
    return c.text('Not Found', 404);
  });
  app.use('*', contextMiddleware(services));
  // Subscribers see a mutation's events within a second (the interval in main.ts catches the rest).
  if (outbox) app.use('/api/*', outboxNudge(outbox));
  // Uploads are checked again per file; this stops a huge body before it is read.
  app.use('/api/*', bodyLimit({ maxSize: services.config.maxUploadBytes + 1024 * 1024, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE'); } }));
  app.use('/api/*', rejectControlCharacters());
  app.use('/api/*', sessionMiddleware(services));

  app.route('/api/auth', authRoutes());
  app.route('/api', homeRoutes());
  app.route('/api/system', systemRoutes());
  app.route('/api/security', securityRoutes());
  app.route('/api/audit', auditRoutes());
  app.route('/api/attachments', attachmentRoutes());
  app.route('/api/reports', reportRoutes());
  for (const m of services.registry.modules) {
    app.route(`/api/${m.manifest.key}`, m.routes());
    if (m.publicRoutes) app.route(`/api/public/${m.manifest.key}`, m.publicRoutes());
  }

  const openapiConfig = {
    openapi: '3.1.0',
    info: { title: '法治政府建设综合管理平台 API', version: '0.1.0', description: '错误响应统一为 { code, message, details, requestId }，message 为中文。' },
  };
  app.doc31('/api/openapi.json', openapiConfig);
  app.get('/api/docs', (c) => c.html(renderApiDocs(app.getOpenAPI31Document(openapiConfig) as never)));

  if (serveWeb && existsSync(join(WEB_DIR, 'index.html'))) {
    const indexHtml = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: WEB_DIR }));
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)));
  }
  return app;
};
