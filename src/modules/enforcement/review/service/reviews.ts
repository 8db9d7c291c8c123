import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { AppError, applyTransition, type Ctx, type DbOrTx, fieldError, historyOf, orgUnit, permissionCode, recordAudit, requirePermission, toLocalDate, validationError, writeXlsx } from '../../../../kernel';
import { allowedTransitions, toTransitionView } from '../../../../kernel/shared/define-machine';
import { enforcementCase } from '../../cases/schema';
import { enforcementBody } from '../../registry/schema';
import type { CreateReviewInput, FileFilter, ReviewFilter, SampleInput, ScoreFileInput, UpdateSheetInput } from '../contract';
import { DEFAULT_SHEET, GRADES, REVIEW_KINDS, reviewMachine, SHEET_CATEGORIES } from '../review-machine';
import { enforcementReview, enforcementReviewFile, enforcementReviewProblem, type ReviewRow, type SheetItem } from '../schema';
import { requireSupervisionCerts } from './supervision-certificates';
import { actsOn, bodyForWrite, bodyNameSql, fileScope, getReviewInScope, labelOf, MODULE, orgNameSql, PERM, reviewOrganiserInScope, reviewScope, reviewTable } from './access';

const fail = fieldError;

/** 等次 of a total under the campaign's thresholds. */
export const gradeOf = (total: number, r: Pick<ReviewRow, 'excellentMin' | 'passMin'>): 'excellent' | 'pass' | 'fail' =>
  total >= r.excellentMin ? 'excellent' : total >= r.passMin ? 'pass' : 'fail';

/** 新建评查活动 (draft), organised by the actor's unit; target bodies must lie in the actor's review scope. */
export const createReview = async (ctx: Ctx, input: CreateReviewInput) => {
  const actor = requirePermission(ctx, PERM.review);
  return ctx.db.transaction(async (tx) => {
    const ids = [...new Set(input.bodyIds)];
    for (const id of ids) await bodyForWrite(ctx, actor, id, PERM.review, tx);
    const [row] = await tx
      .insert(enforcementReview)
      .values({
        orgId: actor.orgId,
        year: input.year,
        title: input.title,
        kind: input.kind,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        bodyIds: ids,
        sheet: input.sheet ?? DEFAULT_SHEET,
        excellentMin: input.excellentMin,
        passMin: input.passMin,
        status: reviewMachine.initial,
        createdBy: actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'review.create', module: MODULE, entityType: reviewMachine.entity, entityId: row!.id, after: { title: input.title, kind: input.kind, bodies: ids.length } });
    return row!;
  });
};

const organiserRow = async (ctx: Ctx, id: number, tx: DbOrTx) => {
  requirePermission(ctx, PERM.review);
  const row = await getReviewInScope(ctx, id, tx, PERM.read);
  if (!(await reviewOrganiserInScope(ctx, id, tx))) throw new AppError('FORBIDDEN', '只有组织评查的司法行政机关可以进行此操作');
  return row;
};

