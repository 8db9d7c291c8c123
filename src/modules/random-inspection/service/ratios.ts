/**
 * 比例 per unit and year, in SQL under the reader's scope:
 * - 抽查比例 (sampling rate): distinct targets of the unit's pool inspected in the year / active targets in the pool
 *   (per item: targets of the item's type inspected under the item / targets of that type in the pool);
 * - 分类分级检查比例: inspections (户次) in plans that use credit grading / all inspections of the unit's plans;
 * - 联合检查任务比例: joint plans (部门联合抽查任务, counted for every participating unit) / all plans of the unit,
 *   plans counted once published (草拟 excluded);
 * - 公示及时率: results published within 20 working days / results published or overdue.
 */
import { and, inOrgSubtree, sql, type SQL } from './sql';
import { AppError, orgInScope, queryRows, recordAudit, requirePermission, scopeWhere, toLocalDate, validationError, type Ctx } from '../../../kernel';
import { DEFAULT_TARGETS, PROBLEM_OUTCOMES } from '../plan-machine';
import { riSetting } from '../schema';
import { MODULE, PERM } from './access';
import { eq } from './sql';

const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const unitScope = (ctx: Ctx, col: SQL, orgId?: number): SQL => and(scopeWhere(ctx.actor, PERM.read, { org: col }), orgId ? inOrgSubtree(col, orgId) : undefined)!;
const ON_TIME = sql`exists (select 1 from case_clock c where c.entity_type = 'random_inspection_result' and c.entity_id = r.id and c.clock_key = 'publication' and c.status = 'stopped' and c.stop_reason = 'completed' and c.stopped_on <= c.due_date)`;
const OVERDUE = (today: string) => sql`exists (select 1 from case_clock c where c.entity_type = 'random_inspection_result' and c.entity_id = r.id and c.clock_key = 'publication' and c.status = 'running' and c.due_date < ${today})`;
const targetSql = (col: 'graded_target' | 'joint_target', fallback: number) =>
  sql.raw(`coalesce((select s.${col} from random_inspection_setting s join org_unit so on so.id = s.org_id where o.path like so.path || '%' order by length(so.path) desc limit 1), ${fallback})`);

export interface UnitRatios {
  orgId: number;
  orgName: string;
  plans: number;
  jointPlans: number;
  jointRatio: number | null;
  inspections: number;
  gradedInspections: number;
  gradedRatio: number | null;
  targetsInPool: number;
  targetsInspected: number;
  samplingRate: number | null;
  publishedOnTime: number;
  publicationDue: number;
  onTimeRate: number | null;
  awaitingPublication: number;
  overdue: number;
  gradedTarget: number;
  jointTarget: number;
  belowGraded: boolean;
  belowJoint: boolean;
}

