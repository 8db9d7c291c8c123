import { APP_ERROR_STATUS, type AppErrorCode, type ErrorBody, type FieldIssue } from '../shared/app-error-codes';

const DEFAULT_MESSAGES: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: '请先登录',
  MFA_REQUIRED: '请完成双因素认证',
  FORBIDDEN: '无权进行此操作',
  CSRF_FAILED: '请求校验失败，请刷新页面后重试',
  NOT_FOUND: '记录不存在',
  VALIDATION_FAILED: '提交的内容有误',
  INVALID_STATE: '记录状态已变化，请刷新后重试',
  CONFLICT: '数据冲突，请刷新后重试',
  PAYLOAD_TOO_LARGE: '文件过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的文件类型',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  LOCKED: '账号已锁定，请稍后再试',
  INTERNAL: '系统内部错误，请联系管理员',
  UNAVAILABLE: '服务暂不可用，请稍后再试',
};

/** The single error type of the platform: a code, a Chinese message for users and optional details. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly details: ErrorBody['details'];

  constructor(
    code: AppErrorCode,
    userMessage?: string,
    options: { details?: ErrorBody['details']; cause?: unknown; message?: string } = {},
  ) {
    super(options.message ?? userMessage ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage ?? DEFAULT_MESSAGES[code];
    this.details = options.details;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }

  toBody(requestId?: string): ErrorBody {
    const isPublic = this.status < 500;
    return {
      code: this.code,
      message: isPublic ? this.userMessage : DEFAULT_MESSAGES[this.code],
      ...(isPublic && this.details ? { details: this.details } : {}),
      ...(requestId ? { requestId } : {}),
    };
  }
}

/** Builds a VALIDATION_FAILED error for the given field problems. */
export const validationError = (fields: FieldIssue[], userMessage = '提交的内容有误'): AppError =>
  new AppError('VALIDATION_FAILED', userMessage, { details: { fields } });

/** A record that is missing or outside the actor's data scope: both answer the same. */
export const notFound = (what = '记录'): AppError => new AppError('NOT_FOUND', `${what}不存在或无权查看`);

/** Throws VALIDATION_FAILED naming one field: for rules of the law that a schema cannot state. */
export const fieldError = (path: string, message: string): never => {
  throw validationError([{ path, message }]);
};

/**
 * What is wrong with a date that must lie between the step it follows and today (a 送达/答辩/决定 date is
 * never in the future nor before the earlier date it answers), or null when it is fine.
 */
export const dateOutOfRange = (path: string, date: string, min: string | null | undefined, minLabel: string, today: string): FieldIssue | null => {
  if (date > today) return { path, message: '日期不能晚于今天' };
  if (min && date < min) return { path, message: `日期不能早于${minLabel}（${min}）` };
  return null;
};

/** Returns the date if it lies in [min, today]; otherwise throws VALIDATION_FAILED naming the field. */
export const requireDateInRange = (path: string, date: string, min: string | null | undefined, minLabel: string, today: string): string => {
  const issue = dateOutOfRange(path, date, min, minLabel, today);
  if (issue) throw validationError([issue]);
  return date;
};
