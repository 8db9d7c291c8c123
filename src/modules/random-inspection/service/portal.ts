import { and, desc, eq, ilike, or, sql } from './sql';
import { type Ctx } from '../../../kernel';
import { OUTCOMES } from '../plan-machine';
import { riDraw, riInspection, riPlan, riResult } from '../schema';
import { orgNameSql } from './access';

/** 公示: published results (target, credit code, items, result, date, unit), searchable by name or credit code. */
export const publicResults = async (ctx: Ctx, f: { q?: string | undefined; year?: number | undefined }, page: { page: number; pageSize: number }) => {
  const where = and(
    eq(riResult.status, 'published'),
    f.year ? eq(riPlan.year, f.year) : undefined,
    f.q ? or(ilike(riInspection.targetName, `%${f.q}%`), ilike(riInspection.creditCode, `%${f.q}%`)) : undefined,
  );
  const base = () => ctx.db.select({ n: sql<number>`count(*)::int` }).from(riResult).innerJoin(riInspection, eq(riInspection.id, riResult.inspectionId)).innerJoin(riPlan, eq(riPlan.id, riResult.planId));
  const [{ n }] = (await base().where(where)) as [{ n: number }];
  const rows = await ctx.db
    .select({
      id: riResult.id,
      targetName: riInspection.targetName,
      creditCode: riInspection.creditCode,
      itemNames: riResult.itemNames,
      outcome: riResult.outcome,
      resultDate: riResult.resultDate,
      publishedDate: riResult.publishedDate,
      orgName: orgNameSql(riResult.orgId),
      planTitle: riPlan.title,
      joint: sql<boolean>`${riPlan.kind} = 'joint'`,
    })
    .from(riResult)
    .innerJoin(riInspection, eq(riInspection.id, riResult.inspectionId))
    .innerJoin(riPlan, eq(riPlan.id, riResult.planId))
    .where(where)
    .orderBy(desc(riResult.publishedDate), desc(riResult.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(n), items: rows.map((r) => ({ ...r, outcomeLabel: OUTCOMES.find((o) => o.value === r.outcome)?.label ?? '' })) };
};

/** 抽取结果公开: for every drawn plan, the current draw's seed, snapshot digest and the drawn targets. */
export const publicDraws = async (ctx: Ctx, f: { q?: string | undefined; year?: number | undefined }) => {
  const rows = await ctx.db
    .select({ planId: riPlan.id, planNo: riPlan.planNo, title: riPlan.title, year: riPlan.year, kind: riPlan.kind, graded: riPlan.graded, orgName: orgNameSql(riPlan.orgId), seq: riDraw.seq, seed: riDraw.seed, snapshotDigest: riDraw.snapshotDigest, drawnAt: riDraw.drawnAt, drawId: riDraw.id })
    .from(riDraw)
    .innerJoin(riPlan, eq(riPlan.id, riDraw.planId))
    .where(and(eq(riDraw.superseded, false), f.year ? eq(riPlan.year, f.year) : undefined, f.q ? or(ilike(riPlan.title, `%${f.q}%`), ilike(riPlan.planNo, `%${f.q}%`)) : undefined))
    .orderBy(desc(riDraw.drawnAt))
    .limit(50);
  const out = [];
  for (const r of rows) {
    const targets = await ctx.db.select({ name: riInspection.targetName, creditCode: riInspection.creditCode }).from(riInspection).where(eq(riInspection.drawId, r.drawId)).orderBy(riInspection.id);
    out.push({ ...r, targets });
  }
  return { items: out };
};
