import { and, asc, count, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { recordAudit, requirePermission, writeXlsx, type Ctx } from '../../../kernel';
import type { PlanFilter } from '../contract';
import { PLAN_KINDS, PLAN_METHODS, PLAN_STATUSES } from '../order-machine';
import { inspectionFinding, inspectionPlan, inspectionTarget } from '../schema';
import { getPlanInScope, label, MODULE, PERM, planScope } from './access';

const conditions = (ctx: Ctx, f: PlanFilter, permission: string): SQL =>
  and(
    planScope(ctx, permission),
    f.year ? eq(inspectionPlan.year, f.year) : undefined,
    f.kind ? eq(inspectionPlan.kind, f.kind) : undefined,
    f.status ? eq(inspectionPlan.status, f.status) : undefined,
    f.q ? ilike(inspectionPlan.title, `%${f.q}%`) : undefined,
  )!;

const listColumns = {
  id: inspectionPlan.id,
  year: inspectionPlan.year,
  title: inspectionPlan.title,
  kind: inspectionPlan.kind,
  method: inspectionPlan.method,
  startDate: inspectionPlan.startDate,
  endDate: inspectionPlan.endDate,
  items: inspectionPlan.items,
  inspectors: inspectionPlan.inspectors,
  status: inspectionPlan.status,
  version: inspectionPlan.version,
  orgId: inspectionPlan.orgId,
  targetCount: sql<number>`(select count(*)::int from inspection_target t where t.plan_id = "inspection_plan"."id")`,
  findingCount: sql<number>`(select count(*)::int from inspection_finding f where f.plan_id = "inspection_plan"."id")`,
};

/** 督察计划列表 within scope, newest year first. */
export const findPlans = async (ctx: Ctx, f: PlanFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = conditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(inspectionPlan).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select(listColumns)
    .from(inspectionPlan)
    .where(where)
    .orderBy(desc(inspectionPlan.year), desc(inspectionPlan.startDate), desc(inspectionPlan.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items };
};

/** 计划详情: the plan with its targets (and each target's finding counts). */
export const getPlanDetail = async (ctx: Ctx, id: number) => {
  requirePermission(ctx, PERM.read);
  const plan = await getPlanInScope(ctx, id);
  const targets = await ctx.db
    .select({
      id: inspectionTarget.id,
      orgId: inspectionTarget.orgId,
      orgName: sql<string>`(select name from org_unit o where o.id = "inspection_target"."org_id")`,
      inspectedOn: inspectionTarget.inspectedOn,
      conclusion: inspectionTarget.conclusion,
      version: inspectionTarget.version,
      findingCount: sql<number>`(select count(*)::int from inspection_finding f where f.target_id = "inspection_target"."id")`,
      openFindingCount: sql<number>`(select count(*)::int from inspection_finding f where f.target_id = "inspection_target"."id" and f.status <> 'closed')`,
    })
    .from(inspectionTarget)
    .where(eq(inspectionTarget.planId, id))
    .orderBy(asc(inspectionTarget.id));
  const [{ n }] = (await ctx.db.select({ n: count() }).from(inspectionFinding).where(eq(inspectionFinding.planId, id))) as [{ n: number }];
  return { plan, targets, findingCount: Number(n) };
};

/** 导出督察计划 (.xlsx), audited. */
export const exportPlans = async (ctx: Ctx, f: PlanFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items } = await findPlans(ctx, f, { page: 1, pageSize: 10_000 }, PERM.export);
  type Item = (typeof items)[number];
  const buf = await writeXlsx<Item>(
    '督察计划',
    [
      { header: '年度', value: (r) => r.year },
      { header: '计划名称', width: 36, value: (r) => r.title },
      { header: '督察类型', value: (r) => label(PLAN_KINDS, r.kind) },
      { header: '督察方式', value: (r) => label(PLAN_METHODS, r.method) },
      { header: '开始日期', width: 12, value: (r) => r.startDate },
      { header: '结束日期', width: 12, value: (r) => r.endDate },
      { header: '督察内容', width: 60, value: (r) => r.items.map((x, i) => `${i + 1}. ${x}`).join('\n') },
      { header: '督察人员', width: 24, value: (r) => r.inspectors.join('、') },
      { header: '督察对象数', value: (r) => r.targetCount },
      { header: '发现问题数', value: (r) => r.findingCount },
      { header: '状态', value: (r) => label(PLAN_STATUSES, r.status) },
    ],
    items,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'plan.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};
