import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { auditLog, caseClock, type Ctx, deadlinesOf, historyOf, permissionCode, toDeadlineView, toLocalDate } from '../../../kernel';
import { allowedTransitions } from '../../../kernel/shared/define-machine';
import { caseMachine, HEAD_ATTENDANCE, suggestionMachine } from '../case-machine';
import { litigationCase, litigationHearing, litigationSuggestion } from '../schema';
import { caseInScope, getCaseInScope, MODULE, orgNameOf, toCaseView } from './access';

/** Transitions that the detail page offers through its own forms, not as buttons. */
const VIA_FORMS = ['hold'];

/**
 * 案件详情: the record (masked), the actions the actor may take now, deadlines, history, hearings with the
 * per-case 出庭率, 司法建议, and the linked cases (原审 / 上诉审).
 */
export const getCaseDetail = async (ctx: Ctx, id: number) => {
  const row = await getCaseInScope(ctx, id);
  const orgName = await orgNameOf(ctx.db, row.orgId);
  const calendar = await ctx.services.calendar.get();
  const today = toLocalDate(ctx.now);
  const deadlines = await deadlinesOf(ctx.db, calendar, caseMachine.entity, id, ctx.now, caseMachine.clocks);
  const history = await historyOf(ctx.db, caseMachine.entity, id);
  const mayHandle = await caseInScope(ctx, id, permissionCode(MODULE, 'handle'));
  const transitions = allowedTransitions(caseMachine, row.status, () => mayHandle)
    .filter(({ name }) => !VIA_FORMS.includes(name))
    .map(({ name, def }) => ({ name, label: def.label, fields: (def.fields ?? []).filter((f) => f.name !== 'courtCaseNo' || !row.courtCaseNo), confirm: def.confirm ?? null, danger: def.danger ?? false }));
  const hearings = await ctx.db.select().from(litigationHearing).where(eq(litigationHearing.caseId, id)).orderBy(asc(litigationHearing.hearingDate), asc(litigationHearing.id));
  const held = hearings.filter((h) => h.attendance !== null);
  const headHeld = held.filter((h) => HEAD_ATTENDANCE.includes(h.attendance!));
  const suggestionRows = await ctx.db.select().from(litigationSuggestion).where(eq(litigationSuggestion.caseId, id)).orderBy(asc(litigationSuggestion.id));
  const sClocks = suggestionRows.length
    ? await ctx.db
        .select()
        .from(caseClock)
        .where(and(eq(caseClock.entityType, suggestionMachine.entity), inArray(caseClock.entityId, suggestionRows.map((s) => s.id))))
        .orderBy(desc(caseClock.id))
    : [];
  const recordReply = suggestionMachine.transitions.recordReply!;
  const suggestions = suggestionRows.map((s) => {
    const clock = sClocks.find((c) => c.entityId === s.id);
    return {
      ...s,
      deadline: clock ? toDeadlineView(clock, calendar, today, suggestionMachine.clocks.reply!.dueSoonWorkingDays) : null,
      overdue: Boolean(clock && clock.dueDate && (s.replyDate ? s.replyDate > clock.dueDate : today > clock.dueDate)),
      transitions: s.status === 'pending' && mayHandle ? [{ name: 'recordReply', label: recordReply.label, fields: recordReply.fields ?? [] }] : [],
    };
  });
  const linkCols = { id: litigationCase.id, caseNo: litigationCase.caseNo, courtCaseNo: litigationCase.courtCaseNo, instance: litigationCase.instance, status: litigationCase.status, parentCaseId: litigationCase.parentCaseId };
  const parent = row.parentCaseId ? await ctx.db.select(linkCols).from(litigationCase).where(eq(litigationCase.id, row.parentCaseId)) : [];
  const children = await ctx.db.select(linkCols).from(litigationCase).where(eq(litigationCase.parentCaseId, id));
  const defence = deadlines.find((d) => d.clockKey === 'defence');
  return {
    record: {
      ...toCaseView(ctx, row, { orgName }),
      defenceLate: Boolean(defence?.dueDate && (row.defenceFiledDate ? row.defenceFiledDate > defence.dueDate : defence.status !== 'stopped' && today > defence.dueDate)),
    },
    transitions,
    canHandle: mayHandle,
    deadlines,
    history,
    hearings,
    appearance: { held: held.length, head: headHeld.length, rate: held.length ? Math.round((headHeld.length / held.length) * 1000) / 10 : null },
    suggestions,
    linkedCases: [...parent, ...children],
  };
};

/** 操作记录: who did what to the case, from the audit trail (without payloads). */
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
