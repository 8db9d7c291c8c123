import { AppError, applyTransition, can, type Ctx, type DbOrTx, fieldError, latestClock, permissionCode, requireDateInRange, runClockEffects, toLocalDate } from '../../../kernel';
import { addDays } from '../../../kernel';
import type { WorkingCalendar } from '../../../kernel/calendar/working-calendar';
import { caseMachine, LAPSING_SUSPENSION_GROUNDS, PROCEDURE_ONLY } from '../case-machine';
import type { ReconsiderationCaseRow } from '../schema';
import { caseTable, getCaseInScope, MODULE, PERM } from './access';

type Input = Record<string, unknown>;

/** The open (running or paused) clock of a case, if any. */
export const openClockOf = (db: DbOrTx, caseId: number, key: string) => latestClock(db, caseMachine.entity, caseId, key);

interface GuardArgs {
  row: ReconsiderationCaseRow;
  input: Input;
  today: string;
  tx: DbOrTx;
  calendar: WorkingCalendar;
}

const fail = fieldError;
/** A date input that must lie in [min, today]. */
const within = (input: Input, name: string, min: string | null | undefined, minLabel: string, today: string): string =>
  requireDateInRange(name, input[name] as string, min, minLabel, today);

/** Within the Art. 30 review period: a refusal, a 补正 notice or the acceptance date must fall on or before its last day. */
const reviewDue = async ({ tx, row }: GuardArgs): Promise<string | null> => (await openClockOf(tx, row.id, 'review'))?.dueDate ?? null;

/** Rules of the law the machine's field types cannot state (statutes.md §1.3–§1.8). */
const guards: Record<string, (a: GuardArgs) => void | Promise<void>> = {
  accept: async (a) => {
    const d = within(a.input, 'acceptedDate', a.row.correctedDate ?? a.row.receivedDate, '收到申请（补正材料）之日', a.today);
    const due = await reviewDue(a);
    if (due && d > due) fail('acceptedDate', `受理审查期限已于 ${due} 届满，依第三十条第三款自该日起视为受理，受理日期不应晚于 ${due}`);
  },
  requestCorrection: async (a) => {
    if (a.row.correctionNoticeDate) fail('correctionItems', '补正通知应当一次性载明需要补正的全部事项（第三十一条第一款），不能再次通知补正');
    const d = within(a.input, 'correctionNoticeDate', a.row.receivedDate, '收到申请之日', a.today);
    const due = await reviewDue(a);
    if (due && d > due) fail('correctionNoticeDate', `应在收到申请之日起五个工作日内（${due} 前）通知补正（第三十一条第一款）`);
  },
  receiveCorrection: (a) => {
    within(a.input, 'correctedDate', a.row.correctionNoticeDate, '补正通知送达之日', a.today);
  },
  markAbandoned: async (a) => {
    const c = await openClockOf(a.tx, a.row.id, 'correction');
    if (c?.dueDate && a.today <= c.dueDate) fail('reason', `补正期限（${c.dueDate}）尚未届满，不能视为放弃（第三十一条第二款）`);
  },
  decline: async (a) => {
    const d = within(a.input, 'declinedDate', a.row.correctedDate ?? a.row.receivedDate, '收到申请（补正材料）之日', a.today);
    const due = await reviewDue(a);
    if (due && d > due) fail('declinedDate', `不予受理决定应在审查期限内（${due} 前）作出；期限届满已视为受理（第三十条），受理后发现不符合受理条件的，应决定驳回申请（第三十三条）`);
  },
  forward: async (a) => {
    const d = within(a.input, 'forwardedDate', a.row.correctedDate ?? a.row.receivedDate, '收到申请之日', a.today);
    const due = await reviewDue(a);
    if (due && d > due) fail('forwardedDate', `应在审查期限内（${due} 前）告知（第三十条第二款）`);
  },
  sendCopy: (a) => {
    const sent = within(a.input, 'copySentDate', a.row.acceptedDate, '受理日期', a.today);
    within(a.input, 'copyServedDate', sent, '发送日期', a.today);
  },
  receiveAnswer: (a) => {
    within(a.input, 'answerReceivedDate', a.row.copyServedDate, '被申请人收到副本之日', a.today);
  },
  answerLapsed: async (a) => {
    const c = (await openClockOf(a.tx, a.row.id, 'answerOrdinary')) ?? (await openClockOf(a.tx, a.row.id, 'answerSimplified'));
    if (c?.dueDate && a.today <= c.dueDate) fail('reason', `被申请人答复期限（${c.dueDate}）尚未届满`);
  },
  scheduleHearing: (a) => {
    const notice = within(a.input, 'hearingNoticeDate', a.row.acceptedDate, '受理日期', a.today);
    const hearing = a.input.hearingDate as string;
    if (a.calendar.countWorkingDays(notice, hearing) < 5) {
      fail('hearingDate', `听证通知应在听证五个工作日前送达（第五十一条）：${notice} 送达的，听证日期不早于 ${a.calendar.addPeriod(notice, 5, 'working_day').due}`);
    }
  },
  holdHearing: (a) => {
    within(a.input, 'hearingHeldDate', a.row.hearingDate, '通知的听证日期', a.today);
  },
  suspend: (a) => {
    within(a.input, 'suspendedOn', a.row.acceptedDate, '受理日期', a.today);
  },
  resume: (a) => {
    within(a.input, 'resumedOn', a.row.suspendedOn, '中止日期', a.today);
  },
  mediate: (a) => {
    within(a.input, 'closedDate', a.row.acceptedDate, '受理日期', a.today);
  },
  settle: (a) => {
    within(a.input, 'closedDate', a.row.acceptedDate, '受理日期', a.today);
  },
  terminate: (a) => {
    const d = within(a.input, 'closedDate', a.row.acceptedDate, '受理日期', a.today);
    if (a.input.terminationGround === 'suspension_lapsed') {
      const lapsing = a.row.status === 'suspended' && a.row.suspensionGround && LAPSING_SUSPENSION_GROUNDS.includes(a.row.suspensionGround);
      if (!lapsing || !a.row.suspendedOn) fail('terminationGround', '只有因第三十九条第一款第（一）（二）（四）项中止的案件，中止满六十日才能据此终止（第四十一条第五项）');
      else if (d < addDays(a.row.suspendedOn, 60)) fail('terminationGround', `中止尚未满六十日（自 ${a.row.suspendedOn} 起，第四十一条第五项）`);
    }
  },
  withdraw: (a) => {
    within(a.input, 'closedDate', a.row.receivedDate, '收到申请之日', a.today);
  },
  approveDecision: (a) => {
    within(a.input, 'decisionDate', a.row.hearingHeldDate ?? a.row.acceptedDate, a.row.hearingHeldDate ? '听证日期' : '受理日期', a.today);
  },
};
guards.acceptSimplified = guards.accept!;
guards.sendCopySimplified = guards.sendCopy!;

