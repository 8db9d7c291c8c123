import { eq, sql } from 'drizzle-orm';
import { caseClock, maskName, notFound, queryRows, type Ctx } from '../../../kernel';
import { REPLY_TYPES, requestMachine } from '../request-machine';
import { disclosureRequest } from '../schema';
import { PORTAL_ORG_KINDS } from './register-request';
import { orgNameOf } from './request-access';

/** 查询办理进度: what an applicant holding the receipt code may see, without an account. */
export const getPortalStatus = async (ctx: Ctx, receiptCode: string) => {
  const [row] = await ctx.db.select().from(disclosureRequest).where(eq(disclosureRequest.receiptCode, receiptCode));
  if (!row) throw notFound('申请');
  const [clock] = await ctx.db
    .select({ dueDate: caseClock.dueDate, status: caseClock.status })
    .from(caseClock)
    .where(sql`${caseClock.entityType} = ${requestMachine.entity} and ${caseClock.entityId} = ${row.id} and ${caseClock.clockKey} = 'reply' and ${caseClock.status} <> 'stopped'`)
    .orderBy(sql`${caseClock.id} desc`)
    .limit(1);
  const state = requestMachine.states[row.status as keyof typeof requestMachine.states];
  return {
    requestNo: row.requestNo,
    applicantName: maskName(row.applicantName),
    orgName: await orgNameOf(ctx.db, row.orgId),
    receivedDate: row.receivedDate,
    status: row.status,
    statusLabel: state?.label ?? row.status,
    dueDate: clock?.status === 'running' ? clock.dueDate : null,
    correctionItems: row.status === 'awaiting_correction' ? row.correctionItems : null,
    correctionDeadline: row.status === 'awaiting_correction' ? row.correctionDeadline : null,
    replyType: row.replyType,
    replyTypeLabel: REPLY_TYPES.find((t) => t.value === row.replyType)?.label ?? null,
    repliedDate: row.repliedDate,
    replyNo: row.replyNo,
  };
};

/** Units that accept requests on the portal. */
export const listPortalOrgs = async (ctx: Ctx) =>
  queryRows<{ id: number; name: string; parentId: number | null; kind: string }>(
    ctx.db,
    sql`select id, name, parent_id as "parentId", kind from org_unit where is_active and kind in ${PORTAL_ORG_KINDS} order by depth, sort_order, id`,
  );