/** 比例看板: one row per unit within scope (and `orgId`'s subtree) that has plans or a target pool. */
export const unitRatios = async (ctx: Ctx, year: number, orgId?: number): Promise<UnitRatios[]> => {
  requirePermission(ctx, PERM.read);
  const today = toLocalDate(ctx.now);
  const rows = await queryRows<Record<string, number | string>>(
    ctx.db,
    sql`with units as (
          select pu.org_id from random_inspection_plan_unit pu join random_inspection_plan p on p.id = pu.plan_id
            where p.year = ${year} and p.status <> 'draft' and ${unitScope(ctx, sql`pu.org_id`, orgId)}
          union select t.org_id from random_inspection_target t where ${unitScope(ctx, sql`t.org_id`, orgId)}
        )
        select o.id as "orgId", o.name as "orgName",
          (select count(*)::int from random_inspection_plan p join random_inspection_plan_unit pu on pu.plan_id = p.id where pu.org_id = o.id and p.year = ${year} and p.status <> 'draft') as "plans",
          (select count(*)::int from random_inspection_plan p join random_inspection_plan_unit pu on pu.plan_id = p.id where pu.org_id = o.id and p.year = ${year} and p.status <> 'draft' and p.kind = 'joint') as "jointPlans",
          (select count(*)::int from random_inspection_inspection i join random_inspection_plan p on p.id = i.plan_id join random_inspection_plan_unit pu on pu.plan_id = p.id where pu.org_id = o.id and p.year = ${year}) as "inspections",
          (select count(*)::int from random_inspection_inspection i join random_inspection_plan p on p.id = i.plan_id join random_inspection_plan_unit pu on pu.plan_id = p.id where pu.org_id = o.id and p.year = ${year} and p.graded) as "gradedInspections",
          (select count(*)::int from random_inspection_target t where t.org_id = o.id and t.active) as "targetsInPool",
          (select count(distinct i.target_id)::int from random_inspection_inspection i join random_inspection_plan p on p.id = i.plan_id
             where p.org_id = o.id and p.year = ${year} and exists (select 1 from random_inspection_result r where r.inspection_id = i.id and r.status <> 'pending')) as "targetsInspected",
          (select count(*)::int from random_inspection_result r join random_inspection_plan p on p.id = r.plan_id where r.org_id = o.id and p.year = ${year} and r.status = 'published' and ${ON_TIME}) as "publishedOnTime",
          (select count(*)::int from random_inspection_result r join random_inspection_plan p on p.id = r.plan_id where r.org_id = o.id and p.year = ${year} and (r.status = 'published' or ${OVERDUE(today)})) as "publicationDue",
          (select count(*)::int from random_inspection_result r join random_inspection_plan p on p.id = r.plan_id where r.org_id = o.id and p.year = ${year} and r.status = 'recorded') as "awaitingPublication",
          (select count(*)::int from random_inspection_result r join random_inspection_plan p on p.id = r.plan_id where r.org_id = o.id and p.year = ${year} and ${OVERDUE(today)}) as "overdue",
          ${targetSql('graded_target', DEFAULT_TARGETS.gradedTarget)} as "gradedTarget",
          ${targetSql('joint_target', DEFAULT_TARGETS.jointTarget)} as "jointTarget"
        from org_unit o where o.id in (select org_id from units) order by o.path`,
  );
  return rows.map((r) => {
    const n = (k: string) => Number(r[k] ?? 0);
    const jointRatio = pct(n('jointPlans'), n('plans'));
    const gradedRatio = pct(n('gradedInspections'), n('inspections'));
    return {
      orgId: n('orgId'),
      orgName: String(r.orgName),
      plans: n('plans'),
      jointPlans: n('jointPlans'),
      jointRatio,
      inspections: n('inspections'),
      gradedInspections: n('gradedInspections'),
      gradedRatio,
      targetsInPool: n('targetsInPool'),
      targetsInspected: n('targetsInspected'),
      samplingRate: pct(n('targetsInspected'), n('targetsInPool')),
      publishedOnTime: n('publishedOnTime'),
      publicationDue: n('publicationDue'),
      onTimeRate: pct(n('publishedOnTime'), n('publicationDue')),
      awaitingPublication: n('awaitingPublication'),
      overdue: n('overdue'),
      gradedTarget: n('gradedTarget'),
      jointTarget: n('jointTarget'),
      belowGraded: gradedRatio !== null && gradedRatio < n('gradedTarget'),
      belowJoint: jointRatio !== null && jointRatio < n('jointTarget'),
    };
  });
};

/** Drill-down: the sampling rate of each of a unit's items against the item's own ratio setting. */
export const itemRatios = async (ctx: Ctx, year: number, orgId: number) => {
  requirePermission(ctx, PERM.read);
  return queryRows<{ id: number; name: string; kind: string; ratioPercent: number; frequencyPerYear: number; pool: number; inspected: number; plans: number; rate: number | null }>(
    ctx.db,
    sql`select it.id, it.name, it.kind, it.ratio_percent::float as "ratioPercent", it.frequency_per_year as "frequencyPerYear",
          (select count(*)::int from random_inspection_target t where t.org_id = it.org_id and t.active and t.type = it.target_type) as pool,
          (select count(distinct i.target_id)::int from random_inspection_result r join random_inspection_inspection i on i.id = r.inspection_id
             join random_inspection_plan p on p.id = r.plan_id join random_inspection_plan_unit pu on pu.plan_id = p.id and pu.org_id = it.org_id
             where r.org_id = it.org_id and r.status <> 'pending' and p.year = ${year} and it.id = any(pu.item_ids)) as inspected,
          (select count(*)::int from random_inspection_plan p join random_inspection_plan_unit pu on pu.plan_id = p.id and pu.org_id = it.org_id
             where p.year = ${year} and p.status <> 'draft' and it.id = any(pu.item_ids)) as plans,
          null as rate
        from random_inspection_item it where it.org_id = ${orgId} and ${scopeWhere(ctx.actor, PERM.read, { org: sql`it.org_id` })} order by it.id`,
  ).then((rows) => rows.map((r) => ({ ...r, rate: pct(Number(r.inspected), Number(r.pool)) })));
};

