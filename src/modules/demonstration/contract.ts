import { z } from 'zod';
import { isLocalDate } from '../../kernel/shared/local-date';

const MAX_ID = 2_147_483_647;
const localDate = (label: string) => z.string({ error: `请填写${label}` }).max(10, `${label}须为有效日期（YYYY-MM-DD）`).refine(isLocalDate, `${label}须为有效日期（YYYY-MM-DD）`);
const id = (label: string) => z.number({ error: `请选择${label}` }).int(`${label}无效`).positive(`请选择${label}`).max(MAX_ID, `${label}不存在`);
const text = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`);
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}须为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 字`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

/** 指标编码: `1`, `1.2`, `1.2.3` (numbers separated by dots). */
export const INDICATOR_CODE = /^\d{1,3}(\.\d{1,3}){0,2}$/;
export const levelOfCode = (code: string): number => code.split('.').length;

const statisticId = z
  .string({ error: '统计项须为文字' })
  .trim()
  .max(100, '统计项编号过长')
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, '统计项编号格式无效')
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

const maxScore = z
  .number({ error: '分值须为数字' })
  .int('分值须为整数')
  .min(0, '分值不能小于 0')
  .max(1000, '分值不能大于 1000')
  .optional()
  .nullable()
  .transform((v) => (v === undefined ? null : v));

/** 新增指标. */
export const createIndicatorSchema = z
  .object({
    editionId: id('指标体系版本'),
    parentId: id('上级指标').optional().nullable().transform((v) => v ?? null),
    code: z.string({ error: '请填写指标编码' }).trim().max(11, '指标编码过长').regex(INDICATOR_CODE, '指标编码须为 1、1.2、1.2.3 的形式'),
    name: text('指标名称', 200),
    standard: optionalText('评价标准', 4000),
    evidenceRequired: optionalText('佐证材料', 2000),
    maxScore,
    confirmed: z.boolean({ error: '是否已核实须为是或否' }).optional().default(false),
    statisticId,
    sortOrder: z.number({ error: '排序须为数字' }).int('排序须为整数').min(0, '排序不能小于 0').max(9999, '排序不能大于 9999').optional().default(0),
  })
  .strict();
export type CreateIndicatorInput = z.infer<typeof createIndicatorSchema>;

/** 修改指标 (optimistic version). */
export const updateIndicatorSchema = z
  .object({
    version: z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号无效').max(MAX_ID, '版本号无效'),
    name: text('指标名称', 200).optional(),
    standard: optionalText('评价标准', 4000),
    evidenceRequired: optionalText('佐证材料', 2000),
    maxScore,
    confirmed: z.boolean({ error: '是否已核实须为是或否' }).optional(),
    statisticId,
    sortOrder: z.number({ error: '排序须为数字' }).int('排序须为整数').min(0, '排序不能小于 0').max(9999, '排序不能大于 9999').optional(),
  })
  .strict();
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorSchema>;

export const versionQuery = z.object({
  version: z.coerce.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号无效').max(MAX_ID, '版本号无效'),
});

/** A version in a JSON body (no coercion: `true` is not 1). */
export const versionBody = z
  .object({ version: z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号无效').max(MAX_ID, '版本号无效') })
  .strict();

/** 新建指标体系版本. */
export const createEditionSchema = z
  .object({
    code: z.string({ error: '请填写版本编码' }).trim().min(1, '请填写版本编码').max(20, '版本编码不能超过 20 字').regex(/^[\w-]+$/, '版本编码只能含字母、数字、-、_'),
    name: text('版本名称', 100),
    note: optionalText('说明', 1000),
    isCurrent: z.boolean({ error: '是否现行须为是或否' }).optional().default(false),
  })
  .strict();
export type CreateEditionInput = z.infer<typeof createEditionSchema>;

export const editionQuery = z.object({
  editionId: z.coerce.number({ error: '版本须为数字' }).int('版本须为整数').positive('版本无效').max(MAX_ID, '版本不存在').optional(),
  year: z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效').optional(),
});

/** 分解任务: one task, its lead unit and co-units (one assignment each). */
export const createTaskSchema = z
  .object({
    indicatorId: id('三级指标'),
    title: text('任务名称', 200),
    measures: optionalText('工作措施', 4000),
    evidenceRequired: optionalText('佐证材料要求', 2000),
    dueDate: localDate('完成时限'),
    leadOrgId: id('牵头单位'),
    coOrgIds: z
      .array(id('配合单位'), { error: '配合单位须为单位列表' })
      .max(50, '配合单位最多 50 个')
      .optional()
      .default([]),
  })
  .strict();
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

export const ASSIGNMENT_STATUSES = ['in_progress', 'submitted', 'returned', 'closed', 'cancelled'] as const;

/** List and export filters of assignments. */
export const assignmentFilterSchema = z.object({
  status: z.enum(ASSIGNMENT_STATUSES, { error: '状态无效' }).optional(),
  orgId: z.coerce.number({ error: '单位须为数字' }).int('单位须为整数').positive('单位无效').max(MAX_ID, '单位不存在').optional(),
  indicatorId: z.coerce.number({ error: '指标须为数字' }).int('指标须为整数').positive('指标无效').max(MAX_ID, '指标不存在').optional(),
  year: z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效').optional(),
  overdue: z
    .enum(['true', 'false'], { error: '只能为 true 或 false' })
    .optional()
    .transform((v) => v === 'true'),
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
});
export type AssignmentFilter = z.infer<typeof assignmentFilterSchema>;

export const transitionBodySchema = z
  .object({
    version: z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号无效').max(MAX_ID, '版本号无效'),
    input: z.record(z.string(), z.unknown(), { error: '办理内容须为对象' }).default({}),
  })
  .strict();
