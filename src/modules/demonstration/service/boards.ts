import { sql } from 'drizzle-orm';
import { queryRows, requirePermission, type Ctx } from '../../../kernel';
import { PERM, round1, scopeOn } from './access';
import { ASSIGNMENT_FROM, boardWhere, countColumns, dueSoonLimit, onTimeRate, type AssignmentCounts } from './aggregates';
import { resolveEdition } from './editions';

interface BoardArgs {
  editionId?: number | undefined;
  year?: number | undefined;
}

/** 挂图作战（按指标）: counts per 一级 and per 二级 indicator, within the reader's scope. */
export const indicatorBoard = async (ctx: Ctx, args: BoardArgs) => {
  requirePermission(ctx, PERM.read);
  const edition = await resolveEdition(ctx.db, args.editionId);
  const { today, soon } = await dueSoonLimit(ctx);
  const by = async (level: 1 | 2) =>
    queryRows<AssignmentCounts & { indicatorId: number; code: string; name: string }>(
      ctx.db,
      sql`select g.id as "indicatorId", g.code, g.name, ${countColumns(today, soon)}
          from ${ASSIGNMENT_FROM}
          join indicator i3 on i3.id = t.indicator_id
          join indicator i2 on i2.id = i3.parent_id
          join indicator g on g.id = ${level === 2 ? sql`i2.id` : sql`i2.parent_id`}
          where ${boardWhere(ctx, edition.id, args.year)}
          group by g.id, g.code, g.name, g.sort_order
          order by g.sort_order, g.id`,
    );
  const shape = (rows: Awaited<ReturnType<typeof by>>) => rows.map((r) => ({ ...r, avgScore: round1(r.avgScore), onTimeRate: onTimeRate(r) }));
  return { edition: { id: edition.id, code: edition.code, name: edition.name }, level1: shape(await by(1)), level2: shape(await by(2)) };
};

/** 挂图作战（按单位）: counts per responsible unit with the on-time close rate, within the reader's scope. */
export const unitBoard = async (ctx: Ctx, args: BoardArgs) => {
  requirePermission(ctx, PERM.read);
  const edition = await resolveEdition(ctx.db, args.editionId);
  const { today, soon } = await dueSoonLimit(ctx);
  const rows = await queryRows<AssignmentCounts & { orgId: number; orgName: string }>(
    ctx.db,
    sql`select a.org_id as "orgId", (select name from org_unit o where o.id = a.org_id) as "orgName", ${countColumns(today, soon)}
        from ${ASSIGNMENT_FROM}
        where ${boardWhere(ctx, edition.id, args.year)}
        group by a.org_id
        order by count(*) filter (where c.due_date < ${today}) desc, a.org_id`,
  );
  return { items: rows.map((r) => ({ ...r, avgScore: round1(r.avgScore), onTimeRate: onTimeRate(r) })) };
};

/**
 * 横向排名: every unit with assignments ranked in SQL (window function) by average 销号 score, then
 * on-time rate — over ALL units — and only then filtered by the reader's scope, so a liaison sees its own
 * row with its rank among all units.
 */
export const unitRanking = async (ctx: Ctx, args: BoardArgs) => {
  requirePermission(ctx, PERM.read);
  const edition = await resolveEdition(ctx.db, args.editionId);
  const rows = await queryRows<{ orgId: number; orgName: string; total: number; closed: number; closedOnTime: number; avgScore: number | null; onTimeRate: number | null; rank: number; units: number }>(
    ctx.db,
    sql`with per_unit as (
          select a.org_id, count(*)::int as total,
            count(*) filter (where a.status = 'closed')::int as closed,
            count(*) filter (where a.status = 'closed' and cs.stopped_on <= cs.due_date)::int as closed_on_time,
            (avg(a.score) filter (where a.status = 'closed'))::float as avg_score
          from ${ASSIGNMENT_FROM}
          where a.status <> 'cancelled' and t.edition_id = ${edition.id}${args.year ? sql` and t.year = ${args.year}` : sql``}
          group by a.org_id),
        ranked as (
          select p.*, case when p.closed = 0 then null else round(100.0 * p.closed_on_time / p.closed, 1)::float end as on_time_rate,
            rank() over (order by p.avg_score desc nulls last,
                                  case when p.closed = 0 then null else p.closed_on_time::float / p.closed end desc nulls last)::int as rank,
            count(*) over ()::int as units
          from per_unit p)
        select r.org_id as "orgId", (select name from org_unit o where o.id = r.org_id) as "orgName", r.total, r.closed,
          r.closed_on_time as "closedOnTime", r.avg_score as "avgScore", r.on_time_rate as "onTimeRate", r.rank, r.units
        from ranked r
        where ${scopeOn(ctx, sql`r.org_id`, PERM.read)}
        order by r.rank, r.org_id`,
  );
  return { items: rows.map((r) => ({ ...r, avgScore: round1(r.avgScore) })) };
};

/** 未按时报送: units whose open assignments are overdue or have had no report for 30 days, within scope. */
export const lateReporters = async (ctx: Ctx, args: BoardArgs) => {
  requirePermission(ctx, PERM.read);
  const edition = await resolveEdition(ctx.db, args.editionId);
  const { today } = await dueSoonLimit(ctx);
  const staleBefore = new Date(ctx.now.getTime() - 30 * 86_400_000);
  const rows = await queryRows<{ orgId: number; orgName: string; overdue: number; stale: number; lastReportedAt: string | null }>(
    ctx.db,
    sql`select a.org_id as "orgId", (select name from org_unit o where o.id = a.org_id) as "orgName",
          count(*) filter (where c.due_date < ${today})::int as overdue,
          count(*) filter (where coalesce(a.last_reported_at, a.created_at) < ${staleBefore.toISOString()})::int as stale,
          max(a.last_reported_at) as "lastReportedAt"
        from ${ASSIGNMENT_FROM}
        where ${boardWhere(ctx, edition.id, args.year)} and a.status in ('in_progress', 'returned')
        group by a.org_id
        having count(*) filter (where c.due_date < ${today}) > 0
            or count(*) filter (where coalesce(a.last_reported_at, a.created_at) < ${staleBefore.toISOString()}) > 0
        order by 3 desc, 4 desc, a.org_id`,
  );
  return { items: rows };
};
