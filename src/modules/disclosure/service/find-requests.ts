import { and, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { pageDeadlines, requirePermission, toLocalDate, type Ctx } from '../../../kernel';
import type { RequestFilter } from '../contract';
import { requestMachine } from '../request-machine';
import { disclosureRequest } from '../schema';
import { orgNameSql, PERM, requestScope } from './request-access';

/** The filter conditions, always including the actor's data scope for `permission`. */
export const requestConditions = (ctx: Ctx, f: RequestFilter, permission: string): SQL => {
  const today = toLocalDate(ctx.now);
  return and(
    requestScope(ctx, permission),
    f.status ? eq(disclosureRequest.status, f.status) : undefined,
    f.orgId ? sql`${disclosureRequest.orgId} in (select id from org_unit where path like (select path from org_unit where id = ${f.orgId}) || '%')` : undefined,
    f.receivedFrom ? gte(disclosureRequest.receivedDate, f.receivedFrom) : undefined,
    f.receivedTo ? lte(disclosureRequest.receivedDate, f.receivedTo) : undefined,
    f.overdue
      ? sql`exists (select 1 from case_clock c where c.entity_type = 'disclosure_request' and c.entity_id = ${disclosureRequest.id}
              and c.clock_key = 'reply' and c.status = 'running' and c.due_date < ${today})`
      : undefined,
    f.q
      ? or(
          ilike(disclosureRequest.applicantName, `%${f.q}%`),
          ilike(disclosureRequest.requestNo, `%${f.q}%`),
          ilike(disclosureRequest.content, `%${f.q}%`),
        )
      : undefined,
  )!;
};

const listColumns = {
  id: disclosureRequest.id,
  requestNo: disclosureRequest.requestNo,
  applicantName: disclosureRequest.applicantName,
  applicantType: disclosureRequest.applicantType,
  channel: disclosureRequest.channel,
  receivedDate: disclosureRequest.receivedDate,
  content: disclosureRequest.content,
  status: disclosureRequest.status,
  orgId: disclosureRequest.orgId,
  orgName: orgNameSql,
  replyType: disclosureRequest.replyType,
  replyNo: disclosureRequest.replyNo,
  repliedDate: disclosureRequest.repliedDate,
  extensionDays: disclosureRequest.extensionDays,
  version: disclosureRequest.version,
};

/** Requests matching the filter within scope, newest first, with the open reply deadline of each. */
export const findRequests = async (ctx: Ctx, f: RequestFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = requestConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(disclosureRequest).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select(listColumns)
    .from(disclosureRequest)
    .where(where)
    .orderBy(desc(disclosureRequest.receivedDate), desc(disclosureRequest.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  // The open reply deadline of each row on the page, in one indexed query (not a per-row subquery).
  const deadlines = await pageDeadlines(ctx, requestMachine, 'reply', rows.map((r) => r.id));
  return { total: Number(total), items: rows.map((r) => ({ ...r, deadline: deadlines.get(r.id) ?? null })) };
};
