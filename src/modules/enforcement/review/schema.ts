import { date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser, orgUnit, recordStamps } from '../../../kernel/db/schema';
import { enforcementCase } from '../cases/schema';
import { enforcementBody } from '../registry/schema';

// 案卷评查 and 执法监督 tables (owned by the review area).
//
// Data scope, table by table (the `orgId` column):
// - a 评查活动 (`enforcement_review`), a 专项整治 (`enforcement_campaign`) and the 特邀监督员 roster belong to the
//   司法局 that organises them (its jurisdiction reads and runs them);
// - what is found about a body — a reviewed file and its problems, a 监督文书, a complaint, a monthly report —
//   belongs to the body's unit, so the body (scope unit) sees and answers its own, a county leader sees the
//   county's bodies, and the statistics about enforcement quality fall to the reviewed agency's subtree
//   whichever 司法局 ran the campaign.

/** One item of a scoring sheet (评查标准). */
export interface SheetItem {
  key: string;
  category: string;
  title: string;
  maxPoints: number;
}

/** 案卷评查活动. Scope: the organising 司法局 (`orgId`). */
export const enforcementReview = pgTable(
  'enforcement_review',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    year: integer().notNull(),
    title: text().notNull(),
    /** self 自查 | onsite 现场评查 | cross 交叉评查. */
    kind: text({ enum: ['self', 'onsite', 'cross'] }).notNull(),
    /** Decisions made in this period are sampled. */
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    /** Target bodies (enforcement_body ids). */
    bodyIds: jsonb().$type<number[]>().notNull(),
    /** The scoring sheet: items with max points summing to 100. */
    sheet: jsonb().$type<SheetItem[]>().notNull(),
    /** Grade thresholds: 优秀 ≥ excellentMin, 合格 ≥ passMin, else 不合格. */
    excellentMin: integer().notNull().default(90),
    passMin: integer().notNull().default(70),
    /** Random sampling: files per body and the seed used (so the draw can be repeated and verified). */
    samplePerBody: integer(),
    sampleSeed: text(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    finishedDate: date({ mode: 'string' }),
    ...recordStamps(),
  },
  (t) => [index('enforcement_review_org_idx').on(t.orgId, t.year)],
);
export type ReviewRow = typeof enforcementReview.$inferSelect;

