import { and, count, desc, eq, gte, ilike, lte, or } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel';
import type { z } from 'zod';
import type { publicQuerySchema } from '../contract';
import { enforcementPublication } from '../schema';

/**
 * 门户公示查询: only records in 已公示 (withdrawn ones disappear), only the published fields — body, target
 * (natural persons already masked when the record was made), category, decision number, conclusion, dates.
 */
export const findPublished = async (ctx: Ctx, q: z.infer<typeof publicQuerySchema>) => {
  const p = enforcementPublication;
  const where = and(
    eq(p.status, 'published'),
    q.bodyName ? ilike(p.bodyName, `%${q.bodyName}%`) : undefined,
    q.category ? eq(p.category, q.category) : undefined,
    q.from ? gte(p.publishedDate, q.from) : undefined,
    q.to ? lte(p.publishedDate, q.to) : undefined,
    q.q ? or(ilike(p.targetName, `%${q.q}%`), ilike(p.conclusion, `%${q.q}%`), ilike(p.decisionNo, `%${q.q}%`), ilike(p.bodyName, `%${q.q}%`)) : undefined,
  );
  const [{ total }] = (await ctx.db.select({ total: count() }).from(p).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select({ id: p.id, bodyName: p.bodyName, category: p.category, targetName: p.targetName, decisionNo: p.decisionNo, decidedDate: p.decidedDate, conclusion: p.conclusion, publishedDate: p.publishedDate })
    .from(p)
    .where(where)
    .orderBy(desc(p.publishedDate), desc(p.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: Number(total), items };
};
