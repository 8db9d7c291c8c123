import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, recordAudit, requirePermission, writeXlsx, type Ctx } from '../../../kernel';
import { assessmentItem } from '../schema';
import { getSchemeInScope, MODULE, PERM } from './access';
import { scopeWhere } from '../../../kernel';

export interface ResultRow {
  orgId: number;
  orgName: string;
  total: number;
  rank: number;
  scored: number;
  scores: Record<string, { id: number; score: number; note: string | null; evidence: string | null; satisfied: number | null; basicallySatisfied: number | null; dissatisfied: number | null }>;
}

/**
 * 考核结果: each assessed unit's total and rank. The rank is a window over every assessed unit of the
 * scheme; the rows are then limited to the reader's scope, so a unit sees its own rank among all.
 */
export const getResults = async (ctx: Ctx, schemeId: number, permission: string = PERM.read) => {
  const scheme = await getSchemeInScope(ctx, schemeId);
  const items = await ctx.db.select().from(assessmentItem).where(eq(assessmentItem.schemeId, schemeId)).orderBy(asc(assessmentItem.sortOrder), asc(assessmentItem.id));
  const rows = await queryRows<{ org_id: number; org_name: string; total: number; rank: number; scored: number; scores: ResultRow['scores'] | null }>(
    ctx.db,
    sql`with totals as (
          select t.org_id, coalesce(sum(s.score), 0)::float as total, count(s.id)::int as scored,
                 rank() over (order by coalesce(sum(s.score), 0) desc)::int as rank
          from assessment_target t
          left join assessment_score s on s.scheme_id = t.scheme_id and s.org_id = t.org_id
          where t.scheme_id = ${schemeId}
          group by t.org_id)
        select x.org_id, o.name as org_name, x.total, x.rank, x.scored,
          (select json_object_agg(s.item_id::text, json_build_object('id', s.id, 'score', s.score::float, 'note', s.note, 'evidence', s.evidence,
                  'satisfied', s.satisfied, 'basicallySatisfied', s.basically_satisfied, 'dissatisfied', s.dissatisfied))
             from assessment_score s where s.scheme_id = ${schemeId} and s.org_id = x.org_id) as scores
        from totals x join org_unit o on o.id = x.org_id
        where ${scopeWhere(ctx.actor, permission, { org: sql`x.org_id` })}
        order by x.rank, o.path`,
  );
  const [all] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from assessment_target where scheme_id = ${schemeId}`);
  return {
    scheme: { id: scheme.id, year: scheme.year, title: scheme.title, status: scheme.status, weightInTarget: scheme.weightInTarget },
    items: items.map((i) => ({ id: i.id, name: i.name, maxScore: i.maxScore, scorer: i.scorer })),
    totalMaxScore: Math.round(items.reduce((s, i) => s + i.maxScore, 0) * 100) / 100,
    targetCount: Number(all?.n ?? 0),
    rows: rows.map(
      (r): ResultRow => ({ orgId: r.org_id, orgName: r.org_name, total: Math.round(Number(r.total) * 100) / 100, rank: Number(r.rank), scored: Number(r.scored), scores: r.scores ?? {} }),
    ),
  };
};

/** 导出考核结果 (.xlsx) within the export scope; audited. */
export const exportResults = async (ctx: Ctx, schemeId: number): Promise<{ fileName: string; data: Buffer }> => {
  requirePermission(ctx, PERM.export);
  const res = await getResults(ctx, schemeId, PERM.export);
  const data = await writeXlsx<ResultRow>(
    '考核结果',
    [
      { header: '排名', width: 8, value: (r) => r.rank },
      { header: '单位', width: 28, value: (r) => r.orgName },
      { header: `总分（满分 ${res.totalMaxScore}）`, width: 14, value: (r) => r.total },
      { header: `折合目标责任制考核分（${res.scheme.weightInTarget}%）`, width: 20, value: (r) => Math.round(r.total * res.scheme.weightInTarget) / 100 },
      ...res.items.map((i) => ({ header: `${i.name}（${i.maxScore}）`, width: 14, value: (r: ResultRow) => r.scores[String(i.id)]?.score ?? '' })),
    ],
    res.rows,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'result.export', module: MODULE, entityType: 'assessment_scheme', entityId: schemeId, after: { rows: res.rows.length } }));
  return { fileName: `${res.scheme.year}年度法治建设考核结果.xlsx`, data };
};
