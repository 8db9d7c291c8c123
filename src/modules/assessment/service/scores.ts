import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError, computeStatistic, orgInScope, orgUnit, recordAudit, validationError, type Ctx, type DbOrTx } from '../../../kernel';
import type { ScoreEntry } from '../contract';
import { autoScore, democraticScore } from '../options';
import { assessmentItem, assessmentScore, assessmentTarget, type AssessmentItemRow } from '../schema';
import { CONFLICT, getSchemeInScope, getSchemeToManage, MODULE, orgScope, PERM, requireSchemeState } from './access';

/** 评分表: items, the assessed units in scope, and their scores. */
export const getScoreGrid = async (ctx: Ctx, schemeId: number) => {
  const scheme = await getSchemeInScope(ctx, schemeId);
  const items = await ctx.db.select().from(assessmentItem).where(eq(assessmentItem.schemeId, schemeId)).orderBy(asc(assessmentItem.sortOrder), asc(assessmentItem.id));
  const targets = await ctx.db
    .select({ orgId: assessmentTarget.orgId, orgName: orgUnit.name })
    .from(assessmentTarget)
    .innerJoin(orgUnit, eq(orgUnit.id, assessmentTarget.orgId))
    .where(and(eq(assessmentTarget.schemeId, schemeId), orgScope(ctx, assessmentTarget.orgId)))
    .orderBy(asc(orgUnit.path));
  const scores = await ctx.db
    .select()
    .from(assessmentScore)
    .where(and(eq(assessmentScore.schemeId, schemeId), orgScope(ctx, assessmentScore.orgId)));
  return { scheme: { id: scheme.id, status: scheme.status, version: scheme.version, year: scheme.year, title: scheme.title }, items, targets, scores };
};

interface Resolved {
  item: AssessmentItemRow;
  orgId: number;
  values: {
    score: number;
    note: string | null;
    evidence: string | null;
    satisfied: number | null;
    basicallySatisfied: number | null;
    dissatisfied: number | null;
    rawValue: number | null;
  };
  version?: number | undefined;
}

/** Inserts or updates one score; an existing score changes only at the version the writer saw. */
const upsertScore = async (tx: DbOrTx, ctx: Ctx, schemeId: number, r: Resolved, requireVersion: boolean) => {
  const [existing] = await tx.select().from(assessmentScore).where(and(eq(assessmentScore.itemId, r.item.id), eq(assessmentScore.orgId, r.orgId)));
  const stamp = { scoredBy: ctx.actor?.id ?? null, scoredAt: ctx.now };
  if (!existing) {
    if (r.version !== undefined) throw CONFLICT();
    const [row] = await tx
      .insert(assessmentScore)
      .values({ schemeId, itemId: r.item.id, orgId: r.orgId, ...r.values, ...stamp })
      .onConflictDoNothing()
      .returning();
    if (!row) throw CONFLICT();
    return { before: null, after: row };
  }
  if (requireVersion && r.version !== existing.version) throw CONFLICT();
  const [row] = await tx
    .update(assessmentScore)
    .set({ ...r.values, ...stamp, version: sql`${assessmentScore.version} + 1` })
    .where(and(eq(assessmentScore.id, existing.id), eq(assessmentScore.version, existing.version)))
    .returning();
  if (!row) throw CONFLICT();
  return { before: existing, after: row };
};

/** Loads and checks a scheme for scoring: published, items and targets of it, units in the manage scope. */
const scoringContext = async (ctx: Ctx, tx: DbOrTx, schemeId: number) => {
  const scheme = await getSchemeToManage(ctx, schemeId, tx);
  requireSchemeState(scheme, ['published'], '评分（方案须已发布且未定稿）');
  const items = await tx.select().from(assessmentItem).where(eq(assessmentItem.schemeId, schemeId));
  const targets = await tx
    .select({ orgId: assessmentTarget.orgId, name: orgUnit.name, path: orgUnit.path })
    .from(assessmentTarget)
    .innerJoin(orgUnit, eq(orgUnit.id, assessmentTarget.orgId))
    .where(eq(assessmentTarget.schemeId, schemeId));
  return { scheme, items, targets };
};

/**
 * 录入评分 (grid per item or per unit): every entry is checked first — item of this scheme and not
 * automatic, unit assessed and in scope, 0 ≤ score ≤ maxScore, 民主测评 counts — then all are written
 * in one transaction, or none (a stale version anywhere answers 409).
 */
