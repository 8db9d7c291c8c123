import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { AppError, validationError } from '../errors/app-error';
import type { AppEnv } from './app-env';
import { zodIssues } from './validation';
import { describeErrorForLog } from '../errors/log-redaction';

const pgCode = (err: unknown): string | undefined => {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
};

/** Maps any thrown value to an AppError: database constraint errors become 409/422, the rest 500. */
export const toAppError = (err: unknown): AppError => {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationError(zodIssues(err));
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE', undefined, { cause: err });
    if (err.status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', '请求体须为 JSON（Content-Type: application/json）', { cause: err });
    if (err.status === 400) return new AppError('VALIDATION_FAILED', '请求格式无效', { cause: err, details: { fields: [{ path: '(根)', message: '请求体不是有效的 JSON' }] } });
  }
  if (err instanceof SyntaxError) return new AppError('VALIDATION_FAILED', '请求体不是有效的 JSON', { cause: err, details: { fields: [{ path: '(根)', message: '请求体不是有效的 JSON' }] } });
  switch (pgCode(err)) {
    case '23505':
      return new AppError('CONFLICT', '与已有记录重复', { cause: err });
    case '23503':
      return new AppError('VALIDATION_FAILED', '引用的记录不存在', { cause: err, details: { fields: [{ path: '(根)', message: '引用的记录不存在' }] } });
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', '并发冲突，请重试', { cause: err });
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
    case '22021':
    case '22P05':
      return new AppError('VALIDATION_FAILED', '数据格式或范围无效', { cause: err, details: { fields: [{ path: '(根)', message: '数据格式或范围无效（如编号或数值超出范围）' }] } });
  }
  return new AppError('INTERNAL', undefined, { cause: err });
};

/** app.onError: the only place that turns errors into responses. */
export const errorHandler = (err: Error, c: Context<AppEnv>) => {
  const appError = toAppError(err);
  const requestId = c.get('requestId');
  if (appError.status >= 500) {
    // The route pattern, not the path: a path can carry a receipt code. Parameters never reach the log.
    console.error(`[${requestId}] ${c.req.method} ${c.req.routePath}\n${describeErrorForLog(appError.cause ?? appError)}`);
  }
  return c.json(appError.toBody(requestId), appError.status as never);
};
