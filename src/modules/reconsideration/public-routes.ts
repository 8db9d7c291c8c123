import { z } from '@hono/zod-openapi';
import { apiRoute, createRouter, rateLimit } from '../../kernel';
import { applicationSchema } from './contract';
import { getPortalStatus, listPortalOrgs } from './service/portal-status';
import { submitPortalApplication } from './service/register-case';

const TAG = ['门户：行政复议'];

/** Public portal API of 行政复议, mounted at /api/public/reconsideration; no login. */
export const reconsiderationPublicRoutes = () => {
  const router = createRouter();
  // 20 submissions or look-ups a minute per address keeps the portal usable and guessing receipt codes slow.
  router.use('*', rateLimit(20, 60_000));
  return router
    .openapi(apiRoute('get', '/orgs', { tags: TAG, summary: '行政复议机构与可选的被申请人' }), async (c) => c.json(await listPortalOrgs(c.get('ctx')), 200))
    .openapi(apiRoute('post', '/cases', { tags: TAG, summary: '网上提交行政复议申请（第二十二条）', body: applicationSchema }), async (c) => {
      const row = await submitPortalApplication(c.get('ctx'), c.req.valid('json'));
      return c.json({ receiptCode: row.receiptCode, caseNo: row.caseNo, receivedDate: row.receivedDate }, 200);
    })
    .openapi(
      apiRoute('get', '/cases/{receiptCode}', {
        tags: TAG,
        summary: '凭查询码查询办理状态',
        params: z.object({ receiptCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{12}$/, '查询码为 12 位字母或数字') }),
      }),
      async (c) => c.json(await getPortalStatus(c.get('ctx'), c.req.valid('param').receiptCode), 200),
    );
};
