import { boolean, date, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { appUser, orgUnit } from '../../kernel/db/schema';

/** 指标体系版本 (2019版, 2021版, 申报指南…); one is current. City-wide reference data, not scoped. */
export const indicatorEdition = pgTable(
  'indicator_edition',
  {
    id: serial().primaryKey(),
    code: text().notNull(),
    name: text().notNull(),
    isCurrent: boolean().notNull().default(false),
    note: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_edition_code_uq').on(t.code)],
);

/** 指标: 一级 / 二级 / 三级 of an edition. Scores (分值) are entered by administrators (weights are not published). */
export const indicator = pgTable(
  'indicator',
  {
    id: serial().primaryKey(),
    editionId: integer()
      .notNull()
      .references(() => indicatorEdition.id),
    parentId: integer().references((): AnyPgColumn => indicator.id),
    level: integer().notNull(),
    /** 编码: `1`, `1.1`, `1.1.3`. */
    code: text().notNull(),
    sortOrder: integer().notNull().default(0),
    name: text().notNull(),
    /** 评价标准 (三级). */
    standard: text(),
    /** 佐证材料. */
    evidenceRequired: text(),
    /** 分值 (三级; 一级/二级 sum their children). */
    maxScore: numeric({ precision: 7, scale: 1, mode: 'number' }),
    /** Content confirmed from an official source (true) or a placeholder to be replaced (false). */
    confirmed: boolean().notNull().default(false),
    /** A declared statistic shown beside the indicator as live evidence. */
    statisticId: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_code_uq').on(t.editionId, t.code), index('indicator_parent_idx').on(t.parentId)],
);

/** 任务/措施 decomposed from a 三级 indicator by the 依法治市(县)办. */
export const demoTask = pgTable(
  'demo_task',
  {
    id: serial().primaryKey(),
    editionId: integer()
      .notNull()
      .references(() => indicatorEdition.id),
    indicatorId: integer()
      .notNull()
      .references(() => indicator.id),
    title: text().notNull(),
    measures: text(),
    evidenceRequired: text(),
    year: integer().notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    leadOrgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    /** The creating office's unit: the data-scope column. */
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('demo_task_indicator_idx').on(t.indicatorId), index('demo_task_year_idx').on(t.year)],
);

/** 责任分工: one task for one responsible unit (牵头 or 配合); the workflow record. */
export const taskAssignment = pgTable(
  'task_assignment',
  {
    id: serial().primaryKey(),
    taskId: integer()
      .notNull()
      .references(() => demoTask.id),
    /** 责任单位: the data-scope column. */
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    role: text({ enum: ['lead', 'co'] }).notNull(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    dueDate: date({ mode: 'string' }).notNull(),
    progressSummary: text(),
    progressPercent: integer(),
    selfScore: integer(),
    /** 销号评分 by the office (0–100). */
    score: integer(),
    comment: text(),
    reason: text(),
    lastReportedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('task_assignment_task_org_uq').on(t.taskId, t.orgId),
    index('task_assignment_org_status_idx').on(t.orgId, t.status),
  ],
);

/** 进展报送: each report of an assignment, kept as a list. */
export const taskProgress = pgTable(
  'task_progress',
  {
    id: serial().primaryKey(),
    assignmentId: integer()
      .notNull()
      .references(() => taskAssignment.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    summary: text().notNull(),
    percent: integer().notNull(),
    selfScore: integer(),
    reportedBy: integer().references(() => appUser.id),
    reportedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('task_progress_assignment_idx').on(t.assignmentId)],
);

export type IndicatorRow = typeof indicator.$inferSelect;
export type AssignmentRow = typeof taskAssignment.$inferSelect;
export type DemoTaskRow = typeof demoTask.$inferSelect;
