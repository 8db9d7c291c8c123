import { z } from 'zod';
import { isLocalDate, orgInScope, orgUnit, readXlsx, recordAudit, requirePermission, type Ctx, type RowError } from '../../../kernel';
import type { FindingInput } from '../contract';
import { getPlanInScope, MODULE, PERM } from './access';
import { checkFindingDates, insertFinding } from './record-finding';

/** The template columns of a 巡察/督察 report's problem list, in order. */
export const IMPORT_COLUMNS = [
  { header: '单位', key: 'orgName', required: true },
  { header: '问题描述', key: 'description', required: true },
  { header: '问题类别', key: 'category' },
  { header: '整改要求', key: 'requirement', required: true },
  { header: '整改期限', key: 'dueDate' },
  { header: '发现日期', key: 'foundOn', required: true },
];

const rowSchema = z.object({
  orgName: z.string({ error: '请填写单位' }).trim().min(1, '请填写单位').max(100, '单位名称过长'),
  description: z.string({ error: '请填写问题描述' }).trim().min(5, '问题描述至少 5 个字').max(4000, '问题描述不能超过 4000 字'),
  category: z
    .string()
    .trim()
    .max(50, '问题类别不能超过 50 字')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  requirement: z.string({ error: '请填写整改要求' }).trim().min(4, '整改要求至少 4 个字').max(4000, '整改要求不能超过 4000 字'),
  dueDate: z
    .string()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isLocalDate(v), '整改期限须为 YYYY-MM-DD'),
  foundOn: z.string({ error: '请填写发现日期' }).refine(isLocalDate, '发现日期须为 YYYY-MM-DD'),
});

/**
 * 导入问题清单 (e.g. a 巡察 report's problems) into a plan: every row is checked (unit in scope, dates), and
 * all rows are written in one transaction, or none when any row has an error.
 */
export const importFindings = async (ctx: Ctx, planId: number, file: Buffer): Promise<{ created: number; errors: RowError[] }> => {
  const actor = requirePermission(ctx, PERM.manage);
  const plan = await getPlanInScope(ctx, planId, ctx.db, PERM.manage);
  const { rows, errors } = await readXlsx(file, IMPORT_COLUMNS, rowSchema, 5000);
  const units = await ctx.db.select({ id: orgUnit.id, name: orgUnit.name, shortName: orgUnit.shortName, path: orgUnit.path, isActive: orgUnit.isActive }).from(orgUnit);
  const byName = new Map<string, (typeof units)[number]>();
  for (const u of units) {
    byName.set(u.name, u);
    if (!byName.has(u.shortName)) byName.set(u.shortName, u);
  }
  const resolved: FindingInput[] = [];
  for (const { row, value } of rows) {
    const unit = byName.get(value.orgName);
    if (!unit || !unit.isActive || !orgInScope(actor, PERM.manage, unit)) {
      errors.push({ row, path: 'orgName', message: `单位“${value.orgName}”不存在或不在本人数据范围内` });
      continue;
    }
    const input: FindingInput = {
      planId: plan.id,
      orgId: unit.id,
      description: value.description,
      category: value.category,
      requirement: value.requirement,
      dueDate: value.dueDate,
      foundOn: value.foundOn,
      source: plan.kind === 'patrol' ? 'patrol' : 'inspection',
    };
    const dateErrors = checkFindingDates(ctx, input);
    if (dateErrors.length) {
      for (const e of dateErrors) errors.push({ row, ...e });
      continue;
    }
    resolved.push(input);
  }
  if (errors.length > 0 || resolved.length === 0) {
    if (resolved.length === 0 && errors.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
    return { created: 0, errors: errors.sort((a, b) => a.row - b.row) };
  }
  await ctx.db.transaction(async (tx) => {
    for (const r of resolved) await insertFinding(tx, ctx, actor, r);
    await recordAudit(tx, ctx, { action: 'finding.import', module: MODULE, entityType: 'inspection_plan', entityId: plan.id, after: { rows: resolved.length } });
  });
  return { created: resolved.length, errors: [] };
};
