import { bigint, boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser, orgUnit } from '../../../kernel/db/schema';

// 执法主体、人员与证件、执法事项与裁量基准. Owned by the registry area; the cases, review and supervision
// areas read these tables. Columns marked CONTRACT are read by other areas: add columns freely, never
// rename or drop those.

export const BODY_KINDS = ['statutory', 'authorized', 'entrusted'] as const;

/** 行政执法主体 (法定 / 授权 / 委托). Scope column `orgId`: the unit that answers for the body. CONTRACT: id, orgId, name, kind, status. */
export const enforcementBody = pgTable(
  'enforcement_body',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    name: text().notNull(),
    kind: text({ enum: BODY_KINDS }).notNull(),
    /** 设立或授权依据 (法律、法规、规章名称与条款). */
    legalBasis: text().notNull(),
    /** For 委托: the 委托机关 (a unit) and the scope and term of the entrustment. */
    entrustingOrgId: integer().references(() => orgUnit.id),
    entrustScope: text(),
    entrustFrom: date({ mode: 'string' }),
    entrustUntil: date({ mode: 'string' }),
    /** active 有效 | suspended 暂停 | revoked 取消. */
    status: text({ enum: ['active', 'suspended', 'revoked'] }).notNull().default('active'),
    /** The last 确认 (periodic re-confirmation) and its year. */
    confirmedDate: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_body_org_idx').on(t.orgId), uniqueIndex('enforcement_body_name_uq').on(t.orgId, t.name)],
);

export const OFFICER_STATUSES = ['active', 'retired', 'transferred', 'dismissed'] as const;

/** 行政执法人员. CONTRACT: id, orgId, bodyId, name, status, isLegalReviewer. */
export const enforcementOfficer = pgTable(
  'enforcement_officer',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    bodyId: integer()
      .notNull()
      .references(() => enforcementBody.id),
    name: text().notNull(),
    /** 身份证号: SM4 envelope (encryptField); `idNumberHash` (keyed hash) finds duplicates on import. */
    idNumber: text().notNull(),
    idNumberHash: text().notNull(),
    post: text(),
    /** 从事法制审核工作 (the ≥5% ratio counts these). */
    isLegalReviewer: boolean().notNull().default(false),
    status: text({ enum: OFFICER_STATUSES }).notNull().default('active'),
    statusDate: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_officer_body_idx').on(t.bodyId), index('enforcement_officer_org_idx').on(t.orgId), uniqueIndex('enforcement_officer_id_uq').on(t.idNumberHash)],
);

/** 行政执法证 (enforcement) / 行政执法监督证 (supervision). CONTRACT: id, officerId, orgId, kind, certNo, status. */
export const enforcementCertificate = pgTable(
  'enforcement_certificate',
  {
    id: serial().primaryKey(),
    officerId: integer()
      .notNull()
      .references(() => enforcementOfficer.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    kind: text({ enum: ['enforcement', 'supervision'] }).notNull(),
    certNo: text().notNull(),
    issuedDate: date({ mode: 'string' }).notNull(),
    expiresDate: date({ mode: 'string' }),
    /** valid 有效 | suspended 暂扣 | revoked 注销/吊销. */
    status: text({ enum: ['valid', 'suspended', 'revoked'] }).notNull().default('valid'),
    statusReason: text(),
    statusDate: date({ mode: 'string' }),
    /** The last 年审 passed. */
    lastReviewYear: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enforcement_certificate_no_uq').on(t.certNo), index('enforcement_certificate_officer_idx').on(t.officerId), index('enforcement_certificate_org_idx').on(t.orgId)],
);

export const ITEM_KINDS = ['penalty', 'licence', 'inspection', 'compulsory', 'levy', 'other'] as const;

/** 行政执法事项 (目录). CONTRACT: id, orgId, bodyId, code, name, kind, status. */
export const enforcementItem = pgTable(
  'enforcement_item',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    bodyId: integer().references(() => enforcementBody.id),
    /** 事项编码. */
    code: text().notNull(),
    name: text().notNull(),
    kind: text({ enum: ITEM_KINDS }).notNull(),
    legalBasis: text().notNull(),
    /** active 有效 | abolished 废止 (清理). */
    status: text({ enum: ['active', 'abolished'] }).notNull().default('active'),
    abolishedDate: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enforcement_item_code_uq').on(t.orgId, t.code), index('enforcement_item_body_idx').on(t.bodyId)],
);

/**
 * 行政裁量权基准: for one item and one circumstance (情节), the allowed range. Money in fen (分) as bigint
 * numbers so 0.01 yuan is exact. CONTRACT: id, itemId, orgId, circumstance, level, fineMinFen, fineMaxFen, status.
 */
export const discretionBenchmark = pgTable(
  'discretion_benchmark',
  {
    id: serial().primaryKey(),
    itemId: integer()
      .notNull()
      .references(() => enforcementItem.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    /** 违法情节. */
    circumstance: text().notNull(),
    /** 裁量阶次: 不予处罚 none | 减轻 mitigated | 从轻 lighter | 一般 ordinary | 从重 heavier. */
    level: text({ enum: ['none', 'mitigated', 'lighter', 'ordinary', 'heavier'] }).notNull(),
    fineMinFen: bigint({ mode: 'number' }),
    fineMaxFen: bigint({ mode: 'number' }),
    /** Other measures in words (警告、没收违法所得、责令停产停业 …). */
    measures: text(),
    /** 制定机关 and date. */
    madeBy: text().notNull(),
    madeDate: date({ mode: 'string' }).notNull(),
    status: text({ enum: ['active', 'abolished'] }).notNull().default('active'),
    abolishedDate: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('discretion_benchmark_item_idx').on(t.itemId)],
);
