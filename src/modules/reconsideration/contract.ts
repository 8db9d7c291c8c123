import { z } from 'zod';
import { isLocalDate } from '../../kernel/shared/local-date';
import { CHANNELS, FIELDS, LETTER_KINDS, PARTY_TYPES, PROCEDURES } from './case-machine';

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]];
const localDate = (label: string) => z.string({ error: `请填写${label}` }).max(10, `${label}须为有效日期（YYYY-MM-DD）`).refine(isLocalDate, `${label}须为有效日期（YYYY-MM-DD）`);
const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}须为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 字`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

const MAX_ID = 2_147_483_647;
const orgIdSchema = (label: string) => z.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`).max(MAX_ID, `${label}不存在`);

// 18-digit resident ID with its ISO 7064 check digit, or a 15-digit legacy one.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export const isValidIdNumber = (v: string): boolean => {
  if (/^\d{15}$/.test(v)) return true;
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
};

/** One party (applicant, third party or agent). Citizens' ID numbers are checked; organisations give a credit code. */
export const partySchema = z
  .object({
    name: requiredText('姓名或名称', 1, 100),
    type: z.enum(values(PARTY_TYPES), { error: '当事人类型须为公民、法人或其他组织' }),
    idNumber: optionalText('证件号码', 30).transform((v) => (v ? v.toUpperCase() : null)),
    phone: optionalText('联系电话', 20).refine((v) => v === null || /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v), '联系电话格式无效'),
    address: optionalText('通信地址', 200),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.idNumber && p.type === 'citizen' && !isValidIdNumber(p.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '身份证号码无效' });
    if (p.idNumber && p.type !== 'citizen' && !/^[0-9A-Z]{18}$/.test(p.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '统一社会信用代码应为 18 位数字或大写字母' });
  });
export type PartyInput = z.infer<typeof partySchema>;

/** The application as the portal submits it. */
export const applicationSchema = z.object({
  orgId: orgIdSchema('行政复议机构'),
  respondentOrgId: orgIdSchema('被申请人'),
  applicants: z.array(partySchema, { error: '请填写申请人' }).min(1, '至少填写一名申请人').max(20, '申请人不能超过 20 名'),
  thirdParties: z.array(partySchema, { error: '第三人须为列表' }).max(20, '第三人不能超过 20 名').default([]),
  agent: partySchema.nullable().optional().transform((v) => v ?? null),
  actName: requiredText('被申请行政复议的行政行为', 2, 200),
  actDocNo: optionalText('文书编号', 100),
  actDate: localDate('行政行为作出日期').nullable().optional().transform((v) => v ?? null),
  knewDate: localDate('知道该行政行为之日'),
  notInformed: z.boolean({ error: '须为是或否' }).default(false),
  rightsKnownDate: localDate('知道申请权利和期限之日').nullable().optional().transform((v) => v ?? null),
  obstacleDays: z.number({ error: '耽误的日数须为数字' }).int('耽误的日数须为整数').min(0, '耽误的日数不能为负').max(3650, '耽误的日数过大').default(0),
  realProperty: z.boolean({ error: '须为是或否' }).default(false),
  field: z.enum(values(FIELDS), { error: `案件领域须为：${FIELDS.map((f) => f.label).join('、')}` }),
  request: requiredText('行政复议请求', 5, 2000),
  factsReasons: requiredText('事实和理由', 5, 8000),
});
export type ApplicationInput = z.infer<typeof applicationSchema>;

/** 登记 by staff: the channel and the day the application was received. */
export const registerCaseSchema = applicationSchema.extend({
  channel: z.enum(values(CHANNELS), { error: '申请渠道无效' }),
  receivedDate: localDate('收到申请日期'),
});
export type RegisterCaseInput = z.infer<typeof registerCaseSchema>;

const booleanQuery = z
  .enum(['true', 'false'], { error: '只能为 true 或 false' })
  .optional()
  .transform((v) => v === 'true');

/** List and export filters. */
export const caseFilterSchema = z.object({
  status: z.string().max(40, '状态无效').optional(),
  procedure: z.enum(values(PROCEDURES), { error: '程序须为普通程序或简易程序' }).optional(),
  field: z.enum(values(FIELDS), { error: '案件领域无效' }).optional(),
  respondentOrgId: z.coerce.number({ error: '被申请人须为数字' }).int('被申请人无效').positive('被申请人无效').max(MAX_ID, '被申请人不存在').optional(),
  orgId: z.coerce.number({ error: '单位须为数字' }).int('单位无效').positive('单位无效').max(MAX_ID, '单位不存在').optional(),
  receivedFrom: localDate('起始日期').optional(),
  receivedTo: localDate('截止日期').optional(),
  overdue: booleanQuery,
  late: booleanQuery,
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
});
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export const transitionBodySchema = z.object({
  version: z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号须为正整数').max(MAX_ID, '版本号无效'),
  input: z.record(z.string(), z.unknown(), { error: '办理内容须为对象' }).default({}),
});

export const consultationSchema = z.object({
  kind: z.enum(['committee', 'expert'], { error: '类型须为委员会咨询或专家论证' }),
  heldOn: localDate('日期'),
  participants: requiredText('参加人员', 2, 500),
  opinion: requiredText('意见', 2, 4000),
});
export type ConsultationInput = z.infer<typeof consultationSchema>;

export const letterSchema = z.object({
  kind: z.enum(values(LETTER_KINDS), { error: '文书类型须为意见书或建议书' }),
  recipientOrgId: orgIdSchema('送达单位'),
  issuedDate: localDate('制发日期'),
  servedDate: localDate('送达日期'),
  dueDate: localDate('反馈期限').nullable().optional().transform((v) => v ?? null),
  content: requiredText('主要内容', 5, 4000),
});
export type LetterInput = z.infer<typeof letterSchema>;

export const yearQuery = z.object({
  year: z.coerce.number({ error: '年份须为数字' }).int('年份须为整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').optional(),
  orgId: z.coerce.number({ error: '单位须为数字' }).int('单位无效').positive('单位无效').max(MAX_ID, '单位不存在').optional(),
});
