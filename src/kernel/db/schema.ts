/**
 * Kernel tables. Modules own their own tables and may reference these; the kernel never references a
 * module table. Column names are snake_case in SQL (drizzle `casing: 'snake_case'`).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * Who created a record and when it was created and last changed: the same three columns on every
 * business table (spread into its column list), so audit-relevant stamps cannot drift between modules.
 */
export const recordStamps = () => ({
  createdBy: integer().references(() => appUser.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const ORG_KINDS = [
  'city',
  'county',
  'town',
  'village',
  'department',
  'justice_bureau',
  'justice_office',
  'committee',
  'committee_office',
  'coordination_group',
  'mediation_committee',
  'legal_aid_center',
  'notary_office',
  'other',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** 组织机构: the jurisdiction tree with departments and bodies as typed units. */
export const orgUnit = pgTable(
  'org_unit',
  {
    id: serial().primaryKey(),
    parentId: integer().references((): AnyPgColumn => orgUnit.id),
    /** Materialized path of ids, e.g. `/1/4/17/`; "unit and everything below" is `path LIKE '/1/4/%'`. */
    path: text().notNull(),
    depth: integer().notNull(),
    name: text().notNull(),
    /** 简称, used in document numbers (e.g. 示范市司法局 → 示司). */
    shortName: text().notNull(),
    kind: text({ enum: ORG_KINDS }).notNull(),
    /** 行政区划代码 for jurisdictions. */
    divisionCode: text(),
    sortOrder: integer().notNull().default(0),
    isActive: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('org_unit_path_uq').on(t.path),
    index('org_unit_path_prefix_idx').on(t.path.op('text_pattern_ops')),
    index('org_unit_parent_idx').on(t.parentId),
  ],
);

/**
 * 数据范围: `own` records I created; `unit` my unit; `unit_and_below` my unit's subtree; `jurisdiction` the
 * whole 辖区 my unit belongs to (the nearest city/county/town above it and everything below: a 司法局
 * supervising every agency of its county); `all` everything.
 */
export const DATA_SCOPES = ['own', 'unit', 'unit_and_below', 'jurisdiction', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];
export const ADMIN_KINDS = ['system', 'security', 'audit'] as const;
export type AdminKind = (typeof ADMIN_KINDS)[number];

/** 角色: a set of permissions with a data scope; admin roles (三权分立) carry an `adminKind`. */
export const role = pgTable('role', {
  id: serial().primaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  scope: text({ enum: DATA_SCOPES }).notNull(),
  adminKind: text({ enum: ADMIN_KINDS }),
  permissions: jsonb().$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  isBuiltin: boolean().notNull().default(false),
  version: integer().notNull().default(1),
  createdAt: createdAt(),
});

/** 用户: staff accounts; each belongs to one unit. */
export const appUser = pgTable(
  'app_user',
  {
    id: serial().primaryKey(),
    username: text().notNull(),
    displayName: text().notNull(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    passwordHash: text(),
    passwordChangedAt: timestamp({ withTimezone: true }),
    /** Set by the demo seed or an administrator's reset: the user must choose a new password. */
    mustChangePassword: boolean().notNull().default(true),
    failedAttempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    /** TOTP secret, SM4-encrypted envelope. */
    totpSecret: text(),
    totpEnabled: boolean().notNull().default(false),
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: bigint({ mode: 'number' }),
    isActive: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('app_user_username_uq').on(t.username), index('app_user_org_idx').on(t.orgId)],
);

export const userRole = pgTable(
  'user_role',
  {
    userId: integer()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    roleId: integer()
      .notNull()
      .references(() => role.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] })],
);

/** 会话: server-side sessions; the cookie carries a random token whose SM3 digest is the id. */
export const session = pgTable(
  'session',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    mfaPassed: boolean().notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** 审计日志: append-only, chained by HMAC-SM3 over the previous hash and this row's canonical form. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorId: integer(),
    actorName: text(),
    actorOrgId: integer(),
    action: text().notNull(),
    module: text().notNull(),
    entityType: text(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    reason: text(),
    result: text().notNull().default('success'),
    requestId: text(),
    ip: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId), index('audit_log_at_idx').on(t.at)],
);

/** 法定节假日与调休: days that differ from the weekday rule. */
export const holiday = pgTable('holiday', {
  date: date({ mode: 'string' }).primaryKey(),
  /** `holiday`: a day off (法定节假日 or 调休休息日); `workday`: a weekend day made a working day (调休上班日). */
  kind: text({ enum: ['holiday', 'workday'] }).notNull(),
  name: text().notNull(),
  source: text({ enum: ['seed', 'admin'] }).notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Years whose holiday arrangement is loaded; outside them only the weekday rule applies. */
export const holidayYear = pgTable('holiday_year', {
  year: integer().primaryKey(),
  source: text({ enum: ['seed', 'admin'] }).notNull(),
  note: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** 流转记录: one row per applied transition. */
export const caseTransition = pgTable(
  'case_transition',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    entityType: text().notNull(),
    entityId: integer().notNull(),
    transition: text().notNull(),
    fromState: text(),
    toState: text().notNull(),
    actorId: integer(),
    actorName: text(),
    actorOrgId: integer(),
    at: timestamp({ withTimezone: true }).notNull(),
    reason: text(),
    data: jsonb(),
  },
  (t) => [index('case_transition_entity_idx').on(t.entityType, t.entityId)],
);

export const CLOCK_STATUSES = ['running', 'paused', 'stopped'] as const;

/** 法定期限: a statutory clock on one record, with the inputs its due date was computed from. */
export const caseClock = pgTable(
  'case_clock',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    entityType: text().notNull(),
    entityId: integer().notNull(),
    module: text().notNull(),
    /** Unit owning the record: to-dos raised by the clock scan are scoped by it. */
    orgId: integer().notNull(),
    clockKey: text().notNull(),
    label: text().notNull(),
    /** Legal basis of the period, e.g. 《政府信息公开条例》第三十三条. */
    basis: text().notNull(),
    unit: text({ enum: ['calendar_day', 'working_day', 'month', 'fixed_date'] }).notNull(),
    period: integer().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    status: text({ enum: CLOCK_STATUSES }).notNull(),
    pausedSince: date({ mode: 'string' }),
    /** Days (in `unit`) excluded by pauses so far. */
    excludedDays: integer().notNull().default(0),
    extensionDays: integer().notNull().default(0),
    extensionCount: integer().notNull().default(0),
    dueDate: date({ mode: 'string' }),
    /** Years the computation needed whose holiday arrangement is not loaded. */
    missingYears: jsonb().$type<number[]>().notNull().default(sql`'[]'::jsonb`),
    stoppedOn: date({ mode: 'string' }),
    stopReason: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_clock_entity_idx').on(t.entityType, t.entityId),
    index('case_clock_open_idx').on(t.status, t.dueDate),
    uniqueIndex('case_clock_open_uq')
      .on(t.entityType, t.entityId, t.clockKey)
      .where(sql`status <> 'stopped'`),
  ],
);

/** 文号/编号序列: gap-free per key, unit and year, incremented inside the creating transaction. */
export const numberSequence = pgTable(
  'number_sequence',
  {
    key: text().notNull(),
    orgId: integer().notNull(),
    year: integer().notNull(),
    lastValue: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.orgId, t.year] })],
);

/** 附件: files stored under the data directory; owners are module records named by type and id. */
export const attachment = pgTable(
  'attachment',
  {
    id: uuid().primaryKey(),
    ownerType: text().notNull(),
    ownerId: integer().notNull(),
    category: text(),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    sm3: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: integer(),
    createdAt: createdAt(),
  },
  (t) => [index('attachment_owner_idx').on(t.ownerType, t.ownerId)],
);

export const TODO_KINDS = ['action', 'due_soon', 'overdue'] as const;

/** 待办: work waiting for someone holding `permission` whose scope covers `orgId`. */
export const todo = pgTable(
  'todo',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    module: text().notNull(),
    entityType: text().notNull(),
    entityId: integer().notNull(),
    orgId: integer().notNull(),
    kind: text({ enum: TODO_KINDS }).notNull(),
    permission: text().notNull(),
    title: text().notNull(),
    link: text().notNull(),
    dueDate: date({ mode: 'string' }),
    createdAt: createdAt(),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('todo_open_idx').on(t.permission, t.orgId).where(sql`done_at is null`),
    uniqueIndex('todo_open_uq').on(t.entityType, t.entityId, t.kind).where(sql`done_at is null`),
  ],
);