/** One case file (案卷) under review. Scope: the body's unit (`orgId`). */
export const enforcementReviewFile = pgTable(
  'enforcement_review_file',
  {
    id: serial().primaryKey(),
    reviewId: integer()
      .notNull()
      .references(() => enforcementReview.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    bodyId: integer()
      .notNull()
      .references(() => enforcementBody.id),
    caseId: integer()
      .notNull()
      .references(() => enforcementCase.id),
    /** random 随机抽取 | manual 指定. */
    picked: text({ enum: ['random', 'manual'] }).notNull(),
    /** The supervisor's scores per sheet item key, total and grade (null until scored). */
    scores: jsonb().$type<Record<string, number>>(),
    total: integer(),
    grade: text({ enum: ['excellent', 'pass', 'fail'] }),
    /** 评查人员 (at least two). */
    reviewers: jsonb().$type<string[]>(),
    scoredDate: date({ mode: 'string' }),
    scoredBy: integer().references(() => appUser.id),
    /** 自查: the body's own scores. */
    selfScores: jsonb().$type<Record<string, number>>(),
    selfTotal: integer(),
    selfScoredDate: date({ mode: 'string' }),
    comment: text(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_review_file_case_uq').on(t.reviewId, t.caseId),
    index('enforcement_review_file_org_idx').on(t.orgId),
    index('enforcement_review_file_review_idx').on(t.reviewId),
  ],
);
export type ReviewFileRow = typeof enforcementReviewFile.$inferSelect;

/** A problem found in a file (by the supervisor's scoring). Scope: the body's unit. */
export const enforcementReviewProblem = pgTable(
  'enforcement_review_problem',
  {
    id: serial().primaryKey(),
    fileId: integer()
      .notNull()
      .references(() => enforcementReviewFile.id),
    reviewId: integer()
      .notNull()
      .references(() => enforcementReview.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    category: text().notNull(),
    itemKey: text(),
    description: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_review_problem_file_idx').on(t.fileId), index('enforcement_review_problem_org_idx').on(t.orgId)],
);

/** 执法监督通知书 / 意见书 / 决定书 issued to a body. Scope: the body's unit (`orgId`). */
export const enforcementSupervisionDoc = pgTable(
  'enforcement_supervision_doc',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    bodyId: integer()
      .notNull()
      .references(() => enforcementBody.id),
    /** The issuing 司法局. */
    issuerOrgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    kind: text({ enum: ['notice', 'opinion', 'decision'] }).notNull(),
    docNo: text().notNull(),
    /** For 决定书: 责令限期履行 / 责令补正或更正 / 撤销 / 确认违法 / 确认无效. */
    decisionKind: text(),
    title: text().notNull(),
    content: text().notNull(),
    requiredAction: text().notNull(),
    issuedDate: date({ mode: 'string' }).notNull(),
    /** 送达日期: the reply period runs from it. */
    servedDate: date({ mode: 'string' }).notNull(),
    /** The reply period in calendar days (defaults per kind). */
    periodDays: integer().notNull(),
    /**
     * 签发人 (the supervisor who signs): holds a valid 行政执法监督证 of the register on the issue date. Name as
     * entered and the certificate number found for it; null on documents issued before it was recorded.
     */
    signerName: text(),
    signerCertNo: text(),
    problemId: integer().references(() => enforcementReviewProblem.id),
    complaintId: integer(),
    caseId: integer().references(() => enforcementCase.id),
    status: text().notNull(),
    version: integer().notNull().default(1),
    replyDate: date({ mode: 'string' }),
    replyContent: text(),
    returnReason: text(),
    closedDate: date({ mode: 'string' }),
    closingOpinion: text(),
    reason: text(),
    ...recordStamps(),
  },
  (t) => [uniqueIndex('enforcement_supervision_doc_no_uq').on(t.docNo), index('enforcement_supervision_doc_org_idx').on(t.orgId, t.status), index('enforcement_supervision_doc_issued_idx').on(t.issuedDate)],
);
export type SupervisionDocRow = typeof enforcementSupervisionDoc.$inferSelect;

/** 投诉举报 about enforcement. Scope: the complained-about body's unit (`orgId`). */
export const enforcementComplaint = pgTable(
  'enforcement_complaint',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    bodyId: integer()
      .notNull()
      .references(() => enforcementBody.id),
    complaintNo: text().notNull(),
    receiptCode: text().notNull(),
    /** hotline 12345 | letter 来信 | visit 来访 | online 网上. */
    channel: text({ enum: ['hotline', 'letter', 'visit', 'online'] }).notNull(),
    receivedDate: date({ mode: 'string' }).notNull(),
    complainantName: text().notNull(),
    /** SM4 envelope. */
    complainantPhone: text(),
    subject: text().notNull(),
    content: text().notNull(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    verifyDueDate: date({ mode: 'string' }),
    assignNote: text(),
    /** substantiated 属实 | partly 部分属实 | unfounded 不属实. */
    result: text(),
    findings: text(),
    verifiedDate: date({ mode: 'string' }),
    conclusion: text(),
    concludedDate: date({ mode: 'string' }),
    reason: text(),
    ...recordStamps(),
  },
  (t) => [
    uniqueIndex('enforcement_complaint_receipt_uq').on(t.receiptCode),
    uniqueIndex('enforcement_complaint_no_uq').on(t.complaintNo),
    index('enforcement_complaint_org_idx').on(t.orgId, t.status),
    index('enforcement_complaint_received_idx').on(t.receivedDate),
  ],
);
export type ComplaintRow = typeof enforcementComplaint.$inferSelect;

/** 专项整治. Scope: the organising 司法局. */
export const enforcementCampaign = pgTable(
  'enforcement_campaign',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    title: text().notNull(),
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    bodyIds: jsonb().$type<number[]>().notNull(),
    /** 线索渠道 (e.g. 12345热线、举报邮箱). */
    channels: jsonb().$type<string[]>().notNull(),
    summary: text(),
    version: integer().notNull().default(1),
    ...recordStamps(),
  },
  (t) => [index('enforcement_campaign_org_idx').on(t.orgId)],
);

/** A step of the work plan (周推进). Scope: the campaign's 司法局. */
export const enforcementCampaignStep = pgTable(
  'enforcement_campaign_step',
  {
    id: serial().primaryKey(),
    campaignId: integer()
      .notNull()
      .references(() => enforcementCampaign.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    title: text().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    /** planned 未开始 | doing 推进中 | done 已完成. */
    status: text({ enum: ['planned', 'doing', 'done'] }).notNull().default('planned'),
    note: text(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_campaign_step_campaign_idx').on(t.campaignId)],
);

/** A participating body's monthly report (月报). Scope: the body's unit. */
export const enforcementCampaignReport = pgTable(
  'enforcement_campaign_report',
  {
    id: serial().primaryKey(),
    campaignId: integer()
      .notNull()
      .references(() => enforcementCampaign.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    bodyId: integer()
      .notNull()
      .references(() => enforcementBody.id),
    /** YYYY-MM. */
    month: text().notNull(),
    problemsFound: integer().notNull(),
    problemsRectified: integer().notNull(),
    content: text().notNull(),
    submittedDate: date({ mode: 'string' }).notNull(),
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enforcement_campaign_report_uq').on(t.campaignId, t.bodyId, t.month), index('enforcement_campaign_report_org_idx').on(t.orgId)],
);

/** 特邀行政执法监督员. Scope: the appointing 司法局. */
export const enforcementSupervisor = pgTable(
  'enforcement_special_supervisor',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    name: text().notNull(),
    workUnit: text().notNull(),
    termFrom: date({ mode: 'string' }).notNull(),
    termTo: date({ mode: 'string' }).notNull(),
    /** SM4 envelope. */
    phone: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_special_supervisor_org_idx').on(t.orgId)],
);

/** An activity of a 特邀监督员. Scope: the roster's 司法局. */
export const enforcementSupervisorActivity = pgTable(
  'enforcement_supervisor_activity',
  {
    id: serial().primaryKey(),
    supervisorId: integer()
      .notNull()
      .references(() => enforcementSupervisor.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    activityDate: date({ mode: 'string' }).notNull(),
    /** review 参与评查 | visit 明察暗访 | forum 座谈 | training 培训. */
    kind: text({ enum: ['review', 'visit', 'forum', 'training'] }).notNull(),
    bodyId: integer().references(() => enforcementBody.id),
    notes: text().notNull(),
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_supervisor_activity_sup_idx').on(t.supervisorId)],
);
