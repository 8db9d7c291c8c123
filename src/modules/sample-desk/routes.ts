import { z } from '@hono/zod-openapi';
import { apiRoute, createRouter, idParams, pageQuery, staffCtx } from '../../kernel';
import { filterSchema, registerSchema, transitionBodySchema } from './contract';
import { findRecords, getRecordDetail, registerRecord, transitionRecord } from './service/records';

const TAG = ['示例台账'];
const nameParam = z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效');

/** Staff API of 示例台账, mounted at /api/sample-desk. */
export const sampleDeskRoutes = () =>
  createRouter()
    .openapi(apiRoute('get', '/records', { tags: TAG, summary: '列表（按数据权限）', query: filterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await findRecords(staffCtx(c), filter, { page, pageSize }), 200);
    })
    .openapi(apiRoute('post', '/records', { tags: TAG, summary: '登记', body: registerSchema }), async (c) => c.json(await registerRecord(staffCtx(c), c.req.valid('json')), 200))
    .openapi(apiRoute('get', '/records/{id}', { tags: TAG, summary: '详情', params: idParams }), async (c) => c.json(await getRecordDetail(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(
      apiRoute('post', '/records/{id}/transitions/{name}', { tags: TAG, summary: '办理（按状态机）', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
      async (c) => {
        const { id, name } = c.req.valid('param');
        return c.json(await transitionRecord(staffCtx(c), id, name, c.req.valid('json')), 200);
      },
    );

export type SampleDeskRoutes = ReturnType<typeof sampleDeskRoutes>;
