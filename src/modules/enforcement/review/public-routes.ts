import { z } from '@hono/zod-openapi';
import { apiRoute, createRouter, rateLimit } from '../../../kernel';
import { portalComplaintSchema } from './contract';
import { getPortalComplaintStatus, listPortalBodies, submitPortalComplaint } from './service/complaints';

const TAG = ['门户：行政执法投诉'];

/** Public API of the review area, mounted at /api/public/enforcement: 网上投诉 and its status; no login. */
export const reviewPublicRoutes = () => {
  const router = createRouter();
  // As disclosure's portal: 20 submissions or look-ups a minute per address keeps guessing receipt codes slow.
  router.use('/complaint*', rateLimit(20, 60_000));
  return router
    .openapi(apiRoute('get', '/complaint-bodies', { tags: TAG, summary: '可投诉的行政执法主体' }), async (c) => c.json(await listPortalBodies(c.get('ctx')), 200))
    .openapi(apiRoute('post', '/complaints', { tags: TAG, summary: '网上投诉行政执法行为', body: portalComplaintSchema }), async (c) => {
      const row = await submitPortalComplaint(c.get('ctx'), c.req.valid('json'));
      return c.json({ receiptCode: row.receiptCode, complaintNo: row.complaintNo, receivedDate: row.receivedDate }, 200);
    })
    .openapi(
      apiRoute('get', '/complaints/{receiptCode}', {
        tags: TAG,
        summary: '凭查询码查询投诉办理进度',
        params: z.object({ receiptCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{12}$/, '查询码为 12 位字母或数字') }),
      }),
      async (c) => c.json(await getPortalComplaintStatus(c.get('ctx'), c.req.valid('param').receiptCode), 200),
    );
};
