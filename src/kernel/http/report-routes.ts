import { z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/data-scope';
import { toLocalDate } from '../shared/local-date';
import { apiRoute } from './openapi-helpers';
import { createRouter, staffCtx } from './router';
import { statisticCatalog } from '../statistics/statistic-service';

/** 统计: every module's declared annual-report figures, computed under the actor's data scope. */
export const reportRoutes = () =>
  createRouter()
    .openapi(apiRoute('get', '/statistics/catalog', { tags: ['统计报表'], summary: '已声明的统计项目录（供指标、考核项绑定）' }), (c) =>
      c.json({ items: statisticCatalog(staffCtx(c)) }, 200),
    )
    .openapi(
    apiRoute('get', '/statistics', {
      tags: ['统计报表'],
      summary: '年度统计（各模块声明的年度报告数据）',
      query: z.object({
        year: z.coerce.number({ error: '年份须为数字' }).int().min(2000, '年份不早于 2000').max(2100, '年份不晚于 2100').optional(),
        orgId: z.coerce.number({ error: '单位须为数字' }).int().positive('单位无效').optional(),
      }),
    }),
    async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, 'report:read');
      const { year: askedYear, orgId } = c.req.valid('query');
      const year = askedYear ?? Number(toLocalDate(ctx.now).slice(0, 4));
      const sections = new Map<string, { id: string; label: string; unit: string; value: number | null }[]>();
      for (const s of ctx.services.registry.statistics()) {
        const value = await s.compute({ ctx, year, orgId });
        const list = sections.get(s.section) ?? [];
        list.push({ id: s.id, label: s.label, unit: s.unit, value });
        sections.set(s.section, list);
      }
      return c.json({ year, orgId: orgId ?? null, sections: [...sections.entries()].map(([section, items]) => ({ section, items })) }, 200);
    },
  );
