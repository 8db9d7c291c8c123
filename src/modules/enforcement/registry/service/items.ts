/** 执法事项目录: register, edit, 废止, list, export, import, detail, and 划转 to another body. */
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, inOrgSubtree, orgUnit, readXlsx, recordAudit, requirePermission, scopeWhere, toLocalDate, validationError, writeXlsx, type Ctx, type RowError } from '../../../../kernel';
import type { ItemFilter, ItemInput, ItemPatch, ItemTransferInput } from '../contract';
import { ITEM_KIND_OPTIONS, LEVEL_OPTIONS, LIST_KIND_OPTIONS, labelOfOption } from '../registry-machine';
import { discretionBenchmark, enforcementBody, enforcementItem, enforcementItemTransfer, enforcementListEntry } from '../schema';
import { bodyNameSql, getBodyInScope, getItemInScope, MODULE, mayActOn, orgNameSql, PERM, scopeOn, staleVersion, qc } from './access';

const validation = (path: string, message: string) => validationError([{ path, message }]);
const ENTITY = 'enforcement_item';

const checkCode = async (ctx: Ctx, orgId: number, code: string, exceptId?: number) => {
  const [dup] = await ctx.db
    .select({ id: enforcementItem.id })
    .from(enforcementItem)
    .where(and(eq(enforcementItem.orgId, orgId), eq(enforcementItem.code, code), exceptId ? sql`${qc(enforcementItem.id)} <> ${exceptId}` : undefined));
  if (dup) throw validation('code', `事项编码 ${code} 在本单位已存在`);
};

export const createItem = async (ctx: Ctx, input: ItemInput) => {
  const body = await getBodyInScope(ctx, input.bodyId, PERM.manage).catch(() => {
    throw validation('bodyId', '执法主体不存在或不在本人管理范围内');
  });
  await checkCode(ctx, body.orgId, input.code);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(enforcementItem).values({ orgId: body.orgId, bodyId: body.id, code: input.code, name: input.name, kind: input.kind, legalBasis: input.legalBasis }).returning();
    await recordAudit(tx, ctx, { action: 'item.create', module: MODULE, entityType: ENTITY, entityId: row!.id, after: row });
    return row!;
  });
};

export const updateItem = async (ctx: Ctx, id: number, input: ItemPatch) => {
  const before = await getItemInScope(ctx, id, PERM.manage);
  if (before.status !== 'active') throw new AppError('INVALID_STATE', '事项已废止，不能修改', { details: { reason: 'wrong_state', state: before.status } });
  await checkCode(ctx, before.orgId, input.code, id);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(enforcementItem)
      .set({ code: input.code, name: input.name, kind: input.kind, legalBasis: input.legalBasis, version: sql`${qc(enforcementItem.version)} + 1`, updatedAt: ctx.now })
      .where(and(eq(enforcementItem.id, id), eq(enforcementItem.version, input.version)))
      .returning();
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, { action: 'item.update', module: MODULE, entityType: ENTITY, entityId: id, before, after: row });
    return row;
  });
};

/** 废止 (清理) an item: its active benchmarks and list entries are abolished with it. */
export const abolishItem = async (ctx: Ctx, id: number, input: { version: number; abolishedDate: string }) => {
  const before = await getItemInScope(ctx, id, PERM.manage);
  if (before.status !== 'active') throw new AppError('INVALID_STATE', '事项已废止', { details: { reason: 'wrong_state', state: before.status } });
  if (input.abolishedDate > toLocalDate(ctx.now)) throw validation('abolishedDate', '废止日期不能晚于今天');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(enforcementItem)
      .set({ status: 'abolished', abolishedDate: input.abolishedDate, version: sql`${qc(enforcementItem.version)} + 1`, updatedAt: ctx.now })
      .where(and(eq(enforcementItem.id, id), eq(enforcementItem.version, input.version), eq(enforcementItem.status, 'active')))
      .returning();
    if (!row) throw staleVersion();
    await tx
      .update(discretionBenchmark)
      .set({ status: 'abolished', abolishedDate: input.abolishedDate, version: sql`${qc(discretionBenchmark.version)} + 1`, updatedAt: ctx.now })
      .where(and(eq(discretionBenchmark.itemId, id), eq(discretionBenchmark.status, 'active')));
    await tx
      .update(enforcementListEntry)
      .set({ status: 'abolished', abolishedDate: input.abolishedDate, version: sql`${qc(enforcementListEntry.version)} + 1`, updatedAt: ctx.now })
      .where(and(eq(enforcementListEntry.itemId, id), eq(enforcementListEntry.status, 'active')));
    await recordAudit(tx, ctx, { action: 'item.abolish', module: MODULE, entityType: ENTITY, entityId: id, after: { abolishedDate: input.abolishedDate } });
    return row;
  });
};

