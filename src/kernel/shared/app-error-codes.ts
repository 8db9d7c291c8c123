/** The closed set of error codes the API answers with, and the HTTP status of each. */
export const APP_ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  MFA_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 422,
  INVALID_STATE: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  LOCKED: 423,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

/** One problem with one input field; `path` is the dotted field path, `message` is Chinese. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  code: AppErrorCode;
  message: string;
  details?: { fields?: FieldIssue[]; reason?: string; [key: string]: unknown };
  requestId?: string;
}
