import { z } from '@hono/zod-openapi';

const MAX_ID = 2_147_483_647;
const localDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const registerSchema = z
  .object({
    title: z.string().trim().min(1, '请填写标题').max(200, '标题最多 200 字'),
    orgId: z.number({ error: '请选择单位' }).int('单位无效').positive('单位无效').max(MAX_ID, '单位无效'),
    receivedOn: localDate,
    content: z.string().max(4000, '内容最多 4000 字').nullable().optional(),
  })
  .strict();
export type RegisterInput = z.infer<typeof registerSchema>;

export const filterSchema = z.object({
  status: z.enum(['registered', 'processing', 'closed'], { error: '状态无效' }).optional(),
  q: z.string().max(100, '关键词最多 100 字').optional(),
});

export const transitionBodySchema = z.object({
  version: z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号须为正整数').max(MAX_ID, '版本号无效'),
  input: z.record(z.string(), z.unknown(), { error: '办理内容须为对象' }).default({}),
});
