import { and, count, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { inOrgSubtree, queryRows, toLocalDate, type Ctx, type StatisticDef } from '../../kernel';
import { REPLY_TYPES } from './request-machine';
import { disclosureRequest } from './schema';
import { PERM, requestScope } from './service/request-access';

const SECTION = '政府信息公开';

const inYear = (year: number): SQL =>
  and(gte(disclosureRequest.receivedDate, `${year}-01-01`), lte(disclosureRequest.receivedDate, `${year}-12-31`))!;

/** The data scope, narrowed to one unit's subtree when a figure is asked for that unit. */
const within = (ctx: Ctx, orgId: number | undefined): SQL =>
  and(requestScope(ctx, PERM.read), orgId === undefined ? undefined : inOrgSubtree(disclosureRequest.orgId, orgId))!;

const countWhere = async (ctx: Ctx, year: number, orgId: number | undefined, cond?: SQL): Promise<number> => {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(disclosureRequest)
    .where(and(within(ctx, orgId), inYear(year), cond));
  return Number(row?.n ?? 0);
};

// A reply is late when the reply clock that was running at the reply had its due date before the reply date;
// an open request is late when its running reply clock is past due.
const lateReplied = sql`${disclosureRequest.status} = 'replied' and exists (select 1 from case_clock c where c.entity_type = 'disclosure_request' and c.entity_id = ${disclosureRequest.id}
  and c.clock_key = 'reply' and c.stop_reason = 'completed' and c.due_date < c.stopped_on)`;
const lateOpen = (today: string) => sql`exists (select 1 from case_clock c where c.entity_type = 'disclosure_request' and c.entity_id = ${disclosureRequest.id}
  and c.clock_key = 'reply' and c.status = 'running' and c.due_date < ${today})`;

/** Annual-report figures of 依申请公开, each a SQL count within the reader's data scope. */
export const statistics: StatisticDef[] = [
  { id: 'disclosure.received', section: SECTION, label: '收到依申请公开申请', unit: '件', compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId) },
  {
    id: 'disclosure.replied',
    section: SECTION,
    label: '已答复',
    unit: '件',
    compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, eq(disclosureRequest.status, 'replied')),
  },
  ...REPLY_TYPES.map(
    (t): StatisticDef => ({
      id: `disclosure.reply.${t.value}`,
      section: SECTION,
      label: `答复：${t.label}`,
      unit: '件',
      compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, and(eq(disclosureRequest.status, 'replied'), eq(disclosureRequest.replyType, t.value))),
    }),
  ),
  {
    id: 'disclosure.extended',
    section: SECTION,
    label: '延期答复',
    unit: '件',
    compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, isNotNull(disclosureRequest.extensionDays)),
  },
  {
    id: 'disclosure.overdue',
    section: SECTION,
    label: '逾期（已逾期答复或逾期未答复）',
    unit: '件',
    compute: ({ ctx, year, orgId }) => countWhere(ctx, year, orgId, sql`(${lateReplied} or ${lateOpen(toLocalDate(ctx.now))})`),
  },
  {
    id: 'disclosure.on_time_rate',
    section: SECTION,
    label: '按期答复率',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const [row] = await queryRows<{ replied: number; late: number }>(
        ctx.db,
        sql`select count(*)::int as replied, count(*) filter (where ${lateReplied})::int as late
            from disclosure_request where ${within(ctx, orgId)} and ${inYear(year)} and status = 'replied'`,
      );
      if (!row || row.replied === 0) return null;
      return Math.round(((row.replied - row.late) / row.replied) * 1000) / 10;
    },
  },
];
