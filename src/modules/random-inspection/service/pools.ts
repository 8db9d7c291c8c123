import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { AppError, inOrgSubtree, recordAudit, requirePermission, scopeWhere, validationError, writeXlsx, type Ctx } from '../../../kernel';
import type { InspectorInput, ItemInput, RulesInput, TargetInput } from '../contract';
import { GRADE_LABELS, ITEM_KINDS, TARGET_TYPES } from '../plan-machine';
import { riInspector, riItem, riRules, riTarget } from '../schema';
import { MODULE, orgNameSql, PERM, unitForWrite } from './access';

const labelOf = (list: readonly { value: string; label: string }[], v: string) => list.find((o) => o.value === v)?.label ?? v;
type PoolKind = 'item' | 'inspector' | 'target';
const TABLES = { item: riItem, inspector: riInspector, target: riTarget } as const;
const NAMES: Record<PoolKind, string> = { item: '抽查事项', inspector: '执法检查人员', target: '检查对象' };

export interface PoolFilter {
  orgId?: number | undefined;
  q?: string | undefined;
  active?: boolean | undefined;
  creditGrade?: string | undefined;
  type?: string | undefined;
}

const conditions = (ctx: Ctx, kind: PoolKind, f: PoolFilter, permission: string): SQL => {
  const t = TABLES[kind];
  return and(
    scopeWhere(ctx.actor, permission, { org: t.orgId }),
    f.orgId ? inOrgSubtree(t.orgId, f.orgId) : undefined,
    f.active === undefined ? undefined : eq(t.active, f.active),
    f.q
      ? kind === 'target'
        ? or(ilike(riTarget.name, `%${f.q}%`), ilike(riTarget.creditCode, `%${f.q}%`), ilike(riTarget.industry, `%${f.q}%`))
        : kind === 'inspector'
          ? or(ilike(riInspector.name, `%${f.q}%`), ilike(riInspector.certificateNo, `%${f.q}%`), ilike(riInspector.expertise, `%${f.q}%`))
          : or(ilike(riItem.name, `%${f.q}%`), ilike(riItem.legalBasis, `%${f.q}%`))
      : undefined,
    kind === 'target' && f.creditGrade ? eq(riTarget.creditGrade, f.creditGrade as 'A') : undefined,
    kind === 'target' && f.type ? eq(riTarget.type, f.type as 'enterprise') : undefined,
  )!;
};

/** A pool's rows within scope, with the unit's name. */
export const findPool = async (ctx: Ctx, kind: PoolKind, f: PoolFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const t = TABLES[kind] as typeof riTarget;
  const where = conditions(ctx, kind, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(t).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select({ row: t, orgName: orgNameSql(t.orgId) })
    .from(t)
    .where(where)
    .orderBy(asc(t.orgId), asc(t.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items: items.map((r) => ({ ...r.row, orgName: r.orgName })) };
};

const insertValues = (kind: PoolKind, input: ItemInput | InspectorInput | TargetInput) => input as never;

const duplicate = (e: unknown): boolean => typeof e === 'object' && e !== null && /duplicate key|unique/i.test(String((e as { message?: string }).message ?? '') + String((e as { cause?: { message?: string } }).cause?.message ?? ''));

/** Adds a row to a pool of a unit in the actor's `manage` scope (audited). */
export const createPoolRow = async (ctx: Ctx, kind: PoolKind, input: ItemInput | InspectorInput | TargetInput) => {
  requirePermission(ctx, PERM.manage);
  try {
    return await ctx.db.transaction(async (tx) => {
      await unitForWrite(ctx, input.orgId, PERM.manage, tx);
      const t = TABLES[kind] as typeof riTarget;
      const [row] = await tx.insert(t).values(insertValues(kind, input)).returning();
      await recordAudit(tx, ctx, { action: `${kind}.create`, module: MODULE, entityType: `random_inspection_${kind}`, entityId: row!.id, after: input });
      return row!;
    });
  } catch (e) {
    if (duplicate(e)) throw validationError([{ path: kind === 'target' ? 'creditCode' : 'certificateNo', message: kind === 'target' ? '该单位的名录库中已有此统一社会信用代码' : '该单位已有此执法证号的人员' }]);
    throw e;
  }
};

/** Edits a pool row: a conditional update on the version the user saw (409 when stale). */
export const updatePoolRow = async (ctx: Ctx, kind: PoolKind, id: number, input: (ItemInput | InspectorInput | TargetInput) & { version: number }) => {
  requirePermission(ctx, PERM.manage);
  const t = TABLES[kind] as typeof riTarget;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(t).where(and(eq(t.id, id), scopeWhere(ctx.actor, PERM.manage, { org: t.orgId })));
      if (!before) throw new AppError('NOT_FOUND', `${NAMES[kind]}不存在或不在您的数据范围内`);
      await unitForWrite(ctx, input.orgId, PERM.manage, tx);
      const { version, ...values } = input as { version: number } & Record<string, unknown>;
      const [row] = await tx
        .update(t)
        .set({ ...values, version: sql`${t.version} + 1`, updatedAt: ctx.now })
        .where(and(eq(t.id, id), eq(t.version, version)))
        .returning();
      if (!row) throw new AppError('CONFLICT', '记录已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
      await recordAudit(tx, ctx, { action: `${kind}.update`, module: MODULE, entityType: `random_inspection_${kind}`, entityId: id, before, after: values });
      return row;
    });
  } catch (e) {
    if (duplicate(e)) throw validationError([{ path: kind === 'target' ? 'creditCode' : 'certificateNo', message: kind === 'target' ? '该单位的名录库中已有此统一社会信用代码' : '该单位已有此执法证号的人员' }]);
    throw e;
  }
};

