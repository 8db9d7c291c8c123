import { createRoute, z } from '@hono/zod-openapi';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface RouteSpec<P extends z.ZodObject | undefined, Q extends z.ZodObject | undefined, B extends z.ZodType | undefined> {
  tags: string[];
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented response; most handlers answer JSON. */
  response?: z.ZodType;
  description?: string;
}

/** createRoute with the conventions of this API: JSON body, 200 JSON response, standard error responses. */
export const apiRoute = <
  M extends Method,
  Path extends string,
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  method: M,
  path: Path,
  spec: RouteSpec<P, Q, B>,
) =>
  createRoute({
    method,
    path,
    tags: spec.tags,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } }, required: true } } : {}),
    } as (P extends z.ZodObject ? { params: P } : object) &
      (Q extends z.ZodObject ? { query: Q } : object) &
      (B extends z.ZodType ? { body: { content: { 'application/json': { schema: B } }; required: true } } : object),
    responses: {
      200: { content: { 'application/json': { schema: spec.response ?? z.any() } }, description: '成功' },
      401: { description: '未登录' },
      403: { description: '无权限' },
      404: { description: '不存在或不在数据权限内' },
      409: { description: '状态冲突或并发修改' },
      422: { description: '输入有误（字段详情为中文）' },
    },
  });

const ERROR_RESPONSES = {
  401: { description: '未登录' },
  403: { description: '无权限' },
  404: { description: '不存在或不在数据权限内' },
  409: { description: '状态冲突或并发修改' },
  422: { description: '输入有误（字段详情为中文）' },
} as const;

/**
 * A download: the same conventions as `apiRoute`, but the 200 response is a file of the given media
 * types (binary in the OpenAPI document), so handlers return `fileResponse(...)` without a cast.
 */
export const fileRoute = <
  M extends Method,
  Path extends string,
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
>(
  method: M,
  path: Path,
  spec: Omit<RouteSpec<P, Q, undefined>, 'body' | 'response'> & { mime: string | readonly string[] },
) =>
  createRoute({
    method,
    path,
    tags: spec.tags,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
    } as (P extends z.ZodObject ? { params: P } : object) & (Q extends z.ZodObject ? { query: Q } : object),
    responses: {
      200: {
        content: Object.fromEntries((typeof spec.mime === 'string' ? [spec.mime] : spec.mime).map((m) => [m, { schema: z.string().openapi({ type: 'string', format: 'binary' }) }])) as Record<
          `application/vnd.${string}`,
          { schema: z.ZodString }
        >,
        description: '文件',
      },
      ...ERROR_RESPONSES,
    },
  });

export const idParams = z.object({ id: z.coerce.number({ error: 'ID 须为数字' }).int('ID 须为整数').positive('ID 须为正整数').max(2_147_483_647, 'ID 超出范围') });

export const pageQuery = {
  page: z.coerce.number({ error: '页码须为数字' }).int().min(1, '页码从 1 开始').max(100000).default(1),
  pageSize: z.coerce.number({ error: '每页条数须为数字' }).int().min(1).max(200, '每页最多 200 条').default(20),
};

/** Documents a multipart upload route (handled outside the zod validator) in the router's OpenAPI registry. */
export const documentUpload = (
  router: { openAPIRegistry: { registerPath: (route: ReturnType<typeof createRoute>) => void } },
  path: string,
  spec: { tags: string[]; summary: string; fields: Record<string, z.ZodType> },
): void => {
  router.openAPIRegistry.registerPath(
    createRoute({
      method: 'post',
      path,
      tags: spec.tags,
      summary: spec.summary,
      request: { body: { content: { 'multipart/form-data': { schema: z.object({ ...spec.fields, file: z.any().openapi({ type: 'string', format: 'binary' }) }) } }, required: true } },
      responses: {
        200: { description: '成功' },
        413: { description: '文件过大' },
        415: { description: '文件类型不支持或不是 multipart/form-data' },
        422: { description: '输入有误（逐行或逐字段的中文说明）' },
      },
    }),
  );
};
