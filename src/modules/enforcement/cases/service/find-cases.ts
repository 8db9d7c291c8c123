import { and, count, desc, eq, gte, ilike, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { caseClock, inOrgSubtree, requirePermission, toDeadlineView, toLocalDate, type Ctx } from '../../../../kernel';
import { caseMachine, publicationMachine } from '../case-machine';
import type { CaseFilter } from '../contract';
import { enforcementCase } from '../schema';
import { bodyNameSql, caseScope, itemNameSql, PERM } from './access';

/** A running clock of the case or of its 公示 is past its due date. */
export const overdueSql = (today: string): SQL =>
  sql`(exists (select 1 from case_clock c where c.entity_type = 'enforcement_case' and c.entity_id = ${enforcementCase.id} and c.status = 'running' and c.due_date < ${today})
    or exists (select 1 from case_clock c join enforcement_publication p on p.id = c.entity_id where c.entity_type = 'enforcement_publication' and p.case_id = ${enforcementCase.id} and c.status = 'running' and c.due_date < ${today}))`;

/** The filter conditions, always including the actor's data scope for `permission`. */
export const caseConditions = (ctx: Ctx, f: CaseFilter, permission: string): SQL =>
  and(
    caseScope(ctx, permission),
    f.orgId ? inOrgSubtree(enforcementCase.orgId, f.orgId) : undefined,
    f.bodyId ? eq(enforcementCase.bodyId, f.bodyId) : undefined,
    f.kind ? eq(enforcementCase.kind, f.kind) : undefined,
    f.status ? eq(enforcementCase.status, f.status) : undefined,
    f.enterpriseRelated !== undefined ? eq(enforcementCase.enterpriseRelated, f.enterpriseRelated) : undefined,
    f.isMajor !== undefined ? eq(enforcementCase.isMajor, f.isMajor) : undefined,
    f.discretionOutside !== undefined ? eq(enforcementCase.discretionOutside, f.discretionOutside) : undefined,
    f.overdue ? overdueSql(toLocalDate(ctx.now)) : undefined,
    f.filedFrom ? gte(enforcementCase.filedDate, f.filedFrom) : undefined,
    f.filedTo ? lte(enforcementCase.filedDate, f.filedTo) : undefined,
    f.q
      ? or(
          ilike(enforcementCase.caseNo, `%${f.q}%`),
          ilike(enforcementCase.title, `%${f.q}%`),
          ilike(enforcementCase.partyName, `%${f.q}%`),
          ilike(sql`coalesce(${enforcementCase.decisionNo}, '')`, `%${f.q}%`),
        )
      : undefined,
  )!;

const listColumns = {
  id: enforcementCase.id,
  orgId: enforcementCase.orgId,
  bodyId: enforcementCase.bodyId,
  bodyName: bodyNameSql,
  itemName: itemNameSql,
  caseNo: enforcementCase.caseNo,
  kind: enforcementCase.kind,
  title: enforcementCase.title,
  partyName: enforcementCase.partyName,
  partyKind: enforcementCase.partyKind,
  enterpriseRelated: enforcementCase.enterpriseRelated,
  isMajor: enforcementCase.isMajor,
  filedDate: enforcementCase.filedDate,
  decidedDate: enforcementCase.decidedDate,
  closedDate: enforcementCase.closedDate,
  status: enforcementCase.status,
  decisionType: enforcementCase.decisionType,
  decisionNo: enforcementCase.decisionNo,
  fineFen: enforcementCase.fineFen,
  discretionOutside: enforcementCase.discretionOutside,
  legalReviewResult: enforcementCase.legalReviewResult,
  imported: enforcementCase.imported,
  publicationStatus: sql<string | null>`(select p.status from enforcement_publication p where p.case_id = ${enforcementCase.id})`,
  publicationId: sql<number | null>`(select p.id from enforcement_publication p where p.case_id = ${enforcementCase.id})`,
  version: enforcementCase.version,
};

/** Cases matching the filter within scope, newest first, each with its most urgent open deadline (case or 公示). */
export const findCases = async (ctx: Ctx, f: CaseFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = caseConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(enforcementCase).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select(listColumns)
    .from(enforcementCase)
    .where(where)
    .orderBy(desc(enforcementCase.filedDate), desc(enforcementCase.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const ids = rows.map((r) => r.id);
  const pubIds = rows.map((r) => r.publicationId).filter((x): x is number => x !== null);
  const open = (entityType: string, list: number[]) =>
    list.length ? ctx.db.select().from(caseClock).where(and(eq(caseClock.entityType, entityType), inArray(caseClock.entityId, list), ne(caseClock.status, 'stopped'))) : Promise.resolve([]);
  const [caseClocks, pubClocks] = await Promise.all([open(caseMachine.entity, ids), open(publicationMachine.entity, pubIds)]);
  const calendar = await ctx.services.calendar.get();
  const today = toLocalDate(ctx.now);
  return {
    total: Number(total),
    items: rows.map((r) => {
      // Most urgent: the running clock (of the case or of its 公示) due first.
      const mine = [
        ...caseClocks.filter((c) => c.entityId === r.id).map((c) => ({ c, dueSoon: caseMachine.clocks[c.clockKey]?.dueSoonWorkingDays })),
        ...pubClocks.filter((c) => c.entityId === r.publicationId).map((c) => ({ c, dueSoon: publicationMachine.clocks[c.clockKey]?.dueSoonWorkingDays })),
      ].sort((a, b) => (a.c.status === b.c.status ? String(a.c.dueDate).localeCompare(String(b.c.dueDate)) : a.c.status === 'running' ? -1 : 1));
      const first = mine[0];
      return { ...r, deadline: first ? toDeadlineView(first.c, calendar, today, first.dueSoon) : null };
    }),
  };
};
