import { and, count, eq, sql } from 'drizzle-orm';
import { AppError, recordAudit, requirePermission, validationError, type Ctx } from '../../../kernel';
import type { PlanInput, PlanUpdateInput } from '../contract';
import { inspectionFinding, inspectionPlan, inspectionTarget, type InspectionPlanRow } from '../schema';
import { getPlanInScope, MODULE, PERM } from './access';

const checkDates = (input: PlanInput) => {
  if (input.endDate < input.startDate) throw validationError([{ path: 'endDate', message: '结束日期不能早于开始日期' }]);
  if (Number(input.startDate.slice(0, 4)) !== input.year && Number(input.endDate.slice(0, 4)) !== input.year) {
    throw validationError([{ path: 'startDate', message: `督察时间应在 ${input.year} 年度内` }]);
  }
};

/** 制定督察计划: the plan belongs to the actor's own office unit. */
export const createPlan = async (ctx: Ctx, input: PlanInput): Promise<InspectionPlanRow> => {
  const actor = requirePermission(ctx, PERM.manage);
  checkDates(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionPlan)
      .values({ ...input, orgId: actor.orgId, status: 'draft', createdBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await recordAudit(tx, ctx, { action: 'plan.create', module: MODULE, entityType: 'inspection_plan', entityId: row!.id, after: input });
    return row!;
  });
};

/** 修改督察计划 (and its status): a stale version loses with 409. */
export const updatePlan = async (ctx: Ctx, id: number, input: PlanUpdateInput): Promise<InspectionPlanRow> => {
  requirePermission(ctx, PERM.manage);
  checkDates(input);
  return ctx.db.transaction(async (tx) => {
    const before = await getPlanInScope(ctx, id, tx, PERM.manage);
    const { version, ...values } = input;
    const [row] = await tx
      .update(inspectionPlan)
      .set({ ...values, version: sql`${inspectionPlan.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(inspectionPlan.id, id), eq(inspectionPlan.version, version)))
      .returning();
    if (!row) throw new AppError('CONFLICT', '督察计划已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await recordAudit(tx, ctx, {
      action: 'plan.update',
      module: MODULE,
      entityType: 'inspection_plan',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: values,
    });
    return row;
  });
};

/** 删除督察计划: only a draft without findings. */
export const deletePlan = async (ctx: Ctx, id: number, version: number): Promise<void> => {
  requirePermission(ctx, PERM.manage);
  await ctx.db.transaction(async (tx) => {
    const plan = await getPlanInScope(ctx, id, tx, PERM.manage);
    if (plan.status !== 'draft') throw new AppError('INVALID_STATE', '只能删除草拟状态的督察计划');
    const [{ n }] = (await tx.select({ n: count() }).from(inspectionFinding).where(eq(inspectionFinding.planId, id))) as [{ n: number }];
    if (Number(n) > 0) throw new AppError('INVALID_STATE', '该计划已记录督察问题，不能删除');
    if (plan.version !== version) throw new AppError('CONFLICT', '督察计划已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await tx.delete(inspectionTarget).where(eq(inspectionTarget.planId, id));
    const gone = await tx.delete(inspectionPlan).where(and(eq(inspectionPlan.id, id), eq(inspectionPlan.version, version))).returning({ id: inspectionPlan.id });
    if (gone.length === 0) throw new AppError('CONFLICT', '督察计划已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await recordAudit(tx, ctx, { action: 'plan.delete', module: MODULE, entityType: 'inspection_plan', entityId: id, before: { title: plan.title } });
  });
};
