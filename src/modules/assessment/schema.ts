import { date, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser, orgUnit, recordStamps } from '../../kernel/db/schema';

const money = (precision = 6) => numeric({ precision, scale: 2, mode: 'number' });

/** 考核方案: the annual rule-of-law assessment of units, run by the 依法治办 (orgId = office unit). */
export const assessmentScheme = pgTable(
  'assessment_scheme',
  {
    id: serial().primaryKey(),
    year: integer().notNull(),
    title: text().notNull(),
    /** 法治建设 share of 目标责任制考核, in per cent (天台: 15). */
    weightInTarget: money(5).notNull(),
    /** draft → published (items frozen) → finalized (scores frozen). */
    status: text({ enum: ['draft', 'published', 'finalized'] }).notNull(),
    /** 述职述法 reports are due by this date. */
    dutyReportDueDate: date({ mode: 'string' }),
    note: text(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    version: integer().notNull().default(1),
    ...recordStamps(),
  },
  (t) => [index('assessment_scheme_year_idx').on(t.year, t.orgId)],
);

/** 考核项目 of a scheme, with who scores it and, for automatic items, the statistic it reads. */
export const assessmentItem = pgTable(
  'assessment_item',
  {
    id: serial().primaryKey(),
    schemeId: integer()
      .notNull()
      .references(() => assessmentScheme.id),
    sortOrder: integer().notNull().default(0),
    name: text().notNull(),
    maxScore: money().notNull(),
    scorer: text({ enum: ['office', 'third_party', 'democratic', 'auto'] }).notNull(),
    /** 评分细则. */
    rule: text(),
    statisticId: text(),
    autoRule: text({ enum: ['rate', 'count_penalty'] }),
    penalty: money(),
  },
  (t) => [index('assessment_item_scheme_idx').on(t.schemeId, t.sortOrder)],
);

/** A unit assessed under a scheme (the data-scope column is orgId). */
export const assessmentTarget = pgTable(
  'assessment_target',
  {
    id: serial().primaryKey(),
    schemeId: integer()
      .notNull()
      .references(() => assessmentScheme.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
  },
  (t) => [uniqueIndex('assessment_target_uq').on(t.schemeId, t.orgId)],
);

/** 评分: one score per item and unit; democratic items keep the panel's counts. */
export const assessmentScore = pgTable(
  'assessment_score',
  {
    id: serial().primaryKey(),
    schemeId: integer()
      .notNull()
      .references(() => assessmentScheme.id),
    itemId: integer()
      .notNull()
      .references(() => assessmentItem.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    score: money().notNull(),
    note: text(),
    evidence: text(),
    /** 民主测评 counts: 满意 / 基本满意 / 不满意. */
    satisfied: integer(),
    basicallySatisfied: integer(),
    dissatisfied: integer(),
    /** For automatic items: the figure read from the statistic. */
    rawValue: money(12),
    scoredBy: integer().references(() => appUser.id),
    scoredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('assessment_score_item_org_uq').on(t.itemId, t.orgId), index('assessment_score_scheme_org_idx').on(t.schemeId, t.orgId)],
);

/** 述职述法: a unit's first responsible person reports on performing the rule-of-law duty. */
export const dutyReport = pgTable(
  'duty_report',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    year: integer().notNull(),
    reporterName: text().notNull(),
    reporterTitle: text().notNull(),
    form: text({ enum: ['written', 'on_site'] }).notNull(),
    reportDate: date({ mode: 'string' }).notNull(),
    summary: text().notNull(),
    problems: text(),
    plans: text(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    reviewComment: text(),
    rating: text(),
    reason: text(),
    ...recordStamps(),
  },
  (t) => [index('duty_report_org_year_idx').on(t.orgId, t.year, t.status)],
);

/** 领导干部学法 sessions a unit records. */
export const studySession = pgTable(
  'study_session',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    date: date({ mode: 'string' }).notNull(),
    topic: text().notNull(),
    form: text({ enum: ['center_group', 'executive_meeting', 'lecture', 'court_hearing', 'other'] }).notNull(),
    lecturer: text(),
    attendeeCount: integer().notNull(),
    attendees: text(),
    durationHours: money(5).notNull(),
    version: integer().notNull().default(1),
    ...recordStamps(),
  },
  (t) => [index('study_session_org_date_idx').on(t.orgId, t.date)],
);

/** 学法考试 organised by a unit (usually the 依法治办 or the 司法局). */
export const lawExam = pgTable('law_exam', {
  id: serial().primaryKey(),
  title: text().notNull(),
  year: integer().notNull(),
  examDate: date({ mode: 'string' }).notNull(),
  orgId: integer()
    .notNull()
    .references(() => orgUnit.id),
  version: integer().notNull().default(1),
  createdBy: integer().references(() => appUser.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One unit's figures in an exam: 应考 / 参考 / 通过 人数. */
export const lawExamResult = pgTable(
  'law_exam_result',
  {
    id: serial().primaryKey(),
    examId: integer()
      .notNull()
      .references(() => lawExam.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    eligible: integer().notNull(),
    participated: integer().notNull(),
    passed: integer().notNull(),
    version: integer().notNull().default(1),
    updatedBy: integer().references(() => appUser.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('law_exam_result_uq').on(t.examId, t.orgId)],
);

export type AssessmentSchemeRow = typeof assessmentScheme.$inferSelect;
export type AssessmentItemRow = typeof assessmentItem.$inferSelect;
export type AssessmentScoreRow = typeof assessmentScore.$inferSelect;
export type DutyReportRow = typeof dutyReport.$inferSelect;
export type StudySessionRow = typeof studySession.$inferSelect;
export type LawExamRow = typeof lawExam.$inferSelect;
export type LawExamResultRow = typeof lawExamResult.$inferSelect;
