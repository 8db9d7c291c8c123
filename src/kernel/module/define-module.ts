import type { Hono } from 'hono';
import type { Ctx } from '../context';
import type { DataScope } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import type { Manifest } from '../shared/define-manifest';

/** A figure for the annual report, computed by SQL under the actor's data scope. */
export interface StatisticDef {
  /** Stable id, e.g. `disclosure.received`. */
  id: string;
  /** Report section, e.g. 政府信息公开. */
  section: string;
  label: string;
  unit: '件' | '%' | '次' | '人' | '本' | '个' | '小时' | '分';
  /**
   * The figure for `year` within the actor's data scope; with `orgId`, only records of that unit and the
   * units below it (for per-unit scoring and boards). Null when the figure is undefined (a rate of nothing).
   */
  compute: (args: { ctx: Ctx; year: number; orgId?: number | undefined }) => Promise<number | null>;
}

/** A record type of a module that carries a workflow: its URL segment and who handles its deadlines. */
export interface EntityDef {
  /** Path segment under the module in the web app, e.g. `requests` → /disclosure/requests/:id. */
  path: string;
  /** Permission (module-local code) whose holders get its deadline to-dos. */
  handlerPermission: string;
  /** SQL expression over alias `r` giving a short title of a record, for to-dos. */
  titleSql: string;
  /** The table name, aliased `r` in `titleSql`. */
  table: string;
  /** Permission (module-local) whose holders see this record's deadlines in the overdue list; default `read`. */
  readPermission?: string;
}

/**
 * 风险预警: a unit a module judges at risk (e.g. 行政应诉 red: many lost cases, heads not appearing),
 * beside the overdue deadlines in 督察's list. `list` must apply the actor's data scope itself.
 */
export interface RiskSignal {
  /** Stable key of the signal within the module, e.g. `agency-color:17`. */
  key: string;
  level: 'red' | 'yellow';
  orgId: number;
  orgName: string;
  /** Short title, e.g. 甲县自然资源局 行政应诉红色预警. */
  title: string;
  /** Why: the figures that crossed the thresholds, in Chinese. */
  reason: string;
  /** Web path of the page explaining it, e.g. /litigation/warnings?orgId=17. */
  link: string;
}

export interface RiskSignalSource {
  label: string;
  /** Module-local permission needed to see the signals. */
  permission: string;
  list: (args: { ctx: Ctx; orgId?: number | undefined }) => Promise<RiskSignal[]>;
}

/** An outbox event as handed to a subscriber: ids only in the payload (no personal data). */
export interface OutboxEventView {
  id: number;
  /** `${module}.${entity}.${transition}` for workflow transitions. */
  type: string;
  payload: unknown;
  createdAt: Date;
}

/**
 * A subscriber to one event type. It runs after the emitting transaction committed, in its own transaction
 * (`ctx.db`), acting as the system (`ctx.actor` is null: it must limit what it touches itself). Its success
 * is recorded in the same transaction, so it runs once per event; a throw rolls its work back and it is
 * retried with backoff.
 */
export type EventConsumer = (args: { ctx: Ctx; event: OutboxEventView }) => Promise<void>;

/**
 * Who may see and who may add the attachments of one record type. Both are required, so a module states
 * who uploads (usually the holders of an acting permission over the record) instead of letting reading
 * imply writing. Each throws NOT_FOUND / FORBIDDEN to refuse.
 */
export interface AttachmentOwner {
  read: (args: { ctx: Ctx; ownerId: number }) => Promise<void>;
  write: (args: { ctx: Ctx; ownerId: number }) => Promise<void>;
}

/** A built-in role a module introduces (seeded at every start; the security administrator may edit it). */
export interface ModuleRoleDef {
  code: string;
  name: string;
  scope: DataScope;
  /** The module's own permission codes (`read`), and kernel permissions written in full (`report:read`). */
  permissions: readonly string[];
}

/** A demo account (示范市, password DEMO_PASSWORD), seeded into an empty non-production database. */
export interface DemoUserDef {
  username: string;
  displayName: string;
  /** Full name of a unit of the demo jurisdiction, e.g. 青山县司法局 (src/app/seed/demo.ts). */
  unit: string;
  roles: readonly string[];
}

/** Units of the test world (test/support/test-platform.ts) that test users may sit in. */
export type TestUnitKey = 'city' | 'cityOffice' | 'countyA' | 'countyAGov' | 'countyADept' | 'townA' | 'countyB' | 'countyBGov' | 'countyAJustice';

/** A user of the test world: its unit and role codes. */
export interface TestUserDef {
  unit: TestUnitKey;
  roles: readonly string[];
}

/** The server-side declaration of a module: one per module folder. */
export interface ModuleDefinition {
  manifest: Manifest;
  /** Staff API, mounted at /api/<key>; authentication is applied by the kernel. */
  routes: () => Hono<AppEnv, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each module's own route schema
  /** Public portal API, mounted at /api/public/<key>; no login. */
  publicRoutes?: () => Hono<AppEnv, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- as above
  /** Numbering sequences, e.g. `{ reply: { pattern: '{unit}依申复〔{year}〕{seq}号', label: '答复书文号' } }`. */
  numbering?: Record<string, { pattern: string; label: string }>;
  /** Owner types this module accepts attachments for; the resolver throws NOT_FOUND outside scope. */
  attachmentOwners?: Record<string, AttachmentOwner>;
  entities?: Record<string, EntityDef>;
  statistics?: readonly StatisticDef[];
  /** Units this module judges at risk, listed with overdue deadlines in 督察's 逾期与风险 list. */
  riskSignals?: RiskSignalSource;
  /**
   * Outbox events this module reacts to, by exact type (another module names its types in its public.ts).
   * The consumer key is `${moduleKey}:${eventType}`.
   */
  subscribes?: Record<string, EventConsumer>;
  /** Built-in roles this module introduces. */
  roles?: readonly ModuleRoleDef[];
  /**
   * This module's permissions (own codes) granted to built-in roles declared by the kernel (`leader`,
   * `rule_of_law_office`, `department_liaison`) or by another module, by role code. A grant to a role
   * no deployed module declares is dropped (that module is not deployed).
   */
  grants?: Readonly<Record<string, readonly string[]>>;
  /** Demo accounts holding this module's roles. */
  demoUsers?: readonly DemoUserDef[];
  /** Users of the test world holding this module's roles, by username. */
  testUsers?: Readonly<Record<string, TestUserDef>>;
  /** Demo data for an empty database (never in production). */
  seedDemo?: (ctx: Ctx, org: DemoOrgDirectory) => Promise<void>;
  /** Modules whose demo records this module's demo seed builds on (e.g. turns their overdue deadlines into 督办单). */
  seedDemoAfter?: readonly string[];
}

/** Units and users of the demo jurisdiction, handed to modules' demo seeds. */
export interface DemoOrgDirectory {
  units: { id: number; name: string; kind: string; path: string }[];
  users: { id: number; username: string; orgId: number; roleCodes: string[] }[];
}

export const defineModule = <M extends ModuleDefinition>(definition: M): M => definition;

/** Who a module brings: its roles, grants to other roles, demo and test users (spread into defineModule). */
export type ModuleRoles = Pick<ModuleDefinition, 'roles' | 'grants' | 'demoUsers' | 'testUsers'>;

export const defineRoles = <R extends ModuleRoles>(roles: R): R => roles;