/**
 * 划转 (e.g. 划转综合执法): the selected items move to another body (and its unit); each move is recorded.
 * Both the items and the receiving body must be within the actor's manage scope.
 */
export const transferItems = async (ctx: Ctx, input: ItemTransferInput) => {
  requirePermission(ctx, PERM.manage);
  const to = await getBodyInScope(ctx, input.toBodyId, PERM.manage).catch(() => {
    throw validation('toBodyId', '划入的执法主体不存在或不在本人管理范围内');
  });
  if (to.status !== 'active') throw validation('toBodyId', '划入的执法主体已暂停或取消');
  if (input.transferDate > toLocalDate(ctx.now)) throw validation('transferDate', '划转日期不能晚于今天');
  const ids = [...new Set(input.itemIds)];
  return ctx.db.transaction(async (tx) => {
    const items = await tx
      .select({ id: enforcementItem.id, bodyId: enforcementItem.bodyId, code: enforcementItem.code, status: enforcementItem.status })
      .from(enforcementItem)
      .where(and(inArray(enforcementItem.id, ids), scopeOn(ctx, enforcementItem.orgId, PERM.manage)));
    if (items.length !== ids.length) throw new AppError('NOT_FOUND', '部分事项不存在或不在本人管理范围内');
    const problems = items.filter((i) => i.status !== 'active').map((i) => ({ path: 'itemIds', message: `事项 ${i.code} 已废止，不能划转` }));
    const same = items.filter((i) => i.bodyId === to.id).map((i) => ({ path: 'itemIds', message: `事项 ${i.code} 已属于该执法主体` }));
    if (problems.length || same.length) throw validationError([...problems, ...same]);
    const codes = await tx.select({ code: enforcementItem.code }).from(enforcementItem).where(and(eq(enforcementItem.orgId, to.orgId), inArray(enforcementItem.code, items.map((i) => i.code)), sql`${qc(enforcementItem.id)} not in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`));
    if (codes.length) throw validationError(codes.map((c) => ({ path: 'itemIds', message: `划入单位已有编码为 ${c.code} 的事项` })));
    await tx
      .update(enforcementItem)
      .set({ bodyId: to.id, orgId: to.orgId, version: sql`${qc(enforcementItem.version)} + 1`, updatedAt: ctx.now })
      .where(inArray(enforcementItem.id, ids));
    // Benchmarks and list entries follow their item's unit.
    await tx.update(discretionBenchmark).set({ orgId: to.orgId, updatedAt: ctx.now }).where(inArray(discretionBenchmark.itemId, ids));
    await tx.update(enforcementListEntry).set({ orgId: to.orgId, updatedAt: ctx.now }).where(inArray(enforcementListEntry.itemId, ids));
    for (let i = 0; i < items.length; i += 1000) {
      await tx.insert(enforcementItemTransfer).values(
        items.slice(i, i + 1000).map((it) => ({ itemId: it.id, orgId: to.orgId, fromBodyId: it.bodyId, toBodyId: to.id, transferDate: input.transferDate, reason: input.reason, actorId: ctx.actor!.id })),
      );
    }
    await recordAudit(tx, ctx, { action: 'item.transfer', module: MODULE, entityType: ENTITY, reason: input.reason, after: { itemIds: ids, toBodyId: to.id, transferDate: input.transferDate } });
    return { transferred: items.length, toBodyId: to.id };
  });
};

