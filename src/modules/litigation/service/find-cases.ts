import { and, count, desc, eq, gte, ilike, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { caseClock, inOrgSubtree, requirePermission, toDeadlineView, toLocalDate, type Ctx } from '../../../kernel';
import { caseMachine, HEAD_ATTENDANCE } from '../case-machine';
import type { CaseFilter } from '../contract';
import { litigationCase } from '../schema';
import { caseScope, orgNameSql, PERM } from './access';

/** A running clock of the case is past its due date. */
export const overdueSql = (today: string): SQL =>
  sql`exists (select 1 from case_clock c where c.entity_type = 'litigation_case' and c.entity_id = ${litigationCase.id} and c.status = 'running' and c.due_date < ${today})`;

/** The filter conditions, always including the actor's data scope for `permission`. */
export const caseConditions = (ctx: Ctx, f: CaseFilter, permission: string): SQL =>
  and(
    caseScope(ctx, permission),
    f.status ? eq(litigationCase.status, f.status) : undefined,
    f.orgId ? inOrgSubtree(litigationCase.orgId, f.orgId) : undefined,
    f.cause ? eq(litigationCase.cause, f.cause) : undefined,
    f.instance ? eq(litigationCase.instance, f.instance) : undefined,
    f.court ? ilike(litigationCase.courtName, `%${f.court}%`) : undefined,
    f.lost === undefined ? undefined : eq(litigationCase.lost, f.lost),
    f.year ? and(gte(litigationCase.filedDate, `${f.year}-01-01`), lte(litigationCase.filedDate, `${f.year}-12-31`)) : undefined,
    f.overdue ? overdueSql(toLocalDate(ctx.now)) : undefined,
    f.q
      ? or(
          ilike(litigationCase.caseNo, `%${f.q}%`),
          ilike(sql`coalesce(${litigationCase.courtCaseNo}, '')`, `%${f.q}%`),
          ilike(litigationCase.plaintiffName, `%${f.q}%`),
          ilike(litigationCase.contestedAct, `%${f.q}%`),
        )
      : undefined,
  )!;

const HEADS = sql.join(HEAD_ATTENDANCE.map((a) => sql`${a}`), sql`, `);
const listColumns = {
  id: litigationCase.id,
  caseNo: litigationCase.caseNo,
  courtName: litigationCase.courtName,
  courtCaseNo: litigationCase.courtCaseNo,
  instance: litigationCase.instance,
  plaintiffName: litigationCase.plaintiffName,
  cause: litigationCase.cause,
  contestedAct: litigationCase.contestedAct,
  afterReconsideration: litigationCase.afterReconsideration,
  filedDate: litigationCase.filedDate,
  servedDate: litigationCase.servedDate,
  status: litigationCase.status,
  orgId: litigationCase.orgId,
  orgName: orgNameSql,
  outcome: litigationCase.outcome,
  lost: litigationCase.lost,
  lossReason: litigationCase.lossReason,
  judgmentDate: litigationCase.judgmentDate,
  version: litigationCase.version,
  hearingsHeld: sql<number>`(select count(*)::int from litigation_hearing h where h.case_id = ${litigationCase.id} and h.attendance is not null)`,
  headHearings: sql<number>`(select count(*)::int from litigation_hearing h where h.case_id = ${litigationCase.id} and h.attendance in (${HEADS}))`,
};

/** Cases matching the filter within scope, newest first, each with its most urgent open deadline. */
export const findCases = async (ctx: Ctx, f: CaseFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = caseConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(litigationCase).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select(listColumns)
    .from(litigationCase)
    .where(where)
    .orderBy(desc(litigationCase.filedDate), desc(litigationCase.id))
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
      const open = clocks.filter((c) => c.entityId === r.id).sort((a, b) => String(a.dueDate).localeCompare(String(b.dueDate)));
      const clock = open[0];
      return { ...r, deadline: clock ? toDeadlineView(clock, calendar, today, caseMachine.clocks[clock.clockKey]?.dueSoonWorkingDays) : null };
    }),
  };
};
