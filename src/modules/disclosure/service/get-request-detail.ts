import { and, desc, eq } from 'drizzle-orm';
import { auditLog, type Ctx, deadlinesOf, historyOf, permissionCode } from '../../../kernel';
import { allowedTransitions, clockEffectsPossible, toTransitionView } from '../../../kernel/shared/define-machine';
import { requestMachine } from '../request-machine';
import { getRequestInScope, orgNameOf, MODULE, requestInScope, toRequestView } from './request-access';

/** 申请详情: the record (masked), the actions the actor may take now, its deadlines and history. */
export const getRequestDetail = async (ctx: Ctx, id: number) => {
  const row = await getRequestInScope(ctx, id);
  const orgName = await orgNameOf(ctx.db, row.orgId);
  const calendar = await ctx.services.calendar.get();
  const deadlines = await deadlinesOf(ctx.db, calendar, requestMachine.entity, id, ctx.now, requestMachine.clocks);
  const history = await historyOf(ctx.db, requestMachine.entity, id);
  // The actions offered are those whose permission the actor holds with this request in its scope.
  const mayAct = new Map<string, boolean>();
  for (const p of new Set(Object.values(requestMachine.transitions).map((t) => t.permission))) {
    mayAct.set(p, await requestInScope(ctx, id, permissionCode(MODULE, p)));
  }
  const transitions = allowedTransitions(requestMachine, row.status, (p) => mayAct.get(p) ?? false)
    .filter(({ def }) => clockEffectsPossible(requestMachine, def, deadlines))
    .map(toTransitionView);
  return { record: toRequestView(ctx, row, orgName ?? undefined), transitions, deadlines, history };
};

/** 操作记录: who did what to the record, from the audit trail (without the before/after payloads). */
export const getRequestActivity = async (ctx: Ctx, id: number) => {
  await getRequestInScope(ctx, id);
  const items = await ctx.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, reason: auditLog.reason, result: auditLog.result })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, requestMachine.entity), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return { items };
};