export const itemConditions = (ctx: Ctx, f: ItemFilter, permission: string): SQL =>
  and(
    scopeOn(ctx, enforcementItem.orgId, permission),
    f.bodyId ? eq(enforcementItem.bodyId, f.bodyId) : undefined,
    f.orgId ? inOrgSubtree(enforcementItem.orgId, f.orgId) : undefined,
    f.kind ? eq(enforcementItem.kind, f.kind) : undefined,
    f.status ? eq(enforcementItem.status, f.status) : undefined,
    f.q ? or(ilike(enforcementItem.name, `%${f.q}%`), ilike(enforcementItem.code, `%${f.q}%`), ilike(enforcementItem.legalBasis, `%${f.q}%`)) : undefined,
  )!;

const listColumns = {
  id: enforcementItem.id,
  orgId: enforcementItem.orgId,
  orgName: orgNameSql(enforcementItem.orgId),
  bodyId: enforcementItem.bodyId,
  bodyName: bodyNameSql(enforcementItem.bodyId),
  code: enforcementItem.code,
  name: enforcementItem.name,
  kind: enforcementItem.kind,
  legalBasis: enforcementItem.legalBasis,
  status: enforcementItem.status,
  abolishedDate: enforcementItem.abolishedDate,
  version: enforcementItem.version,
  benchmarks: sql<number>`(select count(*)::int from discretion_benchmark d where d.item_id = ${qc(enforcementItem.id)} and d.status = 'active')`,
  listEntries: sql<number>`(select count(*)::int from enforcement_list_entry l where l.item_id = ${qc(enforcementItem.id)} and l.status = 'active')`,
};

export const findItems = async (ctx: Ctx, f: ItemFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = itemConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(enforcementItem).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select(listColumns)
    .from(enforcementItem)
    .where(where)
    .orderBy(asc(enforcementItem.orgId), asc(enforcementItem.code))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items };
};

export const ITEM_COLUMNS = [
  { header: '执法主体', key: 'bodyName', required: true },
  { header: '事项编码', key: 'code', required: true },
  { header: '事项名称', key: 'name', required: true },
  { header: '事项类别', key: 'kind', required: true },
  { header: '实施依据', key: 'legalBasis', required: true },
];

