import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { readXlsx, recordAudit, requirePermission, type Ctx, type RowError } from '../../../kernel';
import { creditCodeSchema } from '../contract';
import { isValidCreditCode } from '../credit-code';
import { GRADES, TARGET_TYPES } from '../plan-machine';
import { riInspector, riTarget } from '../schema';
import { MODULE, PERM, unitForWrite } from './access';

const text = (what: string, min: number, max: number) => z.string({ error: `请填写${what}` }).trim().min(min, `请填写${what}`).max(max, `${what}不能超过 ${max} 字`);
const optional = (what: string, max: number) => z.string().trim().max(max, `${what}不能超过 ${max} 字`).optional().transform((v) => v ?? '');
const byLabel = <T extends readonly { value: string; label: string }[]>(list: T, what: string) =>
  z.string({ error: `请填写${what}` }).transform((v, ctx) => {
    const hit = list.find((o) => o.label === v.trim() || o.value === v.trim());
    if (!hit) {
      ctx.addIssue({ code: 'custom', message: `${what}须为：${list.map((o) => o.label).join('、')}` });
      return z.NEVER;
    }
    return hit.value as T[number]['value'];
  });

export const TARGET_COLUMNS = [
  { header: '名称', key: 'name', required: true },
  { header: '统一社会信用代码', key: 'creditCode', required: true },
  { header: '类型', key: 'type', required: true },
  { header: '行业', key: 'industry' },
  { header: '区域', key: 'region' },
  { header: '信用风险等级', key: 'creditGrade', required: true },
];
const targetRow = z.object({
  name: text('名称', 2, 200),
  creditCode: creditCodeSchema,
  type: byLabel(TARGET_TYPES, '类型'),
  industry: optional('行业', 100),
  region: optional('区域', 100),
  creditGrade: z
    .string({ error: '请填写信用风险等级' })
    .trim()
    .transform((v) => v.toUpperCase().replace(/类.*$/, ''))
    .pipe(z.enum(GRADES, { error: '信用风险等级须为 A、B、C、D' })),
});

export const INSPECTOR_COLUMNS = [
  { header: '姓名', key: 'name', required: true },
  { header: '执法证号', key: 'certificateNo', required: true },
  { header: '专业领域', key: 'expertise' },
  { header: '回避对象信用代码', key: 'conflicts' },
];
const inspectorRow = z.object({
  name: text('姓名', 2, 50),
  certificateNo: text('执法证号', 4, 40),
  expertise: optional('专业领域', 200),
  conflicts: z.string().optional().transform((v) => (v ?? '').split(/[,，;；\s]+/).map((s) => s.trim().toUpperCase()).filter(Boolean)),
});

const BATCH = 1000;
type ImportResult = { created: number; errors: RowError[] };

/**
 * 导入检查对象 into one unit's pool: every row validated (credit code check digit, grade, duplicates in the
 * file or the pool); all rows in one `insert … select * from unnest(…)` per 1,000, or nothing.
 */
export const importTargets = async (ctx: Ctx, orgId: number, file: Buffer): Promise<ImportResult> => {
  requirePermission(ctx, PERM.manage);
  await unitForWrite(ctx, orgId, PERM.manage);
  const { rows, errors } = await readXlsx(file, TARGET_COLUMNS, targetRow, 20_000);
  const seen = new Map<string, number>();
  for (const { row, value } of rows) {
    const first = seen.get(value.creditCode);
    if (first) errors.push({ row, path: 'creditCode', message: `统一社会信用代码与第 ${first} 行重复` });
    else seen.set(value.creditCode, row);
  }
  const codes = [...seen.keys()];
  for (let i = 0; i < codes.length; i += BATCH) {
    const existing = await ctx.db.select({ code: riTarget.creditCode }).from(riTarget).where(and(eq(riTarget.orgId, orgId), inArray(riTarget.creditCode, codes.slice(i, i + BATCH))));
    for (const e of existing) errors.push({ row: seen.get(e.code)!, path: 'creditCode', message: `名录库中已有统一社会信用代码 ${e.code}` });
  }
  if (errors.length || rows.length === 0) {
    if (!errors.length) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
    return { created: 0, errors: errors.sort((a, b) => a.row - b.row) };
  }
  const values = rows.map((r) => r.value);
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i += BATCH) {
      const b = values.slice(i, i + BATCH);
      await tx.execute(sql`insert into random_inspection_target (org_id, name, credit_code, type, industry, region, credit_grade)
        select ${orgId}::int, * from unnest(${sql.param(b.map((v) => v.name))}::text[], ${sql.param(b.map((v) => v.creditCode))}::text[], ${sql.param(b.map((v) => v.type))}::text[],
          ${sql.param(b.map((v) => v.industry))}::text[], ${sql.param(b.map((v) => v.region))}::text[], ${sql.param(b.map((v) => v.creditGrade))}::text[])`);
    }
    await recordAudit(tx, ctx, { action: 'target.import', module: MODULE, entityType: 'random_inspection_target', after: { orgId, rows: values.length } });
  });
  return { created: values.length, errors: [] };
};

/** 导入执法检查人员 (e.g. from the 执法人员 export), with declared conflicts as credit codes. */
export const importInspectors = async (ctx: Ctx, orgId: number, file: Buffer): Promise<ImportResult> => {
  requirePermission(ctx, PERM.manage);
  await unitForWrite(ctx, orgId, PERM.manage);
  const { rows, errors } = await readXlsx(file, INSPECTOR_COLUMNS, inspectorRow, 5000);
  const seen = new Map<string, number>();
  for (const { row, value } of rows) {
    for (const c of value.conflicts) if (!isValidCreditCode(c)) errors.push({ row, path: 'conflicts', message: `回避对象信用代码 ${c} 无效（GB 32100）` });
    const first = seen.get(value.certificateNo);
    if (first) errors.push({ row, path: 'certificateNo', message: `执法证号与第 ${first} 行重复` });
    else seen.set(value.certificateNo, row);
  }
  const certs = [...seen.keys()];
  if (certs.length) {
    const existing = await ctx.db.select({ c: riInspector.certificateNo }).from(riInspector).where(and(eq(riInspector.orgId, orgId), inArray(riInspector.certificateNo, certs)));
    for (const e of existing) errors.push({ row: seen.get(e.c)!, path: 'certificateNo', message: `名录库中已有执法证号 ${e.c}` });
  }
  if (errors.length || rows.length === 0) {
    if (!errors.length) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
    return { created: 0, errors: errors.sort((a, b) => a.row - b.row) };
  }
  const values = rows.map((r) => r.value);
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i += BATCH) {
      await tx.insert(riInspector).values(values.slice(i, i + BATCH).map((v) => ({ orgId, name: v.name, certificateNo: v.certificateNo, expertise: v.expertise, conflictCodes: v.conflicts })));
    }
    await recordAudit(tx, ctx, { action: 'inspector.import', module: MODULE, entityType: 'random_inspection_inspector', after: { orgId, rows: values.length } });
  });
  return { created: values.length, errors: [] };
};
