import { and, count, countDistinct, eq, gte, inArray, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { inOrgSubtree, queryRows, type Ctx, type StatisticDef } from '../../kernel';
import { inspectionFinding, inspectionPlan, inspectionTarget, supervisionOrder } from './schema';
import { findingScope, orderScope, PERM, planScope, targetScope } from './service/access';

const SECTION = '法治督察';

const between = (column: AnyColumn, year: number): SQL => and(gte(column, `${year}-01-01`), lte(column, `${year}-12-31`))!;
const narrow = (column: AnyColumn, orgId: number | undefined) => (orgId === undefined ? undefined : inOrgSubtree(column, orgId));

/** Orders of the year (by issue date) within scope and the unit's subtree; withdrawn ones never count. */
const orderCount = async (ctx: Ctx, year: number, orgId: number | undefined, cond?: SQL, dateColumn: AnyColumn = supervisionOrder.issuedOn): Promise<number> => {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(supervisionOrder)
    .where(and(orderScope(ctx, PERM.read), narrow(supervisionOrder.orgId, orgId), between(dateColumn, year), sql`${supervisionOrder.status} <> 'withdrawn'`, cond));
  return Number(row?.n ?? 0);
};

const closedOnTime = sql`${supervisionOrder.status} = 'closed' and ${supervisionOrder.submittedOn} <= ${supervisionOrder.dueDate}`;

/** Annual-report figures of 法治督察, each a SQL count within the reader's data scope (and the unit asked for). */
export const statistics: StatisticDef[] = [
  {
    id: 'inspection.plans',
    section: SECTION,
    label: '开展法治督察（计划）',
    unit: '次',
    compute: async ({ ctx, year, orgId }) => {
      const [row] = await ctx.db
        .select({ n: count() })
        .from(inspectionPlan)
        .where(and(planScope(ctx, PERM.read), narrow(inspectionPlan.orgId, orgId), eq(inspectionPlan.year, year), inArray(inspectionPlan.status, ['in_progress', 'completed'])));
      return Number(row?.n ?? 0);
    },
  },
  {
    id: 'inspection.units_inspected',
    section: SECTION,
    label: '督察单位',
    unit: '个',
    compute: async ({ ctx, year, orgId }) => {
      const [row] = await ctx.db
        .select({ n: countDistinct(inspectionTarget.orgId) })
        .from(inspectionTarget)
        .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspectionTarget.planId))
        .where(and(targetScope(ctx, PERM.read), narrow(inspectionTarget.orgId, orgId), eq(inspectionPlan.year, year), inArray(inspectionPlan.status, ['in_progress', 'completed'])));
      return Number(row?.n ?? 0);
    },
  },
  {
    id: 'inspection.findings',
    section: SECTION,
    label: '督察发现问题',
    unit: '个',
    compute: async ({ ctx, year, orgId }) => {
      const [row] = await ctx.db
        .select({ n: count() })
        .from(inspectionFinding)
        .where(and(findingScope(ctx, PERM.read), narrow(inspectionFinding.orgId, orgId), between(inspectionFinding.foundOn, year)));
      return Number(row?.n ?? 0);
    },
  },
  { id: 'inspection.orders_issued', section: SECTION, label: '签发督办单', unit: '件', compute: ({ ctx, year, orgId }) => orderCount(ctx, year, orgId) },
  {
    id: 'inspection.orders_closed',
    section: SECTION,
    label: '督办事项整改销号',
    unit: '件',
    compute: ({ ctx, year, orgId }) => orderCount(ctx, year, orgId, eq(supervisionOrder.status, 'closed')),
  },
  {
    id: 'inspection.orders_closed_on_time',
    section: SECTION,
    label: '按期整改销号',
    unit: '件',
    compute: ({ ctx, year, orgId }) => orderCount(ctx, year, orgId, closedOnTime),
  },
  {
    id: 'inspection.orders_on_time_rate',
    section: SECTION,
    label: '督办事项按期整改率',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const [row] = await queryRows<{ closed: number; on_time: number }>(
        ctx.db,
        sql`select count(*)::int as closed, count(*) filter (where ${closedOnTime})::int as on_time from supervision_order
            where ${and(orderScope(ctx, PERM.read), narrow(supervisionOrder.orgId, orgId), between(supervisionOrder.issuedOn, year))} and status = 'closed'`,
      );
      if (!row || row.closed === 0) return null;
      return Math.round((row.on_time / row.closed) * 1000) / 10;
    },
  },
  {
    id: 'inspection.interviews',
    section: SECTION,
    label: '约谈',
    unit: '次',
    compute: ({ ctx, year, orgId }) => orderCount(ctx, year, orgId, undefined, supervisionOrder.interviewedOn),
  },
  {
    id: 'inspection.notices',
    section: SECTION,
    label: '通报',
    unit: '次',
    compute: ({ ctx, year, orgId }) => orderCount(ctx, year, orgId, undefined, supervisionOrder.noticePublishedOn),
  },
];
