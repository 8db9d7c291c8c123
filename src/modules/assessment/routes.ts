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
  requirePermission,
  staffCtx,
  toLocalDate,
  writeXlsx,
  recordAudit,
  importRoute
} from '../../kernel';
import {
  dutyReportFilterSchema,
  dutyReportSchema,
  examFilterSchema,
  examResultSchema,
  examSchema,
  itemSchema,
  schemeEditSchema,
  schemeFilterSchema,
  schemeSchema,
  schemeStatusSchema,
  scoresSchema,
  studyFilterSchema,
  studySessionEditSchema,
  studySessionSchema,
  targetsSchema,
  transitionBodySchema,
} from './contract';
import { SCHEME_STATUSES } from './options';
import { MODULE, PERM } from './service/access';
import {
  buildDutyReportDocument,
  exportDutyReports,
  findDutyReports,
  findMissingDutyReports,
  getDutyReportActivity,
  getDutyReportDetail,
  submitDutyReport,
  transitionDutyReport,
} from './service/duty-reports';
import { createExam, exportExamResults, findExams, getExamDetail, saveExamResult } from './service/exams';
import { addItem, deleteItem, updateItem } from './service/items';
import { exportResults, getResults } from './service/results';
import { importScoreSheet, scoreSheetTemplate } from './service/score-sheet';
import { computeAutoScores, getScoreGrid, saveScores } from './service/scores';
import { changeSchemeStatus, createScheme, findSchemes, getSchemeActivity, getSchemeDetail, setTargets, updateScheme } from './service/schemes';
import { createStudySession, exportStudySessions, findStudySessions, importStudySessions, updateStudySession } from './service/study-sessions';
import { statistics } from './statistics';

const TAG = ['法治考核'];
const MAX_ID = 2_147_483_647;
const itemParams = idParams.extend({
  itemId: z.coerce.number({ error: '项目 ID 须为数字' }).int('项目 ID 须为整数').positive('项目 ID 须为正整数').max(MAX_ID, '项目 ID 超出范围'),
});
const versionBody = schemeStatusSchema;
const itemBody = z.object({ item: itemSchema, version: schemeStatusSchema.shape.version });
const yearQuery = z.object({
  year: z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度不能早于 2000 年').max(2100, '年度不能晚于 2100 年').optional(),
});

