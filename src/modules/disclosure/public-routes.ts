import { z } from '@hono/zod-openapi';
import { apiRoute, createRouter, rateLimit } from '../../kernel';
import { portalRequestSchema } from './contract';
import { getPortalStatus, listPortalOrgs } from './service/portal-status';
import { submitPortalRequest } from './service/register-request';

const TAG = ['门户：政府信息公开'];

/** Public portal API of 依申请公开, mounted at /api/public/disclosure; no login. */
export const disclosurePublicRoutes = () => {
  const router = createRouter();
  // 20 submissions or look-ups a minute per address keeps the portal usable and guessing receipt codes slow.
  router.use('*', rateLimit(20, 60_000));
  return router
    .openapi(apiRoute('get', '/orgs', { tags: TAG, summary: '受理机关列表' }), async (c) => c.json({ items: await listPortalOrgs(c.get('ctx')) }, 200))
    .openapi(apiRoute('post', '/requests', { tags: TAG, summary: '网上提交政府信息公开申请', body: portalRequestSchema }), async (c) => {
      const row = await submitPortalRequest(c.get('ctx'), c.req.valid('json'));
      return c.json({ receiptCode: row.receiptCode, requestNo: row.requestNo, receivedDate: row.receivedDate }, 200);
    })
    .openapi(
      apiRoute('get', '/requests/{receiptCode}', {
        tags: TAG,
        summary: '凭查询码查询办理进度',
        params: z.object({ receiptCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{12}$/, '查询码为 12 位字母或数字') }),
      }),
      async (c) => c.json(await getPortalStatus(c.get('ctx'), c.req.valid('param').receiptCode), 200),
    );
};
