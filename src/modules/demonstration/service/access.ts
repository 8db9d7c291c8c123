import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { can, notFound, scopeWhere, type Ctx, type DbOrTx, workflowTable, permissionCodes } from '../../../kernel';
import { taskAssignment, type AssignmentRow } from '../schema';
import { manifest } from '../manifest';

export const MODULE = manifest.key;
/** The module's permission codes, from its manifest. */
export const PERM = permissionCodes(manifest);

export const assignmentTable = workflowTable(taskAssignment, { label: '任务', scope: (ctx, permission) => assignmentScope(ctx, permission) });

/** The data-scope condition on assignments (by the responsible unit) for a permission. */
export const assignmentScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: taskAssignment.orgId });

/** The same condition over any column naming the responsible unit (raw SQL queries). */
export const scopeOn = (ctx: Ctx, column: SQL, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: column });

/** Loads one assignment through the actor's scope; outside scope it does not exist (404). */
export const getAssignmentInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<AssignmentRow> => {
  const [row] = await db.select().from(taskAssignment).where(and(eq(taskAssignment.id, id), assignmentScope(ctx, permission)));
  if (!row) throw notFound('任务');
  return row;
};

/** Whether an assignment lies within the actor's scope for `permission` (acting may be narrower than seeing). */
export const assignmentInScope = async (ctx: Ctx, id: number, permission: string, db: DbOrTx = ctx.db): Promise<boolean> => {
  if (!can(ctx.actor, permission)) return false;
  const [row] = await db.select({ id: taskAssignment.id }).from(taskAssignment).where(and(eq(taskAssignment.id, id), assignmentScope(ctx, permission)));
  return Boolean(row);
};

export const orgName = (column: SQL | AnyColumn) => sql<string>`(select name from org_unit o where o.id = ${column})`;

/** Rounds to one decimal place. */
export const round1 = (v: number | null | undefined): number | null => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10) / 10);
