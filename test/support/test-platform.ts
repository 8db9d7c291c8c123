/**
 * Test support: a platform on a fresh database per test file (PGlite in memory, or a new database on
 * the PostgreSQL server of TEST_DATABASE_URL when TEST_DB=pg), a small jurisdiction with users of each
 * role, a controllable clock, and an HTTP client that keeps the session cookie and CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { openDatabase, runMigrations, type Database } from '../../src/kernel/db/client';
import { keyStoreFromMaster } from '../../src/kernel/crypto/key-store';
import { systemCtx, type Ctx, type PlatformConfig } from '../../src/kernel/context';
import { seedHolidayTable } from '../../src/kernel/calendar/calendar-service';
import { loadActor } from '../../src/kernel/auth/load-actor';
import { insertOrg } from '../../src/kernel/org/org-service';
import { insertUser } from '../../src/kernel/auth/user-service';
import { appUser, orgUnit, role, type OrgKind } from '../../src/kernel/db/schema';
import type { ModuleDefinition, TestUnitKey, TestUserDef } from '../../src/kernel/module/define-module';
import { createPlatform, MIGRATIONS_DIR, SEED_HOLIDAY_YEARS, type Platform } from '../../src/app/platform';
import { modules as appModules } from '../../src/app/modules';
import { seedBuiltinRoles } from '../../src/app/seed/demo';
import { builtinRoles } from '../../src/app/seed/builtin-roles';

export const TEST_PASSWORD = 'Test@Passw0rd!';

/** A settable clock; starts at the given instant (Asia/Shanghai wall time if no zone is given). */
export class TestClock {
  private t: number;
  constructor(start: string) {
    this.t = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(start) ? start : `${start}+08:00`).getTime();
  }
  now = (): Date => new Date(this.t);
  set(at: string): void {
    this.t = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(at) ? at : `${at}+08:00`).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceMinutes(m: number): void {
    this.advance(m * 60_000);
  }
}

const TEMPLATE_DIR = join(process.cwd(), '.tmp', 'test-templates');

// The template's identity: a changed migration, this file, or a changed role or test user (wherever a
// module declares it) builds a new one.
const templateKey = (): string => {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')).sort()) h.update(readFileSync(join(MIGRATIONS_DIR, f)));
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  h.update(JSON.stringify({ roles: builtinRoles(appModules), users: testUsers(appModules) }));
  return h.digest('hex').slice(0, 16);
};

