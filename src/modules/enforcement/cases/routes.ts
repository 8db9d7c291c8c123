import { z } from '@hono/zod-openapi';
import { apiRoute, fileRoute, createRouter, fileResponse, idParams, MIME_DOCX, MIME_XLSX, pageQuery, recordAudit, requirePermission, staffCtx, toLocalDate, writeXlsx, importRoute } from '../../../kernel';
import { caseMachine } from './case-machine';
import { caseFilterSchema, createCaseSchema, revealSchema, transitionBodySchema, yearQuery } from './contract';
import { getCaseInScope, getPublicationInScope, MODULE, PERM, revealParty, toCaseView } from './service/access';
import { createCase } from './service/create-case';
import { buildPenaltyDecisionDocument } from './service/decision-document';
import { exportCases } from './service/export-cases';
import { findCases } from './service/find-cases';
import { getCaseActivity, getCaseDetail } from './service/get-case-detail';
import { IMPORT_COLUMNS, importCases } from './service/import-cases';
import { caseOptions } from './service/options';
import { transitionCase, transitionPublication } from './service/transition-case';
import { caseBoard, statistics } from './statistics';

const TAG = ['行政执法：案件与三项制度'];
const nameParam = z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效');

/** Staff API of the cases area, mounted at /api/enforcement. */
export const casesRoutes = () => {
  const router = createRouter();
  importRoute(router, '/cases/import', {
    tags: TAG,
    summary: '从 Excel 导入已决定或已结案的执法案件（任一行有误则全部不写入，返回逐行错误）',
    permission: PERM.import,
    run: async ({ ctx, file }) => {
      const result = await importCases(ctx, file);
      return result.errorCount === 0 ? { created: result.created, errors: [] } : result;
    },
  });
  return router
    .openapi(apiRoute('get', '/cases', { tags: TAG, summary: '执法案件列表（按数据权限）', query: caseFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await findCases(staffCtx(c), filter, { page, pageSize }), 200);
    })
    .openapi(fileRoute('get', '/cases/export', { tags: TAG, summary: '按筛选条件导出 Excel', query: caseFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      const data = await exportCases(ctx, c.req.valid('query'));
      return fileResponse(data, `行政执法案件-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(fileRoute('get', '/cases/import-template', { tags: TAG, summary: '下载案件导入模板', mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, PERM.import);
      const data = await writeXlsx<null>('执法案件导入', IMPORT_COLUMNS.map((col) => ({ header: col.header, width: 16, value: () => '' })), []);
      return fileResponse(data, '执法案件导入模板.xlsx', MIME_XLSX);
    })
    .openapi(apiRoute('get', '/cases/options', { tags: TAG, summary: '登记案件可选的执法主体、事项与持证执法人员（本人数据范围内）' }), async (c) => c.json(await caseOptions(staffCtx(c)), 200))
    .openapi(apiRoute('get', '/cases/board', { tags: TAG, summary: '执法案件分析看板（按数据权限，可限定单位）', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      const q = c.req.valid('query');
      return c.json(await caseBoard(ctx, q.year ?? Number(toLocalDate(ctx.now).slice(0, 4)), q.orgId), 200);
    })
    .openapi(apiRoute('get', '/cases/statistics', { tags: TAG, summary: '年度统计（按数据权限，可限定单位）', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, PERM.read);
      const q = c.req.valid('query');
      const year = q.year ?? Number(toLocalDate(ctx.now).slice(0, 4));
      const items = [];
      for (const s of statistics) items.push({ id: s.id, label: s.label, unit: s.unit, value: await s.compute({ ctx, year, orgId: q.orgId }) });
      return c.json({ year, items }, 200);
    })
    .openapi(apiRoute('post', '/cases', { tags: TAG, summary: '登记执法案件（不少于两名持有效执法证的执法人员）', body: createCaseSchema }), async (c) => {
      const ctx = staffCtx(c);
      return c.json(toCaseView(ctx, await createCase(ctx, c.req.valid('json'))), 200);
    })
    .openapi(apiRoute('get', '/cases/{id}', { tags: TAG, summary: '案件详情（含全过程记录清单与公示）', params: idParams }), async (c) => c.json(await getCaseDetail(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(apiRoute('get', '/cases/{id}/activity', { tags: TAG, summary: '操作记录', params: idParams }), async (c) => c.json(await getCaseActivity(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(fileRoute('get', '/cases/{id}/decision-document', { tags: TAG, summary: '下载行政处罚决定书（.docx，留痕）', params: idParams, mime: MIME_DOCX }), async (c) => {
      const { fileName, data } = await buildPenaltyDecisionDocument(staffCtx(c), c.req.valid('param').id);
      return fileResponse(data, fileName, MIME_DOCX);
    })
    .openapi(apiRoute('post', '/cases/{id}/reveal', { tags: TAG, summary: '查看当事人完整身份证号与电话（须填写事由，留痕）', params: idParams, body: revealSchema }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, PERM.report);
      const id = c.req.valid('param').id;
      const row = await getCaseInScope(ctx, id, ctx.db, PERM.report);
      await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.reveal_personal_data', module: MODULE, entityType: caseMachine.entity, entityId: id, reason: c.req.valid('json').reason }));
      return c.json(revealParty(ctx, row), 200);
    })
    .openapi(
      apiRoute('post', '/cases/{id}/transitions/{name}', { tags: TAG, summary: '办理操作（调查、告知、听证、法制审核、决定、送达、执行、结案）', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
      async (c) => {
        const ctx = staffCtx(c);
        const { id, name } = c.req.valid('param');
        return c.json(toCaseView(ctx, await transitionCase(ctx, id, name, c.req.valid('json'))), 200);
      },
    )
    .openapi(apiRoute('get', '/publications/{id}', { tags: TAG, summary: '公示记录（所属案件）', params: idParams }), async (c) => {
      const pub = await getPublicationInScope(staffCtx(c), c.req.valid('param').id);
      return c.json(pub, 200);
    })
    .openapi(
      apiRoute('post', '/publications/{id}/transitions/{name}', { tags: TAG, summary: '公示、撤回公示（第四十八条）', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
      async (c) => {
        const ctx = staffCtx(c);
        const { id, name } = c.req.valid('param');
        return c.json(await transitionPublication(ctx, id, name, c.req.valid('json')), 200);
      },
    );
};
