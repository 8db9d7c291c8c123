import { apiRoute, createRouter, rateLimit } from '../../../kernel';
import { orgQuery, publicQuery } from './contract';
import { publicBenchmarks, publicBodies, publicListEntries } from './service/public';

const TAG = ['门户：行政执法公示'];

/** Public API of the registry area, mounted at /api/public/enforcement: 执法主体, 裁量基准 and 四张清单 as published. */
export const registryPublicRoutes = () => {
  const router = createRouter();
  // 60 look-ups a minute per address: enough for browsing, slow for scraping.
  // Paths named one by one: a '*' here would also limit the other areas' public routes mounted beside these.
  const limit = rateLimit(60, 60_000);
  for (const path of ['/bodies', '/benchmarks', '/lists']) router.use(path, limit);
  return router
    .openapi(apiRoute('get', '/bodies', { tags: TAG, summary: '行政执法主体公示', query: orgQuery }), async (c) => c.json(await publicBodies(c.get('ctx'), c.req.valid('query')), 200))
    .openapi(apiRoute('get', '/benchmarks', { tags: TAG, summary: '行政裁量权基准公示（行政处罚法第三十四条）', query: publicQuery }), async (c) => c.json(await publicBenchmarks(c.get('ctx'), c.req.valid('query')), 200))
    .openapi(apiRoute('get', '/lists', { tags: TAG, summary: '四张清单与首违不罚清单公示（行政处罚法第三十三条）', query: publicQuery }), async (c) => c.json(await publicListEntries(c.get('ctx'), c.req.valid('query')), 200));
};
