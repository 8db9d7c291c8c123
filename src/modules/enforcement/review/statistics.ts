import { sql, type SQL } from 'drizzle-orm';
import { inOrgSubtree, queryRows, requirePermission, scopeWhere, toLocalDate, type Ctx, type StatisticDef } from '../../../kernel';
import { COMPLAINT_CHANNELS, COMPLAINT_RESULTS, DOC_KINDS, docMachine, SHEET_CATEGORIES } from './review-machine';
import { PERM } from './service/access';

const SECTION = '行政执法';

/**
 * Every figure here is about the agencies being supervised, so it is scoped by the body's unit (the `org_id` of
 * the file, problem, document or complaint) — whichever 司法局 ran the review or issued the document — and
 * narrowed to `orgId`'s subtree when asked for one unit.
 */
const within = (ctx: Ctx, alias: string, orgId: number | undefined): SQL =>
  sql`${scopeWhere(ctx.actor, PERM.read, { org: sql.raw(`${alias}.org_id`) })} and ${orgId === undefined ? sql`true` : inOrgSubtree(sql.raw(`${alias}.org_id`), orgId)}`;

const one = async (ctx: Ctx, q: SQL): Promise<number | null> => {
  const [row] = await queryRows<{ v: number | string | null }>(ctx.db, q);
  return row?.v === null || row?.v === undefined ? null : Number(row.v);
};

const filesOfYear = (year: number) => sql`f.review_id in (select r.id from enforcement_review r where r.year = ${year}) and coalesce(f.total, f.self_total) is not null`;
const docsOfYear = (year: number) => sql`d.issued_date between ${`${year}-01-01`} and ${`${year}-12-31`}`;
const complaintsOfYear = (year: number) => sql`c.received_date between ${`${year}-01-01`} and ${`${year}-12-31`}`;

/** A reply is on time when given on or before the due date of the document's reply clock. */
const onTimeSql = sql`exists (select 1 from case_clock k where k.entity_type = 'enforcement_supervision_doc' and k.entity_id = d.id and d.reply_date <= k.due_date)`;

export const statistics: StatisticDef[] = [
  {
    id: 'enforcement.files_reviewed',
    section: SECTION,
    label: '评查行政执法案卷',
    unit: '本',
    compute: ({ ctx, year, orgId }) => one(ctx, sql`select count(*)::int as v from enforcement_review_file f where ${within(ctx, 'f', orgId)} and ${filesOfYear(year)}`).then((v) => v ?? 0),
  },
  {
    id: 'enforcement.review_problems',
    section: SECTION,
    label: '案卷评查发现问题',
    unit: '个',
    compute: ({ ctx, year, orgId }) =>
      one(ctx, sql`select count(*)::int as v from enforcement_review_problem p where ${within(ctx, 'p', orgId)} and p.review_id in (select r.id from enforcement_review r where r.year = ${year})`).then((v) => v ?? 0),
  },
  {
    id: 'enforcement.review_average_score',
    section: SECTION,
    label: '评查案卷平均得分',
    unit: '分',
    compute: ({ ctx, year, orgId }) => one(ctx, sql`select round(avg(coalesce(f.total, f.self_total)), 1)::float as v from enforcement_review_file f where ${within(ctx, 'f', orgId)} and ${filesOfYear(year)}`),
  },
  ...(
    [
      ['notice', 'enforcement.supervision_notices'],
      ['opinion', 'enforcement.supervision_opinions'],
      ['decision', 'enforcement.supervision_decisions'],
    ] as const
  ).map(
    ([kind, id]): StatisticDef => ({
      id,
      section: SECTION,
      label: `制发${DOC_KINDS.find((k) => k.value === kind)!.label}`,
      unit: '件',
      compute: ({ ctx, year, orgId }) => one(ctx, sql`select count(*)::int as v from enforcement_supervision_doc d where ${within(ctx, 'd', orgId)} and ${docsOfYear(year)} and d.kind = ${kind}`).then((v) => v ?? 0),
    }),
  ),
  {
    id: 'enforcement.supervision_reply_on_time_rate',
    section: SECTION,
    label: '执法监督文书按期回复率',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const [row] = await queryRows<{ replied: number; onTime: number }>(
        ctx.db,
        sql`select count(*)::int as replied, count(*) filter (where ${onTimeSql})::int as "onTime"
            from enforcement_supervision_doc d where ${within(ctx, 'd', orgId)} and ${docsOfYear(year)} and d.reply_date is not null`,
      );
      if (!row || row.replied === 0) return null;
      return Math.round((row.onTime / row.replied) * 1000) / 10;
    },
  },
  {
    id: 'enforcement.complaints',
    section: SECTION,
    label: '收到行政执法投诉举报',
    unit: '件',
    compute: ({ ctx, year, orgId }) => one(ctx, sql`select count(*)::int as v from enforcement_complaint c where ${within(ctx, 'c', orgId)} and ${complaintsOfYear(year)}`).then((v) => v ?? 0),
  },
  {
    id: 'enforcement.complaints_substantiated',
    section: SECTION,
    label: '投诉举报经核查属实或部分属实',
    unit: '件',
    compute: ({ ctx, year, orgId }) =>
      one(ctx, sql`select count(*)::int as v from enforcement_complaint c where ${within(ctx, 'c', orgId)} and ${complaintsOfYear(year)} and c.status = 'concluded' and c.result in ('substantiated', 'partly')`).then(
        (v) => v ?? 0,
      ),
  },
];

