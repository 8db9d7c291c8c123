import { z } from 'zod';
import { isLocalDate, orgInScope, orgUnit, readXlsx, recordAudit, requirePermission, toLocalDate, type Ctx, type RowError } from '../../../kernel';
import { applicantSchema, type RegisterRequestInput } from '../contract';
import { APPLICANT_TYPES, CHANNELS, DELIVERY_METHODS } from '../request-machine';
import { insertRequest } from './register-request';
import { MODULE, PERM } from './request-access';

const byLabel = <T extends readonly { value: string; label: string }[]>(list: T, what: string) =>
  z
    .string({ error: `请填写${what}` })
    .transform((v, ctx) => {
      const hit = list.find((o) => o.label === v || o.value === v);
      if (!hit) {
        ctx.addIssue({ code: 'custom', message: `${what}须为：${list.map((o) => o.label).join('、')}` });
        return z.NEVER;
      }
      return hit.value as T[number]['value'];
    });

/** The template columns, in order; headers are what users see in the spreadsheet. */
export const IMPORT_COLUMNS = [
  { header: '承办单位', key: 'orgName', required: true },
  { header: '申请渠道', key: 'channel', required: true },
  { header: '收到日期', key: 'receivedDate', required: true },
  { header: '申请人类型', key: 'applicantType', required: true },
  { header: '申请人', key: 'applicantName', required: true },
  { header: '身份证号', key: 'applicantIdNumber' },
  { header: '联系电话', key: 'applicantPhone' },
  { header: '电子邮箱', key: 'applicantEmail' },
  { header: '通信地址', key: 'applicantAddress' },
  { header: '申请内容', key: 'content', required: true },
  { header: '用途', key: 'purpose' },
  { header: '获取方式', key: 'deliveryMethod', required: true },
];

const rowSchema = applicantSchema.extend({
  orgName: z.string({ error: '请填写承办单位' }).trim().min(1, '请填写承办单位'),
  channel: byLabel(CHANNELS, '申请渠道'),
  receivedDate: z.string({ error: '请填写收到日期' }).refine(isLocalDate, '收到日期须为 YYYY-MM-DD'),
  applicantType: byLabel(APPLICANT_TYPES, '申请人类型'),
  deliveryMethod: byLabel(DELIVERY_METHODS, '获取方式'),
});

/**
 * 导入: validates every row (format, unit in the actor's scope, dates) and inserts all rows in one
 * transaction, or nothing when any row has an error; returns the per-row error report.
 */
export const importRequests = async (ctx: Ctx, file: Buffer): Promise<{ created: number; errors: RowError[] }> => {
  const actor = requirePermission(ctx, PERM.import);
  requirePermission(ctx, PERM.register);
  const { rows, errors } = await readXlsx(file, IMPORT_COLUMNS, rowSchema, 5000);
  const units = await ctx.db.select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path, isActive: orgUnit.isActive }).from(orgUnit);
  const byName = new Map(units.map((u) => [u.name, u]));
  const today = toLocalDate(ctx.now);
  const resolved: RegisterRequestInput[] = [];
  for (const { row, value } of rows) {
    const unit = byName.get(value.orgName);
    if (!unit || !unit.isActive || !orgInScope(actor, PERM.register, unit)) {
      errors.push({ row, path: 'orgName', message: `单位“${value.orgName}”不存在或不在本人数据范围内` });
      continue;
    }
    if (value.receivedDate > today) {
      errors.push({ row, path: 'receivedDate', message: '收到日期不能晚于今天' });
      continue;
    }
    const { orgName: _orgName, ...rest } = value;
    resolved.push({ ...rest, orgId: unit.id });
  }
  if (errors.length > 0 || resolved.length === 0) {
    if (resolved.length === 0 && errors.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
    return { created: 0, errors: errors.sort((a, b) => a.row - b.row) };
  }
  await ctx.db.transaction(async (tx) => {
    for (const r of resolved) await insertRequest(tx, ctx, r);
    await recordAudit(tx, ctx, { action: 'request.import', module: MODULE, after: { rows: resolved.length } });
  });
  return { created: resolved.length, errors: [] };
};
