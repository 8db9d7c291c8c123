import { z } from '@hono/zod-openapi';
import { apiRoute, fileRoute, createRouter, fileResponse, idParams, MIME_XLSX, pageQuery, requirePermission, staffCtx, toLocalDate, type Ctx, importRoute } from '../../kernel';
import {
  inspectorSchema,
  itemSchema,
  planFilterSchema,
  planSchema,
  poolFilterSchema,
  resultFilterSchema,
  rulesSchema,
  settingSchema,
  targetFilterSchema,
  targetSchema,
  transitionBodySchema,
  itemUpdateSchema,
  inspectorUpdateSchema,
  targetUpdateSchema,
  yearQuery,
} from './contract';
import { PERM } from './service/access';
import { importInspectors, importTargets } from './service/import-pools';
import { createPlan, exportPlans, findPlans, getPlanActivity, getPlanDetail } from './service/plans';
import { addRules, createPoolRow, exportPool, findPool, listRules, participantOptions, updatePoolRow } from './service/pools';
import { itemRatios, saveSetting, unitRatios } from './service/ratios';
import { exportResults, findResults, transitionResult } from './service/results';
import { transitionPlan, verifyDraw } from './service/transition-plan';
import { statistics } from './statistics';

const TAG = ['双随机一公开'];
const nameParam = z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效');
const thisYear = (ctx: Ctx) => Number(toLocalDate(ctx.now).slice(0, 4));

