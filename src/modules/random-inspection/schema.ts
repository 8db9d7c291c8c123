import { boolean, date, index, integer, jsonb, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser, orgUnit, recordStamps } from '../../kernel/db/schema';

/** 抽查事项清单: one row per item of a department's list (the ratio and frequency are settings per item, statutes §15). */
export const riItem = pgTable(
  'random_inspection_item',
  {
    id: serial().primaryKey(),
    orgId: integer().notNull().references(() => orgUnit.id),
    name: text().notNull(),
    /** 一般检查事项 / 重点检查事项. */
    kind: text({ enum: ['general', 'key'] }).notNull(),
    legalBasis: text().notNull(),
    targetType: text({ enum: ['enterprise', 'individual', 'other'] }).notNull(),
    /** 抽查比例目标 (%) and 抽查频次 (次/年). */
    ratioPercent: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    frequencyPerYear: integer().notNull(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('random_inspection_item_org_idx').on(t.orgId)],
);

/** 执法检查人员名录库: the module's own inspector pool (filled by form or Excel import, e.g. from the 执法人员 export). */
export const riInspector = pgTable(
  'random_inspection_inspector',
  {
    id: serial().primaryKey(),
    orgId: integer().notNull().references(() => orgUnit.id),
    name: text().notNull(),
    certificateNo: text().notNull(),
    expertise: text().notNull().default(''),
    /** 利害关系回避: unified social credit codes of targets this inspector must not inspect. */
    conflictCodes: text().array().notNull().default([]),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('random_inspection_inspector_cert_uq').on(t.orgId, t.certificateNo)],
);

/** 检查对象名录库 of a department, with the 信用风险分类 grade A–D (分类分级). */
export const riTarget = pgTable(
  'random_inspection_target',
  {
    id: serial().primaryKey(),
    orgId: integer().notNull().references(() => orgUnit.id),
    name: text().notNull(),
    creditCode: text().notNull(),
    type: text({ enum: ['enterprise', 'individual', 'other'] }).notNull(),
    industry: text().notNull().default(''),
    region: text().notNull().default(''),
    creditGrade: text({ enum: ['A', 'B', 'C', 'D'] }).notNull(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('random_inspection_target_code_uq').on(t.orgId, t.creditCode), index('random_inspection_target_org_grade_idx').on(t.orgId, t.active, t.creditGrade)],
);

/** 抽查工作细则: one document per unit, each revision a new row (versioned, never overwritten). */
export const riRules = pgTable(
  'random_inspection_rules',
  {
    id: serial().primaryKey(),
    orgId: integer().notNull().references(() => orgUnit.id),
    revision: integer().notNull(),
    title: text().notNull(),
    content: text().notNull(),
    effectiveDate: date({ mode: 'string' }).notNull(),
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('random_inspection_rules_rev_uq').on(t.orgId, t.revision)],
);

/** Sampling ratios (%) per credit grade for a graded plan. */
export interface GradeRatios {
  A: number;
  B: number;
  C: number;
  D: number;
}

/** 抽查计划 (one batch of a unit's annual plan). The data-scope column of lists is the participating unit (`random_inspection_plan_unit`). */
export const riPlan = pgTable(
  'random_inspection_plan',
  {
    id: serial().primaryKey(),
    planNo: text().notNull(),
    /** 牵头单位. */
    orgId: integer().notNull().references(() => orgUnit.id),
    year: integer().notNull(),
    title: text().notNull(),
    batch: text().notNull(),
    kind: text({ enum: ['single', 'joint'] }).notNull(),
    /** 分级: ratios per credit grade instead of one ratio. */
    graded: boolean().notNull(),
    gradeRatios: jsonb().$type<GradeRatios>().notNull(),
    ratioPercent: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    targetType: text({ enum: ['enterprise', 'individual', 'other'] }),
    scope: text().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    /** 报备 with the department one level up. */
    filedDate: date({ mode: 'string' }),
    filedWith: text(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    finishedDate: date({ mode: 'string' }),
    reason: text(),
    ...recordStamps(),
  },
  (t) => [uniqueIndex('random_inspection_plan_no_uq').on(t.planNo), index('random_inspection_plan_org_year_idx').on(t.orgId, t.year)],
);
export type PlanRow = typeof riPlan.$inferSelect;

/** A unit taking part in a plan (the lead unit too), with its items: the scope column of plan lists. */
export const riPlanUnit = pgTable(
  'random_inspection_plan_unit',
  {
    id: serial().primaryKey(),
    planId: integer().notNull().references(() => riPlan.id),
    orgId: integer().notNull().references(() => orgUnit.id),
    lead: boolean().notNull(),
    itemIds: integer().array().notNull(),
  },
  (t) => [uniqueIndex('random_inspection_plan_unit_uq').on(t.planId, t.orgId), index('random_inspection_plan_unit_org_idx').on(t.orgId)],
);

/** The pools as they were at a draw: ordered ids and what the algorithm reads. */
export interface DrawSnapshot {
  algorithm: string;
  params: { graded: boolean; gradeRatios: GradeRatios; ratioPercent: number; units: number[]; minInspectors: number };
  targets: { id: number; creditCode: string; grade: string }[];
  inspectors: { id: number; orgId: number; conflicts: string[] }[];
}
export interface DrawGroup {
  targetId: number;
  inspectorIds: number[];
}

/** 抽取 (each draw of a plan is kept; a re-draw supersedes the earlier one). */
export const riDraw = pgTable(
  'random_inspection_draw',
  {
    id: serial().primaryKey(),
    planId: integer().notNull().references(() => riPlan.id),
    orgId: integer().notNull().references(() => orgUnit.id),
    seq: integer().notNull(),
    /** 32 random bytes, hex. */
    seed: text().notNull(),
    snapshot: jsonb().$type<DrawSnapshot>().notNull(),
    /** SHA-256 of the canonical JSON of the snapshot. */
    snapshotDigest: text().notNull(),
    groups: jsonb().$type<DrawGroup[]>().notNull(),
    superseded: boolean().notNull().default(false),
    reason: text(),
    drawnBy: integer().references(() => appUser.id),
    drawnAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('random_inspection_draw_seq_uq').on(t.planId, t.seq)],
);
export type DrawRow = typeof riDraw.$inferSelect;

/** 检查: one per drawn target of the current draw, with its assigned inspectors (one visit). */
export const riInspection = pgTable(
  'random_inspection_inspection',
  {
    id: serial().primaryKey(),
    planId: integer().notNull().references(() => riPlan.id),
    drawId: integer().notNull().references(() => riDraw.id),
    /** The plan's lead unit. */
    orgId: integer().notNull().references(() => orgUnit.id),
    targetId: integer().notNull().references(() => riTarget.id),
    targetName: text().notNull(),
    creditCode: text().notNull(),
    creditGrade: text().notNull(),
    inspectorIds: integer().array().notNull(),
    inspectorNames: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('random_inspection_inspection_plan_idx').on(t.planId)],
);

/** 检查结果 of one participating unit for one inspection (谁检查、谁录入、谁公开): the publication workflow. */
export const riResult = pgTable(
  'random_inspection_result',
  {
    id: serial().primaryKey(),
    inspectionId: integer().notNull().references(() => riInspection.id),
    planId: integer().notNull().references(() => riPlan.id),
    /** The unit recording and publishing this part (data scope). */
    orgId: integer().notNull().references(() => orgUnit.id),
    itemNames: text().notNull(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    outcome: text(),
    resultDate: date({ mode: 'string' }),
    notes: text(),
    publishedDate: date({ mode: 'string' }),
    recordedBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('random_inspection_result_inspection_idx').on(t.inspectionId), index('random_inspection_result_org_status_idx').on(t.orgId, t.status)],
);
export type ResultRow = typeof riResult.$inferSelect;

/** 考核目标 (分类分级检查比例, 联合检查任务比例) set by a unit for itself and the units below it. */
export const riSetting = pgTable(
  'random_inspection_setting',
  {
    id: serial().primaryKey(),
    orgId: integer().notNull().references(() => orgUnit.id),
    gradedTarget: integer().notNull(),
    jointTarget: integer().notNull(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('random_inspection_setting_org_uq').on(t.orgId)],
);
