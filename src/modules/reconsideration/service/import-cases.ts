import { z } from 'zod';
import { isLocalDate, orgInScope, orgUnit, readXlsx, recordAudit, requirePermission, toLocalDate, type Ctx, type RowError } from '../../../kernel';
import { CHANNELS, FIELDS, PARTY_TYPES } from '../case-machine';
import { partySchema, type RegisterCaseInput } from '../contract';
import { insertCase } from './register-case';
import { MODULE, PERM } from './access';

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

/** The template columns, in order (one applicant per row). */
export const IMPORT_COLUMNS = [
  { header: '行政复议机构', key: 'orgName', required: true },
  { header: '被申请人', key: 'respondentName', required: true },
  { header: '申请渠道', key: 'channel', required: true },
  { header: '收到日期', key: 'receivedDate', required: true },
  { header: '申请人类型', key: 'applicantType', required: true },
  { header: '申请人', key: 'applicantName', required: true },
  { header: '证件号码', key: 'applicantIdNumber' },
  { header: '联系电话', key: 'applicantPhone' },
  { header: '通信地址', key: 'applicantAddress' },
  { header: '被申请行政行为', key: 'actName', required: true },
  { header: '文书编号', key: 'actDocNo' },
  { header: '知道行为日期', key: 'knewDate', required: true },
  { header: '案件领域', key: 'field', required: true },
  { header: '复议请求', key: 'request', required: true },
  { header: '事实和理由', key: 'factsReasons', required: true },
];

const rowSchema = z.object({
  orgName: text('行政复议机构', 1, 100),
  respondentName: text('被申请人', 1, 100),
  channel: byLabel(CHANNELS, '申请渠道'),
  receivedDate: date('收到日期'),
  applicantType: byLabel(PARTY_TYPES, '申请人类型'),
  applicantName: z.string().optional(),
  applicantIdNumber: z.string().optional(),
  applicantPhone: z.string().optional(),
  applicantAddress: z.string().optional(),
  actName: text('被申请行政行为', 2, 200),
  actDocNo: z.string().trim().max(100, '文书编号不能超过 100 字').optional(),
  knewDate: date('知道行为日期'),
  field: byLabel(FIELDS, '案件领域'),
  request: text('复议请求', 5, 2000),
  factsReasons: text('事实和理由', 5, 8000),
});

/**
 * 导入: validates every row (format, units, the applicant, dates) and inserts all rows in one transaction,
 * or nothing when any row has an error; returns the per-row error report.
 */
export const importCases = async (ctx: Ctx, file: Buffer): Promise<{ created: number; errors: RowError[] }> => {
  const actor = requirePermission(ctx, PERM.register);
  const { rows, errors } = await readXlsx(file, IMPORT_COLUMNS, rowSchema, 5000);
  const units = await ctx.db.select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path, isActive: orgUnit.isActive }).from(orgUnit);
  const byName = new Map(units.map((u) => [u.name, u]));
  const today = toLocalDate(ctx.now);
  const resolved: RegisterCaseInput[] = [];
  for (const { row, value } of rows) {
    const before = errors.length;
    const org = byName.get(value.orgName);
    if (!org || !org.isActive || !orgInScope(actor, PERM.register, org)) errors.push({ row, path: 'orgName', message: `单位“${value.orgName}”不存在或不在本人数据范围内` });
    const respondent = byName.get(value.respondentName);
    if (!respondent || !respondent.isActive) errors.push({ row, path: 'respondentName', message: `被申请人“${value.respondentName}”不存在` });
    const party = partySchema.safeParse({ name: value.applicantName ?? '', type: value.applicantType, idNumber: value.applicantIdNumber ?? null, phone: value.applicantPhone ?? null, address: value.applicantAddress ?? null });
    if (!party.success) for (const i of party.error.issues) errors.push({ row, path: i.path[0] === 'name' ? 'applicantName' : `applicant.${i.path.join('.')}`, message: i.message });
    if (value.receivedDate > today) errors.push({ row, path: 'receivedDate', message: '收到日期不能晚于今天' });
    if (value.knewDate > value.receivedDate) errors.push({ row, path: 'knewDate', message: '知道行为日期不能晚于收到日期' });
    if (errors.length > before || !party.success) continue;
    resolved.push({
      orgId: org!.id,
      respondentOrgId: respondent!.id,
      channel: value.channel,
      receivedDate: value.receivedDate,
      applicants: [party.data],
      thirdParties: [],
      agent: null,
      actName: value.actName,
      actDocNo: value.actDocNo ? value.actDocNo : null,
      actDate: null,
      knewDate: value.knewDate,
      notInformed: false,
      rightsKnownDate: null,
      obstacleDays: 0,
      realProperty: false,
      field: value.field,
      request: value.request,
      factsReasons: value.factsReasons,
    });
  }
  if (errors.length > 0 || resolved.length === 0) {
    if (resolved.length === 0 && errors.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
    return { created: 0, errors: errors.sort((a, b) => a.row - b.row) };
  }
  await ctx.db.transaction(async (tx) => {
    for (const r of resolved) await insertCase(tx, ctx, r);
    await recordAudit(tx, ctx, { action: 'case.import', module: MODULE, after: { rows: resolved.length } });
  });
  return { created: resolved.length, errors: [] };
};
