import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { inOrgSubtree, pageDeadlines, requirePermission, toLocalDate, type Ctx } from '../../../kernel';
import { assignmentMachine } from '../assignment-machine';
import type { AssignmentFilter } from '../contract';
import { demoTask, indicator, taskAssignment } from '../schema';
import { assignmentScope, orgName, PERM } from './access';

/** The filter conditions, always including the actor's data scope for `permission`. */
export const assignmentConditions = (ctx: Ctx, f: AssignmentFilter, permission: string): SQL => {
  const today = toLocalDate(ctx.now);
  return and(
    assignmentScope(ctx, permission),
    f.status ? eq(taskAssignment.status, f.status) : undefined,
    f.orgId ? inOrgSubtree(taskAssignment.orgId, f.orgId) : undefined,
    // An indicator of any level: its own tasks and those of the indicators below it.
    f.indicatorId
      ? sql`${demoTask.indicatorId} in (select i.id from indicator i left join indicator p on p.id = i.parent_id
              where i.id = ${f.indicatorId} or i.parent_id = ${f.indicatorId} or p.parent_id = ${f.indicatorId})`
      : undefined,
    f.year ? eq(demoTask.year, f.year) : undefined,
    f.overdue
      ? sql`exists (select 1 from case_clock c where c.entity_type = 'task_assignment' and c.entity_id = ${taskAssignment.id}
              and c.clock_key = 'completion' and c.status = 'running' and c.due_date < ${today})`
      : undefined,
    f.q ? or(ilike(demoTask.title, `%${f.q}%`), ilike(indicator.name, `%${f.q}%`), ilike(indicator.code, `${f.q}%`)) : undefined,
  )!;
};

const listColumns = {
  id: taskAssignment.id,
  taskId: taskAssignment.taskId,
  orgId: taskAssignment.orgId,
  orgName: orgName(taskAssignment.orgId),
  role: taskAssignment.role,
  status: taskAssignment.status,
  version: taskAssignment.version,
  dueDate: taskAssignment.dueDate,
  progressPercent: taskAssignment.progressPercent,
  selfScore: taskAssignment.selfScore,
  score: taskAssignment.score,
  lastReportedAt: taskAssignment.lastReportedAt,
  closedAt: taskAssignment.closedAt,
  title: demoTask.title,
  year: demoTask.year,
  indicatorId: indicator.id,
  indicatorCode: indicator.code,
  indicatorName: indicator.name,
};

/** Assignments matching the filter within scope, by due date, with the completion deadline of each. */
export const findAssignments = async (ctx: Ctx, f: AssignmentFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = assignmentConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db
    .select({ total: count() })
    .from(taskAssignment)
    .innerJoin(demoTask, eq(demoTask.id, taskAssignment.taskId))
    .innerJoin(indicator, eq(indicator.id, demoTask.indicatorId))
    .where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select(listColumns)
    .from(taskAssignment)
    .innerJoin(demoTask, eq(demoTask.id, taskAssignment.taskId))
    .innerJoin(indicator, eq(indicator.id, demoTask.indicatorId))
    .where(where)
    .orderBy(sql`case when ${taskAssignment.status} in ('closed', 'cancelled') then 1 else 0 end`, taskAssignment.dueDate, desc(taskAssignment.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  // Closed assignments show their stopped deadline (已结束), open ones the running one.
  const deadlines = await pageDeadlines(ctx, assignmentMachine, 'completion', rows.map((r) => r.id), { includeStopped: true });
  return { total: Number(total), items: rows.map((r) => ({ ...r, deadline: deadlines.get(r.id) ?? null })) };
};
