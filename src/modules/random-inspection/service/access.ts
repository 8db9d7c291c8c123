import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError, can, notFound, orgInScope, orgUnit, scopeWhere, validationError, type Ctx, type DbOrTx, workflowTable, permissionCodes } from '../../../kernel';
import { riPlan, riResult, type PlanRow, type ResultRow } from '../schema';
import { manifest } from '../manifest';

export const MODULE = manifest.key;
/** The module's permission codes, from its manifest. */
export const PERM = permissionCodes(manifest);


/**
 * The scope of plans: a plan is visible to every unit taking part in it (a `random_inspection_plan_unit`
 * row per unit, the lead unit included), so a participant of a joint plan sees it and records its part.
 */
export const planScope = (ctx: Ctx, permission: string = PERM.read, planId: SQL | typeof riPlan.id = riPlan.id): SQL =>
  sql`exists (select 1 from random_inspection_plan_unit pu where pu.plan_id = ${planId} and ${scopeWhere(ctx.actor, permission, { org: sql`pu.org_id` })})`;

/** Acting on a plan as a whole (publish, draw, finish) belongs to the lead unit. */
export const leadScope = (ctx: Ctx, permission: string): SQL => scopeWhere(ctx.actor, permission, { org: riPlan.orgId, owner: riPlan.createdBy });

export const getPlanInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db): Promise<PlanRow> => {
  const [row] = await db.select().from(riPlan).where(and(eq(riPlan.id, id), planScope(ctx)));
  if (!row) throw notFound('抽查计划');
  return row;
};

/** Whether the actor may act on the plan as its lead unit under `permission`. */
export const leadsPlan = async (ctx: Ctx, id: number, permission: string, db: DbOrTx = ctx.db): Promise<boolean> => {
  if (!can(ctx.actor, permission)) return false;
  const [row] = await db.select({ id: riPlan.id }).from(riPlan).where(and(eq(riPlan.id, id), leadScope(ctx, permission)));
  return Boolean(row);
};

/** A result is read through its plan (participants share results) and acted on by its own unit. */
export const getResultInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db): Promise<ResultRow> => {
  const [row] = await db.select().from(riResult).where(and(eq(riResult.id, id), planScope(ctx, PERM.read, riResult.planId as never)));
  if (!row) throw notFound('检查结果');
  return row;
};
export const resultActScope = (ctx: Ctx, permission: string = PERM.record): SQL => scopeWhere(ctx.actor, permission, { org: riResult.orgId, owner: riResult.recordedBy });

/** Any participating unit acts on a plan within its scope; which acts are the lead unit's alone is the module's rule. */
export const planTable = workflowTable(riPlan, { label: '抽查计划', scope: (ctx, permission) => planScope(ctx, permission) });
/** A result is acted on by the unit that recorded it. */
export const resultTable = workflowTable(riResult, { label: '检查结果', owner: riResult.recordedBy, scope: (ctx, permission) => resultActScope(ctx, permission) });
export const mayRecordResult = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db): Promise<boolean> => {
  if (!can(ctx.actor, PERM.record)) return false;
  const [row] = await db.select({ id: riResult.id }).from(riResult).where(and(eq(riResult.id, id), resultActScope(ctx)));
  return Boolean(row);
};

/** A unit the actor may write into under `permission` (404-like refusal outside scope). */
export const unitForWrite = async (ctx: Ctx, orgId: number, permission: string, db: DbOrTx = ctx.db, path = 'orgId') => {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const [org] = await db.select({ id: orgUnit.id, name: orgUnit.name, shortName: orgUnit.shortName, path: orgUnit.path, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, orgId));
  if (!org || !org.isActive) throw validationError([{ path, message: '单位不存在' }]);
  if (!orgInScope(ctx.actor, permission, org)) throw validationError([{ path, message: `“${org.name}”不在您的数据范围内` }]);
  return org;
};

export const orgNameSql = (col: SQL | AnyColumn) => sql<string>`(select name from org_unit o where o.id = ${col})`;
