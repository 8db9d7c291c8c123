import { z } from '@hono/zod-openapi';
import { apiRoute, fileRoute, fileResponse, MIME_DOCX, MIME_XLSX, createRouter, idParams, pageQuery, recordAudit, requirePermission, staffCtx, importRoute } from '../../kernel';
import { registerRequestSchema, requestFilterSchema, transitionBodySchema } from './contract';
import { exportRequests } from './service/export-requests';
import { findRequests } from './service/find-requests';
import { getRequestActivity, getRequestDetail } from './service/get-request-detail';
import { importRequests } from './service/import-requests';
import { registerRequest } from './service/register-request';
import { buildReplyDocument } from './service/reply-document';
import { getRequestInScope, MODULE, PERM, revealApplicant, toRequestView } from './service/request-access';
import { transitionRequest } from './service/transition-request';
import { statistics } from './statistics';
import { toLocalDate } from '../../kernel';

const TAG = ['政府信息公开'];

/** Staff API of 依申请公开, mounted at /api/disclosure. */
export const disclosureRoutes = () => {
  const router = createRouter();
  importRoute(router, '/requests/import', {
    tags: TAG,
    summary: '从 Excel 导入申请（任一行有误则全部不写入，返回逐行错误）',
    permission: PERM.import,
    run: ({ ctx, file }) => importRequests(ctx, file),
  });
  return router
    .openapi(
      apiRoute('get', '/requests', { tags: TAG, summary: '申请列表（按数据权限）', query: requestFilterSchema.extend(pageQuery) }),
      async (c) => {
        const { page, pageSize, ...filter } = c.req.valid('query');
        return c.json(await findRequests(staffCtx(c), filter, { page, pageSize }), 200);
      },
    )
    .openapi(fileRoute('get', '/requests/export', { tags: TAG, summary: '按筛选条件导出 Excel', query: requestFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      const data = await exportRequests(ctx, c.req.valid('query'));
      return fileResponse(data, `依申请公开-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(apiRoute('post', '/requests', { tags: TAG, summary: '登记申请', body: registerRequestSchema }), async (c) => {
      const ctx = staffCtx(c);
      const row = await registerRequest(ctx, c.req.valid('json'));
      return c.json(toRequestView(ctx, row), 200);
    })
    .openapi(apiRoute('get', '/requests/{id}', { tags: TAG, summary: '申请详情', params: idParams }), async (c) =>
      c.json(await getRequestDetail(staffCtx(c), c.req.valid('param').id), 200),
    )
    .openapi(apiRoute('get', '/requests/{id}/activity', { tags: TAG, summary: '操作记录', params: idParams }), async (c) =>
      c.json(await getRequestActivity(staffCtx(c), c.req.valid('param').id), 200),
    )
    .openapi(
      apiRoute('post', '/requests/{id}/reveal', {
        tags: TAG,
        summary: '查看申请人完整个人信息（须填写事由，留痕）',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(4, '请填写查看事由（至少 4 个字）').max(200) }),
      }),
      async (c) => {
        const ctx = staffCtx(c);
        requirePermission(ctx, PERM.handle);
        const id = c.req.valid('param').id;
        const row = await getRequestInScope(ctx, id, ctx.db, PERM.handle);
        await ctx.db.transaction((tx) =>
          recordAudit(tx, ctx, { action: 'request.reveal_personal_data', module: MODULE, entityType: 'disclosure_request', entityId: id, reason: c.req.valid('json').reason }),
        );
        return c.json(revealApplicant(ctx, row), 200);
      },
    )
    .openapi(
      apiRoute('post', '/requests/{id}/transitions/{name}', {
        tags: TAG,
        summary: '办理操作（告知补正、收到补正、征求意见、延长、答复、撤回等）',
        params: idParams.extend({ name: z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效') }),
        body: transitionBodySchema,
      }),
      async (c) => {
        const ctx = staffCtx(c);
        const { id, name } = c.req.valid('param');
        const row = await transitionRequest(ctx, id, name, c.req.valid('json'));
        return c.json(toRequestView(ctx, row), 200);
      },
    )
    .openapi(fileRoute('get', '/requests/{id}/reply-document', { tags: TAG, summary: '下载答复书（.docx）', params: idParams, mime: MIME_DOCX }), async (c) => {
      const { fileName, data } = await buildReplyDocument(staffCtx(c), c.req.valid('param').id);
      return fileResponse(data, fileName, MIME_DOCX);
    })
    .openapi(
      apiRoute('get', '/statistics', { tags: TAG, summary: '年度统计', query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) }),
      async (c) => {
        const ctx = staffCtx(c);
        requirePermission(ctx, PERM.read);
        const year = c.req.valid('query').year ?? Number(toLocalDate(ctx.now).slice(0, 4));
        const items = [];
        for (const s of statistics) items.push({ id: s.id, label: s.label, unit: s.unit, value: await s.compute({ ctx, year }) });
        return c.json({ year, items }, 200);
      },
    );
};

export type DisclosureRoutes = ReturnType<typeof disclosureRoutes>;
