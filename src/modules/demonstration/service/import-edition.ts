import { z } from 'zod';
import { readXlsx, recordAudit, requirePermission, writeXlsx, type Ctx, type RowError } from '../../../kernel';
import { createEditionSchema, INDICATOR_CODE } from '../contract';
import { indicator } from '../schema';
import { MODULE, PERM } from './access';
import { insertEdition } from './editions';

/** One row per 三级 indicator, carrying its 一级 and 二级 (as the 申报指南 tables are laid out). */
export const EDITION_IMPORT_COLUMNS = [
  { header: '一级编码', key: 'code1', required: true },
  { header: '一级指标', key: 'name1', required: true },
  { header: '二级编码', key: 'code2', required: true },
  { header: '二级指标', key: 'name2', required: true },
  { header: '三级编码', key: 'code3', required: true },
  { header: '三级指标', key: 'name3', required: true },
  { header: '评价标准', key: 'standard' },
  { header: '佐证材料', key: 'evidenceRequired' },
  { header: '分值', key: 'maxScore' },
];

const code = (label: string) => z.string({ error: `请填写${label}` }).trim().max(11, `${label}过长`).regex(INDICATOR_CODE, `${label}须为 1、1.2、1.2.3 的形式`);
const name = (label: string) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(200, `${label}不能超过 200 字`);
const rowSchema = z.object({
  code1: code('一级编码'),
  name1: name('一级指标'),
  code2: code('二级编码'),
  name2: name('二级指标'),
  code3: code('三级编码'),
  name3: name('三级指标'),
  standard: z.string().trim().max(4000, '评价标准不能超过 4000 字').optional(),
  evidenceRequired: z.string().trim().max(2000, '佐证材料不能超过 2000 字').optional(),
  maxScore: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || (/^\d{1,4}$/.test(v) && Number(v) <= 1000), '分值须为 0 至 1000 的整数'),
});

type Node = { code: string; name: string; level: number; parent?: string; standard?: string | undefined; evidenceRequired?: string | undefined; maxScore?: number | null; row: number };

/**
 * 导入指标体系: a whole edition from the 申报指南 spreadsheet. Codes must nest (1 → 1.1 → 1.1.1), a code
 * must keep one name throughout, 三级 codes are unique; any error writes nothing. Imported rows count as
 * confirmed (they come from the official guide).
 */
export const importEdition = async (ctx: Ctx, meta: unknown, file: Buffer): Promise<{ created: number; editionId: number | null; errors: RowError[] }> => {
  requirePermission(ctx, PERM.import);
  requirePermission(ctx, PERM.manage);
  const parsedMeta = createEditionSchema.safeParse(meta);
  if (!parsedMeta.success) {
    return { created: 0, editionId: null, errors: parsedMeta.error.issues.map((i) => ({ row: 0, path: i.path.join('.') || 'code', message: i.message })) };
  }
  const { rows, errors } = await readXlsx(file, EDITION_IMPORT_COLUMNS, rowSchema, 2000);
  const nodes = new Map<string, Node>();
  const put = (n: Node, path: string) => {
    const seen = nodes.get(n.code);
    if (!seen) nodes.set(n.code, n);
    else if (n.level === 3) errors.push({ row: n.row, path, message: `三级编码 ${n.code} 重复（第 ${seen.row} 行已有）` });
    else if (seen.name !== n.name) errors.push({ row: n.row, path, message: `编码 ${n.code} 在第 ${seen.row} 行名为“${seen.name}”，此处为“${n.name}”` });
  };
  for (const { row, value: v } of rows) {
    const before = errors.length;
    if (v.code1.includes('.')) errors.push({ row, path: 'code1', message: '一级编码须为一段数字，如 1' });
    if (!v.code2.startsWith(`${v.code1}.`) || v.code2.split('.').length !== 2) errors.push({ row, path: 'code2', message: `二级编码须为“${v.code1}.序号”` });
    if (!v.code3.startsWith(`${v.code2}.`) || v.code3.split('.').length !== 3) errors.push({ row, path: 'code3', message: `三级编码须为“${v.code2}.序号”` });
    if (errors.length > before) continue;
    put({ code: v.code1, name: v.name1, level: 1, row }, 'name1');
    put({ code: v.code2, name: v.name2, level: 2, parent: v.code1, row }, 'name2');
    put({ code: v.code3, name: v.name3, level: 3, parent: v.code2, standard: v.standard, evidenceRequired: v.evidenceRequired, maxScore: v.maxScore ? Number(v.maxScore) : null, row }, 'code3');
  }
  if (errors.length > 0 || nodes.size === 0) {
    if (nodes.size === 0 && errors.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
    return { created: 0, editionId: null, errors: errors.sort((a, b) => a.row - b.row) };
  }
  const editionId = await ctx.db.transaction(async (tx) => {
    const edition = await insertEdition(tx, ctx, parsedMeta.data);
    const ids = new Map<string, number>();
    const ordered = [...nodes.values()].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code, 'en', { numeric: true }));
    for (const [i, n] of ordered.entries()) {
      const [row] = await tx
        .insert(indicator)
        .values({
          editionId: edition.id,
          parentId: n.parent ? ids.get(n.parent)! : null,
          level: n.level,
          code: n.code,
          sortOrder: i,
          name: n.name,
          standard: n.standard || null,
          evidenceRequired: n.evidenceRequired || null,
          maxScore: n.level === 3 ? (n.maxScore ?? null) : null,
          confirmed: true,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: indicator.id });
      ids.set(n.code, row!.id);
    }
    await recordAudit(tx, ctx, { action: 'edition.import', module: MODULE, entityType: 'indicator_edition', entityId: edition.id, after: { code: edition.code, indicators: nodes.size } });
    return edition.id;
  });
  return { created: nodes.size, editionId, errors: [] };
};

/** 指标体系导入模板 (header row only). */
export const editionTemplate = async (): Promise<Buffer> =>
  writeXlsx<Record<string, string>>(
    '指标体系',
    EDITION_IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.key.startsWith('name') || c.key === 'standard' || c.key === 'evidenceRequired' ? 36 : 10, value: (r) => r[c.key] ?? '' })),
    [],
  );
