import { z } from '@hono/zod-openapi';
import {
  apiRoute,
  fileRoute,
  createRouter,
  fileResponse,
  idParams,
  MIME_DOCX,
  MIME_XLSX,
  pageQuery,
  recordAudit,
  requirePermission,
  staffCtx,
  toLocalDate,
  importRoute
} from '../../kernel';
import { caseMachine } from './case-machine';
import { caseFilterSchema, hearingSchema, hearingUpdateSchema, observationSchema, registerCaseSchema, suggestionSchema, transitionBodySchema, warningRuleSchema, yearQuery } from './contract';
import { getCaseInScope, MODULE, PERM, revealPlaintiffs, toCaseView } from './service/access';
import { addHearing, addObservation, addSuggestion, findObservations, getSuggestionInScope, transitionSuggestion, updateHearing } from './service/case-records';
import { buildDefenceDocument } from './service/defence-document';
import { exportCases } from './service/export-cases';
import { findCases } from './service/find-cases';
import { getCaseActivity, getCaseDetail } from './service/get-case-detail';
import { importCases } from './service/import-cases';
import { registerCase } from './service/register-case';
import { transitionCase } from './service/transition-case';
import { agencyBoard, getWarningRule, saveWarningRule } from './service/warnings';
import { statistics } from './statistics';

const TAG = ['行政应诉'];
const nameParam = z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效');
const thisYear = (now: Date) => Number(toLocalDate(now).slice(0, 4));

