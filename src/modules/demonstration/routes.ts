import { z } from '@hono/zod-openapi';
import {
  apiRoute,
  fileRoute,
  createRouter,
  fileResponse,
  idParams,
  MIME_XLSX,
  pageQuery,
  requirePermission,
  staffCtx,
  statisticCatalog,
  toLocalDate,
  importRoute
} from '../../kernel';
import {
  assignmentFilterSchema,
  createEditionSchema,
  createIndicatorSchema,
  createTaskSchema,
  editionQuery,
  transitionBodySchema,
  updateIndicatorSchema,
  versionBody,
  versionQuery,
} from './contract';
import { PERM } from './service/access';
import { indicatorBoard, lateReporters, unitBoard, unitRanking } from './service/boards';
import { createTask } from './service/create-task';
import { createEdition, listEditions, makeEditionCurrent } from './service/editions';
import { exportAssignments } from './service/export-assignments';
import { findAssignments } from './service/find-assignments';
import { getAssignmentActivity, getAssignmentDetail } from './service/get-assignment-detail';
import { editionTemplate, importEdition } from './service/import-edition';
import { importTasks, taskTemplate } from './service/import-tasks';
import { getIndicator, getIndicatorTree } from './service/indicator-tree';
import { createIndicator, deleteIndicator, updateIndicator } from './service/save-indicator';
import { transitionAssignment } from './service/transition-assignment';
import { statistics } from './statistics';

const TAG = ['示范创建'];

