import { and, count, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { inOrgSubtree, queryRows, requirePermission, toLocalDate, type Ctx, type StatisticDef } from '../../../kernel';
import { KINDS } from './case-machine';
import { enforcementCase } from './schema';
import { caseScope, PERM } from './service/access';

const SECTION = '行政执法';

/** Cases are counted in the year they were filed (立案 / 受理). */
const inYear = (year: number): SQL => and(gte(enforcementCase.filedDate, `${year}-01-01`), lte(enforcementCase.filedDate, `${year}-12-31`))!;

/** The data scope, narrowed to one unit's subtree when a figure is asked for that unit. */
const within = (ctx: Ctx, orgId: number | undefined): SQL => and(caseScope(ctx, PERM.read), orgId === undefined ? undefined : inOrgSubtree(enforcementCase.orgId, orgId))!;

const countWhere = async (ctx: Ctx, year: number, orgId: number | undefined, cond?: SQL): Promise<number> => {
  const [row] = await ctx.db.select({ n: count() }).from(enforcementCase).where(and(within(ctx, orgId), inYear(year), cond));
  return Number(row?.n ?? 0);
};
const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** 重大 cases decided in this system (imported ones carry no review record and are left out). */
const majorDecided = and(eq(enforcementCase.isMajor, true), isNotNull(enforcementCase.decidedDate), eq(enforcementCase.imported, false))!;
const reviewed = eq(enforcementCase.legalReviewResult, 'passed');

/**
 * Decided within 90 days of filing (第六十条): by the decision clock where there is one (it knows the
 * roll-over past rest days); imported cases by their dates.
 */
const decidedOnTime = sql`coalesce(
  (select c.stopped_on <= c.due_date from case_clock c where c.entity_type = 'enforcement_case' and c.entity_id = ${enforcementCase.id} and c.clock_key = 'decision' and c.status = 'stopped' order by c.id desc limit 1),
  ${enforcementCase.decidedDate} <= ${enforcementCase.filedDate} + 90)`;

/** 公示 on time: of the decisions whose publication period has ended or that were published, those published by the due date. */
export const publicationTimeliness = async (ctx: Ctx, year: number, orgId: number | undefined): Promise<{ due: number; onTime: number }> => {
  const today = toLocalDate(ctx.now);
  const [row] = await queryRows<{ due: number; on_time: number }>(
    ctx.db,
    sql`select count(*)::int as due, count(*) filter (where c.status = 'stopped' and c.stopped_on <= c.due_date)::int as on_time
        from enforcement_publication p
        join case_clock c on c.entity_type = 'enforcement_publication' and c.entity_id = p.id and c.clock_key in ('publishQuick', 'publishOther')
        where p.case_id in (select ${enforcementCase.id} from ${enforcementCase} where ${within(ctx, orgId)} and ${inYear(year)})
          and (c.status = 'stopped' or c.due_date < ${today})`,
  );
  return { due: row?.due ?? 0, onTime: row?.on_time ?? 0 };
};

/** 行政执法 figures for the annual report, each within the reader's data scope (and `orgId`'s subtree). */
export const statistics: StatisticDef[] = [
  { id: 'enforcement.cases', section: SECTION, label: '行政执法案件（立案、受理、检查）', unit: '件', compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId) },
  ...KINDS.map(
    (k): StatisticDef => ({ id: `enforcement.cases.${k.value}`, section: SECTION, label: `${k.label}案件`, unit: '件', compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, eq(enforcementCase.kind, k.value)) }),
  ),
  { id: 'enforcement.enterprise_cases', section: SECTION, label: '涉企行政执法案件', unit: '件', compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, eq(enforcementCase.enterpriseRelated, true)) },
  { id: 'enforcement.major_cases', section: SECTION, label: '重大执法决定案件', unit: '件', compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, eq(enforcementCase.isMajor, true)) },
  {
    id: 'enforcement.legal_review_coverage',
    section: SECTION,
    label: '重大执法决定法制审核率',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => pct(await countWhere(ctx, year, orgId, and(majorDecided, reviewed)), await countWhere(ctx, year, orgId, majorDecided)),
  },
  {
    id: 'enforcement.publication_on_time_rate',
    section: SECTION,
    label: '执法决定按时公示率',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const t = await publicationTimeliness(ctx, year, orgId);
      return pct(t.onTime, t.due);
    },
  },
  {
    id: 'enforcement.decision_on_time_rate',
    section: SECTION,
    label: '行政处罚案件九十日内作出决定比例',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const decided = and(eq(enforcementCase.kind, 'penalty'), isNotNull(enforcementCase.decidedDate))!;
      return pct(await countWhere(ctx, year, orgId, and(decided, sql`${decidedOnTime}`)), await countWhere(ctx, year, orgId, decided));
    },
  },
  {
    id: 'enforcement.corrected_by_reconsideration',
    section: SECTION,
    label: '被行政复议纠错的执法案件',
    unit: '件',
    compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, isNotNull(enforcementCase.correctedByReconsideration)),
  },
  { id: 'enforcement.discretion_outside', section: SECTION, label: '罚款超出裁量基准的案件', unit: '件', compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, eq(enforcementCase.discretionOutside, true)) },
];

