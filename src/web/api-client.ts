// The one HTTP client of the browser shell. Same-origin cookies, JSON bodies, the session's CSRF token
// on every non-GET request, and every non-2xx answer turned into an ApiError.
import { APP_ERROR_STATUS, type AppErrorCode, type ErrorBody, type FieldIssue } from '../kernel/shared/app-error-codes';

/** An error answer of the API (or a network failure, code UNAVAILABLE, status 0). */
export class ApiError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly details: ErrorBody['details'];
  readonly requestId: string | undefined;
  /** The parsed JSON body (some endpoints answer 422 with a result, e.g. an import report). */
  readonly body: unknown;
  /** Set once the central error policy has dealt with it (shown, redirected or put on a form). */
  handled = false;

  constructor(status: number, body: (Partial<ErrorBody> & Record<string, unknown>) | null) {
    const code = body?.code && body.code in APP_ERROR_STATUS ? body.code : status === 0 ? 'UNAVAILABLE' : statusCode(status);
    super(body?.message || defaultMessage(code, status));
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = body?.details;
    this.requestId = body?.requestId;
    this.body = body;
  }

  /** Field problems (`details.fields`), if any. */
  get fields(): FieldIssue[] {
    return this.details?.fields ?? [];
  }
}

const statusCode = (status: number): AppErrorCode => {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 422:
      return 'VALIDATION_FAILED';
    case 423:
      return 'LOCKED';
    case 429:
      return 'RATE_LIMITED';
    case 503:
    case 502:
    case 504:
      return 'UNAVAILABLE';
    default:
      return 'INTERNAL';
  }
};

const defaultMessage = (code: AppErrorCode, status: number): string => {
  if (status === 0) return '无法连接服务器，请检查网络后重试';
  switch (code) {
    case 'UNAUTHENTICATED':
      return '请先登录';
    case 'FORBIDDEN':
      return '无权进行此操作';
    case 'NOT_FOUND':
      return '记录不存在';
    case 'PAYLOAD_TOO_LARGE':
      return '文件过大';
    case 'UNAVAILABLE':
      return '服务暂不可用，请稍后再试';
    default:
      return `请求失败（${status}）`;
  }
};

let csrfToken: string | null = null;

/** Keeps the session's CSRF token (from login or /api/auth/me). */
export const setCsrfToken = (token: string | null | undefined): void => {
  if (token !== undefined) csrfToken = token;
};

export const getCsrfToken = (): string | null => csrfToken;

/** Headers every mutating request carries. */
export const csrfHeaders = (): Record<string, string> => (csrfToken ? { 'X-CSRF-Token': csrfToken } : {});

/** Query-string values; empty, null and undefined values are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

/** `url?query`, leaving out empty values. */
export const withQuery = (url: string, query?: Query): string => {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
};

/** Error hook installed by the error policy (kit/error-policy.ts): it runs before the error is thrown. */
type ErrorHook = (error: ApiError, options: RequestOptions) => void;
let errorHook: ErrorHook | null = null;
export const setErrorHook = (hook: ErrorHook | null): void => {
  errorHook = hook;
};

/** What the caller lets the central error policy do with a failure. */
export interface RequestOptions {
  /** An antd form that receives VALIDATION_FAILED field errors (see applyFieldErrors). */
  form?: unknown;
  /** Field-path prefixes to strip before matching form fields, e.g. `input.` for transitions. */
  fieldPrefix?: string;
  /** The caller handles every error itself (no toast, no redirect). */
  silent?: boolean;
  signal?: AbortSignal;
}

const readError = async (res: Response): Promise<ApiError> => {
  let body: (Partial<ErrorBody> & Record<string, unknown>) | null = null;
  try {
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json')) body = (await res.json()) as Partial<ErrorBody> & Record<string, unknown>;
  } catch {
    body = null;
  }
  return new ApiError(res.status, body);
};

const fail = (error: ApiError, options: RequestOptions): never => {
  if (!options.silent && errorHook) errorHook(error, options);
  throw error;
};

const send = async (method: string, url: string, body: BodyInit | undefined, headers: Record<string, string>, options: RequestOptions): Promise<Response> => {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(method === 'GET' || method === 'HEAD' ? {} : csrfHeaders()), ...headers },
      body,
      signal: options.signal,
    });
  } catch (e) {
    if ((e as { name?: string }).name === 'AbortError') throw e;
    return fail(new ApiError(0, null), options);
  }
  if (!res.ok) return fail(await readError(res), options);
  return res;
};

const parse = async <T>(res: Response): Promise<T> => {
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
};

/** A JSON request; rejects with ApiError (after the error policy ran, unless `silent`). */
export const request = async <T>(method: string, url: string, body?: unknown, options: RequestOptions = {}): Promise<T> => {
  const res = await send(method, url, body === undefined ? undefined : JSON.stringify(body), body === undefined ? {} : { 'Content-Type': 'application/json' }, options);
  return parse<T>(res);
};

/**
 * A fetch for typed clients (hono/client `hc<Routes>()`): same-origin cookies, the CSRF token on
 * mutations, and the central error policy on failures, exactly as `request` does.
 */
export const apiFetch =
  (options: RequestOptions = {}) =>
  (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    return send(method, String(input instanceof Request ? input.url : input), init.body ?? undefined, headers, options);
  };

export const api = {
  get: <T>(url: string, query?: Query, options?: RequestOptions) => request<T>('GET', withQuery(url, query), undefined, options),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('POST', url, body ?? {}, options),
  put: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', url, body ?? {}, options),
  patch: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', url, body ?? {}, options),
  delete: <T>(url: string, options?: RequestOptions) => request<T>('DELETE', url, undefined, options),
  /** A multipart POST (file uploads); the browser sets the boundary. */
  upload: async <T>(url: string, form: FormData, options: RequestOptions = {}): Promise<T> => parse<T>(await send('POST', url, form, {}, options)),
};

const fileNameFrom = (disposition: string | null): string | null => {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'[^']*')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
};

/** Downloads a GET resource (xlsx, docx, attachment) as a file, keeping the server's file name if it sends one. */
export const downloadFile = async (url: string, filename: string, options: RequestOptions = {}): Promise<void> => {
  const res = await send('GET', url, undefined, { Accept: '*/*' }, options);
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('content-disposition')) ?? filename;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
};