/** Column changes a transition makes beyond its fields. */
const patchFor = (name: string): Record<string, unknown> | undefined => {
  if (name === 'accept' || name === 'switchToOrdinary') return { procedure: 'ordinary' };
  if (name === 'acceptSimplified') return { procedure: 'simplified' };
  return undefined;
};

/** 办理: applies a transition of the case machine to a case in the actor's scope. */
export const transitionCase = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Input }) =>
  ctx.db.transaction(async (tx) => {
    const row = await getCaseInScope(ctx, id, tx, PERM.read);
    const def = Object.hasOwn(caseMachine.transitions, name) ? caseMachine.transitions[name] : undefined;
    const permission = def ? permissionCode(MODULE, def.permission) : null;
    const only = PROCEDURE_ONLY[name];
    if (def && only && row.procedure !== only && def.from.includes(row.status as never) && can(ctx.actor, permission!)) {
      throw new AppError('INVALID_STATE', `本案适用${row.procedure === 'simplified' ? '简易' : '普通'}程序，不能${def.label}`, { details: { reason: 'wrong_procedure' } });
    }
    const today = toLocalDate(ctx.now);
    const calendar = await ctx.services.calendar.get(tx);
    const updated = await applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: caseMachine,
      target: caseTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      ...(patchFor(name) ? { patch: patchFor(name) } : {}),
      guard: ({ input }) => guards[name]?.({ row, input, today, tx, calendar }),
      todoTitle: `${row.caseNo} ${row.applicantName}`,
      link: `/${MODULE}/cases/${row.id}`,
    });
    // Clocks that depend on the record, not only on the transition's input.
    if (name === 'switchToOrdinary' && row.acceptedDate) {
      // statutes.md §1.6 [memory, uncertain]: keep the acceptance date and switch to the 60-day ceiling.
      await runClockEffects(tx, ctx, MODULE, caseMachine, row, [{ clock: 'decisionOrdinary', action: 'start', from: 'acceptedDate' }], { acceptedDate: row.acceptedDate });
    }
    if (name === 'suspend' && LAPSING_SUSPENSION_GROUNDS.includes(String(updated.suspensionGround))) {
      await runClockEffects(tx, ctx, MODULE, caseMachine, row, [{ clock: 'suspensionLimit', action: 'start', from: 'suspendedOn' }], { suspendedOn: updated.suspendedOn });
    }
    return updated;
  });
