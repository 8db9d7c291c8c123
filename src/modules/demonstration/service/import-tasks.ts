import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isLocalDate, orgUnit, readXlsx, recordAudit, requirePermission, toLocalDate, writeXlsx, type Ctx, type RowError } from '../../../kernel';
import type { CreateTaskInput } from '../contract';
import { indicator } from '../schema';
import { MODULE, PERM } from './access';
import { insertTask } from './create-task';
import { resolveEdition } from './editions';

export const TASK_IMPORT_COLUMNS = [
  { header: '指标编码', key: 'indicatorCode', required: true },
  { header: '任务名称', key: 'title', required: true },
  { header: '工作措施', key: 'measures' },
  { header: '牵头单位', key: 'leadOrgName', required: true },
  { header: '配合单位', key: 'coOrgNames' },
  { header: '完成时限', key: 'dueDate', required: true },
];

const opt = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 字`).optional();
const rowSchema = z.object({
  indicatorCode: z.string({ error: '请填写指标编码' }).trim().min(1, '请填写指标编码').max(20, '指标编码过长'),
  title: z.string({ error: '请填写任务名称' }).trim().min(1, '请填写任务名称').max(200, '任务名称不能超过 200 字'),
  measures: opt('工作措施', 4000),
  leadOrgName: z.string({ error: '请填写牵头单位' }).trim().min(1, '请填写牵头单位').max(100, '单位名称过长'),
  coOrgNames: opt('配合单位', 2000),
  dueDate: z.string({ error: '请填写完成时限' }).refine(isLocalDate, '完成时限须为 YYYY-MM-DD'),
});

/**
 * 批量分解任务 from Excel into the current edition: every row is checked (indicator exists and is 三级,
 * units exist, due date not past) and all rows are written in one transaction, or none.
 */
export const importTasks = async (ctx: Ctx, file: Buffer): Promise<{ created: number; errors: RowError[] }> => {
  requirePermission(ctx, PERM.import);
  requirePermission(ctx, PERM.manage);
  const edition = await resolveEdition(ctx.db);
  const { rows, errors } = await readXlsx(file, TASK_IMPORT_COLUMNS, rowSchema, 2000);
  const units = await ctx.db.select({ id: orgUnit.id, name: orgUnit.name, isActive: orgUnit.isActive }).from(orgUnit);
  const unitByName = new Map(units.filter((u) => u.isActive).map((u) => [u.name, u.id]));
  const today = toLocalDate(ctx.now);
  const resolved: CreateTaskInput[] = [];
  for (const { row, value } of rows) {
    const before = errors.length;
    const [ind] = await ctx.db.select().from(indicator).where(and(eq(indicator.editionId, edition.id), eq(indicator.code, value.indicatorCode)));
    if (!ind) errors.push({ row, path: 'indicatorCode', message: `现行版本中没有编码为“${value.indicatorCode}”的指标` });
    else if (ind.level !== 3) errors.push({ row, path: 'indicatorCode', message: `“${ind.code} ${ind.name}”不是三级指标，任务只能分解到三级指标` });
    const leadOrgId = unitByName.get(value.leadOrgName);
    if (!leadOrgId) errors.push({ row, path: 'leadOrgName', message: `单位“${value.leadOrgName}”不存在` });
    const coOrgIds: number[] = [];
    for (const name of (value.coOrgNames ?? '').split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean)) {
      const id = unitByName.get(name);
      if (!id) errors.push({ row, path: 'coOrgNames', message: `配合单位“${name}”不存在` });
      else coOrgIds.push(id);
    }
    if (value.dueDate < today) errors.push({ row, path: 'dueDate', message: `完成时限 ${value.dueDate} 早于今天` });
    if (errors.length > before || !ind || !leadOrgId) continue;
    resolved.push({ indicatorId: ind.id, title: value.title, measures: value.measures || null, evidenceRequired: null, dueDate: value.dueDate, leadOrgId, coOrgIds });
  }
  if (errors.length > 0 || resolved.length === 0) {
    if (resolved.length === 0 && errors.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
    return { created: 0, errors: errors.sort((a, b) => a.row - b.row) };
  }
  await ctx.db.transaction(async (tx) => {
    for (const r of resolved) await insertTask(tx, ctx, r);
    await recordAudit(tx, ctx, { action: 'task.import', module: MODULE, after: { rows: resolved.length } });
  });
  return { created: resolved.length, errors: [] };
};

/** 任务分解导入模板: the header row only (an example row would be imported with the data). */
export const taskTemplate = async (): Promise<Buffer> =>
  writeXlsx<Record<string, string>>(
    '任务分解',
    TASK_IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.key === 'measures' || c.key === 'coOrgNames' ? 40 : 20, value: (r) => r[c.key] ?? '' })),
    [],
  );
