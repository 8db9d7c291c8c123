import { and, eq, exists, ne, or, sql, type SQL } from 'drizzle-orm';
import { AppError, can, notFound, orgInScope, orgUnit, requirePermission, scopeWhere, validationError, type Actor, type Ctx, type DbOrTx, workflowTable, permissionCodes } from '../../../kernel';
import { assessmentScheme, assessmentTarget, dutyReport, lawExam, lawExamResult, type AssessmentSchemeRow } from '../schema';
import { manifest } from '../manifest';

export const MODULE = manifest.key;
/** The module's permission codes, from its manifest. */
export const PERM = permissionCodes(manifest);

/** Read scope of a unit column. */
export const orgScope = (ctx: Ctx, column: Parameters<typeof scopeWhere>[2]['org'], permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: column });

/**
 * A scheme is visible when its office unit, or one of its assessed units, lies in the actor's scope;
 * a draft only to those who may manage it.
 */
export const schemeScope = (ctx: Ctx, permission: string = PERM.read): SQL =>
  and(
    or(
      orgScope(ctx, assessmentScheme.orgId, permission),
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(assessmentTarget)
          .where(and(eq(assessmentTarget.schemeId, assessmentScheme.id), orgScope(ctx, assessmentTarget.orgId, permission))),
      ),
    ),
    or(ne(assessmentScheme.status, 'draft'), orgScope(ctx, assessmentScheme.orgId, PERM.manage)),
  )!;

/** Loads a scheme through the actor's scope (404 outside it). */
export const getSchemeInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db): Promise<AssessmentSchemeRow> => {
  const [row] = await db.select().from(assessmentScheme).where(and(eq(assessmentScheme.id, id), schemeScope(ctx)));
  if (!row) throw notFound('考核方案');
  return row;
};

/** Loads a scheme the actor may manage: 403 without the permission, 404 outside its scope. */
export const getSchemeToManage = async (ctx: Ctx, id: number, db: DbOrTx): Promise<AssessmentSchemeRow> => {
  requirePermission(ctx, PERM.manage);
  const [row] = await db
    .select()
    .from(assessmentScheme)
    .where(and(eq(assessmentScheme.id, id), orgScope(ctx, assessmentScheme.orgId, PERM.manage)));
  if (!row) throw notFound('考核方案');
  return row;
};

/** A change of a scheme's content needs it to be in one of `states`. */
export const requireSchemeState = (row: AssessmentSchemeRow, states: readonly string[], what: string): void => {
  if (!states.includes(row.status)) {
    const label = row.status === 'draft' ? '草拟中' : row.status === 'published' ? '已发布' : '已定稿';
    throw new AppError('INVALID_STATE', `方案${label}，不能${what}`, { details: { reason: 'wrong_state', state: row.status } });
  }
};

export const dutyReportTable = workflowTable(dutyReport, { label: '述职述法报告' });

/** Exams: visible where the organiser or a reported unit is in scope; reporting units see every exam to enter their figures. */
export const examScope = (ctx: Ctx): SQL =>
  or(
    orgScope(ctx, lawExam.orgId),
    can(ctx.actor, PERM.report) ? sql`true` : sql`false`,
    exists(ctx.db.select({ one: sql`1` }).from(lawExamResult).where(and(eq(lawExamResult.examId, lawExam.id), orgScope(ctx, lawExamResult.orgId)))),
  )!;

/** A unit the actor may write unit records for (学法, 考试情况): by `report` in its unit, or by `manage` in its scope. */
export const requireWritableUnit = async (ctx: Ctx, db: DbOrTx, orgId: number, field = 'orgId'): Promise<{ id: number; name: string }> => {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!can(actor, PERM.report) && !can(actor, PERM.manage)) throw new AppError('FORBIDDEN', '您没有此项操作的权限');
  const [org] = await db.select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, orgId));
  if (!org || !org.isActive || !unitWritable(actor, org)) throw validationError([{ path: field, message: '单位不存在或不在本人数据范围内' }]);
  return { id: org.id, name: org.name };
};

export const unitWritable = (actor: Actor, org: { id: number; path: string }): boolean =>
  orgInScope(actor, PERM.report, org) || orgInScope(actor, PERM.manage, org);

/** The unit name of a row's org column, for lists. */
export const orgNameOf = (column: Parameters<typeof scopeWhere>[2]['org']) => sql<string>`(select o.name from org_unit o where o.id = ${column})`;

/** Name lookup of a unit. */
export const unitName = async (db: DbOrTx, id: number): Promise<string> => {
  const [org] = await db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, id));
  return org?.name ?? '';
};

export const CONFLICT = () => new AppError('CONFLICT', '记录已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