/** Staff API of 示范创建, mounted at /api/demonstration. */
export const demonstrationRoutes = () => {
  const router = createRouter();
  importRoute(router, '/editions/import', {
    tags: TAG,
    summary: '从 Excel 导入整套指标体系（任一行有误则全部不写入，返回逐行错误）',
    permission: PERM.import,
    // The use case validates the edition's fields with its own schema (Chinese field errors).
    fields: z.object({ code: z.string().optional(), name: z.string().optional(), note: z.string().optional(), isCurrent: z.string().optional() }),
    run: ({ ctx, file, fields }) => importEdition(ctx, { code: fields.code, name: fields.name, note: fields.note || null, isCurrent: fields.isCurrent === 'true' }, file),
  });
  importRoute(router, '/tasks/import', {
    tags: TAG,
    summary: '从 Excel 批量分解任务（任一行有误则全部不写入，返回逐行错误）',
    permission: PERM.import,
    run: ({ ctx, file }) => importTasks(ctx, file),
  });
  return router
    .openapi(apiRoute('get', '/editions', { tags: TAG, summary: '指标体系版本' }), async (c) => c.json(await listEditions(staffCtx(c)), 200))
    .openapi(apiRoute('post', '/editions', { tags: TAG, summary: '新建指标体系版本', body: createEditionSchema }), async (c) =>
      c.json(await createEdition(staffCtx(c), c.req.valid('json')), 200),
    )
    .openapi(
      apiRoute('post', '/editions/{id}/make-current', { tags: TAG, summary: '设为现行版本', params: idParams, body: versionBody }),
      async (c) => c.json(await makeEditionCurrent(staffCtx(c), c.req.valid('param').id, c.req.valid('json').version), 200),
    )
    .openapi(fileRoute('get', '/templates/edition', { tags: TAG, summary: '下载指标体系导入模板', mime: MIME_XLSX }), async (c) => {
      requirePermission(staffCtx(c), PERM.import);
      return fileResponse(await editionTemplate(), '示范创建指标体系导入模板.xlsx', MIME_XLSX);
    })
    .openapi(fileRoute('get', '/templates/tasks', { tags: TAG, summary: '下载任务分解导入模板', mime: MIME_XLSX }), async (c) => {
      requirePermission(staffCtx(c), PERM.import);
      return fileResponse(await taskTemplate(), '示范创建任务分解导入模板.xlsx', MIME_XLSX);
    })
    .openapi(apiRoute('get', '/indicators', { tags: TAG, summary: '指标体系树（含得分汇总、任务统计与实时佐证数据）', query: editionQuery }), async (c) =>
      c.json(await getIndicatorTree(staffCtx(c), c.req.valid('query')), 200),
    )
    .openapi(apiRoute('post', '/indicators', { tags: TAG, summary: '新增指标', body: createIndicatorSchema }), async (c) =>
      c.json(await createIndicator(staffCtx(c), c.req.valid('json')), 200),
    )
    .openapi(apiRoute('get', '/indicators/{id}', { tags: TAG, summary: '指标详情', params: idParams }), async (c) =>
      c.json(await getIndicator(staffCtx(c), c.req.valid('param').id), 200),
    )
    .openapi(apiRoute('patch', '/indicators/{id}', { tags: TAG, summary: '修改指标（须带版本号）', params: idParams, body: updateIndicatorSchema }), async (c) =>
      c.json(await updateIndicator(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(apiRoute('delete', '/indicators/{id}', { tags: TAG, summary: '删除指标（无下级、无任务）', params: idParams, query: versionQuery }), async (c) =>
      c.json(await deleteIndicator(staffCtx(c), c.req.valid('param').id, c.req.valid('query').version), 200),
    )
    .openapi(apiRoute('get', '/statistic-catalog', { tags: TAG, summary: '可绑定的统计项' }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, PERM.read);
      return c.json({ items: statisticCatalog(ctx) }, 200);
    })
    .openapi(apiRoute('post', '/tasks', { tags: TAG, summary: '分解任务（按牵头、配合单位各生成一项责任分工）', body: createTaskSchema }), async (c) => {
      const { task, assignments } = await createTask(staffCtx(c), c.req.valid('json'));
      return c.json({ task, assignments: assignments.map((a) => ({ id: a.id, orgId: a.orgId, role: a.role, status: a.status, version: a.version })) }, 200);
    })
    .openapi(apiRoute('get', '/assignments', { tags: TAG, summary: '任务列表（按数据权限）', query: assignmentFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await findAssignments(staffCtx(c), filter, { page, pageSize }), 200);
    })
    .openapi(fileRoute('get', '/assignments/export', { tags: TAG, summary: '按筛选条件导出 Excel', query: assignmentFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      return fileResponse(await exportAssignments(ctx, c.req.valid('query')), `示范创建任务-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(apiRoute('get', '/assignments/{id}', { tags: TAG, summary: '任务详情', params: idParams }), async (c) =>
      c.json(await getAssignmentDetail(staffCtx(c), c.req.valid('param').id), 200),
    )
    .openapi(apiRoute('get', '/assignments/{id}/activity', { tags: TAG, summary: '操作记录', params: idParams }), async (c) =>
      c.json(await getAssignmentActivity(staffCtx(c), c.req.valid('param').id), 200),
    )
    .openapi(
      apiRoute('post', '/assignments/{id}/transitions/{name}', {
        tags: TAG,
        summary: '办理操作（报送进展、审核、退回、销号、撤销、调整完成时限）',
        params: idParams.extend({ name: z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效') }),
        body: transitionBodySchema,
      }),
      async (c) => {
        const { id, name } = c.req.valid('param');
        return c.json(await transitionAssignment(staffCtx(c), id, name, c.req.valid('json')), 200);
      },
    )
    .openapi(apiRoute('get', '/boards/indicators', { tags: TAG, summary: '挂图作战：按指标', query: editionQuery }), async (c) =>
      c.json(await indicatorBoard(staffCtx(c), c.req.valid('query')), 200),
    )
    .openapi(apiRoute('get', '/boards/units', { tags: TAG, summary: '挂图作战：按单位', query: editionQuery }), async (c) =>
      c.json(await unitBoard(staffCtx(c), c.req.valid('query')), 200),
    )
    .openapi(apiRoute('get', '/boards/ranking', { tags: TAG, summary: '横向排名（全部单位排名，按数据权限显示）', query: editionQuery }), async (c) =>
      c.json(await unitRanking(staffCtx(c), c.req.valid('query')), 200),
    )
    .openapi(apiRoute('get', '/boards/late', { tags: TAG, summary: '逾期或 30 日未报送进展的单位', query: editionQuery }), async (c) =>
      c.json(await lateReporters(staffCtx(c), c.req.valid('query')), 200),
    )
    .openapi(
      apiRoute('get', '/statistics', {
        tags: TAG,
        summary: '年度统计',
        query: z.object({
          year: z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效').optional(),
          orgId: z.coerce.number({ error: '单位须为数字' }).int('单位须为整数').positive('单位无效').max(2_147_483_647, '单位不存在').optional(),
        }),
      }),
      async (c) => {
        const ctx = staffCtx(c);
        requirePermission(ctx, PERM.read);
        const q = c.req.valid('query');
        const year = q.year ?? Number(toLocalDate(ctx.now).slice(0, 4));
        const items = [];
        for (const s of statistics) items.push({ id: s.id, label: s.label, unit: s.unit, value: await s.compute({ ctx, year, orgId: q.orgId }) });
        return c.json({ year, items }, 200);
      },
    );
};

export type DemonstrationRoutes = ReturnType<typeof demonstrationRoutes>;