/** 分析看板: cases by kind and by body, 涉企 share, 法制审核 coverage, 公示 timeliness, discretion flags, 分类分级检查. */
export const caseBoard = async (ctx: Ctx, year: number, orgId?: number) => {
  requirePermission(ctx, PERM.read);
  const scope = sql`r.id in (select ${enforcementCase.id} from ${enforcementCase} where ${within(ctx, orgId)} and ${inYear(year)})`;
  const byKind = await queryRows<{ kind: string; total: number; enterprise: number; major: number; decided: number }>(
    ctx.db,
    sql`select r.kind, count(*)::int as total, count(*) filter (where r.enterprise_related)::int as enterprise, count(*) filter (where r.is_major)::int as major,
          count(*) filter (where r.decided_date is not null)::int as decided
        from enforcement_case r where ${scope} group by r.kind order by total desc`,
  );
  const byBody = await queryRows<{ body_id: number; name: string; total: number; penalty: number; licence: number; inspection: number; compulsory: number; outside: number }>(
    ctx.db,
    sql`select r.body_id, (select b.name from enforcement_body b where b.id = r.body_id) as name, count(*)::int as total,
          count(*) filter (where r.kind = 'penalty')::int as penalty, count(*) filter (where r.kind = 'licence')::int as licence,
          count(*) filter (where r.kind = 'inspection')::int as inspection, count(*) filter (where r.kind = 'compulsory')::int as compulsory,
          count(*) filter (where r.discretion_outside)::int as outside
        from enforcement_case r where ${scope} group by r.body_id order by total desc limit 15`,
  );
  const byStatus = await queryRows<{ status: string; total: number }>(ctx.db, sql`select r.status, count(*)::int as total from enforcement_case r where ${scope} group by r.status`);
  const [inspections] = await queryRows<{ total: number; graded: number }>(
    ctx.db,
    sql`select count(*)::int as total, count(*) filter (where r.risk_class is not null)::int as graded from enforcement_case r where ${scope} and r.kind = 'inspection'`,
  );
  const figures: Record<string, number | null> = {};
  for (const s of statistics) figures[s.id] = await s.compute({ ctx, year, orgId });
  const total = figures['enforcement.cases'] ?? 0;
  return {
    year,
    figures,
    enterpriseShare: pct(figures['enforcement.enterprise_cases'] ?? 0, total),
    gradedInspectionShare: pct(inspections?.graded ?? 0, inspections?.total ?? 0),
    byKind,
    byBody,
    byStatus,
    majorDecided: await countWhere(ctx, year, orgId, majorDecided),
    majorReviewed: await countWhere(ctx, year, orgId, and(majorDecided, reviewed)),
    publication: await publicationTimeliness(ctx, year, orgId),
  };
};
