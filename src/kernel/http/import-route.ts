import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError, validationError } from '../errors/app-error';
import { requirePermission } from '../auth/data-scope';
import type { Ctx } from '../context';
import type { RowError } from '../excel/excel';
import type { AppEnv } from './app-env';
import { staffCtx } from './router';
import { parseFormBody, zodIssues } from './validation';

/**
 * What an import use case answers: the per-row errors (nothing written when any) and its counts. A use
 * case that lists only the first errors of a huge file gives their total as `errorCount`.
 */
export interface ImportResult {
  errors: RowError[];
  errorCount?: number;
}

export interface ImportRouteSpec<P extends z.ZodObject, F extends z.ZodObject> {
  tags: string[];
  summary: string;
  /** Full permission code (`module:code`) the uploader must hold. */
  permission: string;
  /** Path parameters (OpenAPI style `{id}` in the path); invalid ones answer 404 as a record outside scope would. */
  params?: P;
  /** Form fields sent beside the file, validated like a JSON body (422 with Chinese field details). */
  fields?: F;
  /** The template's columns: errors then name the column header a user sees instead of the field key. */
  columns?: readonly { key: string; header: string }[];
  run: (args: { ctx: Ctx; file: Buffer; params: z.infer<P>; fields: z.infer<F> }) => Promise<ImportResult>;
}

const rowLabel = (row: number) => (row > 0 ? `第 ${row} 行：` : '');

/** 422 with the standard error body plus the per-row report. */
const importRejected = (c: Context<AppEnv>, result: ImportResult, columns?: readonly { key: string; header: string }[]) => {
  const { errors } = result;
  const total = result.errorCount ?? errors.length;
  const header = (path: string) => (columns ? (columns.find((k) => k.key === path)?.header ?? (path === 'file' ? '文件' : path)) : path);
  return c.json(
    {
      code: 'VALIDATION_FAILED',
      message: `导入文件有 ${total} 处错误，未导入任何数据${total > errors.length ? `（仅列出前 ${errors.length} 处）` : ''}`,
      details: { fields: errors.map((e) => ({ path: e.path, message: `${rowLabel(e.row)}${e.message}` })) },
      requestId: c.get('requestId'),
      created: 0,
      errors: errors.map((e) => ({ row: e.row, field: header(e.path), message: e.message })),
    },
    422,
  );
};

const EMPTY = z.object({});

/**
 * 导入 (.xlsx upload): one declaration gives the OpenAPI entry (multipart with the file and the form
 * fields) and the handler — permission, media type, form-field validation, the file, the use case, and
 * the answer: 200 with its counts, or 422 with every row's errors and nothing written.
 */
export const importRoute = <P extends z.ZodObject = typeof EMPTY, F extends z.ZodObject = typeof EMPTY>(
  router: OpenAPIHono<AppEnv, any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any module router
  path: string,
  spec: ImportRouteSpec<P, F>,
): void => {
  const fieldShape = spec.fields?.shape ?? {};
  router.openAPIRegistry.registerPath(
    createRoute({
      method: 'post',
      path,
      tags: spec.tags,
      summary: spec.summary,
      request: {
        ...(spec.params ? { params: spec.params } : {}),
        body: { content: { 'multipart/form-data': { schema: z.object({ ...fieldShape, file: z.any().openapi({ type: 'string', format: 'binary' }) }) } }, required: true },
      },
      responses: {
        200: { description: '导入成功（返回写入条数）' },
        403: { description: '无权限' },
        404: { description: '不存在或不在数据权限内' },
        413: { description: '文件过大' },
        415: { description: '不是 multipart/form-data' },
        422: { description: '输入有误：逐行或逐字段的中文说明，未写入任何数据' },
      },
    }),
  );
  router.post(path.replace(/\{(\w+)\}/g, ':$1'), async (c) => {
    const ctx = staffCtx(c);
    requirePermission(ctx, spec.permission);
    const params = (spec.params ?? EMPTY).safeParse(c.req.param());
    if (!params.success) throw new AppError('NOT_FOUND', '记录不存在或无权查看');
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
    const body = await parseFormBody(c);
    const { file, ...rest } = body;
    const fields = (spec.fields ?? EMPTY).safeParse(rest);
    if (!fields.success) throw validationError(zodIssues(fields.error));
    if (!(file instanceof File)) throw validationError([{ path: 'file', message: '请选择 Excel 文件' }]);
    const result = await spec.run({ ctx, file: Buffer.from(await file.arrayBuffer()), params: params.data as z.infer<P>, fields: fields.data as z.infer<F> });
    return result.errors.length === 0 ? c.json(result, 200) : importRejected(c, result, spec.columns);
  });
};
