import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { auditLog, caseClock, type Ctx, deadlinesOf, historyOf, permissionCode, toDeadlineView, toLocalDate } from '../../../kernel';
import { allowedTransitions, clockEffectsPossible, toTransitionView } from '../../../kernel/shared/define-machine';
import { caseMachine, letterMachine, PROCEDURE_ONLY } from '../case-machine';
import { reconsiderationConsultation, reconsiderationLetter, type ReconsiderationCaseRow } from '../schema';
import { caseInScope, getCaseInScope, MODULE, orgNameOf, toCaseView } from './access';

/**
 * 视为受理 (第三十条第三款): an application still under review whose review period has ended without a refusal
 * counts as accepted from the period's last day. Computed from the running review clock.
 */
export const deemedAcceptance = (row: Pick<ReconsiderationCaseRow, 'status'>, review: { status: string; dueDate: string | null } | undefined, today: string) =>
  row.status === 'received' && review && review.status === 'running' && review.dueDate && today > review.dueDate ? { deemedAccepted: true, deemedAcceptedOn: review.dueDate } : { deemedAccepted: false, deemedAcceptedOn: null };

/** 案件详情: the record (masked), the actions the actor may take now, deadlines, history, consultations and letters. */
export const getCaseDetail = async (ctx: Ctx, id: number) => {
  const row = await getCaseInScope(ctx, id);
  const [orgName, respondentName] = await Promise.all([orgNameOf(ctx.db, row.orgId), orgNameOf(ctx.db, row.respondentOrgId)]);
  const calendar = await ctx.services.calendar.get();
  const today = toLocalDate(ctx.now);
  const deadlines = await deadlinesOf(ctx.db, calendar, caseMachine.entity, id, ctx.now, caseMachine.clocks);
  const history = await historyOf(ctx.db, caseMachine.entity, id);
  const mayAct = new Map<string, boolean>();
  for (const p of ['handle', 'approve']) mayAct.set(p, await caseInScope(ctx, id, permissionCode(MODULE, p)));
  const transitions = allowedTransitions(caseMachine, row.status, (p) => mayAct.get(p) ?? false)
    .filter(({ name }) => !PROCEDURE_ONLY[name] || PROCEDURE_ONLY[name] === row.procedure)
    .filter(({ def }) => clockEffectsPossible(caseMachine, def, deadlines))
    .map(toTransitionView);
  const consultations = await ctx.db.select().from(reconsiderationConsultation).where(eq(reconsiderationConsultation.caseId, id)).orderBy(asc(reconsiderationConsultation.id));
  const letterRows = await ctx.db.select().from(reconsiderationLetter).where(eq(reconsiderationLetter.caseId, id)).orderBy(asc(reconsiderationLetter.id));
  const letterClocks = letterRows.length
    ? await ctx.db
        .select()
        .from(caseClock)
        .where(and(eq(caseClock.entityType, letterMachine.entity), inArray(caseClock.entityId, letterRows.map((l) => l.id))))
        .orderBy(desc(caseClock.id))
    : [];
  const letters = [];
  for (const l of letterRows) {
    const clock = letterClocks.find((c) => c.entityId === l.id);
    letters.push({
      ...l,
      recipientName: await orgNameOf(ctx.db, l.recipientOrgId),
      deadline: clock ? toDeadlineView(clock, calendar, today, letterMachine.clocks[clock.clockKey]?.dueSoonWorkingDays) : null,
      transitions: l.status === 'issued' && mayAct.get('handle') ? [{ name: 'recordReply', label: letterMachine.transitions.recordReply!.label, fields: letterMachine.transitions.recordReply!.fields ?? [] }] : [],
    });
  }
  const review = deadlines.find((d) => d.clockKey === 'review' && d.status !== 'stopped');
  return {
    record: { ...toCaseView(ctx, row, { orgName, respondentName }), ...deemedAcceptance(row, review, today) },
    transitions,
    deadlines,
    history,
    consultations,
    letters,
  };
};

/** 操作记录: who did what to the case, from the audit trail (without the before/after payloads). */
export const getCaseActivity = async (ctx: Ctx, id: number) => {
  await getCaseInScope(ctx, id);
  const items = await ctx.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, reason: auditLog.reason, result: auditLog.result })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, caseMachine.entity), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return { items };
};