export const saveScores = async (ctx: Ctx, schemeId: number, entries: ScoreEntry[]) =>
  ctx.db.transaction(async (tx) => {
    const { items, targets } = await scoringContext(ctx, tx, schemeId);
    const actor = ctx.actor!;
    const problems: { path: string; message: string }[] = [];
    const resolved: Resolved[] = [];
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      const at = (f: string) => `entries.${i}.${f}`;
      const item = items.find((x) => x.id === e.itemId);
      const target = targets.find((t) => t.orgId === e.orgId);
      if (!item) return void problems.push({ path: at('itemId'), message: '考核项目不属于本方案' });
      if (!target || !orgInScope(actor, PERM.manage, { id: target.orgId, path: target.path })) return void problems.push({ path: at('orgId'), message: '该单位不是本方案的被考核单位' });
      const key = `${e.itemId}:${e.orgId}`;
      if (seen.has(key)) return void problems.push({ path: at('itemId'), message: `“${item.name}”对“${target.name}”重复评分` });
      seen.add(key);
      if (item.scorer === 'auto') return void problems.push({ path: at('score'), message: `“${item.name}”为自动取数项目，请使用“自动取数”计算` });
      let score: number;
      let counts = { satisfied: null as number | null, basicallySatisfied: null as number | null, dissatisfied: null as number | null };
      if (item.scorer === 'democratic') {
        if (e.satisfied == null || e.basicallySatisfied == null || e.dissatisfied == null) {
          return void problems.push({ path: at('satisfied'), message: `“${item.name}”为民主测评项目，请填写满意、基本满意、不满意票数` });
        }
        if (e.satisfied + e.basicallySatisfied + e.dissatisfied === 0) return void problems.push({ path: at('satisfied'), message: '测评总票数不能为 0' });
        counts = { satisfied: e.satisfied, basicallySatisfied: e.basicallySatisfied, dissatisfied: e.dissatisfied };
        score = democraticScore(item.maxScore, e.satisfied, e.basicallySatisfied, e.dissatisfied);
      } else {
        if (e.score == null) return void problems.push({ path: at('score'), message: `请填写“${item.name}”的得分` });
        if (e.score > item.maxScore) return void problems.push({ path: at('score'), message: `“${item.name}”得分不能超过满分 ${item.maxScore}` });
        score = e.score;
      }
      resolved.push({ item, orgId: e.orgId, version: e.version, values: { score, note: e.note, evidence: e.evidence, ...counts, rawValue: null } });
    });
    if (problems.length) throw validationError(problems);
    const changed = [];
    for (const r of resolved) {
      const { before, after } = await upsertScore(tx, ctx, schemeId, r, true);
      changed.push({ itemId: r.item.id, orgId: r.orgId, before: before?.score ?? null, after: after.score });
    }
    await recordAudit(tx, ctx, { action: 'score.save', module: MODULE, entityType: 'assessment_scheme', entityId: schemeId, after: { scores: changed } });
    return { saved: resolved.length };
  });

/**
 * 自动取数: each automatic item's statistic for each assessed unit (`computeStatistic` with the unit's
 * subtree), turned into a score by the item's rule and stored with the raw value in the note.
 */
export const computeAutoScores = async (ctx: Ctx, schemeId: number) =>
  ctx.db.transaction(async (tx) => {
    const { scheme, items, targets } = await scoringContext(ctx, tx, schemeId);
    const autos = items.filter((i) => i.scorer === 'auto' && i.statisticId);
    if (autos.length === 0) throw new AppError('INVALID_STATE', '本方案没有自动取数项目');
    const results = [];
    for (const item of autos) {
      for (const t of targets) {
        const { info, value } = await computeStatistic({ ...ctx, db: tx }, item.statisticId!, { year: scheme.year, orgId: t.orgId });
        const { score, note } = autoScore(item, value);
        const valueText = value === null ? '无数据' : `${value}${info.unit}`;
        await upsertScore(
          tx,
          ctx,
          schemeId,
          { item, orgId: t.orgId, values: { score, note: `自动取数：${info.label} ${scheme.year}年 = ${valueText}；${note}`, evidence: null, satisfied: null, basicallySatisfied: null, dissatisfied: null, rawValue: value } },
          false,
        );
        results.push({ itemId: item.id, orgId: t.orgId, orgName: t.name, value, score });
      }
    }
    await recordAudit(tx, ctx, { action: 'score.compute_auto', module: MODULE, entityType: 'assessment_scheme', entityId: schemeId, after: { results } });
    return { computed: results.length, results };
  });

export { upsertScore, scoringContext };
