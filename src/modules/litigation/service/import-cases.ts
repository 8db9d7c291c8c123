import { z } from 'zod';
import { isLocalDate, orgInScope, orgUnit, readXlsx, recordAudit, requirePermission, toLocalDate, type Ctx, type RowError } from '../../../kernel';
import { CAUSES, INSTANCES, PARTY_TYPES, PROCEDURES } from '../case-machine';
import { COURT_CASE_NO, plaintiffSchema, type RegisterCaseInput } from '../contract';
import { MODULE, PERM } from './access';
import { insertCase } from './register-case';

const byLabel = <T extends readonly { value: string; label: string }[]>(list: T, what: string) =>
  z.string({ error: `请填写${what}` }).transform((v, ctx) => {
    const hit = list.find((o) => o.label === v || o.value === v);
    if (!hit) {
      ctx.addIssue({ code: 'custom', message: `${what}须为：${list.map((o) => o.label).join('、')}` });
      return z.NEVER;
    }
    return hit.value as T[number]['value'];
  });
const date = (what: string) => z.string({ error: `请填写${what}` }).refine(isLocalDate, `${what}须为 YYYY-MM-DD`);
const text = (what: string, min: number, max: number) => z.string({ error: `请填写${what}` }).trim().min(min, `${what}至少 ${min} 个字`).max(max, `${what}不能超过 ${max} 字`);

/** Template columns, in order (one plaintiff per row). */
export const IMPORT_COLUMNS = [
  { header: '被告行政机关', key: 'orgName', required: true },
  { header: '受理法院', key: 'courtName', required: true },
  { header: '法院案号', key: 'courtCaseNo', required: true },
  { header: '审级', key: 'instance', required: true },
  { header: '审理程序', key: 'procedure' },
  { header: '原告类型', key: 'plaintiffType', required: true },
  { header: '原告', key: 'plaintiffName', required: true },
  { header: '案由', key: 'cause', required: true },
  { header: '被诉行政行为', key: 'contestedAct', required: true },
  { header: '经行政复议', key: 'afterReconsideration' },
  { header: '立案日期', key: 'filedDate', required: true },
  { header: '收到起诉状副本日期', key: 'servedDate' },
];

const rowSchema = z.object({
  orgName: text('被告行政机关', 1, 100),
  courtName: text('受理法院', 2, 100),
  courtCaseNo: text('法院案号', 6, 60).refine((v) => COURT_CASE_NO.test(v), '法院案号格式应如：（2026）苏0612行初123号'),
  instance: byLabel(INSTANCES, '审级'),
  procedure: byLabel(PROCEDURES, '审理程序').optional(),
  plaintiffType: byLabel(PARTY_TYPES, '原告类型'),
  plaintiffName: z.string().optional(),
  cause: byLabel(CAUSES, '案由'),
  contestedAct: text('被诉行政行为', 2, 300),
  afterReconsideration: z.enum(['是', '否'], { error: '经行政复议须填“是”或“否”' }).optional(),
  filedDate: date('立案日期'),
  servedDate: date('收到起诉状副本日期').optional(),
});

/** Most rows one import takes (each row gets its number and, with a service date, its defence clock). */
export const IMPORT_LIMIT = 2000;

/**
 * 导入: validates every row (format, the agency in the actor's scope, the plaintiff, dates) and inserts all
 * rows in one transaction, or nothing when any row has an error; returns the per-row error report.
 */
export const importCases = async (ctx: Ctx, file: Buffer): Promise<{ created: number; errors: RowError[] }> => {
  const actor = requirePermission(ctx, PERM.register);
  const { rows, errors } = await readXlsx(file, IMPORT_COLUMNS, rowSchema, IMPORT_LIMIT);
  const units = await ctx.db.select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path, isActive: orgUnit.isActive }).from(orgUnit);
  const byName = new Map(units.map((u) => [u.name, u]));
  const today = toLocalDate(ctx.now);
  const resolved: RegisterCaseInput[] = [];
  for (const { row, value } of rows) {
    const before = errors.length;
    const org = byName.get(value.orgName);
    if (!org || !org.isActive || !orgInScope(actor, PERM.register, org)) errors.push({ row, path: 'orgName', message: `单位“${value.orgName}”不存在或不在本人数据范围内` });
    const party = plaintiffSchema.safeParse({ name: value.plaintiffName ?? '', type: value.plaintiffType, idNumber: null, phone: null });
    if (!party.success) for (const i of party.error.issues) errors.push({ row, path: i.path[0] === 'name' ? 'plaintiffName' : `plaintiff.${i.path.join('.')}`, message: i.message });
    if (value.filedDate > today) errors.push({ row, path: 'filedDate', message: '立案日期不能晚于今天' });
    if (value.servedDate && (value.servedDate < value.filedDate || value.servedDate > today)) errors.push({ row, path: 'servedDate', message: '收到副本日期应在立案日期与今天之间' });
    if (errors.length > before || !party.success) continue;
    resolved.push({
      orgId: org!.id,
      courtName: value.courtName,
      courtCaseNo: value.courtCaseNo,
      instance: value.instance,
      procedure: value.procedure ?? 'ordinary',
      parentCaseId: null,
      plaintiffs: [party.data],
      thirdParties: null,
      cause: value.cause,
      contestedAct: value.contestedAct,
      afterReconsideration: value.afterReconsideration === '是',
      reconsiderationDecisionNo: null,
      filedDate: value.filedDate,
      servedDate: value.servedDate ?? null,
    });
  }
  if (errors.length > 0 || resolved.length === 0) {
    if (resolved.length === 0 && errors.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
    return { created: 0, errors: errors.sort((a, b) => a.row - b.row) };
  }
  await ctx.db.transaction(async (tx) => {
    for (const r of resolved) await insertCase(tx, ctx, r, { checked: true });
    await recordAudit(tx, ctx, { action: 'case.import', module: MODULE, after: { rows: resolved.length } });
  });
  return { created: resolved.length, errors: [] };
};
