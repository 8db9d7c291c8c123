/** 裁量基准 (per item: 情节 + 阶次 + 罚款幅度 in 分 + 其他措施) and 四张清单 / 首违不罚 entries. */
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { AppError, inOrgSubtree, recordAudit, requirePermission, toLocalDate, validationError, writeXlsx, type Ctx } from '../../../../kernel';
import type { BenchmarkFilter, BenchmarkInput, BenchmarkPatch, ListEntryInput, ListEntryPatch, ListFilter } from '../contract';
import { ITEM_KIND_OPTIONS, LEVEL_OPTIONS, LIST_KIND_OPTIONS, labelOfOption } from '../registry-machine';
import { discretionBenchmark, enforcementItem, enforcementListEntry } from '../schema';
import { bodyNameSql, getItemInScope, MODULE, orgNameSql, PERM, scopeOn, staleVersion, qc } from './access';

const validation = (path: string, message: string) => validationError([{ path, message }]);

/** 分 → 元 with two decimals (exact: integer arithmetic). */
export const yuan = (fen: number | null): string => {
  if (fen === null) return '';
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100).toLocaleString('en-US')}.${String(a % 100).padStart(2, '0')}`;
};
export const fineRange = (min: number | null, max: number | null): string => {
  if (min === null && max === null) return '不罚款';
  if (min !== null && max !== null) return min === max ? `${yuan(min)} 元` : `${yuan(min)} 元至 ${yuan(max)} 元`;
  return max !== null ? `不超过 ${yuan(max)} 元` : `不低于 ${yuan(min)} 元`;
};

// Levels in order of severity: a heavier level may not allow a lower fine ceiling than a lighter one.
const SEVERITY: Record<string, number> = { none: 0, mitigated: 1, lighter: 2, ordinary: 3, heavier: 4 };

/** 阶次衔接: among an item's active benchmarks, ranges may not go down as the level goes up. */
const checkCoherent = async (ctx: Ctx, itemId: number, b: { level: string; fineMinFen: number | null; fineMaxFen: number | null }, exceptId?: number) => {
  const others = await ctx.db
    .select()
    .from(discretionBenchmark)
    .where(and(eq(discretionBenchmark.itemId, itemId), eq(discretionBenchmark.status, 'active'), exceptId ? sql`${qc(discretionBenchmark.id)} <> ${exceptId}` : undefined));
  for (const o of others) {
    const lighter = SEVERITY[o.level]! < SEVERITY[b.level]!;
    const heavier = SEVERITY[o.level]! > SEVERITY[b.level]!;
    if (lighter && o.fineMaxFen !== null && b.fineMaxFen !== null && b.fineMaxFen < o.fineMaxFen)
      throw validation('fineMaxFen', `“${labelOfOption(LEVEL_OPTIONS, b.level)}”的罚款上限（${yuan(b.fineMaxFen)} 元）低于较轻阶次“${labelOfOption(LEVEL_OPTIONS, o.level)}”的上限（${yuan(o.fineMaxFen)} 元）`);
    if (heavier && o.fineMinFen !== null && b.fineMinFen !== null && b.fineMinFen > o.fineMinFen)
      throw validation('fineMinFen', `“${labelOfOption(LEVEL_OPTIONS, b.level)}”的罚款下限（${yuan(b.fineMinFen)} 元）高于较重阶次“${labelOfOption(LEVEL_OPTIONS, o.level)}”的下限（${yuan(o.fineMinFen)} 元）`);
  }
};

export const createBenchmark = async (ctx: Ctx, input: BenchmarkInput) => {
  const item = await getItemInScope(ctx, input.itemId, PERM.manage).catch(() => {
    throw validation('itemId', '执法事项不存在或不在本人管理范围内');
  });
  if (item.status !== 'active') throw validation('itemId', '事项已废止，不能制定裁量基准');
  if (input.madeDate > toLocalDate(ctx.now)) throw validation('madeDate', '制定日期不能晚于今天');
  await checkCoherent(ctx, item.id, input);
  const { itemId: _i, ...fields } = input;
  void _i;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(discretionBenchmark).values({ itemId: item.id, orgId: item.orgId, ...fields }).returning();
    await recordAudit(tx, ctx, { action: 'benchmark.create', module: MODULE, entityType: 'discretion_benchmark', entityId: row!.id, after: row });
    return row!;
  });
};

const getBenchmarkInScope = async (ctx: Ctx, id: number, permission: string) => {
  requirePermission(ctx, permission);
  const [row] = await ctx.db.select().from(discretionBenchmark).where(and(eq(discretionBenchmark.id, id), scopeOn(ctx, discretionBenchmark.orgId, permission)));
  if (!row) throw new AppError('NOT_FOUND', '裁量基准不存在或无权查看');
  return row;
};

export const updateBenchmark = async (ctx: Ctx, id: number, input: BenchmarkPatch) => {
  const before = await getBenchmarkInScope(ctx, id, PERM.manage);
  if (before.status !== 'active') throw new AppError('INVALID_STATE', '裁量基准已废止，不能修改', { details: { reason: 'wrong_state', state: before.status } });
  if (input.madeDate > toLocalDate(ctx.now)) throw validation('madeDate', '制定日期不能晚于今天');
  await checkCoherent(ctx, before.itemId, input, id);
  const { version, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(discretionBenchmark)
      .set({ ...fields, version: sql`${qc(discretionBenchmark.version)} + 1`, updatedAt: ctx.now })
      .where(and(eq(discretionBenchmark.id, id), eq(discretionBenchmark.version, version)))
      .returning();
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, { action: 'benchmark.update', module: MODULE, entityType: 'discretion_benchmark', entityId: id, before, after: row });
    return row;
  });
};

/** 清理 (废止) of a benchmark. */
export const abolishBenchmark = async (ctx: Ctx, id: number, input: { version: number; abolishedDate: string }) => {
  const before = await getBenchmarkInScope(ctx, id, PERM.manage);
  if (before.status !== 'active') throw new AppError('INVALID_STATE', '裁量基准已废止', { details: { reason: 'wrong_state', state: before.status } });
  if (input.abolishedDate > toLocalDate(ctx.now)) throw validation('abolishedDate', '废止日期不能晚于今天');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(discretionBenchmark)
      .set({ status: 'abolished', abolishedDate: input.abolishedDate, version: sql`${qc(discretionBenchmark.version)} + 1`, updatedAt: ctx.now })
      .where(and(eq(discretionBenchmark.id, id), eq(discretionBenchmark.version, input.version), eq(discretionBenchmark.status, 'active')))
      .returning();
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, { action: 'benchmark.abolish', module: MODULE, entityType: 'discretion_benchmark', entityId: id, after: { abolishedDate: input.abolishedDate } });
    return row;
  });
};

export const benchmarkConditions = (ctx: Ctx, f: BenchmarkFilter, permission: string): SQL =>
  and(
    scopeOn(ctx, discretionBenchmark.orgId, permission),
    f.itemId ? eq(discretionBenchmark.itemId, f.itemId) : undefined,
    f.orgId ? inOrgSubtree(discretionBenchmark.orgId, f.orgId) : undefined,
    f.level ? eq(discretionBenchmark.level, f.level) : undefined,
    f.status ? eq(discretionBenchmark.status, f.status) : undefined,
    f.q ? or(ilike(discretionBenchmark.circumstance, `%${f.q}%`), sql`${qc(discretionBenchmark.itemId)} in (select i.id from enforcement_item i where i.name ilike ${`%${f.q}%`})`) : undefined,
  )!;

export const findBenchmarks = async (ctx: Ctx, f: BenchmarkFilter, page: { page: number; pageSize: number }) => {
  requirePermission(ctx, PERM.read);
  const where = benchmarkConditions(ctx, f, PERM.read);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(discretionBenchmark).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select({
      id: discretionBenchmark.id,
      itemId: discretionBenchmark.itemId,
      itemName: sql<string>`(select i.name from enforcement_item i where i.id = ${qc(discretionBenchmark.itemId)})`,
      orgName: orgNameSql(discretionBenchmark.orgId),
      circumstance: discretionBenchmark.circumstance,
      level: discretionBenchmark.level,
      fineMinFen: discretionBenchmark.fineMinFen,
      fineMaxFen: discretionBenchmark.fineMaxFen,
      measures: discretionBenchmark.measures,
      madeBy: discretionBenchmark.madeBy,
      madeDate: discretionBenchmark.madeDate,
      status: discretionBenchmark.status,
      abolishedDate: discretionBenchmark.abolishedDate,
      version: discretionBenchmark.version,
    })
    .from(discretionBenchmark)
    .where(where)
    .orderBy(asc(discretionBenchmark.itemId), asc(discretionBenchmark.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items };
};

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const run = (text: string, size = 24, bold = false) => new TextRun({ text, font: FONT, size, bold });
const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [run(text, 21, bold)] })] });

/**
 * The published form of an item's active benchmarks (行政处罚法第三十四条: 裁量基准应当向社会公布), as .docx
 * (a table per item) or .xlsx; audited.
 */
export const benchmarkDocument = async (ctx: Ctx, itemId: number, format: 'docx' | 'xlsx'): Promise<{ fileName: string; data: Buffer; mime: 'docx' | 'xlsx' }> => {
  const item = await getItemInScope(ctx, itemId, PERM.read);
  const rows = await ctx.db
    .select()
    .from(discretionBenchmark)
    .where(and(eq(discretionBenchmark.itemId, itemId), eq(discretionBenchmark.status, 'active')))
    .orderBy(asc(discretionBenchmark.id));
  if (rows.length === 0) throw new AppError('INVALID_STATE', '该事项没有有效的裁量基准', { details: { reason: 'no_benchmarks' } });
  rows.sort((a, b) => SEVERITY[a.level]! - SEVERITY[b.level]!);
  const [body] = await ctx.db.select({ name: bodyNameSql(enforcementItem.bodyId) }).from(enforcementItem).where(eq(enforcementItem.id, itemId));
  const title = `${item.name}行政裁量权基准`;
  let data: Buffer;
  if (format === 'xlsx') {
    data = await writeXlsx<(typeof rows)[number]>(
      '裁量基准',
      [
        { header: '事项编码', value: () => item.code },
        { header: '事项名称', width: 40, value: () => item.name },
        { header: '违法情节', width: 40, value: (r) => r.circumstance },
        { header: '裁量阶次', value: (r) => labelOfOption(LEVEL_OPTIONS, r.level) },
        { header: '罚款下限（元）', value: (r) => yuan(r.fineMinFen) },
        { header: '罚款上限（元）', value: (r) => yuan(r.fineMaxFen) },
        { header: '其他处理措施', width: 30, value: (r) => r.measures ?? '' },
        { header: '制定机关', width: 20, value: (r) => r.madeBy },
        { header: '制定日期', value: (r) => r.madeDate },
      ],
      rows,
    );
  } else {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [run(title, 36, true)] }),
            new Paragraph({ children: [run(`执法主体：${body?.name ?? ''}；事项编码：${item.code}；类别：${labelOfOption(ITEM_KIND_OPTIONS, item.kind)}`)] }),
            new Paragraph({ children: [run(`实施依据：${item.legalBasis}`)] }),
            new Table({
              width: { size: 100, type: WidthType.PERCENTAGE },
              rows: [
                new TableRow({ tableHeader: true, children: ['违法情节', '裁量阶次', '罚款幅度', '其他处理措施', '制定机关及日期'].map((h) => cell(h, true)) }),
                ...rows.map(
                  (r) =>
                    new TableRow({
                      children: [cell(r.circumstance), cell(labelOfOption(LEVEL_OPTIONS, r.level)), cell(fineRange(r.fineMinFen, r.fineMaxFen)), cell(r.measures ?? ''), cell(`${r.madeBy} ${r.madeDate}`)],
                    }),
                ),
              ],
            }),
            new Paragraph({ children: [run('依据《中华人民共和国行政处罚法》第三十四条，行政处罚裁量基准应当向社会公布。', 21)] }),
          ],
        },
      ],
    });
    data = await Packer.toBuffer(doc);
  }
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'benchmark.document', module: MODULE, entityType: 'enforcement_item', entityId: itemId, after: { format, rows: rows.length } }));
  return { fileName: `${title}.${format}`, data, mime: format };
};

// ── 四张清单 ──────────────────────────────────────────────────────────────

export const createListEntry = async (ctx: Ctx, input: ListEntryInput) => {
  const item = await getItemInScope(ctx, input.itemId, PERM.manage).catch(() => {
    throw validation('itemId', '执法事项不存在或不在本人管理范围内');
  });
  if (item.status !== 'active') throw validation('itemId', '事项已废止');
  if (input.listKind !== 'no_compulsion' && item.kind !== 'penalty') throw validation('listKind', '不予处罚、从轻、减轻和首违不罚清单只能对应行政处罚事项');
  if (input.listKind === 'no_compulsion' && item.kind !== 'compulsory') throw validation('listKind', '免予行政强制清单只能对应行政强制事项');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(enforcementListEntry)
      .values({ orgId: item.orgId, itemId: item.id, listKind: input.listKind, condition: input.condition, basis: input.basis, published: input.published, publishedDate: input.published ? toLocalDate(ctx.now) : null })
      .returning();
    await recordAudit(tx, ctx, { action: 'list.create', module: MODULE, entityType: 'enforcement_list_entry', entityId: row!.id, after: row });
    return row!;
  });
};

const getListEntryInScope = async (ctx: Ctx, id: number, permission: string) => {
  requirePermission(ctx, permission);
  const [row] = await ctx.db.select().from(enforcementListEntry).where(and(eq(enforcementListEntry.id, id), scopeOn(ctx, enforcementListEntry.orgId, permission)));
  if (!row) throw new AppError('NOT_FOUND', '清单条目不存在或无权查看');
  return row;
};

export const updateListEntry = async (ctx: Ctx, id: number, input: ListEntryPatch) => {
  const before = await getListEntryInScope(ctx, id, PERM.manage);
  if (before.status !== 'active') throw new AppError('INVALID_STATE', '清单条目已废止，不能修改', { details: { reason: 'wrong_state', state: before.status } });
  const [item] = await ctx.db.select({ kind: enforcementItem.kind }).from(enforcementItem).where(eq(enforcementItem.id, before.itemId));
  if (input.listKind === 'no_compulsion' ? item?.kind !== 'compulsory' : item?.kind !== 'penalty') throw validation('listKind', '清单类别与事项类别不符');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(enforcementListEntry)
      .set({
        listKind: input.listKind,
        condition: input.condition,
        basis: input.basis,
        published: input.published,
        publishedDate: input.published ? (before.publishedDate ?? toLocalDate(ctx.now)) : null,
        version: sql`${qc(enforcementListEntry.version)} + 1`,
        updatedAt: ctx.now,
      })
      .where(and(eq(enforcementListEntry.id, id), eq(enforcementListEntry.version, input.version)))
      .returning();
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, { action: 'list.update', module: MODULE, entityType: 'enforcement_list_entry', entityId: id, before, after: row });
    return row;
  });
};

export const abolishListEntry = async (ctx: Ctx, id: number, input: { version: number; abolishedDate: string }) => {
  const before = await getListEntryInScope(ctx, id, PERM.manage);
  if (before.status !== 'active') throw new AppError('INVALID_STATE', '清单条目已废止', { details: { reason: 'wrong_state', state: before.status } });
  if (input.abolishedDate > toLocalDate(ctx.now)) throw validation('abolishedDate', '废止日期不能晚于今天');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(enforcementListEntry)
      .set({ status: 'abolished', abolishedDate: input.abolishedDate, published: false, version: sql`${qc(enforcementListEntry.version)} + 1`, updatedAt: ctx.now })
      .where(and(eq(enforcementListEntry.id, id), eq(enforcementListEntry.version, input.version), eq(enforcementListEntry.status, 'active')))
      .returning();
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, { action: 'list.abolish', module: MODULE, entityType: 'enforcement_list_entry', entityId: id, after: { abolishedDate: input.abolishedDate } });
    return row;
  });
};

export const listConditions = (ctx: Ctx, f: ListFilter, permission: string): SQL =>
  and(
    scopeOn(ctx, enforcementListEntry.orgId, permission),
    f.listKind ? eq(enforcementListEntry.listKind, f.listKind) : undefined,
    f.itemId ? eq(enforcementListEntry.itemId, f.itemId) : undefined,
    f.bodyId ? sql`${qc(enforcementListEntry.itemId)} in (select i.id from enforcement_item i where i.body_id = ${f.bodyId})` : undefined,
    f.orgId ? inOrgSubtree(enforcementListEntry.orgId, f.orgId) : undefined,
    f.status ? eq(enforcementListEntry.status, f.status) : undefined,
    f.published !== undefined ? eq(enforcementListEntry.published, f.published) : undefined,
    f.q ? or(ilike(enforcementListEntry.condition, `%${f.q}%`), sql`${qc(enforcementListEntry.itemId)} in (select i.id from enforcement_item i where i.name ilike ${`%${f.q}%`})`) : undefined,
  )!;

const listEntryColumns = {
  id: enforcementListEntry.id,
  itemId: enforcementListEntry.itemId,
  itemCode: sql<string>`(select i.code from enforcement_item i where i.id = ${qc(enforcementListEntry.itemId)})`,
  itemName: sql<string>`(select i.name from enforcement_item i where i.id = ${qc(enforcementListEntry.itemId)})`,
  bodyName: sql<string>`(select b.name from enforcement_body b join enforcement_item i on i.body_id = b.id where i.id = ${qc(enforcementListEntry.itemId)})`,
  orgName: orgNameSql(enforcementListEntry.orgId),
  listKind: enforcementListEntry.listKind,
  condition: enforcementListEntry.condition,
  basis: enforcementListEntry.basis,
  published: enforcementListEntry.published,
  publishedDate: enforcementListEntry.publishedDate,
  status: enforcementListEntry.status,
  abolishedDate: enforcementListEntry.abolishedDate,
  version: enforcementListEntry.version,
};

export const findListEntries = async (ctx: Ctx, f: ListFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = listConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(enforcementListEntry).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select(listEntryColumns)
    .from(enforcementListEntry)
    .where(where)
    .orderBy(asc(enforcementListEntry.listKind), asc(enforcementListEntry.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items };
};

export const exportListEntries = async (ctx: Ctx, f: ListFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items, total } = await findListEntries(ctx, f, { page: 1, pageSize: 50_000 }, PERM.export);
  type Row = (typeof items)[number];
  const buf = await writeXlsx<Row>(
    '四张清单',
    [
      { header: '清单类别', width: 18, value: (r) => labelOfOption(LIST_KIND_OPTIONS, r.listKind) },
      { header: '执法主体', width: 30, value: (r) => r.bodyName },
      { header: '事项编码', width: 16, value: (r) => r.itemCode },
      { header: '事项名称', width: 40, value: (r) => r.itemName },
      { header: '适用情形', width: 50, value: (r) => r.condition },
      { header: '依据', width: 40, value: (r) => r.basis },
      { header: '已公布', value: (r) => (r.published ? `是（${r.publishedDate ?? ''}）` : '否') },
      { header: '状态', value: (r) => (r.status === 'active' ? '有效' : '已废止') },
    ],
    items,
    total > items.length ? `仅导出前 ${items.length} 条，共 ${total} 条` : undefined,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'list.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};

void inArray;
