import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { AppError, notFound, recordAudit, requirePermission, validationError, type Ctx, type DbOrTx } from '../../../kernel';
import type { CreateEditionInput } from '../contract';
import { indicatorEdition } from '../schema';
import { MODULE, PERM } from './access';

/** 指标体系版本, current first. */
export const listEditions = async (ctx: Ctx) => {
  requirePermission(ctx, PERM.read);
  const items = await ctx.db.select().from(indicatorEdition).orderBy(desc(indicatorEdition.isCurrent), desc(indicatorEdition.code), asc(indicatorEdition.id));
  return { items };
};

/** The edition asked for, or the current one. */
export const resolveEdition = async (db: DbOrTx, editionId?: number) => {
  const [row] = editionId
    ? await db.select().from(indicatorEdition).where(eq(indicatorEdition.id, editionId))
    : await db.select().from(indicatorEdition).orderBy(desc(indicatorEdition.isCurrent), desc(indicatorEdition.id)).limit(1);
  if (!row) throw notFound('指标体系版本');
  return row;
};

/** Inserts an edition in the caller's transaction; a current edition makes the others not current. */
export const insertEdition = async (tx: DbOrTx, ctx: Ctx, input: CreateEditionInput) => {
  const [dup] = await tx.select({ id: indicatorEdition.id }).from(indicatorEdition).where(eq(indicatorEdition.code, input.code));
  if (dup) throw validationError([{ path: 'code', message: `版本编码“${input.code}”已存在` }]);
  if (input.isCurrent) await tx.update(indicatorEdition).set({ isCurrent: false, updatedAt: ctx.now, version: sql`${indicatorEdition.version} + 1` }).where(eq(indicatorEdition.isCurrent, true));
  const [row] = await tx
    .insert(indicatorEdition)
    .values({ code: input.code, name: input.name, note: input.note, isCurrent: input.isCurrent, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  await recordAudit(tx, ctx, { action: 'edition.create', module: MODULE, entityType: 'indicator_edition', entityId: row!.id, after: { ...input } });
  return row!;
};

/** 新建版本. */
export const createEdition = async (ctx: Ctx, input: CreateEditionInput) => {
  requirePermission(ctx, PERM.manage);
  return ctx.db.transaction((tx) => insertEdition(tx, ctx, input));
};

/** 设为现行版本 (optimistic version). */
export const makeEditionCurrent = async (ctx: Ctx, id: number, version: number) => {
  requirePermission(ctx, PERM.manage);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicatorEdition).where(eq(indicatorEdition.id, id));
    if (!row) throw notFound('指标体系版本');
    await tx.update(indicatorEdition).set({ isCurrent: false }).where(and(eq(indicatorEdition.isCurrent, true), ne(indicatorEdition.id, id)));
    const [updated] = await tx
      .update(indicatorEdition)
      .set({ isCurrent: true, version: sql`${indicatorEdition.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(indicatorEdition.id, id), eq(indicatorEdition.version, version)))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '版本已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await recordAudit(tx, ctx, { action: 'edition.make_current', module: MODULE, entityType: 'indicator_edition', entityId: id, before: { isCurrent: row.isCurrent }, after: { isCurrent: true } });
    return updated;
  });
};
