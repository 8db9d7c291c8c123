import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnit, recordStamps } from '../../kernel/db/schema';

/** 督察计划: an annual, special or patrol inspection organised by the 依法治市办 (orgId = the office unit). */
export const inspectionPlan = pgTable(
  'inspection_plan',
  {
    id: serial().primaryKey(),
    /** The organising office: the data-scope column. */
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    year: integer().notNull(),
    title: text().notNull(),
    kind: text({ enum: ['annual', 'special', 'patrol'] }).notNull(),
    method: text({ enum: ['written', 'on_site', 'third_party'] }).notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    /** 督察内容: the checklist items. */
    items: jsonb().$type<string[]>().notNull().default([]),
    inspectors: jsonb().$type<string[]>().notNull().default([]),
    status: text({ enum: ['draft', 'in_progress', 'completed'] }).notNull(),
    version: integer().notNull().default(1),
    ...recordStamps(),
  },
  (t) => [index('inspection_plan_org_year_idx').on(t.orgId, t.year)],
);

/** 督察对象: a unit inspected under a plan (orgId = the inspected unit, the data-scope column). */
export const inspectionTarget = pgTable(
  'inspection_target',
  {
    id: serial().primaryKey(),
    planId: integer()
      .notNull()
      .references(() => inspectionPlan.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    inspectedOn: date({ mode: 'string' }),
    conclusion: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_target_plan_org_uq').on(t.planId, t.orgId), index('inspection_target_org_idx').on(t.orgId)],
);

/** 督察发现的问题: one finding of a unit (orgId = the unit concerned, the data-scope column). */
export const inspectionFinding = pgTable(
  'inspection_finding',
  {
    id: serial().primaryKey(),
    planId: integer().references(() => inspectionPlan.id),
    targetId: integer().references(() => inspectionTarget.id),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    description: text().notNull(),
    category: text(),
    /** 整改要求. */
    requirement: text().notNull(),
    dueDate: date({ mode: 'string' }),
    /** 发现日期. */
    foundOn: date({ mode: 'string' }).notNull(),
    source: text({ enum: ['inspection', 'patrol', 'overdue_deadline', 'other'] }).notNull(),
    sourceModule: text(),
    sourceEntityType: text(),
    sourceEntityId: integer(),
    sourceLink: text(),
    sourceTitle: text(),
    status: text({ enum: ['open', 'ordered', 'closed'] }).notNull(),
    version: integer().notNull().default(1),
    ...recordStamps(),
  },
  (t) => [index('inspection_finding_org_status_idx').on(t.orgId, t.status), index('inspection_finding_plan_idx').on(t.planId)],
);

/** 督办单: an order to a unit (orgId = the unit ordered, the data-scope column) to rectify by a date. */
export const supervisionOrder = pgTable(
  'supervision_order',
  {
    id: serial().primaryKey(),
    /** 督办单文号 `{unit}督办〔{year}〕{seq}号`, numbered per issuing office. */
    orderNo: text().notNull(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    issuerOrgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    findingId: integer().references(() => inspectionFinding.id),
    title: text().notNull(),
    content: text().notNull(),
    requirement: text().notNull(),
    /** 整改期限 (the current one; a return may set a new one). */
    dueDate: date({ mode: 'string' }).notNull(),
    issuedOn: date({ mode: 'string' }).notNull(),
    source: text({ enum: ['inspection', 'patrol', 'overdue_deadline', 'other'] }).notNull(),
    sourceModule: text(),
    sourceEntityType: text(),
    sourceEntityId: integer(),
    sourceLink: text(),
    sourceTitle: text(),
    /** The deadline (case_clock) this order was raised from, if any. */
    sourceClockId: integer(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    /** 0 督办, 1 约谈, 2 通报. */
    escalationLevel: integer().notNull().default(0),
    measures: text(),
    result: text(),
    completedOn: date({ mode: 'string' }),
    /** The day the latest rectification report was submitted (on time when not after dueDate). */
    submittedOn: date({ mode: 'string' }),
    verificationOpinion: text(),
    closedOn: date({ mode: 'string' }),
    /** The reason given with the latest return or withdrawal. */
    reason: text(),
    interviewedOn: date({ mode: 'string' }),
    headName: text(),
    participants: text(),
    interviewSummary: text(),
    noticeNo: text(),
    noticeContent: text(),
    noticePublishedOn: date({ mode: 'string' }),
    ...recordStamps(),
  },
  (t) => [
    uniqueIndex('supervision_order_no_uq').on(t.orderNo),
    index('supervision_order_org_status_idx').on(t.orgId, t.status, t.issuedOn),
    index('supervision_order_finding_idx').on(t.findingId),
    // One open order per source deadline.
    uniqueIndex('supervision_order_open_clock_uq')
      .on(t.sourceClockId)
      .where(sql`status in ('issued', 'submitted', 'returned') and source_clock_id is not null`),
  ],
);

export type InspectionPlanRow = typeof inspectionPlan.$inferSelect;
export type InspectionTargetRow = typeof inspectionTarget.$inferSelect;
export type InspectionFindingRow = typeof inspectionFinding.$inferSelect;
export type SupervisionOrderRow = typeof supervisionOrder.$inferSelect;