/** Fills a migrated database with the test jurisdiction and its users (done once, into the template). */
const buildTemplateData = async (database: Database): Promise<void> => {
  await runMigrations(database, MIGRATIONS_DIR);
  await seedHolidayTable(database.db, SEED_HOLIDAY_YEARS);
  await seedBuiltinRoles(database.db, appModules);
  const db = database.db;
  const ids = {} as TestUnits;
  await db.transaction(async (tx) => {
    for (const [key, parent, name, short, kind] of UNITS) {
      ids[key] = (await insertOrg(tx, { parentId: parent ? ids[parent] : null, name, shortName: short, kind })).id;
    }
  });
  const roles = await db.select().from(role);
  for (const [username, { unit, roles: codes }] of Object.entries(testUsers(appModules))) {
    await insertUser(db, {
      username,
      displayName: username,
      orgId: ids[unit],
      roleIds: codes.map((c) => {
        const found = roles.find((r) => r.code === c);
        if (!found) throw new Error(`测试用户 ${username} 的角色 ${c} 不存在`);
        return found.id;
      }),
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
  }
};

const withFileLock = async <T>(lockPath: string, fn: () => Promise<T>): Promise<T> => {
  for (let i = 0; ; i += 1) {
    try {
      closeSync(openSync(lockPath, 'wx'));
      break;
    } catch {
      if (i > 1200) throw new Error(`等待测试模板锁超时：${lockPath}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
};

const openTestDatabase = async (): Promise<{ database: Database; drop: () => Promise<void> }> => {
  const key = templateKey();
  if (process.env.TEST_DB === 'pg') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DB=pg 需要 TEST_DATABASE_URL');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const template = `tpl_${key}`;
    const withDb = (name: string) => {
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    };
    // One process builds the template database; the others wait on the advisory lock.
    await admin.query('select pg_advisory_lock(7201099)');
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${template}`);
        const t = await openDatabase({ databaseUrl: withDb(template) });
        await buildTemplateData(t);
        await t.close();
      }
    } finally {
      await admin.query('select pg_advisory_unlock(7201099)');
    }
    const name = `t_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDb(name), poolSize: 20 });
    return {
      database,
      drop: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const file = join(TEMPLATE_DIR, `${key}.tar`);
  if (!existsSync(file)) {
    await withFileLock(`${file}.lock`, async () => {
      if (existsSync(file)) return;
      const t = await openDatabase({ pgliteDir: 'memory://' });
      await buildTemplateData(t);
      const dump = await t.pglite!.dumpDataDir('none');
      await t.close();
      writeFileSync(`${file}.part`, Buffer.from(await dump.arrayBuffer()));
      renameSync(`${file}.part`, file);
    });
  }
  const database = await openDatabase({ pgliteDir: 'memory://', loadDataDir: new Blob([readFileSync(file)]) });
  return { database, drop: () => database.close() };
};

/** Ids of the units of the test world (the keys are TestUnitKey, which modules' test users name). */
export type TestUnits = Record<TestUnitKey, number>;

export interface TestWorld {
  platform: Platform;
  clock: TestClock;
  units: TestUnits;
  users: Record<string, number>;
  /** A use-case context acting as the named user. */
  ctxAs(username: string): Promise<Ctx>;
  systemCtx(): Ctx;
  /** An HTTP client signed in as the named user (admins pass TOTP enrolment automatically). */
  login(username: string): Promise<TestClient>;
  /** A client without a session; `ip` sets the peer address the server sees. */
  anonymous(ip?: string): TestClient;
  close(): Promise<void>;
}

const TEST_CONFIG = (dataDir: string): PlatformConfig => ({
  production: false,
  dataDir,
  filesDir: join(dataDir, 'files'),
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  maxUploadBytes: 1024 * 1024,
  cookieSecure: false,
});

// Units of the test world: key, parent key, name, short name, kind.
const UNITS: [keyof TestUnits, keyof TestUnits | null, string, string, OrgKind][] = [
  ['city', null, '测试市', '测市', 'city'],
  ['cityOffice', 'city', '测试市依法治市办', '测治办', 'committee_office'],
  ['countyA', 'city', '甲县', '甲县', 'county'],
  ['countyAGov', 'countyA', '甲县人民政府办公室', '甲政办', 'department'],
  ['countyADept', 'countyA', '甲县自然资源局', '甲自然资', 'department'],
  ['townA', 'countyA', '甲镇', '甲镇', 'town'],
  ['countyB', 'city', '乙县', '乙县', 'county'],
  ['countyBGov', 'countyB', '乙县人民政府办公室', '乙政办', 'department'],
  ['countyAJustice', 'countyA', '甲县司法局', '甲司', 'justice_bureau'],
];

// The kernel's users of the test world (administrators and the shared roles); each module adds its own
// (`testUsers` in its declaration).
const KERNEL_TEST_USERS: Record<string, TestUserDef> = {
  sysadmin: { unit: 'cityOffice', roles: ['system_admin'] },
  secadmin: { unit: 'cityOffice', roles: ['security_admin'] },
  auditor: { unit: 'cityOffice', roles: ['audit_admin'] },
  office: { unit: 'cityOffice', roles: ['rule_of_law_office'] },
  leaderA: { unit: 'countyA', roles: ['leader'] },
  leaderB: { unit: 'countyB', roles: ['leader'] },
  liaisonA: { unit: 'countyADept', roles: ['department_liaison'] },
  liaisonAGov: { unit: 'countyAGov', roles: ['department_liaison'] },
  liaisonB: { unit: 'countyBGov', roles: ['department_liaison'] },
};

/** Users of the test world: the kernel's, then each module's in module order. */
export const testUsers = (modules: readonly ModuleDefinition[]): Record<string, TestUserDef> => {
  const users: Record<string, TestUserDef> = { ...KERNEL_TEST_USERS };
  for (const m of modules) {
    for (const [username, def] of Object.entries(m.testUsers ?? {})) {
      if (Object.hasOwn(users, username)) throw new Error(`测试用户 ${username} 重复（模块 ${m.manifest.key}）`);
      users[username] = def;
    }
  }
  return users;
};

/** Builds a fresh platform with the test jurisdiction. `now` is Asia/Shanghai wall time. */
export const createTestWorld = async (opts: { now?: string; modules?: ModuleDefinition[]; config?: Partial<PlatformConfig> } = {}): Promise<TestWorld> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fz-test-'));
  const clock = new TestClock(opts.now ?? '2026-11-23T09:00:00');
  const { database, drop } = await openTestDatabase();
  const platform = await createPlatform({
    config: { ...TEST_CONFIG(dataDir), ...opts.config },
    modules: opts.modules ?? appModules,
    database,
    keys: keyStoreFromMaster(Buffer.alloc(32, 7)),
    clock: clock.now,
  });
  const sys = () => systemCtx(platform.services);
  const db = platform.services.db;
  const orgRows = await db.select({ id: orgUnit.id, name: orgUnit.name }).from(orgUnit);
  const units = Object.fromEntries(UNITS.map(([key, , name]) => [key, orgRows.find((o) => o.name === name)!.id])) as unknown as TestUnits;
  const userRows = await db.select({ id: appUser.id, username: appUser.username }).from(appUser);
  const users = Object.fromEntries(userRows.map((u) => [u.username, u.id]));
  const world: TestWorld = {
    platform,
    clock,
    units,
    users,
    ctxAs: async (username) => ({ ...sys(), actor: await loadActor(db, users[username]!) }),
    systemCtx: sys,
    login: async (username) => {
      const client = new TestClient(platform);
      await client.signIn(username, TEST_PASSWORD);
      return client;
    },
    anonymous: (ip?: string) => new TestClient(platform, ip),
    close: async () => {
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
};

export interface TestResponse<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are checked by assertions
  status: number;
  body: T;
  headers: Headers;
  raw: Buffer;
}

/** An HTTP client on `app.request` that keeps the session cookie and sends the CSRF token on mutations. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  /** `ip`: the peer address the server sees (none by default, as for an in-process call). */
  constructor(
    private readonly platform: Platform,
    private readonly ip?: string,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const env = this.ip ? { incoming: { socket: { remoteAddress: this.ip } } } : undefined;
    const res = await this.platform.app.request(path, { method, headers: h, ...(payload !== undefined ? { body: payload } : {}) }, env);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = setCookie.match(/^([^=]+)=([^;]*)/);
      if (m) this.cookie = m[2] ? `${m[1]}=${m[2]}` : null;
    }
    const raw = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? JSON.parse(raw.toString('utf8') || 'null') : raw.toString('utf8');
    if (parsed && typeof parsed === 'object' && typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed, headers: res.headers, raw };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  put = (path: string, body?: unknown) => this.request('PUT', path, body ?? {});
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body ?? {});

  /** Logs in; an admin account enrols TOTP on the way (as the UI does) so the session is usable. */
  async signIn(username: string, password: string): Promise<void> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`登录失败 ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.next === 'mfa_enroll') {
      const { totpAt, totpStep } = await import('../../src/kernel/auth/totp');
      const enrol = await this.post('/api/auth/mfa/enroll');
      const code = totpAt(enrol.body.secret, totpStep(this.platform.services.clock()));
      const confirm = await this.post('/api/auth/mfa/enroll/confirm', { code });
      if (confirm.status !== 200) throw new Error(`绑定动态口令失败: ${JSON.stringify(confirm.body)}`);
      this.totpSecret = enrol.body.secret;
    }
    await this.get('/api/auth/me');
  }
  totpSecret: string | null = null;
}

/** Looks up the id of a user by name. */
export const userId = async (world: TestWorld, username: string) => world.users[username];
export { eq };
