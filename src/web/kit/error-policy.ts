// The central error policy. Every failed API call passes through here (api-client's error hook), so
// components never show error toasts themselves:
//   401 UNAUTHENTICATED        → back to /login (keeping the page to return to)
//   401 MFA_REQUIRED           → the /login second-factor step
//   403 password_change_required → the /login change-password step
//   422 VALIDATION_FAILED with fields and a form → the form's fields show the messages
//   anything else              → message.error(error.message)
import type { FormInstance } from 'antd';
import { message as staticMessage } from 'antd';
import { ApiError, setErrorHook, type RequestOptions } from '../api-client';

export type AuthStep = 'login' | 'mfa' | 'change_password';

interface PolicyDeps {
  /** antd message API from App.useApp() (falls back to the static one). */
  message?: { error: (content: string) => unknown; warning: (content: string) => unknown };
  /** Sends the user to the login page at the given step. */
  onAuthRequired?: (step: AuthStep) => void;
}

let messageApi: NonNullable<PolicyDeps['message']> = staticMessage;
let authRequired: (step: AuthStep) => void = (step) => {
  window.location.assign(step === 'login' ? '/login' : `/login?step=${step}`);
};

// Several requests failing at once with 401 lead to one warning and one redirect.
let lastAuthRedirect = 0;
const sendToLogin = (step: AuthStep, warning?: string): void => {
  const now = Date.now();
  if (now - lastAuthRedirect < 2000) return;
  lastAuthRedirect = now;
  if (warning) messageApi.warning(warning);
  authRequired(step);
};

const onPublicPage = (): boolean => {
  const p = window.location.pathname;
  return p === '/login' || p.startsWith('/login/') || p.startsWith('/portal');
};

/** Field problems whose path names no field of the form; returns the names set on the form. */
export const applyFieldErrors = (form: FormInstance | null | undefined, error: unknown, fieldPrefix?: string): boolean => {
  if (!form || !(error instanceof ApiError) || error.fields.length === 0) return false;
  const registered = new Map<string, (string | number)[]>();
  for (const f of form.getFieldsError()) {
    const name = (Array.isArray(f.name) ? f.name : [f.name]) as (string | number)[];
    registered.set(name.join('.'), name);
  }
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: string[] = [];
  for (const issue of error.fields) {
    let path = issue.path;
    if (fieldPrefix && path.startsWith(fieldPrefix)) path = path.slice(fieldPrefix.length);
    // Try the whole dotted path, then drop leading segments (e.g. `input.replyType` → `replyType`).
    const parts = path.split('.');
    let hit: (string | number)[] | undefined;
    for (let i = 0; i < parts.length && !hit; i += 1) hit = registered.get(parts.slice(i).join('.'));
    if (!hit) {
      unmatched.push(issue.message);
      continue;
    }
    const key = hit.join('.');
    const entry = byField.get(key) ?? { name: hit, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  const first = [...byField.values()][0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  if (unmatched.length > 0) messageApi.error(unmatched.join('；'));
  return true;
};

/** Applies the policy to one error (also usable for errors not thrown by the API client). */
export const handleError = (error: unknown, options: Pick<RequestOptions, 'form' | 'fieldPrefix'> = {}): void => {
  if (!(error instanceof ApiError)) {
    if ((error as { name?: string } | null)?.name === 'AbortError') return;
    console.error(error);
    messageApi.error(error instanceof Error && error.message ? error.message : '操作失败');
    return;
  }
  if (error.handled) return;
  error.handled = true;
  if (error.code === 'UNAUTHENTICATED' && !onPublicPage()) {
    sendToLogin('login', '登录已失效，请重新登录');
    return;
  }
  if (error.code === 'MFA_REQUIRED' && !onPublicPage()) {
    sendToLogin('mfa');
    return;
  }
  if (error.code === 'FORBIDDEN' && error.details?.reason === 'password_change_required' && !onPublicPage()) {
    sendToLogin('change_password');
    return;
  }
  if (error.code === 'VALIDATION_FAILED' && error.fields.length > 0) {
    if (applyFieldErrors(options.form as FormInstance | undefined, error, options.fieldPrefix)) return;
    messageApi.error(`${error.message}：${error.fields.map((f) => f.message).join('；')}`);
    return;
  }
  messageApi.error(error.message);
};

let installed = false;

/** Installs the policy as the API client's error hook; call again to update the message API / navigation. */
export const installErrorPolicy = (deps: PolicyDeps = {}): void => {
  if (deps.message) messageApi = deps.message;
  if (deps.onAuthRequired) authRequired = deps.onAuthRequired;
  setErrorHook((error, options) => handleError(error, options));
  if (!installed && typeof window !== 'undefined') {
    installed = true;
    // A handled ApiError that a caller let escape is not an "uncaught" error.
    window.addEventListener('unhandledrejection', (e) => {
      if (e.reason instanceof ApiError && e.reason.handled) e.preventDefault();
    });
  }
};

/** Runs an async action and swallows the (already handled) error: for click handlers. */
export const attempt = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await action();
  } catch (e) {
    if (!(e instanceof ApiError)) handleError(e);
    return undefined;
  }
};
