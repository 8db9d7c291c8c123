import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser, orgUnit, recordStamps } from '../../kernel/db/schema';

/** A plaintiff as stored: ID number and phone in SM4 envelopes (masked in views). */
export interface StoredPlaintiff {
  name: string;
  type: 'citizen' | 'legal_person' | 'other_org';
  idNumber: string | null;
  phone: string | null;
}

/** 行政诉讼案件 (应诉). The data-scope column `orgId` is the defendant agency (被告行政机关). */
export const litigationCase = pgTable(
  'litigation_case',
  {
    id: serial().primaryKey(),
    /** Internal number `{unit}应〔{year}〕{seq}号`, assigned at registration. */
    caseNo: text().notNull(),
    courtName: text().notNull(),
    /** 法院案号, e.g. （2026）苏0612行初123号; empty on a second-instance case opened by an appeal until the court numbers it. */
    courtCaseNo: text(),
    instance: text({ enum: ['first', 'second', 'retrial'] }).notNull(),
    procedure: text({ enum: ['ordinary', 'simplified'] }).notNull(),
    /** The first-instance (or earlier) case this one continues. */
    parentCaseId: integer(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    plaintiffName: text().notNull(),
    plaintiffs: jsonb().$type<StoredPlaintiff[]>().notNull(),
    thirdParties: text(),
    cause: text().notNull(),
    contestedAct: text().notNull(),
    afterReconsideration: boolean().notNull().default(false),
    reconsiderationDecisionNo: text(),
    /** 立案日期. */
    filedDate: date({ mode: 'string' }).notNull(),
    /** 收到应诉通知书及起诉状副本之日 (第六十七条). */
    servedDate: date({ mode: 'string' }),
    status: text().notNull(),
    version: integer().notNull().default(1),
    evidenceExtensionDate: date({ mode: 'string' }),
    evidenceExtensionReason: text(),
    defenceFiledDate: date({ mode: 'string' }),
    evidenceList: text(),
    defenceSummary: text(),
    heardDate: date({ mode: 'string' }),
    outcome: text(),
    /** 败诉: the outcome is one the agency lost. */
    lost: boolean().notNull().default(false),
    lossReason: text(),
    judgmentDate: date({ mode: 'string' }),
    judgmentServedDate: date({ mode: 'string' }),
    judgmentSummary: text(),
    appellant: text(),
    appealDate: date({ mode: 'string' }),
    closedDate: date({ mode: 'string' }),
    reason: text(),
    ...recordStamps(),
  },
  (t) => [
    uniqueIndex('litigation_case_no_uq').on(t.caseNo),
    index('litigation_case_org_status_idx').on(t.orgId, t.status, t.filedDate),
    index('litigation_case_filed_idx').on(t.filedDate),
    index('litigation_case_judgment_idx').on(t.judgmentDate),
    index('litigation_case_parent_idx').on(t.parentCaseId),
  ],
);
export type LitigationCaseRow = typeof litigationCase.$inferSelect;

/** 庭审与出庭: one row per hearing of a case (HEAD2020 第五、六、八、十一条). */
export const litigationHearing = pgTable(
  'litigation_hearing',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => litigationCase.id),
    /** The case's defendant agency (data scope). */
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    hearingDate: date({ mode: 'string' }).notNull(),
    courtRoom: text(),
    /** 出庭通知书 served on the agency; at least 3 days before the hearing (HEAD2020 第五条). */
    noticeServedDate: date({ mode: 'string' }),
    noticeLate: boolean().notNull().default(false),
    /** 负责人身份证明 filed with the court before the hearing (第六条). */
    identityFiledDate: date({ mode: 'string' }),
    /** Who appeared; null while the hearing is only scheduled. */
    attendance: text(),
    headName: text(),
    headPost: text(),
    absenceReason: text(),
    absenceProof: text(),
    /** The head stated a view on resolving the dispute (第十一条). */
    headSpoke: boolean(),
    note: text(),
    version: integer().notNull().default(1),
    ...recordStamps(),
  },
  (t) => [index('litigation_hearing_case_idx').on(t.caseId), index('litigation_hearing_org_date_idx').on(t.orgId, t.hearingDate)],
);
export type LitigationHearingRow = typeof litigationHearing.$inferSelect;

/** 司法建议 received from the court, with the agency's reply. */
export const litigationSuggestion = pgTable(
  'litigation_suggestion',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => litigationCase.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    receivedDate: date({ mode: 'string' }).notNull(),
    content: text().notNull(),
    /** The reply date the court set. */
    dueDate: date({ mode: 'string' }).notNull(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    replyDate: date({ mode: 'string' }),
    replySummary: text(),
    ...recordStamps(),
  },
  (t) => [index('litigation_suggestion_case_idx').on(t.caseId), index('litigation_suggestion_org_idx').on(t.orgId, t.receivedDate)],
);
export type LitigationSuggestionRow = typeof litigationSuggestion.$inferSelect;

/** 旁听庭审 / 庭审讲评 organised by a unit. */
export const litigationObservation = pgTable(
  'litigation_observation',
  {
    id: serial().primaryKey(),
    /** The organiser unit (data scope). */
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    caseId: integer().references(() => litigationCase.id),
    heldOn: date({ mode: 'string' }).notNull(),
    kind: text({ enum: ['observe', 'review'] }).notNull(),
    title: text().notNull(),
    participants: integer().notNull(),
    note: text(),
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('litigation_observation_org_idx').on(t.orgId, t.heldOn)],
);

/**
 * 三色预警 thresholds, one row per year (the platform's single rule set for that year; editing takes the
 * version → 409 on a stale one). Rates in percent; count rules fire at `>= n`, 0 switches a rule off.
 */
export const litigationWarningRule = pgTable(
  'litigation_warning_rule',
  {
    id: serial().primaryKey(),
    year: integer().notNull(),
    redLossRate: integer().notNull(),
    redAppearanceBelow: integer().notNull(),
    redNoShow: integer().notNull(),
    redOverdueDefence: integer().notNull(),
    yellowLossRate: integer().notNull(),
    yellowAppearanceBelow: integer().notNull(),
    yellowOverdueSuggestion: integer().notNull(),
    version: integer().notNull().default(1),
    updatedBy: integer().references(() => appUser.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('litigation_warning_rule_year_uq').on(t.year)],
);
export type LitigationWarningRuleRow = typeof litigationWarningRule.$inferSelect;
