import { z } from '@hono/zod-openapi';
import { apiRoute, fileRoute, createRouter, fileResponse, idParams, MIME_DOCX, MIME_XLSX, pageQuery, staffCtx, toLocalDate, importRoute } from '../../../kernel';
import {
  activitySchema,
  addStepSchema,
  complaintFilterSchema,
  createCampaignSchema,
  createReviewSchema,
  docFilterSchema,
  fileFilterSchema,
  issueDocSchema,
  monthlyReportSchema,
  registerComplaintSchema,
  reviewFilterSchema,
  sampleSchema,
  scoreFileSchema,
  supervisorSchema,
  transitionBodySchema,
  updateSheetSchema,
  updateStepSchema,
  yearQuery,
} from './contract';
import { PERM } from './service/access';
import { addActivity, addStep, addSupervisor, createCampaign, findCampaigns, findSupervisors, getCampaignDetail, submitMonthlyReport, updateStep } from './service/campaigns';
import { exportComplaints, findComplaints, getComplaintDetail, importComplaints, registerComplaint, transitionComplaint } from './service/complaints';
import { buildDocDocument, exportDocs, findDocs, getDocDetail, issueDoc, transitionDoc } from './service/docs';
import {
  createReview,
  exportFiles,
  findFiles,
  findReviews,
  getReviewDetail,
  pickableCases,
  sampleFiles,
  scoreFile,
  selfScoreFile,
  transitionReview,
  updateSheet,
  verifySample,
} from './service/reviews';
import { supervisionBoard } from './statistics';

const TAG = ['行政执法监督：案卷评查与执法监督'];
const nameParam = z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效');
const selfScoreSchema = scoreFileSchema.pick({ version: true, scores: true, comment: true }).strict();