/** Excel export of a pool within the actor's export scope. */
export const exportPool = async (ctx: Ctx, kind: 'target' | 'inspector', f: PoolFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items } = await findPool(ctx, kind, f, { page: 1, pageSize: 100_000 }, PERM.export);
  if (kind === 'target') {
    return writeXlsx('检查对象名录库', [
      { header: '单位', value: (r: (typeof items)[number]) => r.orgName, width: 24 },
      { header: '名称', value: (r) => r.name, width: 30 },
      { header: '统一社会信用代码', value: (r) => r.creditCode, width: 22 },
      { header: '类型', value: (r) => labelOf(TARGET_TYPES, r.type) },
      { header: '行业', value: (r) => r.industry },
      { header: '区域', value: (r) => r.region },
      { header: '信用风险等级', value: (r) => GRADE_LABELS[r.creditGrade] ?? r.creditGrade, width: 20 },
      { header: '状态', value: (r) => (r.active ? '在库' : '停用') },
    ], items);
  }
  const rows = items as unknown as (typeof riInspector.$inferSelect & { orgName: string })[];
  return writeXlsx('执法检查人员名录库', [
    { header: '单位', value: (r: (typeof rows)[number]) => r.orgName, width: 24 },
    { header: '姓名', value: (r) => r.name },
    { header: '执法证号', value: (r) => r.certificateNo, width: 20 },
    { header: '专业领域', value: (r) => r.expertise, width: 24 },
    { header: '回避对象', value: (r) => r.conflictCodes.join('，'), width: 40 },
    { header: '状态', value: (r) => (r.active ? '在库' : '停用') },
  ], rows);
};

export const itemKindLabel = (v: string) => labelOf(ITEM_KINDS, v);

/** 细则: a new revision of a unit's working rules (earlier revisions are kept). */
export const addRules = async (ctx: Ctx, input: RulesInput) => {
  requirePermission(ctx, PERM.manage);
  return ctx.db.transaction(async (tx) => {
    await unitForWrite(ctx, input.orgId, PERM.manage, tx);
    const [last] = await tx.select({ revision: riRules.revision }).from(riRules).where(eq(riRules.orgId, input.orgId)).orderBy(desc(riRules.revision)).limit(1);
    const [row] = await tx
      .insert(riRules)
      .values({ ...input, revision: (last?.revision ?? 0) + 1, createdBy: ctx.actor?.id ?? null, createdAt: ctx.now })
      .returning();
    await recordAudit(tx, ctx, { action: 'rules.revise', module: MODULE, entityType: 'random_inspection_rules', entityId: row!.id, after: { orgId: input.orgId, revision: row!.revision, title: input.title } });
    return row!;
  });
};

/** Every revision of the rules within scope, newest first. */
export const listRules = async (ctx: Ctx, orgId?: number) => {
  requirePermission(ctx, PERM.read);
  const items = await ctx.db
    .select({ row: riRules, orgName: orgNameSql(riRules.orgId) })
    .from(riRules)
    .where(and(scopeWhere(ctx.actor, PERM.read, { org: riRules.orgId }), orgId ? inOrgSubtree(riRules.orgId, orgId) : undefined))
    .orderBy(asc(riRules.orgId), desc(riRules.revision))
    .limit(500);
  return { items: items.map((r) => ({ ...r.row, orgName: r.orgName })) };
};


/**
 * Units a plan may involve, with their active items (the 抽查事项清单 are published, so a lead unit sees its
 * partners' lists): the departments of the actor's 辖区 (the nearest city/county above its unit) that keep a list.
 */
export const participantOptions = async (ctx: Ctx) => {
  const actor = requirePermission(ctx, PERM.manage);
  const rows = await ctx.db
    .select({ id: riItem.id, name: riItem.name, kind: riItem.kind, ratioPercent: riItem.ratioPercent, orgId: riItem.orgId, orgName: orgNameSql(riItem.orgId) })
    .from(riItem)
    .where(and(eq(riItem.active, true), sql`${riItem.orgId} in (select ou.id from org_unit ou where ou.path like ${`${actor.jurisdictionPath}%`} and ou.is_active)`))
    .orderBy(asc(riItem.orgId), asc(riItem.id));
  const units = new Map<number, { orgId: number; name: string; items: { id: number; name: string; kind: string; ratioPercent: number }[] }>();
  for (const r of rows) {
    if (!units.has(r.orgId)) units.set(r.orgId, { orgId: r.orgId, name: r.orgName, items: [] });
    units.get(r.orgId)!.items.push({ id: r.id, name: r.name, kind: r.kind, ratioPercent: r.ratioPercent });
  }
  return { ownOrgId: actor.orgId, units: [...units.values()] };
};
