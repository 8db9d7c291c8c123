import { z } from 'zod';
import { isLocalDate } from '../../../kernel/shared/local-date';
import { KINDS, MAJOR_GROUNDS, PARTY_KINDS, RISK_CLASSES } from './case-machine';

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
const idSchema = (label: string) => z.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`).max(MAX_ID, `${label}不存在`);

// 18-digit resident ID with its ISO 7064 check digit.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export const isValidIdNumber = (v: string): boolean => {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
};

/** 登记执法案件. */
export const createCaseSchema = z
  .object({
    bodyId: idSchema('执法主体'),
    itemId: idSchema('执法事项'),
    kind: z.enum(values(KINDS), { error: '案件类型须为行政处罚、行政许可、行政检查或行政强制' }),
    caseNo: optionalText('案件编号', 60),
    title: requiredText('案件名称', 4, 200),
    partyName: requiredText('当事人', 1, 100),
    partyKind: z.enum(values(PARTY_KINDS), { error: '当事人类型须为自然人、法人或其他组织' }),
    partyIdNumber: optionalText('身份证号码', 18).transform((v) => (v ? v.toUpperCase() : null)),
    partyPhone: optionalText('联系电话', 20).refine((v) => v === null || /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v), '联系电话格式无效'),
    enterpriseRelated: z.boolean({ error: '涉企须为是或否' }).default(false),
    isMajor: z.boolean({ error: '重大执法决定须为是或否' }).default(false),
    majorGround: z.enum(values(MAJOR_GROUNDS), { error: '重大执法决定的情形无效' }).nullable().optional().transform((v) => v ?? null),
    riskClass: z.enum(values(RISK_CLASSES), { error: '信用风险分类须为 A、B、C、D' }).nullable().optional().transform((v) => v ?? null),
    officerIds: z
      .array(idSchema('执法人员'), { error: '请选择执法人员' })
      .min(2, '执法人员不得少于两人（行政处罚法第四十二条）')
      .max(10, '执法人员不能超过 10 人')
      .refine((a) => new Set(a).size === a.length, '执法人员不能重复'),
    filedDate: localDate('立案（受理）日期'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.isMajor && !v.majorGround) ctx.addIssue({ code: 'custom', path: ['majorGround'], message: '重大执法决定请选择第五十八条规定的情形' });
    if (v.partyIdNumber && v.partyKind !== 'citizen') ctx.addIssue({ code: 'custom', path: ['partyIdNumber'], message: '只有自然人当事人填写身份证号码' });
    if (v.partyIdNumber && !isValidIdNumber(v.partyIdNumber)) ctx.addIssue({ code: 'custom', path: ['partyIdNumber'], message: '身份证号码无效' });
    if (v.riskClass && v.kind !== 'inspection') ctx.addIssue({ code: 'custom', path: ['riskClass'], message: '信用风险分类只适用于行政检查' });
  });
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

const booleanQuery = (label: string) =>
  z
    .enum(['true', 'false'], { error: `${label}只能为 true 或 false` })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'));
const idQuery = (label: string) => z.coerce.number({ error: `${label}须为数字` }).int(`${label}无效`).positive(`${label}无效`).max(MAX_ID, `${label}不存在`).optional();

/** List and export filters. */
export const caseFilterSchema = z.object({
  orgId: idQuery('单位'),
  bodyId: idQuery('执法主体'),
  kind: z.enum(values(KINDS), { error: '案件类型无效' }).optional(),
  status: z.string().max(40, '状态无效').optional(),
  enterpriseRelated: booleanQuery('涉企'),
  isMajor: booleanQuery('重大'),
  discretionOutside: booleanQuery('超出裁量基准'),
  overdue: booleanQuery('逾期'),
  filedFrom: localDate('起始日期').optional(),
  filedTo: localDate('截止日期').optional(),
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
});
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export const transitionBodySchema = z.object({
  version: z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号须为正整数').max(MAX_ID, '版本号无效'),
  input: z.record(z.string(), z.unknown(), { error: '办理内容须为对象' }).default({}),
});

export const yearQuery = z.object({
  year: z.coerce.number({ error: '年份须为数字' }).int('年份须为整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').optional(),
  orgId: idQuery('单位'),
});

export const revealSchema = z.object({ reason: z.string({ error: '请填写查看事由' }).trim().min(4, '请填写查看事由（至少 4 个字）').max(200, '事由不能超过 200 字') });

/** 门户公示查询. */
export const publicQuerySchema = z.object({
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
  bodyName: z.string().trim().max(100, '执法主体不能超过 100 字').optional(),
  category: z.enum(values(KINDS), { error: '类别无效' }).optional(),
  from: localDate('起始日期').optional(),
  to: localDate('截止日期').optional(),
  page: z.coerce.number({ error: '页码须为数字' }).int('页码须为整数').min(1, '页码从 1 开始').max(10_000, '页码过大').default(1),
  pageSize: z.coerce.number({ error: '每页条数须为数字' }).int('每页条数须为整数').min(1, '每页至少 1 条').max(50, '每页最多 50 条').default(20),
});