export const exportItems = async (ctx: Ctx, f: ItemFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items, total } = await findItems(ctx, f, { page: 1, pageSize: 50_000 }, PERM.export);
  type Row = (typeof items)[number];
  const buf = await writeXlsx<Row>(
    '执法事项目录',
    [
      { header: '执法主体', width: 30, value: (r) => r.bodyName },
      { header: '事项编码', width: 16, value: (r) => r.code },
      { header: '事项名称', width: 50, value: (r) => r.name },
      { header: '事项类别', value: (r) => labelOfOption(ITEM_KIND_OPTIONS, r.kind) },
      { header: '实施依据', width: 50, value: (r) => r.legalBasis },
      { header: '状态', value: (r) => (r.status === 'active' ? '有效' : `已废止（${r.abolishedDate ?? ''}）`) },
      { header: '裁量基准条数', value: (r) => r.benchmarks },
    ],
    items,
    total > items.length ? `仅导出前 ${items.length} 条，共 ${total} 条` : undefined,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'item.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};

const itemRowSchema = z.object({
  bodyName: z.string({ error: '请填写执法主体' }).trim().min(1, '请填写执法主体').max(100, '执法主体不能超过 100 字'),
  code: z.string({ error: '请填写事项编码' }).trim().min(2, '事项编码至少 2 位').max(40, '事项编码不能超过 40 位').regex(/^[0-9A-Za-z\-_.]+$/, '事项编码只能包含数字、字母、连字符、下划线和点'),
  name: z.string({ error: '请填写事项名称' }).trim().min(4, '事项名称至少 4 个字').max(200, '事项名称不能超过 200 字'),
  kind: z.string({ error: '请填写事项类别' }).transform((v, c) => {
    const hit = ITEM_KIND_OPTIONS.find((o) => o.label === v || o.value === v || o.label.slice(2) === v);
    if (!hit) {
      c.addIssue({ code: 'custom', message: `事项类别须为：${ITEM_KIND_OPTIONS.map((o) => o.label).join('、')}` });
      return z.NEVER;
    }
    return hit.value;
  }),
  legalBasis: z.string({ error: '请填写实施依据' }).trim().min(2, '实施依据至少 2 个字').max(2000, '实施依据不能超过 2000 字'),
});

/** 导入执法事项: all rows or none, with the per-row report (unknown body, duplicate codes in file or unit). */
export const importItems = async (ctx: Ctx, file: Buffer): Promise<{ created: number; errors: RowError[] }> => {
  const actor = requirePermission(ctx, PERM.import);
  const { rows, errors } = await readXlsx(file, ITEM_COLUMNS, itemRowSchema, 10_000);
  const bodies = await ctx.db
    .select({ id: enforcementBody.id, name: enforcementBody.name, orgId: enforcementBody.orgId, status: enforcementBody.status })
    .from(enforcementBody)
    .innerJoin(orgUnit, eq(orgUnit.id, enforcementBody.orgId))
    .where(scopeWhere(actor, PERM.import, { org: enforcementBody.orgId }));
  const byName = new Map(bodies.map((b) => [b.name, b]));
  const orgIds = [...new Set(bodies.map((b) => b.orgId))];
  const existing = new Set(
    orgIds.length ? (await ctx.db.select({ orgId: enforcementItem.orgId, code: enforcementItem.code }).from(enforcementItem).where(inArray(enforcementItem.orgId, orgIds))).map((r) => `${r.orgId}:${r.code}`) : [],
  );
  const seen = new Map<string, number>();
  const values: (typeof enforcementItem.$inferInsert)[] = [];
  for (const { row, value } of rows) {
    const body = byName.get(value.bodyName);
    if (!body) {
      errors.push({ row, path: 'bodyName', message: `执法主体“${value.bodyName}”不存在或不在本人数据范围内` });
      continue;
    }
    const key = `${body.orgId}:${value.code}`;
    if (existing.has(key)) errors.push({ row, path: 'code', message: `事项编码 ${value.code} 已存在` });
    else if (seen.has(key)) errors.push({ row, path: 'code', message: `事项编码与第 ${seen.get(key)} 行重复` });
    else values.push({ orgId: body.orgId, bodyId: body.id, code: value.code, name: value.name, kind: value.kind, legalBasis: value.legalBasis });
    seen.set(key, seen.get(key) ?? row);
  }
  if (errors.length > 0 || values.length === 0) {
    if (values.length === 0 && errors.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
    return { created: 0, errors: errors.sort((a, b) => a.row - b.row) };
  }
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i += 1000) await tx.insert(enforcementItem).values(values.slice(i, i + 1000));
    await recordAudit(tx, ctx, { action: 'item.import', module: MODULE, after: { rows: values.length } });
  });
  return { created: values.length, errors: [] };
};

/** 事项详情: the item, its benchmarks, list entries and moves. */
export const getItemDetail = async (ctx: Ctx, id: number) => {
  await getItemInScope(ctx, id);
  const [record] = await ctx.db.select(listColumns).from(enforcementItem).where(eq(enforcementItem.id, id));
  const benchmarks = await ctx.db.select().from(discretionBenchmark).where(eq(discretionBenchmark.itemId, id)).orderBy(asc(discretionBenchmark.id));
  const listEntries = await ctx.db.select().from(enforcementListEntry).where(eq(enforcementListEntry.itemId, id)).orderBy(asc(enforcementListEntry.id));
  const transfers = await ctx.db
    .select({
      id: enforcementItemTransfer.id,
      fromBodyName: bodyNameSql(enforcementItemTransfer.fromBodyId),
      toBodyName: bodyNameSql(enforcementItemTransfer.toBodyId),
      transferDate: enforcementItemTransfer.transferDate,
      reason: enforcementItemTransfer.reason,
    })
    .from(enforcementItemTransfer)
    .where(eq(enforcementItemTransfer.itemId, id))
    .orderBy(asc(enforcementItemTransfer.id));
  return {
    record: record!,
    benchmarks: benchmarks.map((b) => ({ ...b, levelLabel: labelOfOption(LEVEL_OPTIONS, b.level) })),
    listEntries: listEntries.map((l) => ({ ...l, listKindLabel: labelOfOption(LIST_KIND_OPTIONS, l.listKind) })),
    transfers,
    mayManage: await mayActOn(ctx, record!.orgId, PERM.manage),
  };
};
