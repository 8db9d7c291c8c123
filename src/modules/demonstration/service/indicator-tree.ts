import { asc, eq, sql } from 'drizzle-orm';
import { computeStatistic, isDeclaredStatistic, notFound, queryRows, requirePermission, toLocalDate, type Ctx } from '../../../kernel';
import { indicator, type IndicatorRow } from '../schema';
import { PERM, round1 } from './access';
import { ASSIGNMENT_FROM, boardWhere, countColumns, dueSoonLimit, emptyCounts, type AssignmentCounts } from './aggregates';
import { resolveEdition } from './editions';

export interface IndicatorNode extends Omit<IndicatorRow, 'maxScore'> {
  maxScore: number | null;
  /** 得分: 三级 = 分值 × 已销号任务平均评分 / 100; 一级/二级 = sum of children. */
  score: number | null;
  counts: AssignmentCounts;
  /** The bound statistic's current value (live evidence). */
  evidence: { id: string; label: string; unit: string; value: number | null } | null;
  children: IndicatorNode[];
}

/** Per-三级 assignment counts and average score, within the reader's scope. */
const countsBy3 = async (ctx: Ctx, editionId: number, year: number | undefined) => {
  const { today, soon } = await dueSoonLimit(ctx);
  const rows = await queryRows<AssignmentCounts & { indicatorId: number }>(
    ctx.db,
    sql`select t.indicator_id as "indicatorId", ${countColumns(today, soon)} from ${ASSIGNMENT_FROM}
        where ${boardWhere(ctx, editionId, year)} group by t.indicator_id`,
  );
  return new Map(rows.map((r) => [r.indicatorId, r]));
};

const add = (a: AssignmentCounts, b: AssignmentCounts): AssignmentCounts => ({
  total: a.total + b.total,
  closed: a.closed + b.closed,
  inProgress: a.inProgress + b.inProgress,
  submitted: a.submitted + b.submitted,
  overdue: a.overdue + b.overdue,
  dueSoon: a.dueSoon + b.dueSoon,
  closedOnTime: a.closedOnTime + b.closedOnTime,
  avgScore: null,
});

/** The live value of a bound statistic for the current year, under the reader's scope. */
export const evidenceOf = async (ctx: Ctx, statisticId: string | null) => {
  if (!statisticId || !isDeclaredStatistic(ctx, statisticId)) return null;
  const { info, value } = await computeStatistic(ctx, statisticId, { year: Number(toLocalDate(ctx.now).slice(0, 4)) });
  return { id: info.id, label: info.label, unit: info.unit, value };
};

/** 指标体系树 of an edition (default: current) with scores and counts rolled up from 三级 to 一级. */
export const getIndicatorTree = async (ctx: Ctx, args: { editionId?: number | undefined; year?: number | undefined }) => {
  requirePermission(ctx, PERM.read);
  const edition = await resolveEdition(ctx.db, args.editionId);
  const rows = await ctx.db.select().from(indicator).where(eq(indicator.editionId, edition.id)).orderBy(asc(indicator.level), asc(indicator.sortOrder), asc(indicator.id));
  const counts = await countsBy3(ctx, edition.id, args.year);
  const nodes = new Map<number, IndicatorNode>();
  for (const r of rows) {
    nodes.set(r.id, { ...r, maxScore: r.maxScore === null ? null : Number(r.maxScore), score: null, counts: emptyCounts(), evidence: await evidenceOf(ctx, r.statisticId), children: [] });
  }
  const roots: IndicatorNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const byCode = (a: IndicatorNode, b: IndicatorNode) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, 'en', { numeric: true });
  // Post-order roll-up: a leaf's score comes from its closed assignments, a parent's is the sum of its children.
  const rollUp = (n: IndicatorNode): void => {
    n.children.sort(byCode);
    if (n.children.length === 0) {
      const c = counts.get(n.id);
      if (c) n.counts = { ...c, avgScore: round1(c.avgScore) };
      n.score = n.maxScore !== null && c?.avgScore !== null && c?.avgScore !== undefined ? round1((n.maxScore * c.avgScore) / 100) : null;
      return;
    }
    n.children.forEach(rollUp);
    n.counts = n.children.reduce((acc, ch) => add(acc, ch.counts), emptyCounts());
    const scores = n.children.map((ch) => ch.maxScore).filter((v): v is number => v !== null);
    n.maxScore = scores.length ? round1(scores.reduce((a, b) => a + b, 0)) : n.maxScore;
    const got = n.children.map((ch) => ch.score).filter((v): v is number => v !== null);
    n.score = got.length ? round1(got.reduce((a, b) => a + b, 0)) : null;
  };
  roots.sort(byCode).forEach(rollUp);
  const total = {
    maxScore: round1(roots.reduce((a, r) => a + (r.maxScore ?? 0), 0)),
    score: round1(roots.reduce((a, r) => a + (r.score ?? 0), 0)),
    level1: rows.filter((r) => r.level === 1).length,
    level2: rows.filter((r) => r.level === 2).length,
    level3: rows.filter((r) => r.level === 3).length,
    unconfirmed: rows.filter((r) => !r.confirmed).length,
  };
  return { edition, total, items: roots };
};

/** One indicator with its live evidence. */
export const getIndicator = async (ctx: Ctx, id: number) => {
  requirePermission(ctx, PERM.read);
  const [row] = await ctx.db.select().from(indicator).where(eq(indicator.id, id));
  if (!row) throw notFound('指标');
  return { ...row, maxScore: row.maxScore === null ? null : Number(row.maxScore), evidence: await evidenceOf(ctx, row.statisticId) };
};