/** 执法监督看板: files and problems by category, documents by kind and reply status, complaints by channel and result. */
export const supervisionBoard = async (ctx: Ctx, year: number, orgId: number | undefined) => {
  requirePermission(ctx, PERM.read);
  const problems = await queryRows<{ category: string; n: number }>(
    ctx.db,
    sql`select p.category, count(*)::int as n from enforcement_review_problem p where ${within(ctx, 'p', orgId)} and p.review_id in (select r.id from enforcement_review r where r.year = ${year}) group by p.category`,
  );
  const grades = await queryRows<{ grade: string; n: number }>(
    ctx.db,
    sql`select coalesce(f.grade, 'unscored') as grade, count(*)::int as n from enforcement_review_file f where ${within(ctx, 'f', orgId)} and f.review_id in (select r.id from enforcement_review r where r.year = ${year}) group by 1`,
  );
  const today = toLocalDate(ctx.now);
  const docs = await queryRows<{ kind: string; status: string; overdue: boolean; n: number }>(
    ctx.db,
    sql`select d.kind, d.status, exists (select 1 from case_clock k where k.entity_type = 'enforcement_supervision_doc' and k.entity_id = d.id and k.status = 'running' and k.due_date < ${today}) as overdue, count(*)::int as n
        from enforcement_supervision_doc d where ${within(ctx, 'd', orgId)} and ${docsOfYear(year)} group by 1, 2, 3`,
  );
  const complaints = await queryRows<{ channel: string; result: string | null; status: string; n: number }>(
    ctx.db,
    sql`select c.channel, c.result, c.status, count(*)::int as n from enforcement_complaint c where ${within(ctx, 'c', orgId)} and ${complaintsOfYear(year)} group by 1, 2, 3`,
  );
  const figures = [];
  for (const s of statistics) figures.push({ id: s.id, label: s.label, unit: s.unit, value: await s.compute({ ctx, year, orgId }) });
  const sum = (list: { n: number }[]) => list.reduce((a, r) => a + r.n, 0);
  return {
    year,
    figures,
    problemsByCategory: SHEET_CATEGORIES.map((c) => ({ category: c.value, label: c.label, count: problems.find((p) => p.category === c.value)?.n ?? 0 })),
    filesByGrade: grades.map((g) => ({ grade: g.grade, count: g.n })),
    docsByKind: DOC_KINDS.map((k) => ({
      kind: k.value,
      label: k.short,
      total: sum(docs.filter((d) => d.kind === k.value)),
      byStatus: Object.entries(docMachine.states).map(([s, def]) => ({ status: s, label: def.label, count: sum(docs.filter((d) => d.kind === k.value && d.status === s)) })),
      overdue: sum(docs.filter((d) => d.kind === k.value && d.overdue)),
    })),
    complaintsByChannel: COMPLAINT_CHANNELS.map((c) => ({ channel: c.value, label: c.label, count: sum(complaints.filter((x) => x.channel === c.value)) })),
    complaintsByResult: [
      ...COMPLAINT_RESULTS.map((r) => ({ result: r.value, label: r.label, count: sum(complaints.filter((x) => x.status === 'concluded' && x.result === r.value)) })),
      { result: 'open', label: '办理中', count: sum(complaints.filter((x) => !['concluded', 'dismissed'].includes(x.status))) },
      { result: 'dismissed', label: '不予受理', count: sum(complaints.filter((x) => x.status === 'dismissed')) },
    ],
  };
};
