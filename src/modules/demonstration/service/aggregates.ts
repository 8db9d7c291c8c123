import { sql, type SQL } from 'drizzle-orm';
import { toLocalDate, type Ctx } from '../../../kernel';
import { assignmentMachine } from '../assignment-machine';
import { PERM, scopeOn } from './access';

/** Counts of one group of assignments, as the boards and the tree show them. */
export interface AssignmentCounts {
  total: number;
  closed: number;
  inProgress: number;
  submitted: number;
  overdue: number;
  dueSoon: number;
  closedOnTime: number;
  avgScore: number | null;
}

/** The last day still counted as 即将到期: `dueSoonWorkingDays` working days from today. */
export const dueSoonLimit = async (ctx: Ctx): Promise<{ today: string; soon: string }> => {
  const calendar = await ctx.services.calendar.get();
  const today = toLocalDate(ctx.now);
  const soon = calendar.addPeriod(today, assignmentMachine.clocks.completion!.dueSoonWorkingDays ?? 5, 'working_day').due;
  return { today, soon };
};

/**
 * FROM clause over assignments `a` (not cancelled) with their task `t`, the running completion clock `c`
 * and the clock that ended with the assignment `cs`.
 */
export const ASSIGNMENT_FROM = sql`task_assignment a
  join demo_task t on t.id = a.task_id
  left join case_clock c on c.entity_type = 'task_assignment' and c.entity_id = a.id and c.clock_key = 'completion' and c.status = 'running'
  left join lateral (select x.due_date, x.stopped_on from case_clock x
     where x.entity_type = 'task_assignment' and x.entity_id = a.id and x.clock_key = 'completion' and x.stop_reason = 'completed'
     order by x.id desc limit 1) cs on true`;

/** The aggregate columns (alias names match AssignmentCounts). */
export const countColumns = (today: string, soon: string): SQL => sql`count(*)::int as total,
  count(*) filter (where a.status = 'closed')::int as closed,
  count(*) filter (where a.status in ('in_progress', 'returned'))::int as "inProgress",
  count(*) filter (where a.status = 'submitted')::int as submitted,
  count(*) filter (where c.due_date < ${today})::int as overdue,
  count(*) filter (where c.due_date >= ${today} and c.due_date <= ${soon})::int as "dueSoon",
  count(*) filter (where a.status = 'closed' and cs.stopped_on <= cs.due_date)::int as "closedOnTime",
  (avg(a.score) filter (where a.status = 'closed'))::float as "avgScore"`;

/** Conditions common to every board: not cancelled, within the reader's scope, edition and optional year. */
export const boardWhere = (ctx: Ctx, editionId: number, year: number | undefined): SQL =>
  sql`a.status <> 'cancelled' and t.edition_id = ${editionId} and ${scopeOn(ctx, sql`a.org_id`, PERM.read)}${year ? sql` and t.year = ${year}` : sql``}`;

export const emptyCounts = (): AssignmentCounts => ({ total: 0, closed: 0, inProgress: 0, submitted: 0, overdue: 0, dueSoon: 0, closedOnTime: 0, avgScore: null });

/** On-time close rate in percent (one decimal), null when nothing was closed. */
export const onTimeRate = (c: Pick<AssignmentCounts, 'closed' | 'closedOnTime'>): number | null =>
  c.closed === 0 ? null : Math.round((c.closedOnTime / c.closed) * 1000) / 10;
