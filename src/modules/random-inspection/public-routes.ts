import { apiRoute, createRouter, pageQuery, rateLimit } from '../../kernel';
import { portalQuery } from './contract';
import { publicDraws, publicResults } from './service/portal';

const TAG = ['门户：双随机一公开'];

/** Public portal API of 双随机一公开, mounted at /api/public/random-inspection; no login. */
export const randomInspectionPublicRoutes = () => {
  const router = createRouter();
  router.use('*', rateLimit(60, 60_000));
  return router
    .openapi(apiRoute('get', '/results', { tags: TAG, summary: '已公示的抽查结果（可按名称、统一社会信用代码查询）', query: portalQuery.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...f } = c.req.valid('query');
      return c.json(await publicResults(c.get('ctx'), f, { page, pageSize }), 200);
    })
    .openapi(apiRoute('get', '/draws', { tags: TAG, summary: '抽取结果公开：抽取种子、名录快照摘要与抽中的检查对象', query: portalQuery }), async (c) => c.json(await publicDraws(c.get('ctx'), c.req.valid('query')), 200));
};
