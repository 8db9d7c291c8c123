import { and, asc, auditLog, count, desc, eq, ilike, inArray, inOrgSubtree, or, sql } from './sql';
import { type Ctx, formatNumber, historyOf, nextSequenceValue, permissionCode, recordAudit, requirePermission, toLocalDate, validationError, writeXlsx } from '../../../kernel';
import { allowedTransitions, toTransitionView } from '../../../kernel/shared/define-machine';
import type { PlanFilter, PlanInput } from '../contract';
import { DEFAULT_GRADE_RATIOS, PLAN_KINDS, planMachine } from '../plan-machine';
import { riDraw, riInspection, riItem, riPlan, riPlanUnit, riResult } from '../schema';
import { getPlanInScope, leadsPlan, MODULE, orgNameSql, PERM, planScope, unitForWrite } from './access';

/** 新建抽查计划 (草拟): the lead unit in the actor's manage scope; items must belong to their units. */
export const createPlan = async (ctx: Ctx, input: PlanInput) => {
  requirePermission(ctx, PERM.manage);
  return ctx.db.transaction(async (tx) => {
    const org = await unitForWrite(ctx, input.orgId, PERM.manage, tx);
    const units = [{ orgId: input.orgId, itemIds: input.itemIds, lead: true }, ...input.participants.map((p) => ({ ...p, lead: false }))];
    const allItems = units.flatMap((u) => u.itemIds);
    const items = await tx.select({ id: riItem.id, orgId: riItem.orgId, active: riItem.active }).from(riItem).where(inArray(riItem.id, allItems));
    const problems: { path: string; message: string }[] = [];
    units.forEach((u, i) => {
      for (const id of u.itemIds) {
        const it = items.find((x) => x.id === id);
        if (!it || it.orgId !== u.orgId || !it.active) problems.push({ path: i === 0 ? 'itemIds' : `participants.${i - 1}.itemIds`, message: `事项 ${id} 不是该单位在用的抽查事项` });
      }
    });
    if (problems.length) throw validationError(problems);
    const seq = await nextSequenceValue(tx, `${MODULE}.plan`, org.id, input.year);
    const planNo = formatNumber(ctx.services.registry.sequence(MODULE, 'plan').pattern, { unit: org.shortName, year: input.year, seq });
    const [row] = await tx
      .insert(riPlan)
      .values({
        planNo,
        orgId: input.orgId,
        year: input.year,
        title: input.title,
        batch: input.batch,
        kind: input.kind,
        graded: input.graded,
        gradeRatios: input.gradeRatios ?? DEFAULT_GRADE_RATIOS,
        ratioPercent: input.ratioPercent,
        targetType: input.targetType,
        scope: input.scope,
        startDate: input.startDate,
        endDate: input.endDate,
        status: planMachine.initial,
        createdBy: ctx.actor?.id ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await tx.insert(riPlanUnit).values(units.map((u) => ({ planId: row!.id, orgId: u.orgId, lead: u.lead, itemIds: u.itemIds })));
    await recordAudit(tx, ctx, { action: 'plan.create', module: MODULE, entityType: planMachine.entity, entityId: row!.id, after: input });
    return row!;
  });
};

const planConditions = (ctx: Ctx, f: PlanFilter, permission: string) =>
  and(
    planScope(ctx, permission),
    f.orgId ? sql`exists (select 1 from random_inspection_plan_unit pu2 where pu2.plan_id = random_inspection_plan.id and ${inOrgSubtree(sql`pu2.org_id`, f.orgId)})` : undefined,
    f.year ? eq(riPlan.year, f.year) : undefined,
    f.status ? eq(riPlan.status, f.status) : undefined,
    f.kind ? eq(riPlan.kind, f.kind) : undefined,
    f.graded === undefined ? undefined : eq(riPlan.graded, f.graded),
    f.q ? or(ilike(riPlan.title, `%${f.q}%`), ilike(riPlan.planNo, `%${f.q}%`), ilike(riPlan.scope, `%${f.q}%`)) : undefined,
  )!;

const unitNamesSql = sql<string>`(select string_agg(o.name, '、' order by pu.lead desc, pu.id) from random_inspection_plan_unit pu join org_unit o on o.id = pu.org_id where pu.plan_id = random_inspection_plan.id)`;
const inspectionsSql = sql<number>`(select count(*)::int from random_inspection_inspection i where i.plan_id = random_inspection_plan.id)`;
const pendingPublicationSql = sql<number>`(select count(*)::int from random_inspection_result r where r.plan_id = random_inspection_plan.id and r.status = 'recorded')`;

/** Plans within scope (as lead or participant), newest first. */
export const findPlans = async (ctx: Ctx, f: PlanFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = planConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(riPlan).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select({ plan: riPlan, orgName: sql<string>`(select name from org_unit o where o.id = random_inspection_plan.org_id)`, unitNames: unitNamesSql, inspections: inspectionsSql, pendingPublication: pendingPublicationSql })
    .from(riPlan)
    .where(where)
    .orderBy(desc(riPlan.year), desc(riPlan.startDate), desc(riPlan.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items: rows.map((r) => ({ ...r.plan, orgName: r.orgName, unitNames: r.unitNames, inspections: Number(r.inspections), pendingPublication: Number(r.pendingPublication) })) };
};

export const exportPlans = async (ctx: Ctx, f: PlanFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items } = await findPlans(ctx, f, { page: 1, pageSize: 100_000 }, PERM.export);
  return writeXlsx('抽查计划', [
    { header: '计划编号', value: (r: (typeof items)[number]) => r.planNo, width: 24 },
    { header: '年度', value: (r) => r.year, width: 8 },
    { header: '计划名称', value: (r) => r.title, width: 36 },
    { header: '批次', value: (r) => r.batch },
    { header: '类型', value: (r) => PLAN_KINDS.find((k) => k.value === r.kind)?.label ?? r.kind },
    { header: '分类分级', value: (r) => (r.graded ? '是' : '否') },
    { header: '牵头单位', value: (r) => r.orgName, width: 24 },
    { header: '参与单位', value: (r) => r.unitNames, width: 40 },
    { header: '开始日期', value: (r) => r.startDate },
    { header: '结束日期', value: (r) => r.endDate },
    { header: '报备日期', value: (r) => r.filedDate },
    { header: '状态', value: (r) => planMachine.states[r.status as keyof typeof planMachine.states]?.label ?? r.status },
    { header: '检查户次', value: (r) => r.inspections },
  ], items);
};

/** 计划详情: 基本信息 (units and items), 抽取结果 (every draw, the current one with its inspections), 检查结果, actions. */
export const getPlanDetail = async (ctx: Ctx, id: number) => {
  const row = await getPlanInScope(ctx, id);
  const units = await ctx.db
    .select({ orgId: riPlanUnit.orgId, lead: riPlanUnit.lead, itemIds: riPlanUnit.itemIds, orgName: orgNameSql(riPlanUnit.orgId) })
    .from(riPlanUnit)
    .where(eq(riPlanUnit.planId, id))
    .orderBy(desc(riPlanUnit.lead), asc(riPlanUnit.id));
  const itemIds = units.flatMap((u) => u.itemIds);
  const items = itemIds.length ? await ctx.db.select().from(riItem).where(inArray(riItem.id, itemIds)) : [];
  const draws = await ctx.db.select().from(riDraw).where(eq(riDraw.planId, id)).orderBy(asc(riDraw.seq));
  const inspections = await ctx.db.select().from(riInspection).where(eq(riInspection.planId, id)).orderBy(asc(riInspection.id));
  const results = await ctx.db
    .select({ r: riResult, orgName: orgNameSql(riResult.orgId) })
    .from(riResult)
    .where(eq(riResult.planId, id))
    .orderBy(asc(riResult.inspectionId), asc(riResult.id));
  const history = await historyOf(ctx.db, planMachine.entity, id);
  const mayAct = new Map<string, boolean>([
    ['manage', await leadsPlan(ctx, id, PERM.manage)],
    ['record', await leadsPlan(ctx, id, PERM.record)],
  ]);
  const transitions = allowedTransitions(planMachine, row.status, (p) => mayAct.get(p) ?? false).map(toTransitionView);
  return {
    record: { ...row, orgName: units.find((u) => u.lead)?.orgName ?? null },
    units: units.map((u) => ({ ...u, items: items.filter((i) => u.itemIds.includes(i.id)).map((i) => ({ id: i.id, name: i.name, kind: i.kind, ratioPercent: i.ratioPercent })) })),
    draws: draws.map((d) => ({ id: d.id, seq: d.seq, seed: d.seed, snapshotDigest: d.snapshotDigest, algorithm: d.snapshot.algorithm, targetsInPool: d.snapshot.targets.length, inspectorsInPool: d.snapshot.inspectors.length, groups: d.groups.length, superseded: d.superseded, reason: d.reason, drawnAt: d.drawnAt })),
    inspections,
    results: results.map((x) => ({ ...x.r, orgName: x.orgName })),
    transitions,
    history,
    today: toLocalDate(ctx.now),
  };
};

/** 操作记录 of a plan (its audit rows, without payloads). */
export const getPlanActivity = async (ctx: Ctx, id: number) => {
  await getPlanInScope(ctx, id);
  const items = await ctx.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, reason: auditLog.reason })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, planMachine.entity), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return { items };
};

export const planPermission = (name: string) => {
  const def = Object.hasOwn(planMachine.transitions, name) ? planMachine.transitions[name] : undefined;
  return def ? permissionCode(MODULE, def.permission) : null;
};
