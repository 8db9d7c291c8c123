import { sql, type SQL } from 'drizzle-orm';
import { inOrgSubtree, queryRows, type Ctx, type StatisticDef } from '../../kernel';
import { percent } from './options';
import { orgScope } from './service/access';

const SECTION = '法治考核与学法';

/** The reader's scope on a unit column, narrowed to one unit's subtree when asked. */
const within = (ctx: Ctx, column: SQL, orgId: number | undefined): SQL =>
  orgId === undefined ? orgScope(ctx, column) : sql`${orgScope(ctx, column)} and ${inOrgSubtree(column, orgId)}`;

const one = async (ctx: Ctx, query: SQL): Promise<number> => {
  const [row] = await queryRows<{ v: number | null }>(ctx.db, query);
  return Number(row?.v ?? 0);
};

const examTotals = async (ctx: Ctx, year: number, orgId: number | undefined) => {
  const [row] = await queryRows<{ eligible: number; participated: number; passed: number }>(
    ctx.db,
    sql`select coalesce(sum(r.eligible), 0)::int as eligible, coalesce(sum(r.participated), 0)::int as participated, coalesce(sum(r.passed), 0)::int as passed
        from law_exam_result r join law_exam e on e.id = r.exam_id
        where e.year = ${year} and ${within(ctx, sql`r.org_id`, orgId)}`,
  );
  return row ?? { eligible: 0, participated: 0, passed: 0 };
};

/** Figures of 法治考核与学法, each a SQL aggregate within the reader's scope (and a unit's subtree with orgId). */
export const statistics: StatisticDef[] = [
  {
    id: 'assessment.study_sessions',
    section: SECTION,
    label: '领导干部学法次数',
    unit: '次',
    compute: ({ ctx, year, orgId }) =>
      one(ctx, sql`select count(*)::int as v from study_session s where extract(year from s.date) = ${year} and ${within(ctx, sql`s.org_id`, orgId)}`),
  },
  {
    id: 'assessment.study_hours',
    section: SECTION,
    label: '领导干部学法时长',
    unit: '小时',
    compute: ({ ctx, year, orgId }) =>
      one(ctx, sql`select coalesce(sum(s.duration_hours), 0)::float as v from study_session s where extract(year from s.date) = ${year} and ${within(ctx, sql`s.org_id`, orgId)}`),
  },
  {
    id: 'assessment.exam_participation_rate',
    section: SECTION,
    label: '学法考试参考率',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const t = await examTotals(ctx, year, orgId);
      return percent(t.participated, t.eligible);
    },
  },
  {
    id: 'assessment.exam_pass_rate',
    section: SECTION,
    label: '学法考试通过率',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const t = await examTotals(ctx, year, orgId);
      return percent(t.passed, t.participated);
    },
  },
  {
    id: 'assessment.duty_reports',
    section: SECTION,
    label: '述职述法报告数',
    unit: '件',
    compute: ({ ctx, year, orgId }) => one(ctx, sql`select count(*)::int as v from duty_report d where d.year = ${year} and ${within(ctx, sql`d.org_id`, orgId)}`),
  },
  {
    id: 'assessment.units_assessed',
    section: SECTION,
    label: '参加法治建设考核的单位数',
    unit: '个',
    compute: ({ ctx, year, orgId }) =>
      one(
        ctx,
        sql`select count(distinct t.org_id)::int as v from assessment_target t join assessment_scheme s on s.id = t.scheme_id
            where s.year = ${year} and s.status <> 'draft' and ${within(ctx, sql`t.org_id`, orgId)}`,
      ),
  },
];
