import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from './sql';
import { AppError, applyTransition, can, type Ctx, type DbOrTx, fieldError, orgUnit, recordAudit, toLocalDate, validationError } from '../../../kernel';
import { DRAW_ALGORITHM, DrawError, runDraw, snapshotDigest } from '../draw';
import { planMachine } from '../plan-machine';
import { riDraw, riInspection, riInspector, riItem, riPlanUnit, riResult, riTarget, type DrawSnapshot, type PlanRow } from '../schema';
import { getPlanInScope, leadsPlan, MODULE, planTable } from './access';
import { planPermission } from './plans';

type Input = Record<string, unknown>;
const BATCH = 1000;

const fail = fieldError;

/** The pools of a plan as they are now: the lead unit's active targets (of the plan's type) and the units' active inspectors. */
const takeSnapshot = async (tx: DbOrTx, plan: PlanRow): Promise<{ snapshot: DrawSnapshot; names: Record<number, string> }> => {
  const units = await tx
    .select({ orgId: riPlanUnit.orgId, name: orgUnit.name })
    .from(riPlanUnit)
    .innerJoin(orgUnit, eq(orgUnit.id, riPlanUnit.orgId))
    .where(eq(riPlanUnit.planId, plan.id))
    .orderBy(desc(riPlanUnit.lead), asc(riPlanUnit.id));
  const targets = await tx
    .select({ id: riTarget.id, creditCode: riTarget.creditCode, grade: riTarget.creditGrade })
    .from(riTarget)
    .where(and(eq(riTarget.orgId, plan.orgId), eq(riTarget.active, true), plan.targetType ? eq(riTarget.type, plan.targetType) : undefined))
    .orderBy(asc(riTarget.id));
  const inspectors = await tx
    .select({ id: riInspector.id, orgId: riInspector.orgId, conflicts: riInspector.conflictCodes })
    .from(riInspector)
    .where(and(inArray(riInspector.orgId, units.map((u) => u.orgId)), eq(riInspector.active, true)))
    .orderBy(asc(riInspector.id));
  const snapshot: DrawSnapshot = {
    algorithm: DRAW_ALGORITHM,
    params: { graded: plan.graded, gradeRatios: plan.gradeRatios, ratioPercent: Number(plan.ratioPercent), units: units.map((u) => u.orgId), minInspectors: Math.max(2, units.length) },
    targets,
    inspectors: inspectors.map((i) => ({ ...i, conflicts: [...i.conflicts].sort() })),
  };
  return { snapshot, names: Object.fromEntries(units.map((u) => [u.orgId, u.name])) };
};

/**
 * 抽取 / 重新抽取: inside the plan transition's transaction, records a fresh seed and the pool snapshot, runs
 * the draw and writes one inspection per drawn target and one pending result per participating unit.
 * A re-draw (only while no inspection has started) supersedes the earlier draw, which is kept.
 */
const performDraw = async (tx: DbOrTx, ctx: Ctx, plan: PlanRow, reason: string | null) => {
  const { snapshot, names } = await takeSnapshot(tx, plan);
  const seed = randomBytes(32).toString('hex');
  let groups;
  try {
    groups = runDraw(seed, snapshot, names);
  } catch (e) {
    if (e instanceof DrawError) fail(e.path, e.message);
    throw e;
  }
  const [last] = await tx.select({ seq: riDraw.seq }).from(riDraw).where(eq(riDraw.planId, plan.id)).orderBy(desc(riDraw.seq)).limit(1);
  if (last) {
    await tx.update(riDraw).set({ superseded: true }).where(and(eq(riDraw.planId, plan.id), eq(riDraw.superseded, false)));
    const old = await tx.select({ id: riInspection.id }).from(riInspection).where(eq(riInspection.planId, plan.id));
    const started = await tx.select({ id: riResult.id }).from(riResult).where(and(eq(riResult.planId, plan.id), sql`${riResult.status} <> 'pending'`)).limit(1);
    if (started.length) throw new AppError('INVALID_STATE', '已有检查结果录入，不能重新抽取', { details: { reason: 'inspection_started' } });
    if (old.length) {
      await tx.delete(riResult).where(eq(riResult.planId, plan.id));
      await tx.delete(riInspection).where(eq(riInspection.planId, plan.id));
    }
  }
  const [draw] = await tx
    .insert(riDraw)
    .values({ planId: plan.id, orgId: plan.orgId, seq: (last?.seq ?? 0) + 1, seed, snapshot, snapshotDigest: snapshotDigest(snapshot), groups, reason, drawnBy: ctx.actor?.id ?? null, drawnAt: ctx.now })
    .returning();
  const targetIds = groups.map((g) => g.targetId);
  const targets = new Map<number, { name: string; creditCode: string; creditGrade: string }>();
  for (let i = 0; i < targetIds.length; i += BATCH) {
    for (const t of await tx.select({ id: riTarget.id, name: riTarget.name, creditCode: riTarget.creditCode, creditGrade: riTarget.creditGrade }).from(riTarget).where(inArray(riTarget.id, targetIds.slice(i, i + BATCH)))) targets.set(t.id, t);
  }
  const inspectorNames = new Map((await tx.select({ id: riInspector.id, name: riInspector.name }).from(riInspector).where(inArray(riInspector.id, [...new Set(groups.flatMap((g) => g.inspectorIds))]))).map((i) => [i.id, i.name]));
  const units = await tx.select().from(riPlanUnit).where(eq(riPlanUnit.planId, plan.id)).orderBy(desc(riPlanUnit.lead), asc(riPlanUnit.id));
  const itemNames = new Map((await tx.select({ id: riItem.id, name: riItem.name }).from(riItem).where(inArray(riItem.id, units.flatMap((u) => u.itemIds)))).map((i) => [i.id, i.name]));
  for (let i = 0; i < groups.length; i += BATCH) {
    const batch = groups.slice(i, i + BATCH);
    const inserted = await tx
      .insert(riInspection)
      .values(
        batch.map((g) => {
          const t = targets.get(g.targetId)!;
          return { planId: plan.id, drawId: draw!.id, orgId: plan.orgId, targetId: g.targetId, targetName: t.name, creditCode: t.creditCode, creditGrade: t.creditGrade, inspectorIds: g.inspectorIds, inspectorNames: g.inspectorIds.map((x) => inspectorNames.get(x) ?? String(x)).join('、'), createdAt: ctx.now };
        }),
      )
      .returning({ id: riInspection.id });
    await tx.insert(riResult).values(
      inserted.flatMap((ins) =>
        units.map((u) => ({ inspectionId: ins.id, planId: plan.id, orgId: u.orgId, itemNames: u.itemIds.map((x) => itemNames.get(x) ?? String(x)).join('；'), status: 'pending', createdAt: ctx.now, updatedAt: ctx.now })),
      ),
    );
  }
  await recordAudit(tx, ctx, {
    action: 'plan.draw',
    module: MODULE,
    entityType: planMachine.entity,
    entityId: plan.id,
    after: { seq: draw!.seq, seed, snapshotDigest: draw!.snapshotDigest, targets: groups.length },
    reason,
  });
  return draw!;
};

