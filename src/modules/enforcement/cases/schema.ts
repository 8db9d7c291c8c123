import { bigint, boolean, date, index, integer, jsonb, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser, orgUnit, recordStamps } from '../../../kernel/db/schema';
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
    ...recordStamps(),
    // --- cases area (not CONTRACT) ---
    /** Natural persons' 身份证号 and phone: SM4 envelopes (encryptField); shown masked. */
    partyIdNumber: text(),
    partyPhone: text(),
    /** 第五十八条 ground of a 重大 case (MAJOR_GROUNDS). */
    majorGround: text(),
    /** 承办执法人员 (enforcement_officer ids, ≥ 2 with a valid 执法证, 第四十二条). */
    officerIds: jsonb().$type<number[]>().notNull().default([]),
    /** 检查: 信用风险分类 A–D (分类分级检查), null when not graded. */
    riskClass: text(),
    investigationNote: text(),
    /** 拟处罚告知 (第四十四条、第六十二条、第六十三条). */
    noticeDate: date({ mode: 'string' }),
    noticeFacts: text(),
    proposedPenalty: text(),
    hearingRight: boolean().notNull().default(false),
    /**
     * 陈述、申辩期限 set in the 告知书, in working days from its service (第四十五条 gives no length; the
     * 告知书 states it). Null on cases notified before it was recorded: read as STATEMENT_DAYS_DEFAULT.
     */
    statementDays: integer(),
    /** 当事人明确放弃陈述、申辩（及听证）权利 (第六十二条 "除当事人明确放弃…外"): date, scope and how it was expressed. */
    waiverDate: date({ mode: 'string' }),
    waiverScope: text({ enum: ['statement', 'statement_and_hearing'] }),
    waiverNote: text(),
    /** 听证 (第六十四条). */
    hearingRequestDate: date({ mode: 'string' }),
    hearingNoticeDate: date({ mode: 'string' }),
    hearingDate: date({ mode: 'string' }),
    hearingPlace: text(),
    hearingPresider: text(),
    hearingHeldDate: date({ mode: 'string' }),
    hearingRecord: text(),
    /** 法制审核 (第五十八条): passed 通过 | returned 退回补充. */
    legalReviewResult: text({ enum: ['passed', 'returned'] }),
    legalReviewerId: integer().references(() => appUser.id),
    legalReviewerName: text(),
    legalReviewDate: date({ mode: 'string' }),
    legalReviewOpinion: text(),
    /** 决定 (第五十七条). */
    decisionType: text(),
    decisionNo: text(),
    decisionContent: text(),
    noPenaltyBasis: text({ enum: ['MINOR', 'FIRST_MINOR', 'NO_FAULT'] }),
    educationRecord: text(),
    discretionReason: text(),
    /** 送达 (第六十一条). */
    servedDate: date({ mode: 'string' }),
    serviceMode: text(),
    /** 执行 (第六十七条). */
    executionMode: text(),
    paidDate: date({ mode: 'string' }),
    executionNote: text(),
    closingNote: text(),
    /**
     * 被复议纠错: a 行政复议 decision changed, revoked or found unlawful or void this case's decision (set by the
     * subscriber to the reconsideration module's decision event, matched by 决定书文号): the 复议决定书文号,
     * the decision type's label and the decision date.
     */
    correctedByReconsideration: text(),
    correctionKind: text(),
    correctedDate: date({ mode: 'string' }),
    /** Entered by Excel import (historical or other-system cases): no per-case history. */
    imported: boolean().notNull().default(false),
    reason: text(),
  },
  (t) => [
    uniqueIndex('enforcement_case_no_uq').on(t.orgId, t.caseNo),
    index('enforcement_case_body_idx').on(t.bodyId),
    index('enforcement_case_filed_idx').on(t.filedDate),
    index('enforcement_case_status_idx').on(t.status),
  ],
);
export type EnforcementCaseRow = typeof enforcementCase.$inferSelect;

/**
 * 行政执法公示 (事后公开, 国办发〔2018〕118号; 行政处罚法第四十八条): one record per decision, created with the
 * decision. `targetName` is stored already masked for natural persons, so the portal never holds personal data.
 */
export const enforcementPublication = pgTable(
  'enforcement_publication',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => enforcementCase.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    bodyId: integer()
      .notNull()
      .references(() => enforcementBody.id),
    bodyName: text().notNull(),
    category: text({ enum: CASE_KINDS }).notNull(),
    targetName: text().notNull(),
    decisionNo: text(),
    decidedDate: date({ mode: 'string' }).notNull(),
    /** 结论 published. */
    conclusion: text(),
    publishedDate: date({ mode: 'string' }),
    /** The day the decision was changed, revoked or found unlawful (第四十八条: withdraw within 3 working days). */
    changedDate: date({ mode: 'string' }),
    withdrawGround: text(),
    reason: text(),
    withdrawnDate: date({ mode: 'string' }),
    status: text().notNull(),
    version: integer().notNull().default(1),
    ...recordStamps(),
  },
  (t) => [
    uniqueIndex('enforcement_publication_case_uq').on(t.caseId),
    index('enforcement_publication_status_idx').on(t.status, t.publishedDate),
    index('enforcement_publication_org_idx').on(t.orgId),
  ],
);
export type EnforcementPublicationRow = typeof enforcementPublication.$inferSelect;
