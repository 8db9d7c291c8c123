import { sql, type SQL } from 'drizzle-orm';
import { inOrgSubtree, queryRows, toLocalDate, type Ctx, type StatisticDef } from '../../kernel';
import { PERM, scopeOn } from './service/access';

const SECTION = '示范创建';

/** Assignments of tasks of `year`, not cancelled, within the reader's scope and (with orgId) that unit's subtree. */
const where = (ctx: Ctx, year: number, orgId: number | undefined): SQL =>
  sql`a.status <> 'cancelled' and t.year = ${year} and ${scopeOn(ctx, sql`a.org_id`, PERM.read)}${orgId === undefined ? sql`` : sql` and ${inOrgSubtree(sql`a.org_id`, orgId)}`}`;

interface Figures {
  tasks: number;
  assignments: number;
  closed: number;
  closedLate: number;
  openOverdue: number;
  closedOnTime: number;
}

const figures = async (ctx: Ctx, year: number, orgId: number | undefined): Promise<Figures> => {
  const today = toLocalDate(ctx.now);
  const [row] = await queryRows<Figures>(
    ctx.db,
    sql`select count(distinct a.task_id)::int as tasks, count(*)::int as assignments,
          count(*) filter (where a.status = 'closed')::int as closed,
          count(*) filter (where a.status = 'closed' and cs.stopped_on > cs.due_date)::int as "closedLate",
          count(*) filter (where c.due_date < ${today})::int as "openOverdue",
          count(*) filter (where a.status = 'closed' and cs.stopped_on <= cs.due_date)::int as "closedOnTime"
        from task_assignment a join demo_task t on t.id = a.task_id
        left join case_clock c on c.entity_type = 'task_assignment' and c.entity_id = a.id and c.clock_key = 'completion' and c.status = 'running'
        left join lateral (select x.due_date, x.stopped_on from case_clock x where x.entity_type = 'task_assignment' and x.entity_id = a.id
          and x.clock_key = 'completion' and x.stop_reason = 'completed' order by x.id desc limit 1) cs on true
        where ${where(ctx, year, orgId)}`,
  );
  return row!;
};

/** Figures of 示范创建 for the annual report and 考核, each a SQL count within the reader's scope. */
export const statistics: StatisticDef[] = [
  { id: 'demonstration.tasks', section: SECTION, label: '分解任务数', unit: '件', compute: async ({ ctx, year, orgId }) => (await figures(ctx, year, orgId)).tasks },
  { id: 'demonstration.assignments', section: SECTION, label: '责任分工（单位任务）数', unit: '件', compute: async ({ ctx, year, orgId }) => (await figures(ctx, year, orgId)).assignments },
  { id: 'demonstration.assignments_closed', section: SECTION, label: '已销号', unit: '件', compute: async ({ ctx, year, orgId }) => (await figures(ctx, year, orgId)).closed },
  {
    id: 'demonstration.assignments_overdue',
    section: SECTION,
    label: '逾期（逾期未销号及逾期销号）',
    unit: '件',
    compute: async ({ ctx, year, orgId }) => {
      const f = await figures(ctx, year, orgId);
      return f.openOverdue + f.closedLate;
    },
  },
  {
    id: 'demonstration.close_on_time_rate',
    section: SECTION,
    label: '按期销号率',
    unit: '%',
    compute: async ({ ctx, year, orgId }) => {
      const f = await figures(ctx, year, orgId);
      return f.closed === 0 ? null : Math.round((f.closedOnTime / f.closed) * 1000) / 10;
    },
  },
];
