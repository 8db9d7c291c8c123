import { and, count, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { inOrgSubtree, queryRows, requirePermission, type Ctx, type StatisticDef } from '../../kernel';
import { CORRECTIVE_TYPES, DECISION_TYPES, FIELDS } from './case-machine';
import { reconsiderationCase } from './schema';
import { caseScope, PERM } from './service/access';

const SECTION = '行政复议';

/** Cases are counted in the year they were received. */
const inYear = (year: number): SQL => and(gte(reconsiderationCase.receivedDate, `${year}-01-01`), lte(reconsiderationCase.receivedDate, `${year}-12-31`))!;

/** The data scope, narrowed to one unit's subtree when a figure is asked for that unit. */
const within = (ctx: Ctx, orgId: number | undefined): SQL =>
  and(caseScope(ctx, PERM.read), orgId === undefined ? undefined : inOrgSubtree(reconsiderationCase.orgId, orgId))!;

const countWhere = async (ctx: Ctx, year: number, orgId: number | undefined, cond?: SQL): Promise<number> => {
  const [row] = await ctx.db.select({ n: count() }).from(reconsiderationCase).where(and(within(ctx, orgId), inYear(year), cond));
  return Number(row?.n ?? 0);
};
const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

const decided = eq(reconsiderationCase.status, 'decided');
const corrected = and(decided, inArray(reconsiderationCase.decisionType, CORRECTIVE_TYPES))!;
/** Concluded on the merits within the decision period: decided, mediated or settled. */
const CONCLUDED = ['decided', 'mediated', 'settled'];
/** Concluded late: the decision clock stopped after its due date. */
const concludedLate = sql`exists (select 1 from case_clock c where c.entity_type = 'reconsideration_case' and c.entity_id = ${reconsiderationCase.id}
  and c.clock_key in ('decisionOrdinary', 'decisionSimplified') and c.stop_reason = 'completed' and c.due_date < c.stopped_on)`;

/** Annual-report figures of 行政复议, each a SQL count within the reader's data scope (and `orgId`'s subtree). */
export const statistics: StatisticDef[] = [
  { id: 'reconsideration.received', section: SECTION, label: '收到行政复议申请', unit: '件', compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId) },
  {
    id: 'reconsideration.received_yoy',
    section: SECTION,
    label: '收到申请数同比增减',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const [now, last] = [await countWhere(ctx, year, orgId), await countWhere(ctx, year - 1, orgId)];
      return last === 0 ? null : Math.round(((now - last) / last) * 1000) / 10;
    },
  },
  { id: 'reconsideration.accepted', section: SECTION, label: '受理', unit: '件', compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, isNotNull(reconsiderationCase.acceptedDate)) },
  { id: 'reconsideration.decided', section: SECTION, label: '作出行政复议决定', unit: '件', compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, decided) },
  ...DECISION_TYPES.map(
    (t): StatisticDef => ({
      id: `reconsideration.decision.${t.value}`,
      section: SECTION,
      label: `决定：${t.label}`,
      unit: '件',
      compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, and(decided, eq(reconsiderationCase.decisionType, t.value))),
    }),
  ),
  { id: 'reconsideration.corrected', section: SECTION, label: '直接纠错（变更、撤销、确认违法、责令履行、确认无效）', unit: '件', compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, corrected) },
  {
    id: 'reconsideration.correction_rate',
    section: SECTION,
    label: '纠错率（纠错决定占全部决定）',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => pct(await countWhere(ctx, year, orgId, corrected), await countWhere(ctx, year, orgId, decided)),
  },
  {
    id: 'reconsideration.mediated',
    section: SECTION,
    label: '以调解、和解方式化解',
    unit: '件',
    compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, inArray(reconsiderationCase.status, ['mediated', 'settled'])),
  },
  {
    id: 'reconsideration.on_time_rate',
    section: SECTION,
    label: '按期审结率',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const [row] = await queryRows<{ done: number; late: number }>(
        ctx.db,
        sql`select count(*)::int as done, count(*) filter (where ${concludedLate})::int as late
            from reconsideration_case where ${within(ctx, orgId)} and ${inYear(year)} and status in ${CONCLUDED}`,
      );
      return row ? pct(row.done - row.late, row.done) : null;
    },
  },
];

interface Breakdown {
  key: string | number;
  name: string;
  received: number;
  decided: number;
  corrected: number;
  mediated: number;
}

const breakdown = async (ctx: Ctx, year: number, orgId: number | undefined, by: 'respondent' | 'field'): Promise<Breakdown[]> => {
  requirePermission(ctx, PERM.read);
  const key = by === 'respondent' ? sql`r.respondent_org_id` : sql`r.field`;
  const rows = await queryRows<{ key: string | number; name: string | null; received: number; decided: number; corrected: number; mediated: number }>(
    ctx.db,
    sql`select ${key} as key, ${by === 'respondent' ? sql`(select name from org_unit o where o.id = r.respondent_org_id)` : sql`null`} as name,
          count(*)::int as received,
          count(*) filter (where r.status = 'decided')::int as decided,
          count(*) filter (where r.status = 'decided' and r.decision_type in ${CORRECTIVE_TYPES})::int as corrected,
          count(*) filter (where r.status in ('mediated', 'settled'))::int as mediated
        from reconsideration_case r
        where r.id in (select ${reconsiderationCase.id} from ${reconsiderationCase} where ${within(ctx, orgId)} and ${inYear(year)})
        group by 1 order by received desc, 1`,
  );
  return rows.map((r) => ({ ...r, name: by === 'field' ? (FIELDS.find((f) => f.value === r.key)?.label ?? String(r.key)) : (r.name ?? '') }));
};

/** 按被申请人统计 (for the report): cases, decisions, corrections and mediations per respondent agency. */
export const byRespondent = (ctx: Ctx, year: number, orgId?: number) => breakdown(ctx, year, orgId, 'respondent');
/** 按案件领域统计. */
export const byField = (ctx: Ctx, year: number, orgId?: number) => breakdown(ctx, year, orgId, 'field');
