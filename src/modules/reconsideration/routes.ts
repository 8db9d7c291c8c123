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
import { caseFilterSchema, consultationSchema, letterSchema, registerCaseSchema, transitionBodySchema, yearQuery } from './contract';
import { caseMachine } from './case-machine';
import { getCaseInScope, MODULE, orgNameOf, PERM, revealParties, toCaseView } from './service/access';
import { addConsultation, addLetter, getLetterInScope, transitionLetter } from './service/case-records';
import { buildDecisionDocument } from './service/decision-document';
import { exportCases } from './service/export-cases';
import { findCases } from './service/find-cases';
import { getCaseActivity, getCaseDetail } from './service/get-case-detail';
import { importCases } from './service/import-cases';
import { registerCase } from './service/register-case';
import { transitionCase } from './service/transition-case';
import { byField, byRespondent, statistics } from './statistics';

const TAG = ['行政复议'];
const nameParam = z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效');

/** Staff API of 行政复议, mounted at /api/reconsideration. */
export const reconsiderationRoutes = () => {
  const router = createRouter();
  importRoute(router, '/cases/import', {
    tags: TAG,
    summary: '从 Excel 导入复议申请（任一行有误则全部不写入，返回逐行错误）',
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
      return fileResponse(data, `行政复议案件-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
    })
    .openapi(apiRoute('post', '/cases', { tags: TAG, summary: '登记复议申请', body: registerCaseSchema }), async (c) => {
      const ctx = staffCtx(c);
      const row = await registerCase(ctx, c.req.valid('json'));
      return c.json(toCaseView(ctx, row), 200);
    })
    .openapi(apiRoute('get', '/cases/{id}', { tags: TAG, summary: '案件详情', params: idParams }), async (c) => c.json(await getCaseDetail(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(apiRoute('get', '/cases/{id}/activity', { tags: TAG, summary: '操作记录', params: idParams }), async (c) => c.json(await getCaseActivity(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(
      apiRoute('post', '/cases/{id}/reveal', {
        tags: TAG,
        summary: '查看当事人完整个人信息（须填写事由，留痕）',
        params: idParams,
        body: z.object({ reason: z.string({ error: '请填写查看事由' }).trim().min(4, '请填写查看事由（至少 4 个字）').max(200, '事由不能超过 200 字') }),
      }),
      async (c) => {
        const ctx = staffCtx(c);
        requirePermission(ctx, PERM.handle);
        const id = c.req.valid('param').id;
        const row = await getCaseInScope(ctx, id, ctx.db, PERM.handle);
        await ctx.db.transaction((tx) =>
          recordAudit(tx, ctx, { action: 'case.reveal_personal_data', module: MODULE, entityType: caseMachine.entity, entityId: id, reason: c.req.valid('json').reason }),
        );
        return c.json(revealParties(ctx, row), 200);
      },
    )
    .openapi(
      apiRoute('post', '/cases/{id}/transitions/{name}', {
        tags: TAG,
        summary: '办理操作（受理、补正、送达副本、听证、中止、调解、决定等）',
        params: idParams.extend({ name: nameParam }),
        body: transitionBodySchema,
      }),
      async (c) => {
        const ctx = staffCtx(c);
        const { id, name } = c.req.valid('param');
        const row = await transitionCase(ctx, id, name, c.req.valid('json'));
        return c.json(toCaseView(ctx, row), 200);
      },
    )
    .openapi(apiRoute('post', '/cases/{id}/consultations', { tags: TAG, summary: '记录行政复议委员会咨询或专家论证意见', params: idParams, body: consultationSchema }), async (c) => {
      const ctx = staffCtx(c);
      return c.json(await addConsultation(ctx, c.req.valid('param').id, c.req.valid('json')), 200);
    })
    .openapi(apiRoute('post', '/cases/{id}/letters', { tags: TAG, summary: '制发行政复议意见书或建议书', params: idParams, body: letterSchema }), async (c) => {
      const ctx = staffCtx(c);
      return c.json(await addLetter(ctx, c.req.valid('param').id, c.req.valid('json')), 200);
    })
    .openapi(fileRoute('get', '/cases/{id}/decision-document', { tags: TAG, summary: '下载行政复议决定书（.docx）', params: idParams, mime: MIME_DOCX }), async (c) => {
      const { fileName, data } = await buildDecisionDocument(staffCtx(c), c.req.valid('param').id);
      return fileResponse(data, fileName, MIME_DOCX);
    })
    .openapi(apiRoute('get', '/letters/{id}', { tags: TAG, summary: '意见书或建议书（所属案件）', params: idParams }), async (c) => {
      const ctx = staffCtx(c);
      const letter = await getLetterInScope(ctx, c.req.valid('param').id);
      return c.json({ ...letter, recipientName: await orgNameOf(ctx.db, letter.recipientOrgId) }, 200);
    })
    .openapi(
      apiRoute('post', '/letters/{id}/transitions/{name}', { tags: TAG, summary: '记录意见书、建议书的反馈', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
      async (c) => {
        const ctx = staffCtx(c);
        const { id, name } = c.req.valid('param');
        return c.json(await transitionLetter(ctx, id, name, c.req.valid('json')), 200);
      },
    )
    .openapi(apiRoute('get', '/statistics', { tags: TAG, summary: '年度统计（按数据权限，可限定单位）', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, PERM.read);
      const q = c.req.valid('query');
      const year = q.year ?? Number(toLocalDate(ctx.now).slice(0, 4));
      const items = [];
      for (const s of statistics) items.push({ id: s.id, label: s.label, unit: s.unit, value: await s.compute({ ctx, year, orgId: q.orgId }) });
      return c.json({ year, items }, 200);
    })
    .openapi(apiRoute('get', '/reports/by-respondent', { tags: TAG, summary: '按被申请人统计', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      const q = c.req.valid('query');
      const year = q.year ?? Number(toLocalDate(ctx.now).slice(0, 4));
      return c.json({ year, items: await byRespondent(ctx, year, q.orgId) }, 200);
    })
    .openapi(apiRoute('get', '/reports/by-field', { tags: TAG, summary: '按案件领域统计', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      const q = c.req.valid('query');
      const year = q.year ?? Number(toLocalDate(ctx.now).slice(0, 4));
      return c.json({ year, items: await byField(ctx, year, q.orgId) }, 200);
    });
};

export type ReconsiderationRoutes = ReturnType<typeof reconsiderationRoutes>;
