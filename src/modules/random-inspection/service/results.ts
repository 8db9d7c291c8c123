import { and, count, desc, eq, ilike, inArray, inOrgSubtree, or, sql, type SQL } from './sql';
import { AppError, applyTransition, type Ctx, fieldError, pageDeadlines, requirePermission, toLocalDate, writeXlsx } from '../../../kernel';
import type { ResultFilter } from '../contract';
import { OUTCOMES, planMachine, resultMachine } from '../plan-machine';
import { riInspection, riPlan, riResult, type PlanRow, type ResultRow } from '../schema';
import { getResultInScope, MODULE, mayRecordResult, orgNameSql, resultActScope, PERM, planScope, planTable, resultTable } from './access';

const overdueSql = (today: string): SQL =>
  sql`exists (select 1 from case_clock c where c.entity_type = 'random_inspection_result' and c.entity_id = ${riResult.id} and c.status = 'running' and c.due_date < ${today})`;

const conditions = (ctx: Ctx, f: ResultFilter, permission: string): SQL =>
  and(
    planScope(ctx, permission, riResult.planId as never),
    f.orgId ? inOrgSubtree(riResult.orgId, f.orgId) : undefined,
    f.planId ? eq(riResult.planId, f.planId) : undefined,
    f.year ? eq(riPlan.year, f.year) : undefined,
    f.status ? eq(riResult.status, f.status) : undefined,
    f.outcome ? eq(riResult.outcome, f.outcome) : undefined,
    f.overdue ? overdueSql(toLocalDate(ctx.now)) : undefined,
    f.q ? or(ilike(riInspection.targetName, `%${f.q}%`), ilike(riInspection.creditCode, `%${f.q}%`), ilike(riPlan.title, `%${f.q}%`)) : undefined,
  )!;

const columns = {
  id: riResult.id,
  inspectionId: riResult.inspectionId,
  planId: riResult.planId,
  planNo: riPlan.planNo,
  planTitle: riPlan.title,
  planKind: riPlan.kind,
  orgId: riResult.orgId,
  orgName: orgNameSql(riResult.orgId),
  targetName: riInspection.targetName,
  creditCode: riInspection.creditCode,
  creditGrade: riInspection.creditGrade,
  inspectorNames: riInspection.inspectorNames,
  itemNames: riResult.itemNames,
  status: riResult.status,
  version: riResult.version,
  outcome: riResult.outcome,
  resultDate: riResult.resultDate,
  notes: riResult.notes,
  publishedDate: riResult.publishedDate,
};

/** 检查结果 within scope (through the plans the actor's unit takes part in), with the publication deadline. */
export const findResults = async (ctx: Ctx, f: ResultFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = conditions(ctx, f, permission);
  const from = () => ctx.db.select(columns).from(riResult).innerJoin(riInspection, eq(riInspection.id, riResult.inspectionId)).innerJoin(riPlan, eq(riPlan.id, riResult.planId));
  const [{ total }] = (await ctx.db
    .select({ total: count() })
    .from(riResult)
    .innerJoin(riInspection, eq(riInspection.id, riResult.inspectionId))
    .innerJoin(riPlan, eq(riPlan.id, riResult.planId))
    .where(where)) as [{ total: number }];
  const rows = await from()
    .where(where)
    .orderBy(sql`case ${riResult.status} when 'recorded' then 0 when 'pending' then 1 else 2 end`, desc(riResult.resultDate), desc(riResult.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const deadlines = await pageDeadlines(ctx, resultMachine, 'publication', rows.map((r) => r.id), { includeStopped: true });
  const actable = new Set<number>();
  if (rows.length && ctx.actor?.grants[PERM.record]) {
    const ids = await ctx.db.select({ id: riResult.id }).from(riResult).where(and(inArray(riResult.id, rows.map((r) => r.id)), resultActScope(ctx)));
    for (const r of ids) actable.add(r.id);
  }
  return { total: Number(total), items: rows.map((r) => ({ ...r, deadline: deadlines.get(r.id) ?? null, canRecord: actable.has(r.id) })) };
};

export const exportResults = async (ctx: Ctx, f: ResultFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items } = await findResults(ctx, f, { page: 1, pageSize: 100_000 }, PERM.export);
  return writeXlsx('检查结果', [
    { header: '计划编号', value: (r: (typeof items)[number]) => r.planNo, width: 24 },
    { header: '计划名称', value: (r) => r.planTitle, width: 30 },
    { header: '检查对象', value: (r) => r.targetName, width: 30 },
    { header: '统一社会信用代码', value: (r) => r.creditCode, width: 22 },
    { header: '信用等级', value: (r) => r.creditGrade, width: 8 },
    { header: '检查单位', value: (r) => r.orgName, width: 24 },
    { header: '检查事项', value: (r) => r.itemNames, width: 30 },
    { header: '检查人员', value: (r) => r.inspectorNames, width: 20 },
    { header: '检查结果', value: (r) => OUTCOMES.find((o) => o.value === r.outcome)?.label ?? '' , width: 20 },
    { header: '结果日期', value: (r) => r.resultDate },
    { header: '公示日期', value: (r) => r.publishedDate },
    { header: '状态', value: (r) => resultMachine.states[r.status as keyof typeof resultMachine.states]?.label ?? r.status },
    { header: '公示期限', value: (r) => r.deadline?.dueDate ?? '' },
  ], items);
};

const fail = fieldError;

/**
 * 录入 / 公示 a result by its own unit (谁检查、谁录入、谁公开). The first result recorded starts the plan
 * (已抽取 → 检查中), after which a re-draw is no longer possible.
 */
export const transitionResult = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) =>
  ctx.db.transaction(async (tx) => {
    const row = await getResultInScope(ctx, id, tx);
    if (ctx.actor?.grants[PERM.record] && !(await mayRecordResult(ctx, id, tx))) throw new AppError('FORBIDDEN', '只能录入、公示本单位的检查结果');
    const [plan] = (await tx.select().from(riPlan).where(eq(riPlan.id, row.planId))) as PlanRow[];
    const today = toLocalDate(ctx.now);
    if (name === 'record' && plan && !['drawn', 'in_progress'].includes(plan.status) && row.status === 'pending') {
      throw new AppError('INVALID_STATE', `抽查计划当前为“${planMachine.states[plan.status as 'drawn']?.label ?? plan.status}”，不能录入检查结果`, { details: { reason: 'plan_state' } });
    }
    const updated = (await applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: resultMachine,
      target: resultTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      patch: name === 'record' ? { recordedBy: ctx.actor?.id ?? null } : {},
      guard: ({ input }) => {
        if (name === 'record') {
          const d = input.resultDate as string;
          if (d > today) fail('resultDate', '结果形成日期不能晚于今天');
          if (plan && d < plan.startDate) fail('resultDate', `结果形成日期不能早于计划开始日期（${plan.startDate}）`);
        }
        if (name === 'publish') {
          const d = input.publishedDate as string;
          if (d > today) fail('publishedDate', '公示日期不能晚于今天');
          if (row.resultDate && d < row.resultDate) fail('publishedDate', `公示日期不能早于结果形成日期（${row.resultDate}）`);
        }
      },
      link: `/${MODULE}/plans/${row.planId}`,
    })) as ResultRow;
    if (name === 'record' && plan?.status === 'drawn') {
      await applyTransition({ tx, ctx, module: MODULE, machine: planMachine, target: planTable, row: plan, transition: 'start', input: {} });
    }
    return updated;
  });
