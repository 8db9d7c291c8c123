import { and, eq, sql } from 'drizzle-orm';
import { isDeclaredStatistic, notFound, recordAudit, validationError, type Ctx, type DbOrTx } from '../../../kernel';
import type { ItemInput } from '../contract';
import { assessmentItem, assessmentScheme, assessmentScore } from '../schema';
import { CONFLICT, getSchemeToManage, MODULE, requireSchemeState } from './access';

const checkStatistic = (ctx: Ctx, input: ItemInput) => {
  if (input.scorer === 'auto' && input.statisticId && !isDeclaredStatistic(ctx, input.statisticId)) {
    throw validationError([{ path: 'item.statisticId', message: `统计项“${input.statisticId}”未声明` }]);
  }
};

// Any change of the items bumps the scheme's version, so two editors of one draft cannot both win.
const bump = async (tx: DbOrTx, ctx: Ctx, schemeId: number, version: number) => {
  const [row] = await tx
    .update(assessmentScheme)
    .set({ version: sql`${assessmentScheme.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(assessmentScheme.id, schemeId), eq(assessmentScheme.version, version), eq(assessmentScheme.status, 'draft')))
    .returning();
  if (!row) throw CONFLICT();
  return row;
};

const values = (input: ItemInput) => ({
  sortOrder: input.sortOrder,
  name: input.name,
  maxScore: input.maxScore,
  scorer: input.scorer,
  rule: input.rule,
  statisticId: input.scorer === 'auto' ? input.statisticId : null,
  autoRule: input.scorer === 'auto' ? input.autoRule : null,
  penalty: input.scorer === 'auto' && input.autoRule === 'count_penalty' ? input.penalty : null,
});

/** 新增考核项目 (draft only). */
export const addItem = async (ctx: Ctx, schemeId: number, input: ItemInput, version: number) =>
  ctx.db.transaction(async (tx) => {
    const scheme = await getSchemeToManage(ctx, schemeId, tx);
    requireSchemeState(scheme, ['draft'], '调整考核项目');
    checkStatistic(ctx, input);
    const bumped = await bump(tx, ctx, schemeId, version);
    const [item] = await tx.insert(assessmentItem).values({ schemeId, ...values(input) }).returning();
    await recordAudit(tx, ctx, { action: 'scheme.item_add', module: MODULE, entityType: 'assessment_scheme', entityId: schemeId, after: item, reason: input.name });
    return { item: item!, schemeVersion: bumped.version };
  });

const loadItem = async (tx: DbOrTx, schemeId: number, itemId: number) => {
  const [item] = await tx.select().from(assessmentItem).where(and(eq(assessmentItem.id, itemId), eq(assessmentItem.schemeId, schemeId)));
  if (!item) throw notFound('考核项目');
  return item;
};

/** 修改考核项目 (draft only). */
export const updateItem = async (ctx: Ctx, schemeId: number, itemId: number, input: ItemInput, version: number) =>
  ctx.db.transaction(async (tx) => {
    const scheme = await getSchemeToManage(ctx, schemeId, tx);
    requireSchemeState(scheme, ['draft'], '调整考核项目');
    const before = await loadItem(tx, schemeId, itemId);
    checkStatistic(ctx, input);
    const bumped = await bump(tx, ctx, schemeId, version);
    const [item] = await tx.update(assessmentItem).set(values(input)).where(eq(assessmentItem.id, itemId)).returning();
    await recordAudit(tx, ctx, { action: 'scheme.item_update', module: MODULE, entityType: 'assessment_scheme', entityId: schemeId, before, after: item, reason: input.name });
    return { item: item!, schemeVersion: bumped.version };
  });

/** 删除考核项目 (draft only; a draft has no scores). */
export const deleteItem = async (ctx: Ctx, schemeId: number, itemId: number, version: number) =>
  ctx.db.transaction(async (tx) => {
    const scheme = await getSchemeToManage(ctx, schemeId, tx);
    requireSchemeState(scheme, ['draft'], '调整考核项目');
    const before = await loadItem(tx, schemeId, itemId);
    const bumped = await bump(tx, ctx, schemeId, version);
    await tx.delete(assessmentScore).where(eq(assessmentScore.itemId, itemId));
    await tx.delete(assessmentItem).where(eq(assessmentItem.id, itemId));
    await recordAudit(tx, ctx, { action: 'scheme.item_delete', module: MODULE, entityType: 'assessment_scheme', entityId: schemeId, before, reason: before.name });
    return { schemeVersion: bumped.version };
  });
