import { z } from 'zod';
import { isLocalDate } from '../../kernel/shared/local-date';
import { ABSENCE_REASONS, ATTENDANCE, CAUSES, INSTANCES, OBSERVATION_KINDS, PARTY_TYPES, PROCEDURES } from './case-machine';

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]];
const localDate = (label: string) => z.string({ error: `请填写${label}` }).max(10, `${label}须为有效日期（YYYY-MM-DD）`).refine(isLocalDate, `${label}须为有效日期（YYYY-MM-DD）`);
const optionalDate = (label: string) =>
  localDate(label)
    .nullable()
    .optional()
    .transform((v) => v ?? null);
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
const idSchema = (label: string) => z.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`).max(MAX_ID, `${label}不存在`);
const idQuery = (label: string) => z.coerce.number({ error: `${label}须为数字` }).int(`${label}无效`).positive(`${label}无效`).max(MAX_ID, `${label}不存在`);

// 18-digit resident ID with its ISO 7064 check digit, or a 15-digit legacy one.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export const isValidIdNumber = (v: string): boolean => {
  if (/^\d{15}$/.test(v)) return true;
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
};

/** 法院案号, e.g. （2026）苏0612行初123号: the year in brackets, a court code and 行初/行终/行再/行申… with a number. */
export const COURT_CASE_NO = /^[（(]\d{4}[）)][\u4e00-\u9fa5]{0,2}\d{0,6}行[\u4e00-\u9fa5]{1,3}\d{1,6}号$/;

export const plaintiffSchema = z
  .object({
    name: requiredText('原告姓名或名称', 1, 100),
    type: z.enum(values(PARTY_TYPES), { error: '原告类型须为公民、法人或其他组织' }),
    idNumber: optionalText('证件号码', 30).transform((v) => (v ? v.toUpperCase() : null)),
    phone: optionalText('联系电话', 20).refine((v) => v === null || /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v), '联系电话格式无效'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.idNumber && p.type === 'citizen' && !isValidIdNumber(p.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '身份证号码无效' });
    if (p.idNumber && p.type !== 'citizen' && !/^[0-9A-Z]{18}$/.test(p.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '统一社会信用代码应为 18 位数字或大写字母' });
  });
export type PlaintiffInput = z.infer<typeof plaintiffSchema>;

/** 登记行政诉讼案件. */
export const registerCaseSchema = z
  .object({
    orgId: idSchema('被告行政机关'),
    courtName: requiredText('受理法院', 2, 100),
    courtCaseNo: requiredText('法院案号', 6, 60).refine((v) => COURT_CASE_NO.test(v), '法院案号格式应如：（2026）苏0612行初123号'),
    instance: z.enum(values(INSTANCES), { error: '审级须为一审、二审或再审' }),
    procedure: z.enum(values(PROCEDURES), { error: '审理程序须为普通程序或简易程序' }).default('ordinary'),
    parentCaseId: idSchema('原审案件').nullable().optional().transform((v) => v ?? null),
    plaintiffs: z.array(plaintiffSchema, { error: '请填写原告' }).min(1, '至少填写一名原告').max(50, '原告不能超过 50 名'),
    thirdParties: optionalText('第三人', 500),
    cause: z.enum(values(CAUSES), { error: `案由须为：${CAUSES.map((c) => c.label).join('、')}` }),
    contestedAct: requiredText('被诉行政行为', 2, 300),
    afterReconsideration: z.boolean({ error: '须为是或否' }).default(false),
    reconsiderationDecisionNo: optionalText('复议决定书文号', 100),
    filedDate: localDate('立案日期'),
    servedDate: optionalDate('收到起诉状副本日期'),
  })
  .strict();
export type RegisterCaseInput = z.infer<typeof registerCaseSchema>;

const booleanQuery = z
  .enum(['true', 'false'], { error: '只能为 true 或 false' })
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

/** List and export filters. */
export const caseFilterSchema = z.object({
  status: z.string().max(40, '状态无效').optional(),
  orgId: idQuery('被告单位').optional(),
  cause: z.enum(values(CAUSES), { error: '案由无效' }).optional(),
  instance: z.enum(values(INSTANCES), { error: '审级无效' }).optional(),
  court: z.string().trim().max(50, '法院名称不能超过 50 字').optional(),
  lost: booleanQuery,
  year: z.coerce.number({ error: '年份须为数字' }).int('年份须为整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').optional(),
  overdue: booleanQuery,
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
});
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export const transitionBodySchema = z.object({
  version: z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号须为正整数').max(MAX_ID, '版本号无效'),
  input: z.record(z.string(), z.unknown(), { error: '办理内容须为对象' }).default({}),
});

/** 庭审与出庭 (HEAD2020). A hearing in the future is only scheduled (no attendance yet). */
export const hearingSchema = z
  .object({
    hearingDate: localDate('开庭日期'),
    courtRoom: optionalText('法庭', 100),
    noticeServedDate: optionalDate('出庭通知书送达日期'),
    identityFiledDate: optionalDate('负责人身份证明提交日期'),
    attendance: z.enum(values(ATTENDANCE), { error: '出庭情况无效' }).nullable().optional().transform((v) => v ?? null),
    headName: optionalText('出庭负责人姓名', 50),
    headPost: optionalText('出庭负责人职务', 100),
    absenceReason: z.enum(values(ABSENCE_REASONS), { error: '未出庭理由无效' }).nullable().optional().transform((v) => v ?? null),
    absenceProof: optionalText('未出庭的说明或证明', 1000),
    headSpoke: z.boolean({ error: '须为是或否' }).nullable().optional().transform((v) => v ?? null),
    note: optionalText('备注', 2000),
  })
  .strict();
export type HearingInput = z.infer<typeof hearingSchema>;
export const hearingUpdateSchema = hearingSchema.extend({
  version: z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号须为正整数').max(MAX_ID, '版本号无效'),
});

export const suggestionSchema = z
  .object({
    receivedDate: localDate('收到司法建议日期'),
    content: requiredText('司法建议内容', 5, 4000),
    dueDate: localDate('法院要求的回复期限'),
  })
  .strict();
export type SuggestionInput = z.infer<typeof suggestionSchema>;

export const observationSchema = z
  .object({
    orgId: idSchema('组织单位'),
    caseId: idSchema('关联案件').nullable().optional().transform((v) => v ?? null),
    heldOn: localDate('日期'),
    kind: z.enum(values(OBSERVATION_KINDS), { error: '类型须为旁听庭审或庭审讲评' }),
    title: requiredText('主题', 2, 200),
    participants: z.number({ error: '参加人数须为数字' }).int('参加人数须为整数').min(1, '参加人数至少 1 人').max(10000, '参加人数过大'),
    note: optionalText('备注', 2000),
  })
  .strict();
export type ObservationInput = z.infer<typeof observationSchema>;

export const yearQuery = z.object({
  year: z.coerce.number({ error: '年份须为数字' }).int('年份须为整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').optional(),
  orgId: idQuery('单位').optional(),
});

const pct = (label: string) => z.number({ error: `${label}须为数字` }).int(`${label}须为整数`).min(0, `${label}不能小于 0`).max(100, `${label}不能大于 100`);
const cnt = (label: string) => z.number({ error: `${label}须为数字` }).int(`${label}须为整数`).min(0, `${label}不能小于 0`).max(1000, `${label}不能大于 1000`);

/** 三色预警阈值. */
export const warningRuleSchema = z
  .object({
    year: z.number({ error: '年份须为数字' }).int('年份须为整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100'),
    redLossRate: pct('红色：败诉率'),
    redAppearanceBelow: pct('红色：出庭率低于'),
    redNoShow: cnt('红色：仅律师或无人出庭次数'),
    redOverdueDefence: cnt('红色：逾期答辩件数'),
    yellowLossRate: pct('黄色：败诉率'),
    yellowAppearanceBelow: pct('黄色：出庭率低于'),
    yellowOverdueSuggestion: cnt('黄色：逾期回复司法建议件数'),
    version: z.number({ error: '缺少版本号' }).int('版本号须为整数').min(0, '版本号无效').max(MAX_ID, '版本号无效'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.yellowLossRate > r.redLossRate) ctx.addIssue({ code: 'custom', path: ['yellowLossRate'], message: '黄色败诉率阈值不能高于红色阈值' });
    if (r.yellowAppearanceBelow < r.redAppearanceBelow) ctx.addIssue({ code: 'custom', path: ['yellowAppearanceBelow'], message: '黄色出庭率阈值不能低于红色阈值' });
  });
export type WarningRuleInput = z.infer<typeof warningRuleSchema>;