/** Staff API of 双随机一公开, mounted at /api/random-inspection. */
export const randomInspectionRoutes = () => {
  const router = createRouter();
  // The pools belong to a unit: the one chosen, or the uploader's own.
  importRoute(router, '/targets/import', {
    tags: TAG,
    summary: '从 Excel 导入检查对象（任一行有误则全部不写入）',
    permission: PERM.manage,
    fields: z.object({ orgId: z.coerce.number({ error: '请选择单位' }).int('请选择单位').positive('请选择单位').max(2_147_483_647, '请选择单位').optional() }),
    run: ({ ctx, file, fields }) => importTargets(ctx, fields.orgId ?? ctx.actor!.orgId, file),
  });
  importRoute(router, '/inspectors/import', {
    tags: TAG,
    summary: '从 Excel 导入执法检查人员（任一行有误则全部不写入）',
    permission: PERM.manage,
    fields: z.object({ orgId: z.coerce.number({ error: '请选择单位' }).int('请选择单位').positive('请选择单位').max(2_147_483_647, '请选择单位').optional() }),
    run: ({ ctx, file, fields }) => importInspectors(ctx, fields.orgId ?? ctx.actor!.orgId, file),
  });
  return router
    .openapi(apiRoute('get', '/items', { tags: TAG, summary: '抽查事项清单', query: poolFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...f } = c.req.valid('query');
      return c.json(await findPool(staffCtx(c), 'item', f, { page, pageSize }), 200);
    })
    .openapi(apiRoute('post', '/items', { tags: TAG, summary: '新增抽查事项', body: itemSchema }), async (c) => c.json(await createPoolRow(staffCtx(c), 'item', c.req.valid('json')), 200))
    .openapi(apiRoute('put', '/items/{id}', { tags: TAG, summary: '修改抽查事项（须带版本号）', params: idParams, body: itemUpdateSchema }), async (c) =>
      c.json(await updatePoolRow(staffCtx(c), 'item', c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(apiRoute('get', '/inspectors', { tags: TAG, summary: '执法检查人员名录库', query: poolFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...f } = c.req.valid('query');
      return c.json(await findPool(staffCtx(c), 'inspector', f, { page, pageSize }), 200);
    })
    .openapi(fileRoute('get', '/inspectors/export', { tags: TAG, summary: '导出执法检查人员名录库', query: poolFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      return fileResponse(await exportPool(ctx, 'inspector', c.req.valid('query')), `执法检查人员名录库-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(apiRoute('post', '/inspectors', { tags: TAG, summary: '新增执法检查人员（含回避对象）', body: inspectorSchema }), async (c) => c.json(await createPoolRow(staffCtx(c), 'inspector', c.req.valid('json')), 200))
    .openapi(apiRoute('put', '/inspectors/{id}', { tags: TAG, summary: '修改执法检查人员（须带版本号）', params: idParams, body: inspectorUpdateSchema }), async (c) =>
      c.json(await updatePoolRow(staffCtx(c), 'inspector', c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(apiRoute('get', '/targets', { tags: TAG, summary: '检查对象名录库', query: targetFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...f } = c.req.valid('query');
      return c.json(await findPool(staffCtx(c), 'target', f, { page, pageSize }), 200);
    })
    .openapi(fileRoute('get', '/targets/export', { tags: TAG, summary: '导出检查对象名录库', query: targetFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      return fileResponse(await exportPool(ctx, 'target', c.req.valid('query')), `检查对象名录库-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(apiRoute('post', '/targets', { tags: TAG, summary: '新增检查对象', body: targetSchema }), async (c) => c.json(await createPoolRow(staffCtx(c), 'target', c.req.valid('json')), 200))
    .openapi(apiRoute('put', '/targets/{id}', { tags: TAG, summary: '修改检查对象（须带版本号）', params: idParams, body: targetUpdateSchema }), async (c) =>
      c.json(await updatePoolRow(staffCtx(c), 'target', c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(apiRoute('get', '/rules', { tags: TAG, summary: '抽查工作细则（各版本）', query: yearQuery.pick({ orgId: true }) }), async (c) => c.json(await listRules(staffCtx(c), c.req.valid('query').orgId), 200))
    .openapi(apiRoute('post', '/rules', { tags: TAG, summary: '发布细则新版本', body: rulesSchema }), async (c) => c.json(await addRules(staffCtx(c), c.req.valid('json')), 200))
    .openapi(apiRoute('get', '/plan-options', { tags: TAG, summary: '新建计划可选的单位及其抽查事项（本辖区）' }), async (c) => c.json(await participantOptions(staffCtx(c)), 200))
    .openapi(apiRoute('get', '/plans', { tags: TAG, summary: '抽查计划列表（牵头或参与）', query: planFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...f } = c.req.valid('query');
      return c.json(await findPlans(staffCtx(c), f, { page, pageSize }), 200);
    })
    .openapi(fileRoute('get', '/plans/export', { tags: TAG, summary: '导出抽查计划', query: planFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      return fileResponse(await exportPlans(ctx, c.req.valid('query')), `抽查计划-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(apiRoute('post', '/plans', { tags: TAG, summary: '新建抽查计划（草拟）', body: planSchema }), async (c) => c.json(await createPlan(staffCtx(c), c.req.valid('json')), 200))
    .openapi(apiRoute('get', '/plans/{id}', { tags: TAG, summary: '计划详情（基本信息、抽取结果、检查结果）', params: idParams }), async (c) => c.json(await getPlanDetail(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(apiRoute('get', '/plans/{id}/activity', { tags: TAG, summary: '操作记录', params: idParams }), async (c) => c.json(await getPlanActivity(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(
      apiRoute('post', '/plans/{id}/transitions/{name}', { tags: TAG, summary: '计划流转（发布报备、抽取、重新抽取、开始检查、完成）', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
      async (c) => {
        const { id, name } = c.req.valid('param');
        return c.json(await transitionPlan(staffCtx(c), id, name, c.req.valid('json')), 200);
      },
    )
    .openapi(
      apiRoute('post', '/plans/{id}/verify', {
        tags: TAG,
        summary: '核验抽取：按留存的种子和名录快照重新运行抽取算法，比对结果',
        params: idParams,
        body: z.object({ drawId: z.number({ error: '抽取记录须为数字' }).int('抽取记录无效').positive('抽取记录无效').max(2_147_483_647, '抽取记录不存在').optional() }),
      }),
      async (c) => c.json(await verifyDraw(staffCtx(c), c.req.valid('param').id, c.req.valid('json').drawId), 200),
    )
    .openapi(apiRoute('get', '/results', { tags: TAG, summary: '检查结果列表（含公示期限）', query: resultFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...f } = c.req.valid('query');
      return c.json(await findResults(staffCtx(c), f, { page, pageSize }), 200);
    })
    .openapi(fileRoute('get', '/results/export', { tags: TAG, summary: '导出检查结果', query: resultFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      return fileResponse(await exportResults(ctx, c.req.valid('query')), `双随机检查结果-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(
      apiRoute('post', '/results/{id}/transitions/{name}', { tags: TAG, summary: '录入检查结果、公示结果', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
      async (c) => {
        const { id, name } = c.req.valid('param');
        return c.json(await transitionResult(staffCtx(c), id, name, c.req.valid('json')), 200);
      },
    )
    .openapi(apiRoute('get', '/board', { tags: TAG, summary: '比例看板：各单位抽查比例、分类分级检查比例、联合检查任务比例、公示及时率', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      const q = c.req.valid('query');
      const year = q.year ?? thisYear(ctx);
      return c.json({ year, items: await unitRatios(ctx, year, q.orgId) }, 200);
    })
    .openapi(apiRoute('get', '/board/items', { tags: TAG, summary: '单位各抽查事项的抽查比例', query: yearQuery.required({ orgId: true }) }), async (c) => {
      const ctx = staffCtx(c);
      const q = c.req.valid('query');
      return c.json({ items: await itemRatios(ctx, q.year ?? thisYear(ctx), q.orgId!) }, 200);
    })
    .openapi(apiRoute('put', '/settings', { tags: TAG, summary: '设置考核目标（分类分级、联合检查比例）', body: settingSchema }), async (c) => c.json(await saveSetting(staffCtx(c), c.req.valid('json')), 200))
    .openapi(apiRoute('get', '/statistics', { tags: TAG, summary: '年度统计（按数据权限，可限定单位）', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, PERM.read);
      const q = c.req.valid('query');
      const year = q.year ?? thisYear(ctx);
      const items = [];
      for (const s of statistics) items.push({ id: s.id, label: s.label, unit: s.unit, value: await s.compute({ ctx, year, orgId: q.orgId }) });
      return c.json({ year, items }, 200);
    });
};

export type RandomInspectionRoutes = ReturnType<typeof randomInspectionRoutes>;
