import { eq, sql } from 'drizzle-orm';
import { notFound, queryRows, type Ctx } from '../../../kernel';
import { caseMachine } from '../case-machine';
import { reconsiderationCase } from '../schema';
import { BODY_ORG_KINDS } from './register-case';
import { orgNameOf } from './access';

/** 查询办理进度 by 查询码: the state and its dates only (no names, no content). */
export const getPortalStatus = async (ctx: Ctx, receiptCode: string) => {
  const [row] = await ctx.db.select().from(reconsiderationCase).where(eq(reconsiderationCase.receiptCode, receiptCode));
  if (!row) throw notFound('申请');
  const state = caseMachine.states[row.status as keyof typeof caseMachine.states];
  return {
    caseNo: row.caseNo,
    orgName: await orgNameOf(ctx.db, row.orgId),
    status: row.status,
    statusLabel: state?.label ?? row.status,
    receivedDate: row.receivedDate,
    correctionNoticeDate: row.correctionNoticeDate,
    acceptedDate: row.acceptedDate,
    hearingDate: row.status === 'hearing_scheduled' ? row.hearingDate : null,
    decisionDate: row.decisionDate,
    decisionNo: row.decisionNo,
    closedDate: row.closedDate ?? row.declinedDate ?? row.forwardedDate,
  };
};

/** 行政复议机构 and the units that may be respondents, for the portal form. */
export const listPortalOrgs = async (ctx: Ctx) => {
  const all = await queryRows<{ id: number; name: string; parentId: number | null; kind: string }>(
    ctx.db,
    sql`select id, name, parent_id as "parentId", kind from org_unit where is_active order by depth, sort_order, id`,
  );
  return { bodies: all.filter((o) => BODY_ORG_KINDS.includes(o.kind)), respondents: all.filter((o) => o.kind !== 'committee_office') };
};
