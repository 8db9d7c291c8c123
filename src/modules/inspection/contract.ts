import { z } from 'zod';
import { isLocalDate } from '../../kernel/shared/local-date';
import { FINDING_SOURCES, FINDING_STATUSES, PLAN_KINDS, PLAN_METHODS, PLAN_STATUSES } from './order-machine';

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]];
const localDate = (label: string) => z.string({ error: `请填写${label}` }).refine(isLocalDate, `${label}须为有效日期（YYYY-MM-DD）`);
const text = (label: string, max: number, min = 1) =>
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

// Ids are PostgreSQL integers: a larger number names no record.
const MAX_ID = 2_147_483_647;
const id = (label: string) => z.number({ error: `请选择${label}` }).int(`${label}无效`).positive(`请选择${label}`).max(MAX_ID, `${label}不存在`);
const queryId = (label: string) => z.coerce.number({ error: `${label}须为数字` }).int(`${label}无效`).positive(`${label}无效`).max(MAX_ID, `${label}不存在`);
const version = z.number({ error: '缺少版本号' }).int('版本号无效').positive('版本号无效').max(MAX_ID, '版本号无效');
const stringList = (label: string, maxItems: number, maxLen: number) =>
  z
    .array(z.string({ error: `${label}须为文字` }).trim().min(1, `${label}不能为空`).max(maxLen, `${label}每项不能超过 ${maxLen} 字`), { error: `${label}须为列表` })
    .max(maxItems, `${label}最多 ${maxItems} 项`);
const year = z.number({ error: '请填写年度' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效');
const flag = z
  .enum(['true', 'false'], { error: '只能为 true 或 false' })
  .optional()
  .transform((v) => v === 'true');

/** 督察计划 (create). */
export const planSchema = z
  .object({
    year,
    title: text('计划名称', 200, 4),
    kind: z.enum(values(PLAN_KINDS), { error: '督察类型无效' }),
    method: z.enum(values(PLAN_METHODS), { error: '督察方式无效' }),
    startDate: localDate('开始日期'),
    endDate: localDate('结束日期'),
    items: stringList('督察内容', 100, 500).min(1, '请至少填写一项督察内容'),
    inspectors: stringList('督察人员', 50, 100).default([]),
  })
  .strict();
export type PlanInput = z.infer<typeof planSchema>;

/** 督察计划 (edit, with the version seen and the status). */
export const planUpdateSchema = planSchema.extend({
  status: z.enum(values(PLAN_STATUSES), { error: '计划状态无效' }),
  version,
});
export type PlanUpdateInput = z.infer<typeof planUpdateSchema>;

export const planFilterSchema = z.object({
  year: z.coerce.number({ error: '年度须为数字' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效').optional(),
  kind: z.enum(values(PLAN_KINDS), { error: '督察类型无效' }).optional(),
  status: z.enum(values(PLAN_STATUSES), { error: '计划状态无效' }).optional(),
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
});
export type PlanFilter = z.infer<typeof planFilterSchema>;

/** 督察对象 (add to a plan). */
export const targetSchema = z
  .object({
    orgId: id('被督察单位'),
    inspectedOn: localDate('督察日期').optional().nullable(),
    conclusion: optionalText('督察结论', 2000),
  })
  .strict();
export type TargetInput = z.infer<typeof targetSchema>;

export const targetUpdateSchema = z
  .object({
    inspectedOn: localDate('督察日期').optional().nullable(),
    conclusion: optionalText('督察结论', 2000),
    version,
  })
  .strict();
export type TargetUpdateInput = z.infer<typeof targetUpdateSchema>;

/** 督察问题 (record). */
export const findingSchema = z
  .object({
    planId: id('督察计划').optional().nullable(),
    orgId: id('问题所在单位'),
    description: text('问题描述', 4000, 5),
    category: optionalText('问题类别', 50),
    requirement: text('整改要求', 4000, 4),
    dueDate: localDate('整改期限').optional().nullable(),
    foundOn: localDate('发现日期'),
    source: z.enum(values(FINDING_SOURCES), { error: '问题来源无效' }),
  })
  .strict();
export type FindingInput = z.infer<typeof findingSchema>;

export const findingFilterSchema = z.object({
  planId: queryId('督察计划').optional(),
  orgId: queryId('单位').optional(),
  status: z.enum(values(FINDING_STATUSES), { error: '问题状态无效' }).optional(),
  source: z.enum(values(FINDING_SOURCES), { error: '问题来源无效' }).optional(),
  year: z.coerce.number({ error: '年度须为数字' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效').optional(),
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
});
export type FindingFilter = z.infer<typeof findingFilterSchema>;

/** 签发督办单 (directly, or from a finding). */
export const orderSchema = z
  .object({
    orgId: id('被督办单位'),
    findingId: id('督察问题').optional().nullable(),
    title: text('督办事项', 200, 4),
    content: text('督办内容', 4000, 5),
    requirement: text('整改要求', 4000, 4),
    dueDate: localDate('整改期限'),
  })
  .strict();
export type OrderInput = z.infer<typeof orderSchema>;

/** 转督办: an order from an open deadline of any module. */
export const fromDeadlineSchema = z
  .object({
    clockId: id('期限'),
    requirement: text('整改要求', 4000, 4),
    dueDate: localDate('整改期限'),
  })
  .strict();
export type FromDeadlineInput = z.infer<typeof fromDeadlineSchema>;

export const orderFilterSchema = z.object({
  status: z.enum(['issued', 'submitted', 'returned', 'closed', 'withdrawn'], { error: '状态无效' }).optional(),
  orgId: queryId('单位').optional(),
  overdue: flag,
  noticed: flag,
  source: z.enum(values(FINDING_SOURCES), { error: '来源无效' }).optional(),
  year: z.coerce.number({ error: '年度须为数字' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效').optional(),
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
});
export type OrderFilter = z.infer<typeof orderFilterSchema>;

export const transitionBodySchema = z
  .object({
    version,
    input: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export const yearQuery = z.object({
  year: z.coerce.number({ error: '年度须为数字' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效').optional(),
});
