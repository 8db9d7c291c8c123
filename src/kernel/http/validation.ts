import { z } from 'zod';
import type { Context } from 'hono';
import { AppError, validationError } from '../errors/app-error';
import type { FieldIssue } from '../shared/app-error-codes';
import { useChineseZodMessages } from '../shared/zod-chinese';

// Schemas written without messages still answer in Chinese.
useChineseZodMessages();

/** Turns zod issues into Chinese field details. */
export const zodIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(根)',
    message: i.code === 'unrecognized_keys' ? `不认识的字段：${(i as { keys: string[] }).keys.join('、')}` : i.message,
  }));

/** The defaultHook of every OpenAPIHono router: a failed validation becomes VALIDATION_FAILED (422). */
export const validationHook = (result: { success: boolean; error?: z.ZodError }): void => {
  if (!result.success && result.error) throw validationError(zodIssues(result.error));
};

/** The multipart form of a request; a body that is not valid multipart answers 422, not 500. */
export const parseFormBody = async (c: Context) => {
  try {
    return await c.req.parseBody();
  } catch (cause) {
    throw new AppError('VALIDATION_FAILED', '上传内容格式无效', { details: { fields: [{ path: 'file', message: '上传内容不是有效的 multipart/form-data' }] }, cause });
  }
};

// Zod's own messages (for rules without a hand-written one) in Chinese.
z.config(z.locales.zhCN());
