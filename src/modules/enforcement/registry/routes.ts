import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiRoute, fileRoute, createRouter, fileResponse, idParams, MIME_DOCX, MIME_XLSX, pageQuery, requirePermission, staffCtx, toLocalDate, type AppEnv, importRoute } from '../../../kernel';
import {
  abolishSchema,
  annualReviewSchema,
  benchmarkFilterSchema,
  benchmarkPatchSchema,
  benchmarkSchema,
  bodyFilterSchema,
  bodyPatchSchema,
  bodySchema,
  bulkCancelSchema,
  certificateFilterSchema,
  certificateSchema,
  documentQuery,
  examSchema,
  itemFilterSchema,
  itemPatchSchema,
  itemSchema,
  itemTransferSchema,
  listEntryPatchSchema,
  listEntrySchema,
  listFilterSchema,
  officerFilterSchema,
  officerPatchSchema,
  officerSchema,
  orgQuery,
  settingsSchema,
  trainingSchema,
  transitionBodySchema,
  yearQuery,
} from './contract';
import { bodyMachine, certificateMachine, officerMachine } from './registry-machine';
import { getBodyInScope, getCertificateInScope, getOfficerInScope, PERM } from './service/access';
import { abolishBenchmark, abolishListEntry, benchmarkDocument, createBenchmark, createListEntry, exportListEntries, findBenchmarks, findListEntries, updateBenchmark, updateListEntry } from './service/benchmarks';
import { registryBoard, getSettings, putSettings } from './service/board';
import { createBody, exportBodies, findBodies, getActivity, getBodyDetail, transitionBody, updateBody } from './service/bodies';
import { annualReview, bulkCancel, exportCertificates, findCertificates, getCertificateDetail, issueCertificate, transitionCertificate } from './service/certificates';
import { importOfficers, OFFICER_IMPORT_COLUMNS, officerImportTemplate } from './service/import-officers';
import { abolishItem, createItem, exportItems, findItems, getItemDetail, importItems, ITEM_COLUMNS, transferItems, updateItem } from './service/items';
import { addExam, addTraining, createOfficer, exportOfficers, findOfficers, getOfficerDetail, transitionOfficer, updateOfficer } from './service/officers';
import { writeXlsx } from '../../../kernel';

const TAG = ['行政执法：主体人员与事项'];
const nameParam = z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效');
const withName = idParams.extend({ name: nameParam });
const today = (c: Context<AppEnv>) => toLocalDate(staffCtx(c).now);

