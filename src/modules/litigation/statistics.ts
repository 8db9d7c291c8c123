import { and, count, eq, gte, inArray, isNotNull, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { inOrgSubtree, queryRows, type Ctx, type StatisticDef } from '../../kernel';
import { HEAD_ATTENDANCE } from './case-machine';
import { litigationCase, litigationHearing, litigationSuggestion } from './schema';
import { caseScope } from './service/access';

const SECTION = '行政应诉';

const between = (col: AnyColumn, year: number): SQL => and(gte(col, `${year}-01-01`), lte(col, `${year}-12-31`))!;

/** The data scope on cases (defendant agency), narrowed to one unit's subtree when asked. */
const within = (ctx: Ctx, orgId: number | undefined): SQL => and(caseScope(ctx), orgId === undefined ? undefined : inOrgSubtree(litigationCase.orgId, orgId))!;

const countCases = async (ctx: Ctx, orgId: number | undefined, cond: SQL): Promise<number> => {
  const [row] = await ctx.db.select({ n: count() }).from(litigationCase).where(and(within(ctx, orgId), cond));
  return Number(row?.n ?? 0);
};
const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

const judgedIn = (year: number): SQL => and(isNotNull(litigationCase.outcome), between(litigationCase.judgmentDate, year))!;
const lostIn = (year: number): SQL => and(eq(litigationCase.lost, true), between(litigationCase.judgmentDate, year))!;

/** Hearings held (attendance recorded) in the year, of cases in scope; `heads`: a head appeared. */
const countHearings = async (ctx: Ctx, year: number, orgId: number | undefined, heads: boolean): Promise<number> => {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(litigationHearing)
    .innerJoin(litigationCase, eq(litigationCase.id, litigationHearing.caseId))
    .where(and(within(ctx, orgId), between(litigationHearing.hearingDate, year), heads ? inArray(litigationHearing.attendance, HEAD_ATTENDANCE) : isNotNull(litigationHearing.attendance)));
  return Number(row?.n ?? 0);
};

const countSuggestions = async (ctx: Ctx, year: number, orgId: number | undefined, replied: boolean): Promise<number> => {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(litigationSuggestion)
    .innerJoin(litigationCase, eq(litigationCase.id, litigationSuggestion.caseId))
    .where(and(within(ctx, orgId), between(litigationSuggestion.receivedDate, year), replied ? eq(litigationSuggestion.status, 'replied') : undefined));
  return Number(row?.n ?? 0);
};

const HEADS = sql.join(HEAD_ATTENDANCE.map((a) => sql`${a}`), sql`, `);

/**
 * Annual-report figures of 行政应诉 within the reader's data scope (and `orgId`'s subtree): cases are counted
 * in the year filed, judgments in the year judged (审结: 判决、裁定、撤诉、调解), hearings in the year held.
 */
export const statistics: StatisticDef[] = [
  { id: 'litigation.cases', section: SECTION, label: '新收行政诉讼案件', unit: '件', compute: ({ ctx, year, orgId }) => countCases(ctx, orgId, between(litigationCase.filedDate, year)) },
  { id: 'litigation.judged', section: SECTION, label: '审结（判决、裁定、撤诉、调解）', unit: '件', compute: ({ ctx, year, orgId }) => countCases(ctx, orgId, judgedIn(year)) },
  { id: 'litigation.lost', section: SECTION, label: '败诉', unit: '件', compute: ({ ctx, year, orgId }) => countCases(ctx, orgId, lostIn(year)) },
  {
    id: 'litigation.loss_rate',
    section: SECTION,
    label: '败诉率（败诉占审结）',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => pct(await countCases(ctx, orgId, lostIn(year)), await countCases(ctx, orgId, judgedIn(year))),
  },
  { id: 'litigation.hearings', section: SECTION, label: '开庭审理（场次）', unit: '次', compute: ({ ctx, year, orgId }) => countHearings(ctx, year, orgId, false) },
  {
    id: 'litigation.head_appearance_rate',
    section: SECTION,
    label: '行政机关负责人出庭应诉率（按庭次）',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => pct(await countHearings(ctx, year, orgId, true), await countHearings(ctx, year, orgId, false)),
  },
  {
    id: 'litigation.head_appearance_case_rate',
    section: SECTION,
    label: '负责人出庭应诉率（按案件，至少一次出庭）',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const [row] = await queryRows<{ cases: number; withHead: number }>(
        ctx.db,
        sql`select count(*)::int as cases, count(*) filter (where heads > 0)::int as "withHead" from (
              select h.case_id, count(*) filter (where h.attendance in (${HEADS})) as heads
              from litigation_hearing h
              where h.attendance is not null and h.hearing_date between ${`${year}-01-01`} and ${`${year}-12-31`}
                and h.case_id in (select ${litigationCase.id} from ${litigationCase} where ${within(ctx, orgId)})
              group by h.case_id) t`,
      );
      return row ? pct(row.withHead, row.cases) : null;
    },
  },
  {
    id: 'litigation.after_reconsideration',
    section: SECTION,
    label: '经行政复议后起诉',
    unit: '件',
    compute: ({ ctx, year, orgId }) => countCases(ctx, orgId, and(between(litigationCase.filedDate, year), eq(litigationCase.afterReconsideration, true))!),
  },
  { id: 'litigation.judicial_suggestions', section: SECTION, label: '收到司法建议', unit: '件', compute: ({ ctx, year, orgId }) => countSuggestions(ctx, year, orgId, false) },
  {
    id: 'litigation.suggestion_reply_rate',
    section: SECTION,
    label: '司法建议回复率',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => pct(await countSuggestions(ctx, year, orgId, true), await countSuggestions(ctx, year, orgId, false)),
  },
];