/** Staff API of 法治考核, mounted at /api/assessment. */
export const assessmentRoutes = () => {
  const router = createRouter();
  importRoute(router, '/schemes/{id}/score-sheet', {
    tags: TAG,
    summary: '导入评分表（单位 × 考核项目；任一处有误则全部不写入）',
    permission: PERM.import,
    params: idParams,
    run: async ({ ctx, file, params }) => {
      const result = await importScoreSheet(ctx, params.id, file);
      return { created: result.errors.length ? 0 : result.saved, errors: result.errors };
    },
  });
  importRoute(router, '/study-sessions/import', {
    tags: TAG,
    summary: '从 Excel 导入学法记录（任一行有误则全部不写入）',
    permission: PERM.import,
    run: async ({ ctx, file }) => {
      const result = await importStudySessions(ctx, file);
      return { created: result.errors.length ? 0 : result.created, errors: result.errors };
    },
  });
  return (
    router
      // ── 考核方案 ──
      .openapi(apiRoute('get', '/schemes', { tags: TAG, summary: '考核方案列表', query: schemeFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findSchemes(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/schemes/export', { tags: TAG, summary: '导出考核方案列表', query: schemeFilterSchema, mime: MIME_XLSX }), async (c) => {
        const ctx = staffCtx(c);
        requirePermission(ctx, PERM.export);
        const { items } = await findSchemes(ctx, c.req.valid('query'), { page: 1, pageSize: 10_000 });
        const data = await writeXlsx<(typeof items)[number]>(
          '考核方案',
          [
            { header: '年度', width: 8, value: (r) => r.year },
            { header: '方案名称', width: 40, value: (r) => r.title },
            { header: '占目标责任制考核（%）', width: 14, value: (r) => r.weightInTarget },
            { header: '状态', value: (r) => SCHEME_STATUSES.find((s) => s.value === r.status)?.label ?? r.status },
            { header: '考核项目数', value: (r) => r.itemCount },
            { header: '总分值', value: (r) => r.totalMaxScore },
            { header: '被考核单位数', value: (r) => r.targetCount },
            { header: '述职述法截止日期', width: 14, value: (r) => r.dutyReportDueDate ?? '' },
          ],
          items,
        );
        await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'scheme.export', module: MODULE, after: { rows: items.length } }));
        return fileResponse(data, `考核方案-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
      })
      .openapi(apiRoute('post', '/schemes', { tags: TAG, summary: '新建考核方案（草拟中）', body: schemeSchema }), async (c) => c.json(await createScheme(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/schemes/{id}', { tags: TAG, summary: '方案详情（考核项目、被考核单位）', params: idParams }), async (c) =>
        c.json(await getSchemeDetail(staffCtx(c), c.req.valid('param').id), 200),
      )
      .openapi(apiRoute('patch', '/schemes/{id}', { tags: TAG, summary: '修改方案（须带版本号）', params: idParams, body: schemeEditSchema }), async (c) =>
        c.json(await updateScheme(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('post', '/schemes/{id}/publish', { tags: TAG, summary: '发布方案（考核项目冻结）', params: idParams, body: versionBody }), async (c) =>
        c.json(await changeSchemeStatus(staffCtx(c), c.req.valid('param').id, 'published', c.req.valid('json').version), 200),
      )
      .openapi(apiRoute('post', '/schemes/{id}/finalize', { tags: TAG, summary: '定稿（评分冻结）', params: idParams, body: versionBody }), async (c) =>
        c.json(await changeSchemeStatus(staffCtx(c), c.req.valid('param').id, 'finalized', c.req.valid('json').version), 200),
      )
      .openapi(apiRoute('put', '/schemes/{id}/targets', { tags: TAG, summary: '设置被考核单位（草拟中）', params: idParams, body: targetsSchema }), async (c) => {
        const { orgIds, version } = c.req.valid('json');
        return c.json(await setTargets(staffCtx(c), c.req.valid('param').id, orgIds, version), 200);
      })
      .openapi(apiRoute('post', '/schemes/{id}/items', { tags: TAG, summary: '新增考核项目（草拟中）', params: idParams, body: itemBody }), async (c) => {
        const { item, version } = c.req.valid('json');
        return c.json(await addItem(staffCtx(c), c.req.valid('param').id, item, version), 200);
      })
      .openapi(apiRoute('patch', '/schemes/{id}/items/{itemId}', { tags: TAG, summary: '修改考核项目（草拟中）', params: itemParams, body: itemBody }), async (c) => {
        const { id, itemId } = c.req.valid('param');
        const { item, version } = c.req.valid('json');
        return c.json(await updateItem(staffCtx(c), id, itemId, item, version), 200);
      })
      .openapi(apiRoute('post', '/schemes/{id}/items/{itemId}/delete', { tags: TAG, summary: '删除考核项目（草拟中）', params: itemParams, body: versionBody }), async (c) => {
        const { id, itemId } = c.req.valid('param');
        return c.json(await deleteItem(staffCtx(c), id, itemId, c.req.valid('json').version), 200);
      })
      .openapi(apiRoute('get', '/schemes/{id}/activity', { tags: TAG, summary: '方案操作记录', params: idParams }), async (c) =>
        c.json(await getSchemeActivity(staffCtx(c), c.req.valid('param').id), 200),
      )
      // ── 评分 ──
      .openapi(apiRoute('get', '/schemes/{id}/scores', { tags: TAG, summary: '评分表（按数据权限）', params: idParams }), async (c) =>
        c.json(await getScoreGrid(staffCtx(c), c.req.valid('param').id), 200),
      )
      .openapi(apiRoute('put', '/schemes/{id}/scores', { tags: TAG, summary: '录入评分（整批写入或全部不写入）', params: idParams, body: scoresSchema }), async (c) =>
        c.json(await saveScores(staffCtx(c), c.req.valid('param').id, c.req.valid('json').entries), 200),
      )
      .openapi(apiRoute('post', '/schemes/{id}/compute-auto', { tags: TAG, summary: '自动取数：计算全部自动取数项目的得分', params: idParams }), async (c) =>
        c.json(await computeAutoScores(staffCtx(c), c.req.valid('param').id), 200),
      )
      .openapi(apiRoute('get', '/schemes/{id}/results', { tags: TAG, summary: '考核结果与排名（排名在全部被考核单位中计算）', params: idParams }), async (c) =>
        c.json(await getResults(staffCtx(c), c.req.valid('param').id), 200),
      )
      .openapi(fileRoute('get', '/schemes/{id}/results/export', { tags: TAG, summary: '导出考核结果', params: idParams, mime: MIME_XLSX }), async (c) => {
        const { fileName, data } = await exportResults(staffCtx(c), c.req.valid('param').id);
        return fileResponse(data, fileName, MIME_XLSX);
      })
      .openapi(fileRoute('get', '/schemes/{id}/score-sheet', { tags: TAG, summary: '下载评分表模板（含当前得分）', params: idParams, mime: MIME_XLSX }), async (c) => {
        const { fileName, data } = await scoreSheetTemplate(staffCtx(c), c.req.valid('param').id);
        return fileResponse(data, fileName, MIME_XLSX);
      })
      // ── 述职述法 ──
      .openapi(apiRoute('get', '/duty-reports', { tags: TAG, summary: '述职述法报告列表', query: dutyReportFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findDutyReports(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/duty-reports/export', { tags: TAG, summary: '导出述职述法报告列表', query: dutyReportFilterSchema, mime: MIME_XLSX }), async (c) => {
        const ctx = staffCtx(c);
        return fileResponse(await exportDutyReports(ctx, c.req.valid('query')), `述职述法-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
      })
      .openapi(apiRoute('get', '/duty-reports/missing', { tags: TAG, summary: '未报送述职述法的被考核单位', query: yearQuery }), async (c) => {
        const ctx = staffCtx(c);
        return c.json(await findMissingDutyReports(ctx, c.req.valid('query').year ?? Number(toLocalDate(ctx.now).slice(0, 4))), 200);
      })
      .openapi(apiRoute('post', '/duty-reports', { tags: TAG, summary: '报送述职述法报告', body: dutyReportSchema }), async (c) => c.json(await submitDutyReport(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/duty-reports/{id}', { tags: TAG, summary: '述职述法报告详情', params: idParams }), async (c) =>
        c.json(await getDutyReportDetail(staffCtx(c), c.req.valid('param').id), 200),
      )
      .openapi(apiRoute('get', '/duty-reports/{id}/activity', { tags: TAG, summary: '报告操作记录', params: idParams }), async (c) =>
        c.json(await getDutyReportActivity(staffCtx(c), c.req.valid('param').id), 200),
      )
      .openapi(
        apiRoute('post', '/duty-reports/{id}/transitions/{name}', {
          tags: TAG,
          summary: '审阅、退回修改、重新报送',
          params: idParams.extend({ name: z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效') }),
          body: transitionBodySchema,
        }),
        async (c) => {
          const { id, name } = c.req.valid('param');
          return c.json(await transitionDutyReport(staffCtx(c), id, name, c.req.valid('json')), 200);
        },
      )
      .openapi(fileRoute('get', '/duty-reports/{id}/document', { tags: TAG, summary: '下载述职述法报告（.docx）', params: idParams, mime: MIME_DOCX }), async (c) => {
        const { fileName, data } = await buildDutyReportDocument(staffCtx(c), c.req.valid('param').id);
        return fileResponse(data, fileName, MIME_DOCX);
      })
      // ── 领导干部学法 ──
      .openapi(apiRoute('get', '/study-sessions', { tags: TAG, summary: '学法记录列表', query: studyFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findStudySessions(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/study-sessions/export', { tags: TAG, summary: '导出学法记录', query: studyFilterSchema, mime: MIME_XLSX }), async (c) => {
        const ctx = staffCtx(c);
        return fileResponse(await exportStudySessions(ctx, c.req.valid('query')), `领导干部学法-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
      })
      .openapi(apiRoute('post', '/study-sessions', { tags: TAG, summary: '登记学法', body: studySessionSchema }), async (c) => c.json(await createStudySession(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('patch', '/study-sessions/{id}', { tags: TAG, summary: '修改学法记录（须带版本号）', params: idParams, body: studySessionEditSchema }), async (c) =>
        c.json(await updateStudySession(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      // ── 学法考试 ──
      .openapi(apiRoute('get', '/exams', { tags: TAG, summary: '学法考试列表（含参考率、通过率）', query: examFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findExams(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/exams/export', { tags: TAG, summary: '导出学法考试列表', query: examFilterSchema, mime: MIME_XLSX }), async (c) => {
        const ctx = staffCtx(c);
        requirePermission(ctx, PERM.export);
        const { items } = await findExams(ctx, c.req.valid('query'), { page: 1, pageSize: 10_000 });
        const pct = (v: number | null) => (v === null ? '' : `${v}%`);
        const data = await writeXlsx<(typeof items)[number]>(
          '学法考试',
          [
            { header: '考试名称', width: 40, value: (r) => r.title },
            { header: '年度', width: 8, value: (r) => r.year },
            { header: '考试日期', width: 12, value: (r) => r.examDate },
            { header: '组织单位', width: 28, value: (r) => r.orgName },
            { header: '应考人数', value: (r) => r.eligible },
            { header: '参考人数', value: (r) => r.participated },
            { header: '通过人数', value: (r) => r.passed },
            { header: '参考率', value: (r) => pct(r.participationRate) },
            { header: '通过率', value: (r) => pct(r.passRate) },
          ],
          items,
        );
        await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'exam.list_export', module: MODULE, after: { rows: items.length } }));
        return fileResponse(data, `学法考试-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
      })
      .openapi(apiRoute('post', '/exams', { tags: TAG, summary: '新建学法考试', body: examSchema }), async (c) => c.json(await createExam(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/exams/{id}', { tags: TAG, summary: '考试详情（各单位参考率、通过率）', params: idParams }), async (c) =>
        c.json(await getExamDetail(staffCtx(c), c.req.valid('param').id), 200),
      )
      .openapi(apiRoute('put', '/exams/{id}/results', { tags: TAG, summary: '填报单位考试情况（修改须带版本号）', params: idParams, body: examResultSchema }), async (c) =>
        c.json(await saveExamResult(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(fileRoute('get', '/exams/{id}/results/export', { tags: TAG, summary: '导出考试情况', params: idParams, mime: MIME_XLSX }), async (c) => {
        const { fileName, data } = await exportExamResults(staffCtx(c), c.req.valid('param').id);
        return fileResponse(data, fileName, MIME_XLSX);
      })
      .openapi(
        apiRoute('get', '/statistics', {
          tags: TAG,
          summary: '法治考核与学法统计',
          query: yearQuery.extend({ orgId: z.coerce.number({ error: '单位须为数字' }).int('单位须为整数').positive('单位无效').max(MAX_ID, '单位不存在').optional() }),
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
      )
      // ── 上传（multipart，在 OpenAPI 校验之外） ──
  );
};

export type AssessmentRoutes = ReturnType<typeof assessmentRoutes>;
