import { z } from 'zod';
import { isLocalDate } from '../../kernel/shared/local-date';
import { isValidCreditCode } from './credit-code';
import { GRADES, ITEM_KINDS, PLAN_KINDS, TARGET_TYPES } from './plan-machine';

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]];
const MAX_ID = 2_147_483_647;
export const localDate = (label: string) => z.string({ error: `请填写${label}` }).max(10, `${label}须为有效日期（YYYY-MM-DD）`).refine(isLocalDate, `${label}须为有效日期（YYYY-MM-DD）`);
export const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);
const plainText = (label: string, max: number) => z.string({ error: `${label}须为文字` }).trim().max(max, `${label}不能超过 ${max} 字`).default('');
const orgIdSchema = (label: string) => z.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`).max(MAX_ID, `${label}不存在`);
const percent = (label: string) => z.number({ error: `${label}须为数字` }).min(0, `${label}不能小于 0`).max(100, `${label}不能大于 100`);
const versionSchema = z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号须为正整数').max(MAX_ID, '版本号无效');

export const creditCodeSchema = z
  .string({ error: '请填写统一社会信用代码' })
  .trim()
  .toUpperCase()
  .length(18, '统一社会信用代码应为 18 位')
  .refine(isValidCreditCode, '统一社会信用代码校验位不正确（GB 32100）');

export const itemSchema = z.object({
  orgId: orgIdSchema('单位'),
  name: requiredText('事项名称', 2, 200),
  kind: z.enum(values(ITEM_KINDS), { error: '事项类别须为一般检查事项或重点检查事项' }),
  legalBasis: requiredText('检查依据', 2, 1000),
  targetType: z.enum(values(TARGET_TYPES), { error: '检查对象类型须为企业、个体工商户或其他' }),
  ratioPercent: percent('抽查比例'),
  frequencyPerYear: z.number({ error: '抽查频次须为数字' }).int('抽查频次须为整数').min(1, '抽查频次至少每年 1 次').max(12, '抽查频次不能超过每年 12 次'),
  active: z.boolean({ error: '须为是或否' }).default(true),
});
export type ItemInput = z.infer<typeof itemSchema>;

export const inspectorSchema = z.object({
  orgId: orgIdSchema('单位'),
  name: requiredText('姓名', 2, 50),
  certificateNo: requiredText('执法证号', 4, 40),
  expertise: plainText('专业领域', 200),
  conflictCodes: z.array(creditCodeSchema, { error: '回避对象须为列表' }).max(200, '回避对象不能超过 200 个').default([]),
  active: z.boolean({ error: '须为是或否' }).default(true),
});
export type InspectorInput = z.infer<typeof inspectorSchema>;

export const targetSchema = z.object({
  orgId: orgIdSchema('单位'),
  name: requiredText('名称', 2, 200),
  creditCode: creditCodeSchema,
  type: z.enum(values(TARGET_TYPES), { error: '类型须为企业、个体工商户或其他' }),
  industry: plainText('行业', 100),
  region: plainText('区域', 100),
  creditGrade: z.enum(GRADES, { error: '信用风险等级须为 A、B、C、D' }),
  active: z.boolean({ error: '须为是或否' }).default(true),
});
export type TargetInput = z.infer<typeof targetSchema>;

export const itemUpdateSchema = itemSchema.extend({ version: versionSchema });
export const inspectorUpdateSchema = inspectorSchema.extend({ version: versionSchema });
export const targetUpdateSchema = targetSchema.extend({ version: versionSchema });

export const rulesSchema = z.object({
  orgId: orgIdSchema('单位'),
  title: requiredText('标题', 2, 200),
  content: requiredText('细则内容', 10, 10_000),
  effectiveDate: localDate('施行日期'),
});
export type RulesInput = z.infer<typeof rulesSchema>;

export const gradeRatiosSchema = z.object({ A: percent('A类抽查比例'), B: percent('B类抽查比例'), C: percent('C类抽查比例'), D: percent('D类抽查比例') }, { error: '请填写各信用等级的抽查比例' });

export const planSchema = z
  .object({
    orgId: orgIdSchema('牵头单位'),
    year: z.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度不能早于 2000').max(2100, '年度不能晚于 2100'),
    title: requiredText('计划名称', 4, 200),
    batch: requiredText('批次', 1, 50),
    kind: z.enum(values(PLAN_KINDS), { error: '计划类型须为单部门抽查或部门联合抽查' }),
    graded: z.boolean({ error: '须为是或否' }),
    gradeRatios: gradeRatiosSchema.optional(),
    ratioPercent: percent('抽查比例').default(5),
    targetType: z.enum(values(TARGET_TYPES), { error: '检查对象类型无效' }).nullable().optional().transform((v) => v ?? null),
    scope: requiredText('抽查范围', 2, 2000),
    startDate: localDate('开始日期'),
    endDate: localDate('结束日期'),
    itemIds: z.array(z.number({ error: '事项须为数字' }).int('事项无效').positive('事项无效').max(MAX_ID, '事项不存在'), { error: '请选择抽查事项' }).min(1, '至少选择一个抽查事项').max(50, '事项不能超过 50 个'),
    participants: z
      .array(z.object({ orgId: orgIdSchema('参与单位'), itemIds: z.array(z.number({ error: '事项须为数字' }).int('事项无效').positive('事项无效').max(MAX_ID, '事项不存在')).min(1, '参与单位至少选择一个抽查事项').max(50, '事项不能超过 50 个') }), { error: '参与单位须为列表' })
      .max(10, '参与单位不能超过 10 个')
      .default([]),
  })
  .superRefine((p, ctx) => {
    if (p.endDate < p.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
    if (p.kind === 'joint' && p.participants.length === 0) ctx.addIssue({ code: 'custom', path: ['participants'], message: '联合抽查至少需要一个参与单位' });
    if (p.kind === 'single' && p.participants.length > 0) ctx.addIssue({ code: 'custom', path: ['participants'], message: '单部门抽查不能有参与单位' });
    const ids = p.participants.map((x) => x.orgId);
    if (new Set([...ids, p.orgId]).size !== ids.length + 1) ctx.addIssue({ code: 'custom', path: ['participants'], message: '参与单位不能重复，也不能是牵头单位' });
    if (Number(p.startDate.slice(0, 4)) !== p.year) ctx.addIssue({ code: 'custom', path: ['startDate'], message: '开始日期应在计划年度内' });
  });
export type PlanInput = z.infer<typeof planSchema>;

export const transitionBodySchema = z.object({
  version: versionSchema,
  input: z.record(z.string(), z.unknown(), { error: '办理内容须为对象' }).default({}),
});

export const settingSchema = z.object({
  orgId: orgIdSchema('单位'),
  gradedTarget: z.number({ error: '目标须为数字' }).int('目标须为整数').min(0, '目标不能小于 0').max(100, '目标不能大于 100'),
  jointTarget: z.number({ error: '目标须为数字' }).int('目标须为整数').min(0, '目标不能小于 0').max(100, '目标不能大于 100'),
  version: versionSchema.optional(),
});

const idQuery = (label: string) => z.coerce.number({ error: `${label}须为数字` }).int(`${label}无效`).positive(`${label}无效`).max(MAX_ID, `${label}不存在`).optional();
const yearOpt = z.coerce.number({ error: '年份须为数字' }).int('年份须为整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').optional();
const q = z.string().trim().max(50, '关键词不能超过 50 字').optional();
const booleanQuery = z
  .enum(['true', 'false'], { error: '只能为 true 或 false' })
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const poolFilterSchema = z.object({ orgId: idQuery('单位'), q, active: booleanQuery });
export const targetFilterSchema = poolFilterSchema.extend({ creditGrade: z.enum(GRADES, { error: '信用等级无效' }).optional(), type: z.enum(values(TARGET_TYPES), { error: '类型无效' }).optional() });
export const planFilterSchema = z.object({
  orgId: idQuery('单位'),
  year: yearOpt,
  status: z.string().max(40, '状态无效').optional(),
  kind: z.enum(values(PLAN_KINDS), { error: '计划类型无效' }).optional(),
  graded: booleanQuery,
  q,
});
export type PlanFilter = Partial<z.infer<typeof planFilterSchema>>;
export const resultFilterSchema = z.object({
  orgId: idQuery('单位'),
  planId: idQuery('计划'),
  year: yearOpt,
  status: z.string().max(40, '状态无效').optional(),
  outcome: z.string().max(40, '结果无效').optional(),
  overdue: booleanQuery,
  q,
});
export type ResultFilter = Partial<z.infer<typeof resultFilterSchema>>;
export const yearQuery = z.object({ year: yearOpt, orgId: idQuery('单位') });
export const portalQuery = z.object({ q, year: yearOpt });