/**
 * 事件发件箱: events written in the business transaction (every workflow transition writes one,
 * `${module}.${entity}.${transition}`, payload ids only). `dispatchOutbox` (src/kernel/events) reads them
 * after commit and hands each to the modules that subscribe to its type; `processedAt` is set once every
 * subscriber has delivered (at once for an event nobody subscribes to).
 */
export const outboxEvent = pgTable(
  'outbox_event',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    type: text().notNull(),
    payload: jsonb().notNull(),
    createdAt: createdAt(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('outbox_event_pending_idx').on(t.id).where(sql`processed_at is null`)],
);

export const OUTBOX_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type OutboxDeliveryStatus = (typeof OUTBOX_DELIVERY_STATUSES)[number];

/**
 * 事件投递: one subscriber's handling of one event (`consumer` = `${moduleKey}:${eventType}`). The row is
 * marked delivered in the same transaction as the subscriber's work, so the work happens once even though
 * an event may be handed over more than once. A failing subscriber is retried with backoff
 * (`nextAttemptAt`) and `failed` after the last attempt; `lastError` holds the redacted error (no SQL
 * parameters or quoted values).
 */
export const outboxDelivery = pgTable(
  'outbox_delivery',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    eventId: bigint({ mode: 'number' })
      .notNull()
      .references(() => outboxEvent.id),
    consumer: text().notNull(),
    status: text({ enum: OUTBOX_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_delivery_event_consumer_uq').on(t.eventId, t.consumer),
    index('outbox_delivery_open_idx').on(t.status, t.nextAttemptAt).where(sql`status <> 'delivered'`),
  ],
);

/** Key/value settings (e.g. the calendar version used to invalidate process caches). */
export const appSetting = pgTable('app_setting', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