/** Date rules of plan transitions. */
const guard = (plan: PlanRow, name: string, input: Input, today: string) => {
  if (name === 'publish') {
    const d = input.filedDate as string;
    if (d > today) fail('filedDate', '报备日期不能晚于今天');
  }
  if (name === 'finish') {
    const d = input.finishedDate as string;
    if (d > today) fail('finishedDate', '完成日期不能晚于今天');
    if (d < plan.startDate) fail('finishedDate', `完成日期不能早于计划开始日期（${plan.startDate}）`);
  }
};

/** 计划流转 (发布报备、抽取、重新抽取、开始检查、完成) by the lead unit. */
export const transitionPlan = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Input }) =>
  ctx.db.transaction(async (tx) => {
    const row = await getPlanInScope(ctx, id, tx);
    const permission = planPermission(name);
    if (permission && can(ctx.actor, permission) && !(await leadsPlan(ctx, id, permission, tx))) throw new AppError('FORBIDDEN', '只有牵头单位可以进行此项操作');
    const today = toLocalDate(ctx.now);
    const updated = await applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: planMachine,
      target: planTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      guard: async ({ input }) => {
        guard(row, name, input, today);
        if (name === 'finish') {
          const [pending] = await tx.select({ id: riResult.id }).from(riResult).where(and(eq(riResult.planId, id), eq(riResult.status, 'pending'))).limit(1);
          if (pending) fail('finishedDate', '尚有检查对象未录入检查结果，不能完成抽查');
        }
      },
      todoTitle: `${row.planNo} ${row.title}`,
      link: `/${MODULE}/plans/${row.id}`,
    });
    if (name === 'draw' || name === 'redraw') await performDraw(tx, ctx, updated as PlanRow, name === 'redraw' ? String(body.input.reason ?? '') : null);
    return updated as PlanRow;
  });

/**
 * 核验: recomputes the snapshot digest and re-runs the algorithm from the recorded seed and snapshot; the draw
 * is 一致 when the digest matches, the groups match, and (for the current draw) the inspections match.
 */
export const verifyDraw = async (ctx: Ctx, planId: number, drawId?: number) => {
  await getPlanInScope(ctx, planId);
  const draws = await ctx.db.select().from(riDraw).where(eq(riDraw.planId, planId)).orderBy(desc(riDraw.seq));
  const draw = drawId ? draws.find((d) => d.id === drawId) : draws.find((d) => !d.superseded);
  if (!draw) throw validationError([{ path: 'drawId', message: '该计划尚未抽取' }]);
  const digestOk = snapshotDigest(draw.snapshot) === draw.snapshotDigest;
  let rerun: ReturnType<typeof runDraw> = [];
  let rerunError: string | null = null;
  try {
    rerun = runDraw(draw.seed, draw.snapshot);
  } catch (e) {
    rerunError = e instanceof Error ? e.message : String(e);
  }
  const key = (gs: { targetId: number; inspectorIds: number[] }[]) => JSON.stringify(gs.map((g) => [g.targetId, g.inspectorIds]));
  const groupsOk = rerunError === null && key(rerun) === key(draw.groups);
  let inspectionsOk = true;
  if (!draw.superseded) {
    const ins = await ctx.db.select({ targetId: riInspection.targetId, inspectorIds: riInspection.inspectorIds }).from(riInspection).where(eq(riInspection.drawId, draw.id)).orderBy(asc(riInspection.id));
    inspectionsOk = key(ins) === key(draw.groups);
  }
  const consistent = digestOk && groupsOk && inspectionsOk;
  return { drawId: draw.id, seq: draw.seq, seed: draw.seed, snapshotDigest: draw.snapshotDigest, algorithm: draw.snapshot.algorithm, digestOk, groupsOk, inspectionsOk, consistent, verdict: consistent ? '一致' : '不一致', rerunError };
};
