import type { MiddlewareHandler } from 'hono';
import { validationError } from '../errors/app-error';
import type { FieldIssue } from '../shared/app-error-codes';
import type { AppEnv } from './app-env';

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. PostgreSQL refuses NUL
 * in text and jsonb outright (a 500 that also logged the statement's parameters), and none of the others
 * belongs in anything a person types: they only hide text from reviewers or break exported documents.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTER_MESSAGE = '不能包含控制字符（如空字符 NUL）';

/** Adds a field issue for every string (value or key) under `value` that holds a control character. */
export const findControlCharacters = (value: unknown, path: string, out: FieldIssue[], depth = 0): void => {
  if (out.length >= 20 || depth > 32) return;
  if (typeof value === 'string') {
    if (CONTROL_CHARACTER.test(value)) out.push({ path: path || '(根)', message: CONTROL_CHARACTER_MESSAGE });
    return;
  }
  if (typeof File !== 'undefined' && value instanceof File) {
    if (CONTROL_CHARACTER.test(value.name)) out.push({ path: path || '(根)', message: `文件名${CONTROL_CHARACTER_MESSAGE}` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => findControlCharacters(v, path ? `${path}.${i}` : String(i), out, depth + 1));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (CONTROL_CHARACTER.test(k)) out.push({ path: p, message: `字段名${CONTROL_CHARACTER_MESSAGE}` });
      findControlCharacters(v, p, out, depth + 1);
    }
  }
};

const decodeOrRaw = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * Refuses, with 422 and the fields named, any API request whose path, query or body (JSON, form or
 * multipart fields and file names) carries a control character — before any route or database sees it.
 * Bodies are parsed through Hono's request cache, so routes read them again at no cost; a body that
 * does not parse is left to the route's own validation.
 */
export const rejectControlCharacters = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const issues: FieldIssue[] = [];
  const url = new URL(c.req.url);
  if (CONTROL_CHARACTER.test(decodeOrRaw(url.pathname))) issues.push({ path: '(路径)', message: CONTROL_CHARACTER_MESSAGE });
  for (const [k, v] of url.searchParams) {
    if (CONTROL_CHARACTER.test(k) || CONTROL_CHARACTER.test(v)) issues.push({ path: k.replace(CONTROL_CHARACTER, '?') || '(查询)', message: CONTROL_CHARACTER_MESSAGE });
  }
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const type = c.req.header('content-type') ?? '';
    if (/^application\/(.+\+)?json/i.test(type)) {
      const body = await c.req.json().then((b: unknown) => b, () => undefined);
      findControlCharacters(body, '', issues);
    } else if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
      const body = await c.req.parseBody({ all: true }).then((b) => b, () => undefined);
      findControlCharacters(body, '', issues);
    }
  }
  if (issues.length) throw validationError(issues, '提交的内容含有不允许的控制字符');
  await next();
};
