import { and, count, desc, eq, gte, ilike, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { caseClock, inOrgSubtree, requirePermission, toDeadlineView, toLocalDate, type Ctx } from '../../../kernel';
import { caseMachine } from '../case-machine';
import type { CaseFilter } from '../contract';
import { reconsiderationCase } from '../schema';
import { caseScope, orgNameSql, PERM, respondentNameSql } from './access';
import { deemedAcceptance } from './get-case-detail';

/** A running clock of the case is past its due date. */
export const overdueSql = (today: string): SQL =>
  sql`exists (select 1 from case_clock c where c.entity_type = 'reconsideration_case' and c.entity_id = ${reconsiderationCase.id} and c.status = 'running' and c.due_date < ${today})`;

/** The filter conditions, always including the actor's data scope for `permission`. */
export const caseConditions = (ctx: Ctx, f: CaseFilter, permission: string): SQL =>
  and(
    caseScope(ctx, permission),
    f.status ? eq(reconsiderationCase.status, f.status) : undefined,
    f.procedure ? eq(reconsiderationCase.procedure, f.procedure) : undefined,
    f.field ? eq(reconsiderationCase.field, f.field) : undefined,
    f.respondentOrgId ? inOrgSubtree(reconsiderationCase.respondentOrgId, f.respondentOrgId) : undefined,
    f.orgId ? inOrgSubtree(reconsiderationCase.orgId, f.orgId) : undefined,
    f.receivedFrom ? gte(reconsiderationCase.receivedDate, f.receivedFrom) : undefined,
    f.receivedTo ? lte(reconsiderationCase.receivedDate, f.receivedTo) : undefined,
    f.overdue ? overdueSql(toLocalDate(ctx.now)) : undefined,
    f.late ? eq(reconsiderationCase.applicationLate, true) : undefined,
    f.q
      ? or(
          ilike(reconsiderationCase.applicantName, `%${f.q}%`),
          ilike(reconsiderationCase.caseNo, `%${f.q}%`),
          ilike(reconsiderationCase.actName, `%${f.q}%`),
          ilike(reconsiderationCase.request, `%${f.q}%`),
          ilike(sql`coalesce(${reconsiderationCase.decisionNo}, '')`, `%${f.q}%`),
        )
      : undefined,
  )!;

const listColumns = {
  id: reconsiderationCase.id,
  caseNo: reconsiderationCase.caseNo,
  applicantName: reconsiderationCase.applicantName,
  channel: reconsiderationCase.channel,
  receivedDate: reconsiderationCase.receivedDate,
  actName: reconsiderationCase.actName,
  field: reconsiderationCase.field,
  procedure: reconsiderationCase.procedure,
  status: reconsiderationCase.status,
  orgId: reconsiderationCase.orgId,
  orgName: orgNameSql,
  respondentOrgId: reconsiderationCase.respondentOrgId,
  respondentName: respondentNameSql,
  applicationLate: reconsiderationCase.applicationLate,
  acceptedDate: reconsiderationCase.acceptedDate,
  decisionType: reconsiderationCase.decisionType,
  decisionNo: reconsiderationCase.decisionNo,
  decisionDate: reconsiderationCase.decisionDate,
  closedDate: reconsiderationCase.closedDate,
  version: reconsiderationCase.version,
};

/** Cases matching the filter within scope, newest first, each with its most urgent open deadline. */
export const findCases = async (ctx: Ctx, f: CaseFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = caseConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(reconsiderationCase).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select(listColumns)
    .from(reconsiderationCase)
    .where(where)
    .orderBy(desc(reconsiderationCase.receivedDate), desc(reconsiderationCase.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const ids = rows.map((r) => r.id);
  const clocks = ids.length
    ? await ctx.db
        .select()
        .from(caseClock)
        .where(and(eq(caseClock.entityType, caseMachine.entity), inArray(caseClock.entityId, ids), ne(caseClock.status, 'stopped')))
    : [];
  const calendar = await ctx.services.calendar.get();
  const today = toLocalDate(ctx.now);
  return {
    total: Number(total),
    items: rows.map((r) => {
      const open = clocks.filter((c) => c.entityId === r.id);
      // Most urgent: the running clock due first; else a paused one.
      const running = open.filter((c) => c.status === 'running').sort((a, b) => String(a.dueDate).localeCompare(String(b.dueDate)));
      const clock = running[0] ?? open[0];
      const review = open.find((c) => c.clockKey === 'review');
      return {
        ...r,
        deadline: clock ? toDeadlineView(clock, calendar, today, caseMachine.clocks[clock.clockKey]?.dueSoonWorkingDays) : null,
        ...deemedAcceptance(r, review, today),
      };
    }),
  };
};