/** Staff API of the registry area, mounted at /api/enforcement. */
export const registryRoutes = () => {
  const router = createRouter();
  importRoute(router, '/officers/import', {
    tags: TAG,
    summary: '从 Excel 导入执法人员及证件（任一行有误则全部不写入，返回逐行错误）',
    permission: PERM.import,
    columns: OFFICER_IMPORT_COLUMNS,
    run: ({ ctx, file }) => importOfficers(ctx, file),
  });
  importRoute(router, '/items/import', {
    tags: TAG,
    summary: '从 Excel 导入执法事项（任一行有误则全部不写入）',
    permission: PERM.import,
    columns: ITEM_COLUMNS,
    run: ({ ctx, file }) => importItems(ctx, file),
  });
  return (
    router
      // ── 执法主体 ──
      .openapi(apiRoute('get', '/bodies', { tags: TAG, summary: '执法主体列表', query: bodyFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findBodies(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/bodies/export', { tags: TAG, summary: '导出执法主体', query: bodyFilterSchema, mime: MIME_XLSX }), async (c) =>
        fileResponse(await exportBodies(staffCtx(c), c.req.valid('query')), `执法主体-${today(c)}.xlsx`, MIME_XLSX),
      )
      .openapi(apiRoute('get', '/bodies/board', { tags: TAG, summary: '执法主体人员看板（按数据权限）', query: yearQuery }), async (c) => c.json(await registryBoard(staffCtx(c), c.req.valid('query')), 200))
      .openapi(apiRoute('get', '/bodies/settings', { tags: TAG, summary: '培训学时、法制审核人员比例、证件有效期设置', query: orgQuery }), async (c) => c.json(await getSettings(staffCtx(c), c.req.valid('query').orgId), 200))
      .openapi(apiRoute('put', '/bodies/settings', { tags: TAG, summary: '修改本辖区的设置', body: settingsSchema }), async (c) => c.json(await putSettings(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('post', '/bodies', { tags: TAG, summary: '登记执法主体', body: bodySchema }), async (c) => c.json(await createBody(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/bodies/{id}', { tags: TAG, summary: '执法主体详情', params: idParams }), async (c) => c.json(await getBodyDetail(staffCtx(c), c.req.valid('param').id), 200))
      .openapi(apiRoute('get', '/bodies/{id}/activity', { tags: TAG, summary: '执法主体操作记录', params: idParams }), async (c) => {
        const ctx = staffCtx(c);
        const id = c.req.valid('param').id;
        await getBodyInScope(ctx, id);
        return c.json({ items: await getActivity(ctx, bodyMachine.entity, id) }, 200);
      })
      .openapi(apiRoute('patch', '/bodies/{id}', { tags: TAG, summary: '修改执法主体', params: idParams, body: bodyPatchSchema }), async (c) =>
        c.json(await updateBody(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('post', '/bodies/{id}/transitions/{name}', { tags: TAG, summary: '年度确认、暂停、恢复、取消', params: withName, body: transitionBodySchema }), async (c) => {
        const { id, name } = c.req.valid('param');
        return c.json(await transitionBody(staffCtx(c), id, name, c.req.valid('json')), 200);
      })
      // ── 执法人员 ──
      .openapi(apiRoute('get', '/officers', { tags: TAG, summary: '执法人员列表（身份证号脱敏）', query: officerFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findOfficers(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/officers/export', { tags: TAG, summary: '导出执法人员', query: officerFilterSchema, mime: MIME_XLSX }), async (c) =>
        fileResponse(await exportOfficers(staffCtx(c), c.req.valid('query')), `执法人员-${today(c)}.xlsx`, MIME_XLSX),
      )
      .openapi(fileRoute('get', '/officers/import-template', { tags: TAG, summary: '下载执法人员导入模板', mime: MIME_XLSX }), async (c) => {
        requirePermission(staffCtx(c), PERM.import);
        return fileResponse(await officerImportTemplate(), '执法人员导入模板.xlsx', MIME_XLSX);
      })
      .openapi(apiRoute('post', '/officers', { tags: TAG, summary: '登记执法人员（可同时发证）', body: officerSchema }), async (c) => c.json(await createOfficer(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/officers/{id}', { tags: TAG, summary: '执法人员详情', params: idParams }), async (c) => c.json(await getOfficerDetail(staffCtx(c), c.req.valid('param').id), 200))
      .openapi(apiRoute('get', '/officers/{id}/activity', { tags: TAG, summary: '执法人员操作记录', params: idParams }), async (c) => {
        const ctx = staffCtx(c);
        const id = c.req.valid('param').id;
        await getOfficerInScope(ctx, id);
        return c.json({ items: await getActivity(ctx, officerMachine.entity, id) }, 200);
      })
      .openapi(apiRoute('patch', '/officers/{id}', { tags: TAG, summary: '修改执法人员信息', params: idParams, body: officerPatchSchema }), async (c) =>
        c.json(await updateOfficer(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('post', '/officers/{id}/transitions/{name}', { tags: TAG, summary: '退休、调离、辞退（同时注销其证件）', params: withName, body: transitionBodySchema }), async (c) => {
        const { id, name } = c.req.valid('param');
        return c.json(await transitionOfficer(staffCtx(c), id, name, c.req.valid('json')), 200);
      })
      .openapi(apiRoute('post', '/officers/{id}/trainings', { tags: TAG, summary: '登记培训学时', params: idParams, body: trainingSchema }), async (c) =>
        c.json(await addTraining(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('post', '/officers/{id}/exams', { tags: TAG, summary: '登记执法资格考试结果', params: idParams, body: examSchema }), async (c) =>
        c.json(await addExam(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      // ── 执法证件 ──
      .openapi(apiRoute('get', '/certificates', { tags: TAG, summary: '执法证件列表', query: certificateFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findCertificates(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/certificates/export', { tags: TAG, summary: '导出执法证件', query: certificateFilterSchema, mime: MIME_XLSX }), async (c) =>
        fileResponse(await exportCertificates(staffCtx(c), c.req.valid('query')), `执法证件-${today(c)}.xlsx`, MIME_XLSX),
      )
      .openapi(apiRoute('get', '/certificates/cleanup', { tags: TAG, summary: '应清理的证件（持证人不在岗、过期、年审未通过）', query: certificateFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findCertificates(staffCtx(c), { ...f, cleanup: true }, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/certificates/cleanup/export', { tags: TAG, summary: '导出应清理的证件', query: certificateFilterSchema, mime: MIME_XLSX }), async (c) =>
        fileResponse(await exportCertificates(staffCtx(c), { ...c.req.valid('query'), cleanup: true }), `应清理证件-${today(c)}.xlsx`, MIME_XLSX),
      )
      .openapi(apiRoute('post', '/certificates/cleanup', { tags: TAG, summary: '批量注销证件（清理）', body: bulkCancelSchema }), async (c) => c.json(await bulkCancel(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('post', '/certificates', { tags: TAG, summary: '制发执法证或执法监督证', body: certificateSchema }), async (c) => c.json(await issueCertificate(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/certificates/{id}', { tags: TAG, summary: '证件详情', params: idParams }), async (c) => c.json(await getCertificateDetail(staffCtx(c), c.req.valid('param').id), 200))
      .openapi(apiRoute('get', '/certificates/{id}/activity', { tags: TAG, summary: '证件操作记录', params: idParams }), async (c) => {
        const ctx = staffCtx(c);
        const id = c.req.valid('param').id;
        await getCertificateInScope(ctx, id);
        return c.json({ items: await getActivity(ctx, certificateMachine.entity, id) }, 200);
      })
      .openapi(apiRoute('post', '/certificates/{id}/transitions/{name}', { tags: TAG, summary: '暂扣、发还、注销、吊销', params: withName, body: transitionBodySchema }), async (c) => {
        const { id, name } = c.req.valid('param');
        return c.json(await transitionCertificate(staffCtx(c), id, name, c.req.valid('json')), 200);
      })
      .openapi(apiRoute('post', '/certificates/{id}/annual-review', { tags: TAG, summary: '年审（按年度培训学时与证件状态判定）', params: idParams, body: annualReviewSchema }), async (c) =>
        c.json(await annualReview(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      // ── 执法事项 ──
      .openapi(apiRoute('get', '/items', { tags: TAG, summary: '执法事项目录', query: itemFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findItems(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/items/export', { tags: TAG, summary: '导出执法事项', query: itemFilterSchema, mime: MIME_XLSX }), async (c) =>
        fileResponse(await exportItems(staffCtx(c), c.req.valid('query')), `执法事项-${today(c)}.xlsx`, MIME_XLSX),
      )
      .openapi(fileRoute('get', '/items/import-template', { tags: TAG, summary: '下载执法事项导入模板', mime: MIME_XLSX }), async (c) => {
        requirePermission(staffCtx(c), PERM.import);
        const data = await writeXlsx<Record<string, string>>('执法事项导入模板', ITEM_COLUMNS.map((k) => ({ header: k.header, width: 24, value: (r) => r[k.key] })), [], '事项类别：行政处罚 / 行政许可 / 行政检查 / 行政强制 / 行政征收 / 其他');
        return fileResponse(data, '执法事项导入模板.xlsx', MIME_XLSX);
      })
      .openapi(apiRoute('post', '/items/transfer', { tags: TAG, summary: '事项划转（如划转综合行政执法）', body: itemTransferSchema }), async (c) => c.json(await transferItems(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('post', '/items', { tags: TAG, summary: '登记执法事项', body: itemSchema }), async (c) => c.json(await createItem(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('get', '/items/{id}', { tags: TAG, summary: '执法事项详情（含裁量基准、清单）', params: idParams }), async (c) => c.json(await getItemDetail(staffCtx(c), c.req.valid('param').id), 200))
      .openapi(apiRoute('patch', '/items/{id}', { tags: TAG, summary: '修改执法事项', params: idParams, body: itemPatchSchema }), async (c) =>
        c.json(await updateItem(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('post', '/items/{id}/abolish', { tags: TAG, summary: '废止执法事项（其裁量基准、清单一并废止）', params: idParams, body: abolishSchema }), async (c) =>
        c.json(await abolishItem(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(fileRoute('get', '/items/{id}/benchmark-document', { tags: TAG, summary: '下载裁量基准（供公布，.docx 或 .xlsx）', params: idParams, query: documentQuery, mime: [MIME_DOCX, MIME_XLSX] }), async (c) => {
        const r = await benchmarkDocument(staffCtx(c), c.req.valid('param').id, c.req.valid('query').format);
        return fileResponse(r.data, r.fileName, r.mime === 'docx' ? MIME_DOCX : MIME_XLSX);
      })
      // ── 裁量基准 ──
      .openapi(apiRoute('get', '/benchmarks', { tags: TAG, summary: '裁量基准列表', query: benchmarkFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findBenchmarks(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(apiRoute('post', '/benchmarks', { tags: TAG, summary: '制定裁量基准', body: benchmarkSchema }), async (c) => c.json(await createBenchmark(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('patch', '/benchmarks/{id}', { tags: TAG, summary: '修改裁量基准', params: idParams, body: benchmarkPatchSchema }), async (c) =>
        c.json(await updateBenchmark(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('post', '/benchmarks/{id}/abolish', { tags: TAG, summary: '废止裁量基准（清理）', params: idParams, body: abolishSchema }), async (c) =>
        c.json(await abolishBenchmark(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      // ── 四张清单 ──
      .openapi(apiRoute('get', '/lists', { tags: TAG, summary: '四张清单与首违不罚清单', query: listFilterSchema.extend(pageQuery) }), async (c) => {
        const { page, pageSize, ...f } = c.req.valid('query');
        return c.json(await findListEntries(staffCtx(c), f, { page, pageSize }), 200);
      })
      .openapi(fileRoute('get', '/lists/export', { tags: TAG, summary: '导出清单', query: listFilterSchema, mime: MIME_XLSX }), async (c) =>
        fileResponse(await exportListEntries(staffCtx(c), c.req.valid('query')), `四张清单-${today(c)}.xlsx`, MIME_XLSX),
      )
      .openapi(apiRoute('post', '/lists', { tags: TAG, summary: '新增清单条目', body: listEntrySchema }), async (c) => c.json(await createListEntry(staffCtx(c), c.req.valid('json')), 200))
      .openapi(apiRoute('patch', '/lists/{id}', { tags: TAG, summary: '修改清单条目（含公布）', params: idParams, body: listEntryPatchSchema }), async (c) =>
        c.json(await updateListEntry(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(apiRoute('post', '/lists/{id}/abolish', { tags: TAG, summary: '废止清单条目', params: idParams, body: abolishSchema }), async (c) =>
        c.json(await abolishListEntry(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      // ── 导入（multipart，放在最后） ──
  );
};
