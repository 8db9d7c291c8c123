import { z } from '@hono/zod-openapi';
import { apiRoute, fileRoute, createRouter, fileResponse, idParams, MIME_DOCX, MIME_XLSX, pageQuery, requirePermission, staffCtx, toLocalDate, importRoute } from '../../kernel';
import {
  findingFilterSchema,
  findingSchema,
  fromDeadlineSchema,
  orderFilterSchema,
  orderSchema,
  planFilterSchema,
  planSchema,
  planUpdateSchema,
  targetSchema,
  targetUpdateSchema,
  transitionBodySchema,
  yearQuery,
} from './contract';
import { statistics } from './statistics';
import { PERM } from './service/access';
import { exportFindings, findFindings } from './service/find-findings';
import { exportOrders, findOrders } from './service/find-orders';
import { exportPlans, findPlans, getPlanDetail } from './service/find-plans';
import { getOrderActivity, getOrderDetail } from './service/get-order-detail';
import { importFindings } from './service/import-findings';
import { issueFromDeadline } from './service/issue-from-deadline';
import { issueOrder } from './service/issue-order';
import { orderBoard } from './service/order-board';
import { buildOrderDocument } from './service/order-document';
import { recordFinding } from './service/record-finding';
import { createPlan, deletePlan, updatePlan } from './service/save-plan';
import { addTarget, removeTarget, updateTarget } from './service/save-target';
import { transitionOrder } from './service/transition-order';

const TAG = ['法治督察'];
const targetParams = idParams.extend({
  targetId: z.coerce.number({ error: 'ID 须为数字' }).int('ID 须为整数').positive('ID 须为正整数').max(2_147_483_647, 'ID 超出范围'),
});
const versionBody = z.object({ version: z.number({ error: '缺少版本号' }).int('版本号无效').positive('版本号无效').max(2_147_483_647, '版本号无效') }).strict();
const thisYear = (now: Date) => Number(toLocalDate(now).slice(0, 4));

