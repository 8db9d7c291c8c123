import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser, orgUnit, recordStamps } from '../../kernel/db/schema';

/**
 * One party of a case as stored: personal data (ID number, phone, address) in SM4 envelopes.
 * Parties are kept as jsonb arrays on the case: they are always read and written with it, in the same
 * transaction, never queried on their own; the first applicant's name is copied to `applicantName` for
 * lists, search and documents.
 */
export interface StoredParty {
  name: string;
  type: 'citizen' | 'legal_person' | 'other_org';
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

/** 行政复议案件. The data-scope column is `orgId`, the 复议机构 (司法局) handling it. */
export const reconsiderationCase = pgTable(
  'reconsideration_case',
  {
    id: serial().primaryKey(),
    /** 案号 `{unit}复〔{year}〕{seq}号`, assigned at registration. */
    caseNo: text().notNull(),
    /** 查询码 for the public portal. */
    receiptCode: text().notNull(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    /** 被申请人 (any unit). */
    respondentOrgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    channel: text({ enum: ['in_person', 'letter', 'online', 'other'] }).notNull(),
    applicantName: text().notNull(),
    applicants: jsonb().$type<StoredParty[]>().notNull(),
    thirdParties: jsonb().$type<StoredParty[]>().notNull().default([]),
    agent: jsonb().$type<StoredParty | null>(),
    /** 被申请行政复议的行政行为. */
    actName: text().notNull(),
    actDocNo: text(),
    actDate: date({ mode: 'string' }),
    /** 知道或者应当知道该行政行为之日 (第二十条第一款). */
    knewDate: date({ mode: 'string' }).notNull(),
    /** 行政机关未告知申请权利、复议机关和期限 (第二十条第三款), and the day the applicant learned of them. */
    notInformed: boolean().notNull().default(false),
    rightsKnownDate: date({ mode: 'string' }),
    /** Days the applicant was kept from applying by force majeure or another good reason (第二十条第二款). */
    obstacleDays: integer().notNull().default(0),
    /** The act concerns real property (第二十一条: 20-year instead of 5-year absolute bar). */
    realProperty: boolean().notNull().default(false),
    field: text().notNull(),
    request: text().notNull(),
    factsReasons: text().notNull(),
    receivedDate: date({ mode: 'string' }).notNull(),
    /** The last day to apply, computed at registration, and whether the application came after it. */
    applicationDeadline: date({ mode: 'string' }).notNull(),
    applicationLate: boolean().notNull().default(false),
    applicationNote: text(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    procedure: text({ enum: ['ordinary', 'simplified'] }),
    simplifiedGround: text(),
    acceptedDate: date({ mode: 'string' }),
    correctionItems: text(),
    correctionNoticeDate: date({ mode: 'string' }),
    correctedDate: date({ mode: 'string' }),
    declinedDate: date({ mode: 'string' }),
    forwardedDate: date({ mode: 'string' }),
    competentAuthority: text(),
    copySentDate: date({ mode: 'string' }),
    copyServedDate: date({ mode: 'string' }),
    answerReceivedDate: date({ mode: 'string' }),
    answerSummary: text(),
    hearingNoticeDate: date({ mode: 'string' }),
    hearingDate: date({ mode: 'string' }),
    hearingPlace: text(),
    hearingHeldDate: date({ mode: 'string' }),
    hearingRecord: text(),
    extensionDays: integer(),
    suspensionGround: text(),
    suspendedOn: date({ mode: 'string' }),
    resumedOn: date({ mode: 'string' }),
    terminationGround: text(),
    /** 调解、和解、终止、撤回 date and summary. */
    closedDate: date({ mode: 'string' }),
    closingSummary: text(),
    decisionType: text(),
    decisionFacts: text(),
    decisionReasons: text(),
    decisionMain: text(),
    decisionDate: date({ mode: 'string' }),
    /** 决定书文号 `{unit}复决〔{year}〕{seq}号`. */
    decisionNo: text(),
    /** The reason given with the latest transition that asks for one. */
    reason: text(),
    ...recordStamps(),
  },
  (t) => [
    uniqueIndex('reconsideration_case_receipt_code_uq').on(t.receiptCode),
    uniqueIndex('reconsideration_case_no_uq').on(t.caseNo),
    index('reconsideration_case_org_status_idx').on(t.orgId, t.status, t.receivedDate),
    index('reconsideration_case_respondent_idx').on(t.respondentOrgId),
    index('reconsideration_case_received_idx').on(t.receivedDate),
  ],
);
export type ReconsiderationCaseRow = typeof reconsiderationCase.$inferSelect;

/** 行政复议委员会咨询 / 专家论证 recorded on a case (第五十二条). Append-only. */
export const reconsiderationConsultation = pgTable(
  'reconsideration_consultation',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => reconsiderationCase.id),
    /** The case's unit (data scope). */
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    kind: text({ enum: ['committee', 'expert'] }).notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    participants: text().notNull(),
    opinion: text().notNull(),
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reconsideration_consultation_case_idx').on(t.caseId)],
);

/** 行政复议意见书 / 建议书 and the recipient's reply (第七十六条). */
export const reconsiderationLetter = pgTable(
  'reconsideration_letter',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => reconsiderationCase.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    kind: text({ enum: ['opinion', 'suggestion'] }).notNull(),
    recipientOrgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    issuedDate: date({ mode: 'string' }).notNull(),
    /** The recipient's receipt, from which the 60 days of 第七十六条 run. */
    servedDate: date({ mode: 'string' }).notNull(),
    /** For a 建议书: the reply date set by the office. */
    dueDate: date({ mode: 'string' }),
    content: text().notNull(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    replyDate: date({ mode: 'string' }),
    replySummary: text(),
    ...recordStamps(),
  },
  (t) => [index('reconsideration_letter_case_idx').on(t.caseId)],
);
export type ReconsiderationLetterRow = typeof reconsiderationLetter.$inferSelect;
