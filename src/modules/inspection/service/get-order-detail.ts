import { and, desc, eq } from 'drizzle-orm';
import { auditLog, type Ctx, deadlinesOf, historyOf, permissionCode, toLocalDate } from '../../../kernel';
import { allowedTransitions, toTransitionView } from '../../../kernel/shared/define-machine';
import { orderMachine } from '../order-machine';
import { inspectionFinding } from '../schema';
import { getOrderInScope, MODULE, orderInScope, orgNameOf } from './access';

/** 督办单详情: the order, its finding and source, the actions the actor may take now, deadlines and history. */
export const getOrderDetail = async (ctx: Ctx, id: number) => {
  const row = await getOrderInScope(ctx, id);
  const [orgName, issuerOrgName] = [await orgNameOf(ctx.db, row.orgId), await orgNameOf(ctx.db, row.issuerOrgId)];
  const calendar = await ctx.services.calendar.get();
  const deadlines = await deadlinesOf(ctx.db, calendar, orderMachine.entity, id, ctx.now, orderMachine.clocks);
  const history = await historyOf(ctx.db, orderMachine.entity, id);
  const finding = row.findingId
    ? ((await ctx.db
        .select({ id: inspectionFinding.id, description: inspectionFinding.description, category: inspectionFinding.category, foundOn: inspectionFinding.foundOn, planId: inspectionFinding.planId, status: inspectionFinding.status })
        .from(inspectionFinding)
        .where(eq(inspectionFinding.id, row.findingId)))[0] ?? null)
    : null;
  const mayAct = new Map<string, boolean>();
  for (const p of new Set(Object.values(orderMachine.transitions).map((t) => t.permission))) {
    mayAct.set(p, await orderInScope(ctx, id, permissionCode(MODULE, p)));
  }
  // 约谈 and 通报 are offered only when their rule allows them (overdue, or after an interview).
  const overdue = toLocalDate(ctx.now) > row.dueDate;
  const possible = (name: string) =>
    name.startsWith('recordInterview') ? overdue : name.startsWith('issueNotice') ? overdue || Boolean(row.interviewedOn) : true;
  const transitions = allowedTransitions(orderMachine, row.status, (p) => mayAct.get(p) ?? false)
    .filter(({ name }) => possible(name))
    .map(toTransitionView);
  return { record: { ...row, orgName, issuerOrgName }, finding, transitions, deadlines, history };
};

/** 操作记录 of an order, from the audit trail (without payloads). */
export const getOrderActivity = async (ctx: Ctx, id: number) => {
  await getOrderInScope(ctx, id);
  const items = await ctx.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, reason: auditLog.reason, result: auditLog.result })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, orderMachine.entity), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return { items };
};
