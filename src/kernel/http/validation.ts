import type { z } from 'zod';
import { validationError } from '../errors/app-error';
import type { FieldIssue } from '../shared/app-error-codes';

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
