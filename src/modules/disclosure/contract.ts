import { z } from 'zod';
import { isLocalDate } from '../../kernel/shared/local-date';
import { APPLICANT_TYPES, CHANNELS, DELIVERY_METHODS } from './request-machine';

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]];
const localDate = (label: string) => z.string({ error: `请填写${label}` }).refine(isLocalDate, `${label}须为有效日期（YYYY-MM-DD）`);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 字`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

// Ids are PostgreSQL integers: a larger number names no record (and must not reach the database).
const MAX_ID = 2_147_483_647;

// 18-digit resident ID with its ISO 7064 check digit, or a 15-digit legacy one.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export const isValidIdNumber = (v: string): boolean => {
  if (/^\d{15}$/.test(v)) return true;
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
};

/** The applicant and the request, as staff register it or the portal submits it. */
export const applicantSchema = z.object({
  applicantType: z.enum(values(APPLICANT_TYPES), { error: '申请人类型无效' }),
  applicantName: z.string({ error: '请填写申请人姓名或名称' }).trim().min(1, '请填写申请人姓名或名称').max(100, '申请人名称不能超过 100 字'),
  applicantIdNumber: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isValidIdNumber(v), '身份证号码无效'),
  applicantPhone: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v), '联系电话格式无效'),
  applicantEmail: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.email().safeParse(v).success, '电子邮箱格式无效'),
  applicantAddress: optionalText('通信地址', 200),
  content: z.string({ error: '请填写所需政府信息的内容描述' }).trim().min(5, '所需信息的描述至少 5 个字').max(4000, '内容描述不能超过 4000 字'),
  purpose: optionalText('用途', 500),
  deliveryMethod: z.enum(values(DELIVERY_METHODS), { error: '获取方式无效' }),
});

/** 登记申请 (staff). */
export const registerRequestSchema = applicantSchema.extend({
  orgId: z.number({ error: '请选择承办单位' }).int().positive('请选择承办单位').max(MAX_ID, '承办单位不存在'),
  channel: z.enum(values(CHANNELS), { error: '申请渠道无效' }),
  receivedDate: localDate('收到申请日期'),
});
export type RegisterRequestInput = z.infer<typeof registerRequestSchema>;

/** 网上申请 (portal). */
export const portalRequestSchema = applicantSchema.extend({
  orgId: z.number({ error: '请选择受理机关' }).int().positive('请选择受理机关').max(MAX_ID, '受理机关不存在'),
});
export type PortalRequestInput = z.infer<typeof portalRequestSchema>;

/** List and export filters. */
export const requestFilterSchema = z.object({
  status: z.string().max(40).optional(),
  orgId: z.coerce.number({ error: '单位须为数字' }).int().positive().max(MAX_ID, '单位不存在').optional(),
  receivedFrom: localDate('起始日期').optional(),
  receivedTo: localDate('截止日期').optional(),
  overdue: z
    .enum(['true', 'false'], { error: '只能为 true 或 false' })
    .optional()
    .transform((v) => v === 'true'),
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
});
export type RequestFilter = z.infer<typeof requestFilterSchema>;

export const transitionBodySchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().positive(),
  input: z.record(z.string(), z.unknown()).default({}),
});
