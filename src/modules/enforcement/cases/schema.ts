import { bigint, boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser, orgUnit } from '../../../kernel/db/schema';
import { discretionBenchmark, enforcementBody, enforcementItem } from '../registry/schema';

// 行政执法案件 under the 三项制度. Owned by the cases area; 案卷评查 (review area) samples these rows.
// Columns marked CONTRACT are read by other areas: add columns freely, never rename or drop those.

export const CASE_KINDS = ['penalty', 'licence', 'inspection', 'compulsory'] as const;

/**
 * 执法案件. Scope column `orgId` (the body's unit). CONTRACT: id, orgId, bodyId, itemId, caseNo, kind, title,
 * partyName, enterpriseRelated, isMajor, filedDate, decidedDate, closedDate, status, benchmarkId, fineFen,
 * discretionOutside.
 */
export const enforcementCase = pgTable(
  'enforcement_case',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    bodyId: integer()
      .notNull()
      .references(() => enforcementBody.id),
    itemId: integer().references(() => enforcementItem.id),
    /** 案件编号 (the body's own number, entered or imported; unique per unit). */
    caseNo: text().notNull(),
    kind: text({ enum: CASE_KINDS }).notNull(),
    title: text().notNull(),
    partyName: text().notNull(),
    partyKind: text({ enum: ['citizen', 'legal_person', 'other_org'] }).notNull(),
    /** 涉企 case. */
    enterpriseRelated: boolean().notNull().default(false),
    /** 重大执法决定: 法制审核 is mandatory (行政处罚法第五十八条). */
    isMajor: boolean().notNull().default(false),
    filedDate: date({ mode: 'string' }).notNull(),
    decidedDate: date({ mode: 'string' }),
    closedDate: date({ mode: 'string' }),
    status: text().notNull(),
    benchmarkId: integer().references(() => discretionBenchmark.id),
    fineFen: bigint({ mode: 'number' }),
    /** The penalty lies outside the benchmark's range (flagged, with the reason given). */
    discretionOutside: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_case_no_uq').on(t.orgId, t.caseNo),
    index('enforcement_case_body_idx').on(t.bodyId),
    index('enforcement_case_filed_idx').on(t.filedDate),
    index('enforcement_case_status_idx').on(t.status),
  ],
);