/** Staff API of the review area, mounted at /api/enforcement. */
export const reviewRoutes = () => {
  const router = createRouter();
  importRoute(router, '/complaints/import', {
    tags: TAG,
    summary: '从 Excel 导入投诉举报（12345 转办台账；任一行有误则全部不写入，返回逐行错误）',
    permission: PERM.import,
    run: ({ ctx, file }) => importComplaints(ctx, file),
  });
  return (
    router
      // 案卷评查
      .openapi(apiRoute('get', '/reviews', { tags: TAG, summary: '评查活动列表（按数据权限）', query: reviewFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findReviews(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(apiRoute('post', '/reviews', { tags: TAG, summary: '新建评查活动', body: createReviewSchema }), async (c) => c.json(await createReview(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/reviews/files', { tags: TAG, summary: '评查案卷及结果（按数据权限）', query: fileFilterSchema }), async (c) => {
        const items = await findFiles(staffCtx(c), c.req.valid('query'));
        return c.json({ items, total: items.length }, 200);
      })
      .openapi(fileRoute('get', '/reviews/files/export', { tags: TAG, summary: '导出评查结果 Excel', query: fileFilterSchema, mime: MIME_XLSX }), async (c) => {
        const ctx = staffCtx(c);
        return fileResponse(await exportFiles(ctx, c.req.valid('query')), `案卷评查结果-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
      })
      .openapi(apiRoute('get', '/reviews/{id}', { tags: TAG, summary: '评查活动详情（案卷、结果、排名）', params: idParams }), async (c) => c.json(await getReviewDetail(staffCtx(c), c.req.valid('param').id), 200))
      .openapi(apiRoute('put', '/reviews/{id}/sheet', { tags: TAG, summary: '修改评查标准（筹备阶段）', params: idParams, body: updateSheetSchema }), async (c) =>
        c.json(await updateSheet(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('post', '/reviews/{id}/sample', { tags: TAG, summary: '随机抽取或指定评查案卷', params: idParams, body: sampleSchema }), async (c) =>
        c.json(await sampleFiles(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('get', '/reviews/{id}/sample-check', { tags: TAG, summary: '用记录的随机种子复核抽样结果', params: idParams }), async (c) => c.json(await verifySample(staffCtx(c), c.req.valid('param').id), 200))
      .openapi(apiRoute('get', '/reviews/{id}/pickable-cases', { tags: TAG, summary: '可指定评查的案卷', params: idParams }), async (c) => c.json(await pickableCases(staffCtx(c), c.req.valid('param').id), 200))
      .openapi(
        apiRoute('post', '/reviews/{id}/transitions/{name}', { tags: TAG, summary: '评查活动流转（开始抽取、开始打分、完成）', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
        async (c) => {
          const { id, name } = c.req.valid('param');
          return c.json(await transitionReview(staffCtx(c), id, name, c.req.valid('json')), 200);
        },
      )
      .openapi(apiRoute('post', '/reviews/files/{id}/score', { tags: TAG, summary: '评查打分（含发现的问题）', params: idParams, body: scoreFileSchema }), async (c) =>
        c.json(await scoreFile(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('post', '/reviews/files/{id}/self-score', { tags: TAG, summary: '自查打分（执法主体）', params: idParams, body: selfScoreSchema }), async (c) =>
        c.json(await selfScoreFile(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      // 执法监督文书
      .openapi(apiRoute('get', '/supervision', { tags: TAG, summary: '执法监督文书列表', query: docFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findDocs(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/supervision/export', { tags: TAG, summary: '导出执法监督文书 Excel', query: docFilterSchema, mime: MIME_XLSX }), async (c) => {
        const ctx = staffCtx(c);
        return fileResponse(await exportDocs(ctx, c.req.valid('query')), `执法监督文书-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
      })
      .openapi(apiRoute('post', '/supervision', { tags: TAG, summary: '签发执法监督通知书、意见书或决定书', body: issueDocSchema }), async (c) => c.json(await issueDoc(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/supervision/{id}', { tags: TAG, summary: '执法监督文书详情', params: idParams }), async (c) => c.json(await getDocDetail(staffCtx(c), c.req.valid('param').id), 200))
      .openapi(fileRoute('get', '/supervision/{id}/document', { tags: TAG, summary: '下载文书（.docx）', params: idParams, mime: MIME_DOCX }), async (c) => {
        const { fileName, data } = await buildDocDocument(staffCtx(c), c.req.valid('param').id);
        return fileResponse(data, fileName, MIME_DOCX);
      })
      .openapi(
        apiRoute('post', '/supervision/{id}/transitions/{name}', { tags: TAG, summary: '回复、办结或退回执法监督文书', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
        async (c) => {
          const { id, name } = c.req.valid('param');
          return c.json(await transitionDoc(staffCtx(c), id, name, c.req.valid('json')), 200);
        },
      )
      // 投诉举报
      .openapi(apiRoute('get', '/complaints', { tags: TAG, summary: '投诉举报列表', query: complaintFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findComplaints(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/complaints/export', { tags: TAG, summary: '导出投诉举报 Excel', query: complaintFilterSchema, mime: MIME_XLSX }), async (c) => {
        const ctx = staffCtx(c);
        return fileResponse(await exportComplaints(ctx, c.req.valid('query')), `执法投诉举报-${toLocalDate(ctx.now)}.xlsx`, MIME_XLSX);
      })
      .openapi(apiRoute('post', '/complaints', { tags: TAG, summary: '登记投诉举报', body: registerComplaintSchema }), async (c) => c.json(await registerComplaint(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/complaints/{id}', { tags: TAG, summary: '投诉举报详情', params: idParams }), async (c) => c.json(await getComplaintDetail(staffCtx(c), c.req.valid('param').id), 200))
      .openapi(
        apiRoute('post', '/complaints/{id}/transitions/{name}', { tags: TAG, summary: '分办、核查、办结投诉举报', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
        async (c) => {
          const { id, name } = c.req.valid('param');
          return c.json(await transitionComplaint(staffCtx(c), id, name, c.req.valid('json')), 200);
        },
      )
      // 专项整治
      .openapi(apiRoute('get', '/campaigns', { tags: TAG, summary: '专项整治列表' }), async (c) => c.json(await findCampaigns(staffCtx(c)), 200))
      .openapi(apiRoute('post', '/campaigns', { tags: TAG, summary: '新建专项整治', body: createCampaignSchema }), async (c) => c.json(await createCampaign(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/campaigns/{id}', { tags: TAG, summary: '专项整治详情（步骤、月报、未报送单位）', params: idParams }), async (c) => c.json(await getCampaignDetail(staffCtx(c), c.req.valid('param').id), 200))
      .openapi(apiRoute('post', '/campaigns/{id}/steps', { tags: TAG, summary: '添加工作步骤', params: idParams, body: addStepSchema }), async (c) => c.json(await addStep(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200))
      .openapi(apiRoute('put', '/campaigns/steps/{id}', { tags: TAG, summary: '更新工作步骤推进状态', params: idParams, body: updateStepSchema }), async (c) =>
        c.json(await updateStep(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('post', '/campaigns/{id}/reports', { tags: TAG, summary: '报送月报（参加单位）', params: idParams, body: monthlyReportSchema }), async (c) =>
        c.json(await submitMonthlyReport(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      // 特邀监督员
      .openapi(apiRoute('get', '/supervisors', { tags: TAG, summary: '特邀行政执法监督员名册' }), async (c) => c.json(await findSupervisors(staffCtx(c)), 200))
      .openapi(apiRoute('post', '/supervisors', { tags: TAG, summary: '聘任特邀行政执法监督员', body: supervisorSchema }), async (c) => c.json(await addSupervisor(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('post', '/supervisors/{id}/activities', { tags: TAG, summary: '记录监督员活动', params: idParams, body: activitySchema }), async (c) =>
        c.json(await addActivity(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      // 看板
      .openapi(apiRoute('get', '/supervision-board', { tags: TAG, summary: '执法监督统计看板', query: yearQuery }), async (c) => {
        const ctx = staffCtx(c);
        const q = c.req.valid('query');
        return c.json(await supervisionBoard(ctx, q.year ?? Number(toLocalDate(ctx.now).slice(0, 4)), q.orgId), 200);
      })
  );
};

export type ReviewRoutes = ReturnType<typeof reviewRoutes>;