/** Staff API of 法治督察, mounted at /api/inspection. */
export const inspectionRoutes = () => {
  const router = createRouter();
  importRoute(router, '/plans/{id}/findings/import', {
    tags: TAG,
    summary: '从 Excel 导入督察问题（任一行有误则全部不写入，返回逐行错误）',
    permission: PERM.manage,
    params: idParams,
    run: ({ ctx, file, params }) => importFindings(ctx, params.id, file),
  });
  return router
    .openapi(apiRoute('get', '/plans', { tags: TAG, summary: '督察计划列表', query: planFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await findPlans(staffCtx(c), filter, { page, pageSize }), 200);
    })
    .openapi(fileRoute('get', '/plans/export', { tags: TAG, summary: '导出督察计划', query: planFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      return fileResponse(await exportPlans(ctx, c.req.valid('query')), `督察计划-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(apiRoute('post', '/plans', { tags: TAG, summary: '制定督察计划', body: planSchema }), async (c) => c.json(await createPlan(staffCtx(c), c.req.valid('json')), 200))
    .openapi(apiRoute('get', '/plans/{id}', { tags: TAG, summary: '督察计划详情（含督察对象）', params: idParams }), async (c) =>
      c.json(await getPlanDetail(staffCtx(c), c.req.valid('param').id), 200),
    )
    .openapi(apiRoute('put', '/plans/{id}', { tags: TAG, summary: '修改督察计划（含状态；须带版本号）', params: idParams, body: planUpdateSchema }), async (c) =>
      c.json(await updatePlan(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(apiRoute('post', '/plans/{id}/delete', { tags: TAG, summary: '删除草拟的督察计划', params: idParams, body: versionBody }), async (c) => {
      await deletePlan(staffCtx(c), c.req.valid('param').id, c.req.valid('json').version);
      return c.json({ ok: true }, 200);
    })
    .openapi(apiRoute('post', '/plans/{id}/targets', { tags: TAG, summary: '添加督察对象', params: idParams, body: targetSchema }), async (c) =>
      c.json(await addTarget(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(apiRoute('put', '/plans/{id}/targets/{targetId}', { tags: TAG, summary: '记录督察情况（日期、结论）', params: targetParams, body: targetUpdateSchema }), async (c) => {
      const { id, targetId } = c.req.valid('param');
      return c.json(await updateTarget(staffCtx(c), id, targetId, c.req.valid('json')), 200);
    })
    .openapi(apiRoute('post', '/plans/{id}/targets/{targetId}/remove', { tags: TAG, summary: '移除督察对象（未记录问题时）', params: targetParams }), async (c) => {
      const { id, targetId } = c.req.valid('param');
      await removeTarget(staffCtx(c), id, targetId);
      return c.json({ ok: true }, 200);
    })
    .openapi(apiRoute('get', '/findings', { tags: TAG, summary: '督察问题清单', query: findingFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await findFindings(staffCtx(c), filter, { page, pageSize }), 200);
    })
    .openapi(fileRoute('get', '/findings/export', { tags: TAG, summary: '导出督察问题', query: findingFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      return fileResponse(await exportFindings(ctx, c.req.valid('query')), `督察问题-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(apiRoute('post', '/findings', { tags: TAG, summary: '记录督察问题', body: findingSchema }), async (c) => c.json(await recordFinding(staffCtx(c), c.req.valid('json')), 200))
    .openapi(apiRoute('get', '/orders', { tags: TAG, summary: '督办单列表（按数据权限）', query: orderFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await findOrders(staffCtx(c), filter, { page, pageSize }), 200);
    })
    .openapi(fileRoute('get', '/orders/export', { tags: TAG, summary: '导出督办单', query: orderFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      return fileResponse(await exportOrders(ctx, c.req.valid('query')), `督办单-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(apiRoute('post', '/orders', { tags: TAG, summary: '签发督办单（可针对督察问题）', body: orderSchema }), async (c) => c.json(await issueOrder(staffCtx(c), c.req.valid('json')), 200))
    .openapi(apiRoute('post', '/orders/from-deadline', { tags: TAG, summary: '逾期事项转督办（一个期限只能有一份未销号的督办单）', body: fromDeadlineSchema }), async (c) =>
      c.json(await issueFromDeadline(staffCtx(c), c.req.valid('json')), 200),
    )
    .openapi(apiRoute('get', '/orders/{id}', { tags: TAG, summary: '督办单详情', params: idParams }), async (c) => c.json(await getOrderDetail(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(apiRoute('get', '/orders/{id}/activity', { tags: TAG, summary: '操作记录', params: idParams }), async (c) =>
      c.json(await getOrderActivity(staffCtx(c), c.req.valid('param').id), 200),
    )
    .openapi(
      apiRoute('post', '/orders/{id}/transitions/{name}', {
        tags: TAG,
        summary: '办理督办单（报送整改、核查销号、退回、约谈、通报、撤销）',
        params: idParams.extend({ name: z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效') }),
        body: transitionBodySchema,
      }),
      async (c) => {
        const { id, name } = c.req.valid('param');
        return c.json(await transitionOrder(staffCtx(c), id, name, c.req.valid('json')), 200);
      },
    )
    .openapi(fileRoute('get', '/orders/{id}/document', { tags: TAG, summary: '下载督办单（.docx）', params: idParams, mime: MIME_DOCX }), async (c) => {
      const { fileName, data } = await buildOrderDocument(staffCtx(c), c.req.valid('param').id);
      return fileResponse(data, fileName, MIME_DOCX);
    })
    .openapi(apiRoute('get', '/board', { tags: TAG, summary: '督办看板：各单位签发、按期销号、逾期销号、逾期未整改', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      return c.json(await orderBoard(ctx, c.req.valid('query').year ?? thisYear(ctx.now)), 200);
    })
    .openapi(apiRoute('get', '/statistics', { tags: TAG, summary: '年度统计', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, PERM.read);
      const year = c.req.valid('query').year ?? thisYear(ctx.now);
      const items = [];
      for (const s of statistics) items.push({ id: s.id, label: s.label, unit: s.unit, value: await s.compute({ ctx, year }) });
      return c.json({ year, items }, 200);
    });
};

export type InspectionRoutes = ReturnType<typeof inspectionRoutes>;
