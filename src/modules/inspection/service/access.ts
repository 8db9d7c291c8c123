import { and, eq, sql, type SQL } from 'drizzle-orm';
import { can, notFound, orgUnit, scopeWhere, validationError, orgInScope, type Actor, type Ctx, type DbOrTx, workflowTable, permissionCodes } from '../../../kernel';
import { inspectionFinding, inspectionPlan, inspectionTarget, supervisionOrder, type InspectionFindingRow, type InspectionPlanRow, type SupervisionOrderRow } from '../schema';
import { manifest } from '../manifest';

export const MODULE = manifest.key;
/** The module's permission codes, from its manifest. */
export const PERM = permissionCodes(manifest);

export const orderTable = workflowTable(supervisionOrder, { label: '督办单', scope: (ctx, permission) => orderScope(ctx, permission) });

export const orderScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: supervisionOrder.orgId });
export const findingScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: inspectionFinding.orgId });
export const planScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: inspectionPlan.orgId });
export const targetScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: inspectionTarget.orgId });

/** A unit's subtree (the unit and the units below it), for the 单位 filters. */
export const inSubtree = (column: SQL | typeof supervisionOrder.orgId, orgId: number): SQL =>
  sql`${column} in (select id from org_unit where path like (select path from org_unit where id = ${orgId}) || '%')`;

/** Loads one order through the actor's scope for `permission`; outside scope it does not exist (404). */
export const getOrderInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<SupervisionOrderRow> => {
  const [row] = await db.select().from(supervisionOrder).where(and(eq(supervisionOrder.id, id), orderScope(ctx, permission)));
  if (!row) throw notFound('督办单');
  return row;
};

/** Whether an order lies within the actor's scope for `permission` (reading it is not enough to act on it). */
export const orderInScope = async (ctx: Ctx, id: number, permission: string, db: DbOrTx = ctx.db): Promise<boolean> => {
  if (!can(ctx.actor, permission)) return false;
  const [row] = await db.select({ id: supervisionOrder.id }).from(supervisionOrder).where(and(eq(supervisionOrder.id, id), orderScope(ctx, permission)));
  return Boolean(row);
};

export const getFindingInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<InspectionFindingRow> => {
  const [row] = await db.select().from(inspectionFinding).where(and(eq(inspectionFinding.id, id), findingScope(ctx, permission)));
  if (!row) throw notFound('督察问题');
  return row;
};

export const getPlanInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<InspectionPlanRow> => {
  const [row] = await db.select().from(inspectionPlan).where(and(eq(inspectionPlan.id, id), planScope(ctx, permission)));
  if (!row) throw notFound('督察计划');
  return row;
};

/** An active unit within the actor's scope for `permission`, or a field error on `path`. */
export const unitInScope = async (
  db: DbOrTx,
  actor: Actor,
  permission: string,
  orgId: number,
  path: string,
  what = '单位',
): Promise<{ id: number; name: string; shortName: string; path: string }> => {
  const [org] = await db.select({ id: orgUnit.id, name: orgUnit.name, shortName: orgUnit.shortName, path: orgUnit.path, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, orgId));
  if (!org || !org.isActive || !orgInScope(actor, permission, org)) throw validationError([{ path, message: `${what}不存在或不在本人数据范围内` }]);
  return org;
};

export { orgNameOf } from '../../../kernel';

export const orderOrgName = sql<string>`(select name from org_unit o where o.id = "supervision_order"."org_id")`;
export const findingOrgName = sql<string>`(select name from org_unit o where o.id = "inspection_finding"."org_id")`;

export const label = (list: readonly { value: string | number; label: string }[], v: string | number | null | undefined): string =>
  list.find((o) => o.value === v)?.label ?? (v === null || v === undefined ? '' : String(v));