/** Aggregate figures within scope (each plan and inspection counted once) for the statistics. */
export const aggregate = async (ctx: Ctx, year: number, orgId?: number) => {
  const today = toLocalDate(ctx.now);
  const planIn = sql`p.year = ${year} and p.status <> 'draft' and exists (select 1 from random_inspection_plan_unit pu where pu.plan_id = p.id and ${unitScope(ctx, sql`pu.org_id`, orgId)})`;
  const [row] = await queryRows<Record<string, number>>(
    ctx.db,
    sql`select
          (select count(*)::int from random_inspection_plan p where ${planIn}) as plans,
          (select count(*)::int from random_inspection_plan p where ${planIn} and p.kind = 'joint') as "jointPlans",
          (select count(*)::int from random_inspection_inspection i join random_inspection_plan p on p.id = i.plan_id where ${planIn}) as inspections,
          (select count(*)::int from random_inspection_inspection i join random_inspection_plan p on p.id = i.plan_id where ${planIn} and p.graded) as "gradedInspections",
          (select count(*)::int from random_inspection_result r join random_inspection_plan p on p.id = r.plan_id where p.year = ${year} and ${unitScope(ctx, sql`r.org_id`, orgId)} and r.outcome in ${PROBLEM_OUTCOMES}) as problems,
          (select count(*)::int from random_inspection_result r join random_inspection_plan p on p.id = r.plan_id where p.year = ${year} and ${unitScope(ctx, sql`r.org_id`, orgId)} and r.status = 'published' and ${ON_TIME}) as "onTime",
          (select count(*)::int from random_inspection_result r join random_inspection_plan p on p.id = r.plan_id where p.year = ${year} and ${unitScope(ctx, sql`r.org_id`, orgId)} and (r.status = 'published' or ${OVERDUE(today)})) as due`,
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  return {
    plans: n('plans'),
    jointPlans: n('jointPlans'),
    jointRatio: pct(n('jointPlans'), n('plans')),
    inspections: n('inspections'),
    gradedRatio: pct(n('gradedInspections'), n('inspections')),
    problems: n('problems'),
    onTimeRate: pct(n('onTime'), n('due')),
  };
};

/** 考核目标 of a unit (its own setting, else the nearest above, else 80% / 50%). */
export const saveSetting = async (ctx: Ctx, input: { orgId: number; gradedTarget: number; jointTarget: number; version?: number | undefined }) => {
  const actor = requirePermission(ctx, PERM.manage);
  return ctx.db.transaction(async (tx) => {
    const [org] = await queryRows<{ id: number; path: string; name: string }>(tx, sql`select id, path, name from org_unit where id = ${input.orgId}`);
    if (!org || !orgInScope(actor, PERM.manage, org)) throw validationError([{ path: 'orgId', message: '单位不存在或不在您的数据范围内' }]);
    const [existing] = await tx.select().from(riSetting).where(eq(riSetting.orgId, input.orgId));
    let row;
    if (existing) {
      if (input.version !== existing.version) throw new AppError('CONFLICT', '记录已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
      [row] = await tx.update(riSetting).set({ gradedTarget: input.gradedTarget, jointTarget: input.jointTarget, version: existing.version + 1, updatedAt: ctx.now }).where(and(eq(riSetting.id, existing.id), eq(riSetting.version, existing.version))!).returning();
    } else {
      [row] = await tx.insert(riSetting).values({ orgId: input.orgId, gradedTarget: input.gradedTarget, jointTarget: input.jointTarget, updatedAt: ctx.now }).returning();
    }
    await recordAudit(tx, ctx, { action: 'setting.save', module: MODULE, entityType: 'random_inspection_setting', entityId: row!.id, before: existing ?? null, after: input });
    return row!;
  });
};
