import { and, count, eq, sql } from 'drizzle-orm';
import { AppError, notFound, recordAudit, requirePermission, toLocalDate, validationError, type Ctx, type DbOrTx } from '../../../kernel';
import type { TargetInput, TargetUpdateInput } from '../contract';
import { inspectionFinding, inspectionTarget, type InspectionTargetRow } from '../schema';
import { getPlanInScope, MODULE, PERM, unitInScope } from './access';

/** The target of a plan for a unit, created on first use (findings are recorded per target). */
export const ensureTarget = async (tx: DbOrTx, ctx: Ctx, planId: number, orgId: number): Promise<InspectionTargetRow> => {
  const [hit] = await tx.select().from(inspectionTarget).where(and(eq(inspectionTarget.planId, planId), eq(inspectionTarget.orgId, orgId)));
  if (hit) return hit;
  const [row] = await tx.insert(inspectionTarget).values({ planId, orgId, createdAt: ctx.now, updatedAt: ctx.now }).returning();
  await recordAudit(tx, ctx, { action: 'target.add', module: MODULE, entityType: 'inspection_target', entityId: row!.id, after: { planId, orgId } });
  return row!;
};

const checkInspectedOn = (ctx: Ctx, d: string | null | undefined) => {
  if (d && d > toLocalDate(ctx.now)) throw validationError([{ path: 'inspectedOn', message: '督察日期不能晚于今天' }]);
};

/** 添加督察对象. */
export const addTarget = async (ctx: Ctx, planId: number, input: TargetInput): Promise<InspectionTargetRow> => {
  const actor = requirePermission(ctx, PERM.manage);
  checkInspectedOn(ctx, input.inspectedOn);
  return ctx.db.transaction(async (tx) => {
    await getPlanInScope(ctx, planId, tx, PERM.manage);
    await unitInScope(tx, actor, PERM.manage, input.orgId, 'orgId', '被督察单位');
    const [dup] = await tx.select({ id: inspectionTarget.id }).from(inspectionTarget).where(and(eq(inspectionTarget.planId, planId), eq(inspectionTarget.orgId, input.orgId)));
    if (dup) throw validationError([{ path: 'orgId', message: '该单位已是本计划的督察对象' }]);
    const [row] = await tx
      .insert(inspectionTarget)
      .values({ planId, orgId: input.orgId, inspectedOn: input.inspectedOn ?? null, conclusion: input.conclusion, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await recordAudit(tx, ctx, { action: 'target.add', module: MODULE, entityType: 'inspection_target', entityId: row!.id, after: { planId, ...input } });
    return row!;
  });
};

const loadTarget = async (tx: DbOrTx, ctx: Ctx, planId: number, targetId: number): Promise<InspectionTargetRow> => {
  await getPlanInScope(ctx, planId, tx, PERM.manage);
  const [row] = await tx.select().from(inspectionTarget).where(and(eq(inspectionTarget.id, targetId), eq(inspectionTarget.planId, planId)));
  if (!row) throw notFound('督察对象');
  return row;
};

/** 记录督察情况 (date and conclusion) of a target. */
export const updateTarget = async (ctx: Ctx, planId: number, targetId: number, input: TargetUpdateInput): Promise<InspectionTargetRow> => {
  requirePermission(ctx, PERM.manage);
  checkInspectedOn(ctx, input.inspectedOn);
  return ctx.db.transaction(async (tx) => {
    await loadTarget(tx, ctx, planId, targetId);
    const [row] = await tx
      .update(inspectionTarget)
      .set({ inspectedOn: input.inspectedOn ?? null, conclusion: input.conclusion, version: sql`${inspectionTarget.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(inspectionTarget.id, targetId), eq(inspectionTarget.version, input.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT', '督察对象已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await recordAudit(tx, ctx, { action: 'target.update', module: MODULE, entityType: 'inspection_target', entityId: targetId, after: input });
    return row;
  });
};

/** 移除督察对象: only while no finding is recorded for it. */
export const removeTarget = async (ctx: Ctx, planId: number, targetId: number): Promise<void> => {
  requirePermission(ctx, PERM.manage);
  await ctx.db.transaction(async (tx) => {
    const target = await loadTarget(tx, ctx, planId, targetId);
    const [{ n }] = (await tx.select({ n: count() }).from(inspectionFinding).where(eq(inspectionFinding.targetId, targetId))) as [{ n: number }];
    if (Number(n) > 0) throw new AppError('INVALID_STATE', '已对该单位记录督察问题，不能移除');
    await tx.delete(inspectionTarget).where(eq(inspectionTarget.id, targetId));
    await recordAudit(tx, ctx, { action: 'target.remove', module: MODULE, entityType: 'inspection_target', entityId: targetId, before: { planId, orgId: target.orgId } });
  });
};
