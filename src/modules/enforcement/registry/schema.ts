import { bigint, boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser, orgUnit, recordStamps } from '../../../kernel/db/schema';

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
    /** Who recorded the last 确认. */
    confirmedBy: integer().references(() => appUser.id),
    confirmedByName: text(),
    /** Reason and date of the last status change (暂停 / 恢复 / 取消). */
    statusReason: text(),
    statusDate: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    ...recordStamps(),
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

/** 行政执法证 (enforcement) / 行政执法监督证 (supervision). CONTRACT: id, officerId, orgId, kind, certNo, status, issuedDate, expiresDate (the review area checks 评查人员 and 监督文书签发人 against them). */
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
    /** For revoked certificates: cancelled 注销 (left the post, expired, failed review) or withdrawn 吊销 (misconduct). */
    revokeKind: text({ enum: ['cancelled', 'withdrawn'] }),
    /** The last 年审 passed. */
    lastReviewYear: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
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
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
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
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('discretion_benchmark_item_idx').on(t.itemId)],
);

/** 执法人员培训记录 (课时 per course); the year's sum is compared with the training target (setting). Scope column `orgId` (the officer's). */
export const enforcementTraining = pgTable(
  'enforcement_training',
  {
    id: serial().primaryKey(),
    officerId: integer()
      .notNull()
      .references(() => enforcementOfficer.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    year: integer().notNull(),
    trainedDate: date({ mode: 'string' }).notNull(),
    course: text().notNull(),
    /** 学时 (class hours). */
    hours: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_training_officer_idx').on(t.officerId, t.year), index('enforcement_training_org_idx').on(t.orgId)],
);

/** 执法资格考试: 综合法律知识 general / 专业法律知识 special; 参加 attended, 通过 passed, score. */
export const enforcementExam = pgTable(
  'enforcement_exam',
  {
    id: serial().primaryKey(),
    officerId: integer()
      .notNull()
      .references(() => enforcementOfficer.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    subject: text({ enum: ['general', 'special'] }).notNull(),
    examDate: date({ mode: 'string' }).notNull(),
    attended: boolean().notNull().default(true),
    passed: boolean().notNull().default(false),
    score: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_exam_officer_idx').on(t.officerId), index('enforcement_exam_org_idx').on(t.orgId)],
);

/** 年审: one result per certificate and year. */
export const enforcementCertReview = pgTable(
  'enforcement_cert_review',
  {
    id: serial().primaryKey(),
    certificateId: integer()
      .notNull()
      .references(() => enforcementCertificate.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    year: integer().notNull(),
    passed: boolean().notNull(),
    /** The year's training hours and the target at the time of the review. */
    hours: integer().notNull(),
    targetHours: integer().notNull(),
    reason: text(),
    reviewedDate: date({ mode: 'string' }).notNull(),
    reviewedBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enforcement_cert_review_uq').on(t.certificateId, t.year), index('enforcement_cert_review_org_idx').on(t.orgId)],
);

/** 事项划转: an item moved from one body to another (e.g. 划转综合执法). */
export const enforcementItemTransfer = pgTable(
  'enforcement_item_transfer',
  {
    id: serial().primaryKey(),
    itemId: integer()
      .notNull()
      .references(() => enforcementItem.id),
    /** The receiving body's unit (scope column). */
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    fromBodyId: integer().references(() => enforcementBody.id),
    toBodyId: integer()
      .notNull()
      .references(() => enforcementBody.id),
    transferDate: date({ mode: 'string' }).notNull(),
    reason: text().notNull(),
    actorId: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_item_transfer_item_idx').on(t.itemId), index('enforcement_item_transfer_org_idx').on(t.orgId)],
);

export const LIST_KINDS = ['no_penalty', 'lighter', 'mitigated', 'no_compulsion', 'first_violation_no_penalty'] as const;

/** 四张清单 (不予处罚、从轻、减轻、免予强制) and 首违不罚 entries, each tied to an item (行政处罚法第三十三条). */
export const enforcementListEntry = pgTable(
  'enforcement_list_entry',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    itemId: integer()
      .notNull()
      .references(() => enforcementItem.id),
    listKind: text({ enum: LIST_KINDS }).notNull(),
    /** 适用情形. */
    condition: text().notNull(),
    basis: text().notNull(),
    published: boolean().notNull().default(false),
    publishedDate: date({ mode: 'string' }),
    status: text({ enum: ['active', 'abolished'] }).notNull().default('active'),
    abolishedDate: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_list_entry_item_idx').on(t.itemId), index('enforcement_list_entry_org_idx').on(t.orgId)],
);

/**
 * Settings of a jurisdiction (a unit and everything below it; the deepest one applies): the yearly
 * training target (60 学时: [memory] in statutes §9), the minimum share of 法制审核人员 (5%: [memory,
 * uncertain] in §8.2) and the certificate validity in years (3: a local example in §9).
 */
export const enforcementRegistrySetting = pgTable('enforcement_registry_setting', {
  id: serial().primaryKey(),
  orgId: integer()
    .notNull()
    .references(() => orgUnit.id)
    .unique(),
  trainingHoursTarget: integer().notNull().default(60),
  legalReviewerMinPercent: integer().notNull().default(5),
  certValidityYears: integer().notNull().default(3),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