/** 评查标准: editable while the campaign is in draft; a stale version loses with 409. */
export const updateSheet = async (ctx: Ctx, id: number, input: UpdateSheetInput) =>
  ctx.db.transaction(async (tx) => {
    const row = await organiserRow(ctx, id, tx);
    if (row.status !== 'draft') throw new AppError('INVALID_STATE', '评查标准只能在筹备阶段修改');
    const [updated] = await tx
      .update(enforcementReview)
      .set({ sheet: input.sheet, excellentMin: input.excellentMin, passMin: input.passMin, version: sql`${enforcementReview.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(enforcementReview.id, id), eq(enforcementReview.version, input.version)))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '记录已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await recordAudit(tx, ctx, { action: 'review.sheet', module: MODULE, entityType: reviewMachine.entity, entityId: id, before: { sheet: row.sheet }, after: { sheet: input.sheet } });
    return updated;
  });

/** Cases a campaign may sample: decided within its period by one of its target bodies. */
const candidates = (tx: DbOrTx, row: ReviewRow, bodyIds: number[] = row.bodyIds) =>
  tx
    .select({ id: enforcementCase.id, bodyId: enforcementCase.bodyId, orgId: enforcementCase.orgId })
    .from(enforcementCase)
    .where(
      and(
        inArray(enforcementCase.bodyId, bodyIds.length ? bodyIds : [0]),
        isNotNull(enforcementCase.decidedDate),
        gte(enforcementCase.decidedDate, row.periodFrom),
        lte(enforcementCase.decidedDate, row.periodTo),
      ),
    )
    .orderBy(asc(enforcementCase.id));

/**
 * 随机抽取: per body, the cases ordered by SHA-256(seed:caseId) and the first N taken. The same seed over the
 * same cases gives the same sample, so anyone can re-draw and verify it.
 */
export const drawSample = (seed: string, cases: readonly { id: number; bodyId: number }[], perBody: number): number[] => {
  const key = (id: number) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  const byBody = new Map<number, { id: number; k: string }[]>();
  for (const c of cases) {
    const list = byBody.get(c.bodyId) ?? [];
    list.push({ id: c.id, k: key(c.id) });
    byBody.set(c.bodyId, list);
  }
  const out: number[] = [];
  for (const list of byBody.values()) out.push(...list.sort((a, b) => a.k.localeCompare(b.k)).slice(0, perBody).map((x) => x.id));
  return out.sort((a, b) => a - b);
};

/** 抽取案卷: random (replaces the earlier random draw) or manual (adds the picked cases). */
export const sampleFiles = async (ctx: Ctx, id: number, input: SampleInput) =>
  ctx.db.transaction(async (tx) => {
    const row = await organiserRow(ctx, id, tx);
    if (row.status !== 'sampling') throw new AppError('INVALID_STATE', '只能在“抽取案卷”阶段抽取或指定案卷');
    const all = await candidates(tx, row);
    let picked: { id: number; bodyId: number; orgId: number }[];
    let seed: string | null = row.sampleSeed;
    if (input.mode === 'random') {
      seed = input.seed ?? randomBytes(8).toString('hex');
      const ids = new Set(drawSample(seed, all, input.perBody!));
      picked = all.filter((c) => ids.has(c.id));
      await tx.delete(enforcementReviewFile).where(and(eq(enforcementReviewFile.reviewId, id), eq(enforcementReviewFile.picked, 'random')));
    } else {
      const allowed = new Map(all.map((c) => [c.id, c]));
      const bad = input.caseIds!.filter((c) => !allowed.has(c));
      if (bad.length) fail('caseIds', `案卷 ${bad.join('、')} 不属于评查对象或不在评查期间内作出决定`);
      picked = input.caseIds!.map((c) => allowed.get(c)!);
    }
    const existing = new Set((await tx.select({ caseId: enforcementReviewFile.caseId }).from(enforcementReviewFile).where(eq(enforcementReviewFile.reviewId, id))).map((f) => f.caseId));
    const fresh = picked.filter((c) => !existing.has(c.id));
    if (fresh.length) {
      await tx.insert(enforcementReviewFile).values(fresh.map((c) => ({ reviewId: id, orgId: c.orgId, bodyId: c.bodyId, caseId: c.id, picked: input.mode, updatedAt: ctx.now })));
    }
    const [updated] = await tx
      .update(enforcementReview)
      .set({
        ...(input.mode === 'random' ? { sampleSeed: seed, samplePerBody: input.perBody! } : {}),
        version: sql`${enforcementReview.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(and(eq(enforcementReview.id, id), eq(enforcementReview.version, input.version)))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '记录已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await recordAudit(tx, ctx, { action: 'review.sample', module: MODULE, entityType: reviewMachine.entity, entityId: id, after: { mode: input.mode, seed, perBody: input.perBody ?? null, added: fresh.length } });
    return { review: updated, added: fresh.length, seed };
  });

/** 复核抽样: re-draws the random sample with the recorded seed and compares it with the files on record. */
export const verifySample = async (ctx: Ctx, id: number) => {
  const row = await getReviewInScope(ctx, id);
  if (!row.sampleSeed || !row.samplePerBody) return { seed: null, perBody: null, matches: null, expected: [], recorded: [] };
  const all = await candidates(ctx.db, row);
  const expected = drawSample(row.sampleSeed, all, row.samplePerBody);
  const recorded = (await ctx.db.select({ caseId: enforcementReviewFile.caseId }).from(enforcementReviewFile).where(and(eq(enforcementReviewFile.reviewId, id), eq(enforcementReviewFile.picked, 'random'))))
    .map((f) => f.caseId)
    .sort((a, b) => a - b);
  return { seed: row.sampleSeed, perBody: row.samplePerBody, matches: JSON.stringify(expected) === JSON.stringify(recorded), expected, recorded };
};

const checkScores = (sheet: SheetItem[], scores: Record<string, number>) => {
  const problems: { path: string; message: string }[] = [];
  for (const item of sheet) {
    const v = scores[item.key];
    if (v === undefined) problems.push({ path: `scores.${item.key}`, message: `请为“${item.title}”打分` });
    else if (v > item.maxPoints) problems.push({ path: `scores.${item.key}`, message: `“${item.title}”得分不能超过 ${item.maxPoints} 分` });
  }
  for (const k of Object.keys(scores)) if (!sheet.some((i) => i.key === k)) problems.push({ path: `scores.${k}`, message: `评查标准中没有编号为“${k}”的项目` });
  if (problems.length) throw validationError(problems);
  return sheet.reduce((a, i) => a + (scores[i.key] ?? 0), 0);
};

const loadFile = async (ctx: Ctx, fileId: number, tx: DbOrTx) => {
  const [hit] = await tx
    .select({ file: enforcementReviewFile, review: enforcementReview })
    .from(enforcementReviewFile)
    .innerJoin(enforcementReview, eq(enforcementReview.id, enforcementReviewFile.reviewId))
    .where(and(eq(enforcementReviewFile.id, fileId), fileScope(ctx)));
  if (!hit) throw new AppError('NOT_FOUND', '评查案卷不存在或无权查看');
  return hit;
};

/**
 * 评查打分 by the organiser's reviewers: every sheet item scored within its points, at least two reviewers
 * (《山东省行政执法监督条例》第二十二条: 监督人员不少于两人), the problems found; total and grade follow.
 */
export const scoreFile = async (ctx: Ctx, fileId: number, input: ScoreFileInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx, PERM.review);
    const { file, review } = await loadFile(ctx, fileId, tx);
    if (!(await reviewOrganiserInScope(ctx, review.id, tx))) throw new AppError('FORBIDDEN', '只有组织评查的司法行政机关可以打分');
    if (review.status !== 'scoring') throw new AppError('INVALID_STATE', review.status === 'finished' ? '评查已完成，结果已冻结' : '评查活动尚未进入打分阶段');
    const reviewers = [...new Set((input.reviewers ?? []).map((r) => r.trim()))];
    if (reviewers.length < 2) fail('reviewers', '评查人员不少于两人（《山东省行政执法监督条例》第二十二条）');
    const today = toLocalDate(ctx.now);
    await requireSupervisionCerts(tx, 'reviewers', reviewers, today, '评查人员');
    const total = checkScores(review.sheet, input.scores);
    input.problems.forEach((p, i) => {
      if (p.itemKey && !review.sheet.some((s) => s.key === p.itemKey)) fail(`problems.${i}.itemKey`, `评查标准中没有编号为“${p.itemKey}”的项目`);
    });
    const grade = gradeOf(total, review);
    const [updated] = await tx
      .update(enforcementReviewFile)
      .set({ scores: input.scores, total, grade, reviewers, comment: input.comment, scoredDate: today, scoredBy: ctx.actor!.id, version: sql`${enforcementReviewFile.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(enforcementReviewFile.id, fileId), eq(enforcementReviewFile.version, input.version)))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '该案卷已被他人打分或修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await tx.delete(enforcementReviewProblem).where(eq(enforcementReviewProblem.fileId, fileId));
    if (input.problems.length) {
      await tx.insert(enforcementReviewProblem).values(input.problems.map((p) => ({ fileId, reviewId: review.id, orgId: file.orgId, category: p.category, itemKey: p.itemKey, description: p.description, createdAt: ctx.now })));
    }
    await recordAudit(tx, ctx, { action: 'review.score', module: MODULE, entityType: reviewMachine.entity, entityId: review.id, after: { fileId, total, grade, problems: input.problems.length } });
    return updated;
  });

/** 自查打分: in a self-review the body scores its own files (report permission over the file's unit). */
export const selfScoreFile = async (ctx: Ctx, fileId: number, input: Pick<ScoreFileInput, 'version' | 'scores' | 'comment'>) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx, PERM.report);
    const { file, review } = await loadFile(ctx, fileId, tx);
    if (!(await actsOn(ctx, PERM.report, file.orgId, tx))) throw new AppError('FORBIDDEN', '只能对本单位的案卷自查打分');
    if (review.kind !== 'self') throw new AppError('INVALID_STATE', '只有自查活动由执法主体自行打分');
    if (review.status !== 'scoring') throw new AppError('INVALID_STATE', review.status === 'finished' ? '评查已完成，结果已冻结' : '评查活动尚未进入打分阶段');
    const selfTotal = checkScores(review.sheet, input.scores);
    const [updated] = await tx
      .update(enforcementReviewFile)
      .set({
        selfScores: input.scores,
        selfTotal,
        selfScoredDate: toLocalDate(ctx.now),
        // The grade follows the supervisor's spot-check when there is one.
        grade: file.total === null ? gradeOf(selfTotal, review) : file.grade,
        version: sql`${enforcementReviewFile.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(and(eq(enforcementReviewFile.id, fileId), eq(enforcementReviewFile.version, input.version)))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '该案卷已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await recordAudit(tx, ctx, { action: 'review.self_score', module: MODULE, entityType: reviewMachine.entity, entityId: review.id, after: { fileId, selfTotal } });
    return updated;
  });

/** 流转 of a campaign (organiser only); finishing needs every file scored. */
export const transitionReview = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) =>
  ctx.db.transaction(async (tx) => {
    const row = await getReviewInScope(ctx, id, tx, PERM.read);
    const today = toLocalDate(ctx.now);
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: reviewMachine,
      target: reviewTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      todoTitle: row.title,
      link: `/enforcement/reviews/${id}`,
      guard: async ({ input }) => {
        if (!(await reviewOrganiserInScope(ctx, id, tx))) throw new AppError('FORBIDDEN', '只有组织评查的司法行政机关可以进行此操作');
        if (name === 'startScoring') {
          const [n] = await tx.select({ n: count() }).from(enforcementReviewFile).where(eq(enforcementReviewFile.reviewId, id));
          if (!n || Number(n.n) === 0) throw new AppError('INVALID_STATE', '尚未抽取或指定任何案卷', { details: { reason: 'no_files' } });
        }
        if (name === 'finish') {
          const d = input.finishedDate as string;
          if (d > today) fail('finishedDate', '日期不能晚于今天');
          const scoredCol = row.kind === 'self' ? enforcementReviewFile.selfTotal : enforcementReviewFile.total;
          const [n] = await tx
            .select({ n: count() })
            .from(enforcementReviewFile)
            .where(and(eq(enforcementReviewFile.reviewId, id), sql`${scoredCol} is null`));
          if (n && Number(n.n) > 0) throw new AppError('INVALID_STATE', `还有 ${n.n} 卷案卷未${row.kind === 'self' ? '完成自查打分' : '打分'}`, { details: { reason: 'unscored' } });
        }
      },
    });
  });

/** The outer review's id, qualified: a bare column inside a subquery would bind to the subquery's own table. */
const REVIEW_ID = sql.raw('"enforcement_review"."id"');

export const reviewListColumns = {
  id: enforcementReview.id,
  orgId: enforcementReview.orgId,
  orgName: orgNameSql(enforcementReview.orgId),
  year: enforcementReview.year,
  title: enforcementReview.title,
  kind: enforcementReview.kind,
  periodFrom: enforcementReview.periodFrom,
  periodTo: enforcementReview.periodTo,
  status: enforcementReview.status,
  finishedDate: enforcementReview.finishedDate,
  files: sql<number>`(select count(*)::int from enforcement_review_file f where f.review_id = ${REVIEW_ID})`,
  scored: sql<number>`(select count(*)::int from enforcement_review_file f where f.review_id = ${REVIEW_ID} and coalesce(f.total, f.self_total) is not null)`,
  average: sql<number | null>`(select round(avg(coalesce(f.total, f.self_total)), 1)::float from enforcement_review_file f where f.review_id = ${REVIEW_ID})`,
};

export const findReviews = async (ctx: Ctx, f: ReviewFilter, page: { page: number; pageSize: number }) => {
  requirePermission(ctx, PERM.read);
  const where = and(
    reviewScope(ctx),
    f.year ? eq(enforcementReview.year, f.year) : undefined,
    f.kind ? eq(enforcementReview.kind, f.kind) : undefined,
    f.status ? eq(enforcementReview.status, f.status) : undefined,
    f.q ? ilike(enforcementReview.title, `%${f.q}%`) : undefined,
  );
  const [t] = await ctx.db.select({ n: count() }).from(enforcementReview).where(where);
  const items = await ctx.db
    .select(reviewListColumns)
    .from(enforcementReview)
    .where(where)
    .orderBy(desc(enforcementReview.year), desc(enforcementReview.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(t?.n ?? 0), items };
};

const fileColumns = {
  id: enforcementReviewFile.id,
  reviewId: enforcementReviewFile.reviewId,
  orgId: enforcementReviewFile.orgId,
  bodyId: enforcementReviewFile.bodyId,
  bodyName: bodyNameSql(enforcementReviewFile.bodyId),
  caseId: enforcementReviewFile.caseId,
  caseNo: enforcementCase.caseNo,
  caseTitle: enforcementCase.title,
  decidedDate: enforcementCase.decidedDate,
  picked: enforcementReviewFile.picked,
  scores: enforcementReviewFile.scores,
  total: enforcementReviewFile.total,
  grade: enforcementReviewFile.grade,
  reviewers: enforcementReviewFile.reviewers,
  scoredDate: enforcementReviewFile.scoredDate,
  selfScores: enforcementReviewFile.selfScores,
  selfTotal: enforcementReviewFile.selfTotal,
  comment: enforcementReviewFile.comment,
  version: enforcementReviewFile.version,
};

/** Files within scope (the organiser's or the reviewed body's), with their case and problems. */
export const findFiles = async (ctx: Ctx, f: FileFilter, permission: string = PERM.read, limit = 5000) => {
  requirePermission(ctx, permission);
  const rows = await ctx.db
    .select({ ...fileColumns, reviewTitle: enforcementReview.title, year: enforcementReview.year })
    .from(enforcementReviewFile)
    .innerJoin(enforcementCase, eq(enforcementCase.id, enforcementReviewFile.caseId))
    .innerJoin(enforcementReview, eq(enforcementReview.id, enforcementReviewFile.reviewId))
    .where(
      and(
        fileScope(ctx, permission),
        f.reviewId ? eq(enforcementReviewFile.reviewId, f.reviewId) : undefined,
        f.bodyId ? eq(enforcementReviewFile.bodyId, f.bodyId) : undefined,
        f.grade ? eq(enforcementReviewFile.grade, f.grade) : undefined,
        f.year ? eq(enforcementReview.year, f.year) : undefined,
      ),
    )
    .orderBy(asc(enforcementReviewFile.bodyId), asc(enforcementReviewFile.id))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const problems = ids.length ? await ctx.db.select().from(enforcementReviewProblem).where(inArray(enforcementReviewProblem.fileId, ids)).orderBy(asc(enforcementReviewProblem.id)) : [];
  return rows.map((r) => ({ ...r, problems: problems.filter((p) => p.fileId === r.id) }));
};

type FileView = Awaited<ReturnType<typeof findFiles>>[number];

/** 评查结果 per body: files, average, grade counts, problems by category; ranked by average. */
export const resultsByBody = (files: FileView[]) => {
  const by = new Map<number, FileView[]>();
  for (const f of files) by.set(f.bodyId, [...(by.get(f.bodyId) ?? []), f]);
  const rows = [...by.entries()].map(([bodyId, list]) => {
    const scored = list.map((f) => f.total ?? f.selfTotal).filter((v): v is number => v !== null);
    const problems: Record<string, number> = {};
    for (const f of list) for (const p of f.problems) problems[p.category] = (problems[p.category] ?? 0) + 1;
    return {
      bodyId,
      bodyName: list[0]!.bodyName,
      files: list.length,
      scored: scored.length,
      average: scored.length ? Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 10) / 10 : null,
      excellent: list.filter((f) => f.grade === 'excellent').length,
      pass: list.filter((f) => f.grade === 'pass').length,
      fail: list.filter((f) => f.grade === 'fail').length,
      problems,
      rank: 0,
    };
  });
  rows.sort((a, b) => (b.average ?? -1) - (a.average ?? -1));
  rows.forEach((r, i) => (r.rank = r.average === null ? 0 : i + 1));
  return rows;
};

/** 评查活动详情: the campaign, files in scope, results, what the actor may do now, history. */
export const getReviewDetail = async (ctx: Ctx, id: number) => {
  const row = await getReviewInScope(ctx, id);
  const organiser = await reviewOrganiserInScope(ctx, id, ctx.db);
  const files = await findFiles(ctx, { reviewId: id });
  const history = await historyOf(ctx.db, reviewMachine.entity, id);
  const transitions = allowedTransitions(reviewMachine, row.status, (p) => organiser && Boolean(ctx.actor?.grants[permissionCode(MODULE, p)])).map(toTransitionView);
  const bodies = row.bodyIds.length ? await ctx.db.select({ id: enforcementBody.id, name: enforcementBody.name }).from(enforcementBody).where(inArray(enforcementBody.id, row.bodyIds)) : [];
  const [org] = await ctx.db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, row.orgId));
  const mayScore = organiser && row.status === 'scoring';
  const maySelfScore = row.kind === 'self' && row.status === 'scoring' && Boolean(ctx.actor?.grants[PERM.report]);
  return {
    record: { ...row, orgName: org?.name ?? null, bodies },
    files: await Promise.all(files.map(async (f) => ({ ...f, maySelfScore: maySelfScore && (await actsOn(ctx, PERM.report, f.orgId)) }))),
    results: resultsByBody(files),
    transitions,
    history,
    can: { editSheet: organiser && row.status === 'draft', sample: organiser && row.status === 'sampling', score: mayScore, issue: Boolean(ctx.actor?.grants[PERM.supervise]) },
  };
};

