import { apiRoute, createRouter, rateLimit } from '../../../kernel';
import { publicQuerySchema } from './contract';
import { findPublished } from './service/public-publications';

const TAG = ['门户：行政执法公示'];

/** Public API of the cases area (行政执法公示), mounted at /api/public/enforcement; no login. */
export const casesPublicRoutes = () => {
  const router = createRouter();
  // 60 searches a minute per address: enough to browse, slow for scraping.
  router.use('/publications', rateLimit(60, 60_000));
  return router.openapi(apiRoute('get', '/publications', { tags: TAG, summary: '已公示的行政执法决定（不含自然人个人信息）', query: publicQuerySchema }), async (c) =>
    c.json(await findPublished(c.get('ctx'), c.req.valid('query')), 200),
  );
};
