import { and, eq, sql } from 'drizzle-orm';
import { AppError, isDeclaredStatistic, notFound, recordAudit, requirePermission, validationError, type Ctx } from '../../../kernel';
import { levelOfCode, type CreateIndicatorInput, type UpdateIndicatorInput } from '../contract';
import { demoTask, indicator, indicatorEdition } from '../schema';
import { MODULE, PERM } from './access';

const checkStatistic = (ctx: Ctx, id: string | null | undefined) => {
  if (id && !isDeclaredStatistic(ctx, id)) throw validationError([{ path: 'statisticId', message: `统计项“${id}”未声明` }]);
};

/** 新增指标: the code's depth is its level, and a 二级/三级 code extends its parent's code. */
export const createIndicator = async (ctx: Ctx, input: CreateIndicatorInput) => {
  requirePermission(ctx, PERM.manage);
  checkStatistic(ctx, input.statisticId);
  return ctx.db.transaction(async (tx) => {
    const [edition] = await tx.select({ id: indicatorEdition.id }).from(indicatorEdition).where(eq(indicatorEdition.id, input.editionId));
    if (!edition) throw validationError([{ path: 'editionId', message: '指标体系版本不存在' }]);
    const level = levelOfCode(input.code);
    if (level === 1 && input.parentId) throw validationError([{ path: 'parentId', message: '一级指标没有上级指标' }]);
    if (level > 1) {
      if (!input.parentId) throw validationError([{ path: 'parentId', message: '请选择上级指标' }]);
      const [parent] = await tx.select().from(indicator).where(eq(indicator.id, input.parentId));
      if (!parent || parent.editionId !== input.editionId) throw validationError([{ path: 'parentId', message: '上级指标不存在' }]);
      if (parent.level !== level - 1 || !input.code.startsWith(`${parent.code}.`)) {
        throw validationError([{ path: 'code', message: `编码应为上级指标编码“${parent.code}”加一段，如 ${parent.code}.1` }]);
      }
    }
    const [dup] = await tx.select({ id: indicator.id }).from(indicator).where(and(eq(indicator.editionId, input.editionId), eq(indicator.code, input.code)));
    if (dup) throw validationError([{ path: 'code', message: `本版本已有编码为 ${input.code} 的指标` }]);
    const [row] = await tx
      .insert(indicator)
      .values({ ...input, level, maxScore: level === 3 ? input.maxScore : null, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await recordAudit(tx, ctx, { action: 'indicator.create', module: MODULE, entityType: 'indicator', entityId: row!.id, after: { ...input, level } });
    return row!;
  });
};

/** 修改指标 (conditional on the version the editor saw: a stale edit gets 409). */
export const updateIndicator = async (ctx: Ctx, id: number, input: UpdateIndicatorInput) => {
  requirePermission(ctx, PERM.manage);
  checkStatistic(ctx, input.statisticId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicator).where(eq(indicator.id, id));
    if (!row) throw notFound('指标');
    const { version, ...changes } = input;
    if (row.level !== 3 && changes.maxScore !== undefined && changes.maxScore !== null) {
      throw validationError([{ path: 'maxScore', message: '分值只在三级指标上填写，一级、二级指标的分值由下级汇总' }]);
    }
    const patch = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const [updated] = await tx
      .update(indicator)
      .set({ ...patch, version: sql`${indicator.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(indicator.id, id), eq(indicator.version, version)))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '指标已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await recordAudit(tx, ctx, {
      action: 'indicator.update',
      module: MODULE,
      entityType: 'indicator',
      entityId: id,
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]])),
      after: patch,
    });
    return updated;
  });
};

/** 删除指标: only one without lower indicators and without tasks. */
export const deleteIndicator = async (ctx: Ctx, id: number, version: number) => {
  requirePermission(ctx, PERM.manage);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicator).where(eq(indicator.id, id));
    if (!row) throw notFound('指标');
    if (row.version !== version) throw new AppError('CONFLICT', '指标已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    const [child] = await tx.select({ id: indicator.id }).from(indicator).where(eq(indicator.parentId, id)).limit(1);
    if (child) throw new AppError('INVALID_STATE', '该指标下还有下级指标，不能删除');
    const [task] = await tx.select({ id: demoTask.id }).from(demoTask).where(eq(demoTask.indicatorId, id)).limit(1);
    if (task) throw new AppError('INVALID_STATE', '该指标已分解任务，不能删除');
    const deleted = await tx.delete(indicator).where(and(eq(indicator.id, id), eq(indicator.version, version))).returning({ id: indicator.id });
    if (deleted.length === 0) throw new AppError('CONFLICT', '指标已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await recordAudit(tx, ctx, { action: 'indicator.delete', module: MODULE, entityType: 'indicator', entityId: id, before: { code: row.code, name: row.name } });
    return { id };
  });
};