/** Staff API of 行政应诉, mounted at /api/litigation. */
export const litigationRoutes = () => {
  const router = createRouter();
  importRoute(router, '/cases/import', {
    tags: TAG,
    summary: '从 Excel 导入行政诉讼案件（任一行有误则全部不写入，返回逐行错误）',
    permission: PERM.register,
    run: ({ ctx, file }) => importCases(ctx, file),
  });
  return router
    .openapi(apiRoute('get', '/cases', { tags: TAG, summary: '案件列表（按数据权限）', query: caseFilterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await findCases(staffCtx(c), filter, { page, pageSize }), 200);
    })
    .openapi(fileRoute('get', '/cases/export', { tags: TAG, summary: '按筛选条件导出 Excel', query: caseFilterSchema, mime: MIME_XLSX }), async (c) => {
      const ctx = staffCtx(c);
      const data = await exportCases(ctx, c.req.valid('query'));
      return fileResponse(data, `行政诉讼案件-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(apiRoute('post', '/cases', { tags: TAG, summary: '登记行政诉讼案件', body: registerCaseSchema }), async (c) => {
      const ctx = staffCtx(c);
      return c.json(toCaseView(ctx, await registerCase(ctx, c.req.valid('json'))), 200);
    })
    .openapi(apiRoute('get', '/cases/{id}', { tags: TAG, summary: '案件详情', params: idParams }), async (c) => c.json(await getCaseDetail(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(apiRoute('get', '/cases/{id}/activity', { tags: TAG, summary: '操作记录', params: idParams }), async (c) => c.json(await getCaseActivity(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(
      apiRoute('post', '/cases/{id}/reveal', {
        tags: TAG,
        summary: '查看原告完整个人信息（须填写事由，留痕）',
        params: idParams,
        body: z.object({ reason: z.string({ error: '请填写查看事由' }).trim().min(4, '请填写查看事由（至少 4 个字）').max(200, '事由不能超过 200 字') }),
      }),
      async (c) => {
        const ctx = staffCtx(c);
        requirePermission(ctx, PERM.handle);
        const id = c.req.valid('param').id;
        const row = await getCaseInScope(ctx, id, ctx.db, PERM.handle);
        await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.reveal_personal_data', module: MODULE, entityType: caseMachine.entity, entityId: id, reason: c.req.valid('json').reason }));
        return c.json(revealPlaintiffs(ctx, row), 200);
      },
    )
    .openapi(
      apiRoute('post', '/cases/{id}/transitions/{name}', {
        tags: TAG,
        summary: '办理操作（收到副本、答辩、裁判、上诉、撤诉、调解等）',
        params: idParams.extend({ name: nameParam }),
        body: transitionBodySchema,
      }),
      async (c) => {
        const ctx = staffCtx(c);
        const { id, name } = c.req.valid('param');
        return c.json(toCaseView(ctx, await transitionCase(ctx, id, name, c.req.valid('json'))), 200);
      },
    )
    .openapi(apiRoute('post', '/cases/{id}/hearings', { tags: TAG, summary: '记录庭审与负责人出庭情况', params: idParams, body: hearingSchema }), async (c) =>
      c.json(await addHearing(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(apiRoute('put', '/hearings/{id}', { tags: TAG, summary: '修改庭审记录（补记出庭情况）', params: idParams, body: hearingUpdateSchema }), async (c) =>
      c.json(await updateHearing(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(apiRoute('post', '/cases/{id}/suggestions', { tags: TAG, summary: '登记收到的司法建议', params: idParams, body: suggestionSchema }), async (c) =>
      c.json(await addSuggestion(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(fileRoute('get', '/cases/{id}/defence-document', { tags: TAG, summary: '下载答辩状（.docx）', params: idParams, mime: MIME_DOCX }), async (c) => {
      const { fileName, data } = await buildDefenceDocument(staffCtx(c), c.req.valid('param').id);
      return fileResponse(data, fileName, MIME_DOCX);
    })
    .openapi(apiRoute('get', '/suggestions/{id}', { tags: TAG, summary: '司法建议（所属案件）', params: idParams }), async (c) => c.json(await getSuggestionInScope(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(
      apiRoute('post', '/suggestions/{id}/transitions/{name}', { tags: TAG, summary: '记录司法建议的回复', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
      async (c) => {
        const { id, name } = c.req.valid('param');
        return c.json(await transitionSuggestion(staffCtx(c), id, name, c.req.valid('json')), 200);
      },
    )
    .openapi(apiRoute('get', '/observations', { tags: TAG, summary: '旁听庭审记录（按数据权限）', query: yearQuery.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...f } = c.req.valid('query');
      return c.json(await findObservations(staffCtx(c), f, { page, pageSize }), 200);
    })
    .openapi(apiRoute('post', '/observations', { tags: TAG, summary: '登记旁听庭审或庭审讲评', body: observationSchema }), async (c) => c.json(await addObservation(staffCtx(c), c.req.valid('json')), 200))
    .openapi(apiRoute('get', '/statistics', { tags: TAG, summary: '年度统计（按数据权限，可限定单位）', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, PERM.read);
      const q = c.req.valid('query');
      const year = q.year ?? thisYear(ctx.now);
      const items = [];
      for (const s of statistics) items.push({ id: s.id, label: s.label, unit: s.unit, value: await s.compute({ ctx, year, orgId: q.orgId }) });
      return c.json({ year, items }, 200);
    })
    .openapi(apiRoute('get', '/board', { tags: TAG, summary: '三色预警看板（按被告行政机关）', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      const q = c.req.valid('query');
      return c.json(await agencyBoard(ctx, q.year ?? thisYear(ctx.now), q.orgId), 200);
    })
    .openapi(apiRoute('get', '/warning-rule', { tags: TAG, summary: '三色预警阈值', query: yearQuery.pick({ year: true }) }), async (c) => {
      const ctx = staffCtx(c);
      return c.json(await getWarningRule(ctx, c.req.valid('query').year ?? thisYear(ctx.now)), 200);
    })
    .openapi(apiRoute('put', '/warning-rule', { tags: TAG, summary: '设置三色预警阈值（带版本号，过期版本 409）', body: warningRuleSchema }), async (c) =>
      c.json(await saveWarningRule(staffCtx(c), c.req.valid('json')), 200),
    );
};

export type LitigationRoutes = ReturnType<typeof litigationRoutes>;