/** Cases that may be picked by hand (decided in the period, target bodies, not yet in the campaign). */
export const pickableCases = async (ctx: Ctx, id: number) => {
  const row = await getReviewInScope(ctx, id);
  if (!(await reviewOrganiserInScope(ctx, id, ctx.db))) return { items: [] };
  const items = await ctx.db
    .select({ id: enforcementCase.id, caseNo: enforcementCase.caseNo, title: enforcementCase.title, bodyName: bodyNameSql(enforcementCase.bodyId), decidedDate: enforcementCase.decidedDate })
    .from(enforcementCase)
    .where(
      and(
        inArray(enforcementCase.bodyId, row.bodyIds.length ? row.bodyIds : [0]),
        isNotNull(enforcementCase.decidedDate),
        gte(enforcementCase.decidedDate, row.periodFrom),
        lte(enforcementCase.decidedDate, row.periodTo),
        sql`${enforcementCase.id} not in (select case_id from enforcement_review_file where review_id = ${id})`,
      ),
    )
    .orderBy(desc(enforcementCase.decidedDate))
    .limit(500);
  return { items };
};

/** 导出评查结果: one row per file in scope (export permission), audited. */
export const exportFiles = async (ctx: Ctx, f: FileFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const files = await findFiles(ctx, f, PERM.export, 50_000);
  const buf = await writeXlsx<FileView>('案卷评查结果', [
    { header: '评查活动', width: 30, value: (r) => r.reviewTitle },
    { header: '年度', width: 8, value: (r) => r.year },
    { header: '执法主体', width: 28, value: (r) => r.bodyName },
    { header: '案号', width: 24, value: (r) => r.caseNo },
    { header: '案件名称', width: 30, value: (r) => r.caseTitle },
    { header: '决定日期', width: 12, value: (r) => r.decidedDate },
    { header: '抽取方式', value: (r) => (r.picked === 'random' ? '随机抽取' : '指定') },
    { header: '自查得分', value: (r) => r.selfTotal },
    { header: '评查得分', value: (r) => r.total },
    { header: '等次', value: (r) => labelOf(GRADES, r.grade) },
    { header: '评查人员', width: 20, value: (r) => (r.reviewers ?? []).join('、') },
    { header: '发现问题', width: 60, value: (r) => r.problems.map((p) => `【${labelOf(SHEET_CATEGORIES, p.category)}】${p.description}`).join('；') },
  ], files);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'review.export', module: MODULE, reason: JSON.stringify(f), after: { rows: files.length } }));
  return buf;
};

export const reviewKindLabel = (v: string) => labelOf(REVIEW_KINDS, v);
