import { applyTransition, type Ctx, type DbOrTx, fieldError, latestClock, requireDateInRange, toLocalDate } from '../../../kernel';
import { caseMachine, LOST_OUTCOMES, OUTCOME_OF } from '../case-machine';
import { COURT_CASE_NO } from '../contract';
import type { LitigationCaseRow } from '../schema';
import { caseTable, getCaseInScope, MODULE, PERM } from './access';
import { caseLink, caseTitle, insertCase } from './register-case';

type Input = Record<string, unknown>;

/** The open (running or paused) clock of a case, or the latest one. */
export const clockOf = (db: DbOrTx, caseId: number, key: string, openOnly = true) => latestClock(db, caseMachine.entity, caseId, key, { openOnly });

interface GuardArgs {
  row: LitigationCaseRow;
  input: Input;
  today: string;
  tx: DbOrTx;
}

const fail = fieldError;
/** A date input that must lie in [min, today]. */
const within = (input: Input, name: string, min: string | null | undefined, minLabel: string, today: string): string =>
  requireDateInRange(name, input[name] as string, min, minLabel, today);

/** Rules of the law the machine's field types cannot state (statutes.md §2). */
const guards: Record<string, (a: GuardArgs) => void | Promise<void>> = {
  receiveComplaint: (a) => {
    within(a.input, 'servedDate', a.row.filedDate, '立案日期', a.today);
    // A second-instance case opened by an appeal gets its court number when the appeal copy arrives.
    const no = a.input.courtCaseNo as string | null | undefined;
    if (!a.row.courtCaseNo && !no) fail('courtCaseNo', '请填写法院案号');
    if (a.row.courtCaseNo && no && no !== a.row.courtCaseNo) fail('courtCaseNo', `本案已有法院案号 ${a.row.courtCaseNo}`);
    if (no && !COURT_CASE_NO.test(no)) fail('courtCaseNo', '法院案号格式应如：（2026）苏06行终45号');
  },
  applyEvidenceExtension: async (a) => {
    if (a.row.evidenceExtensionDate) fail('evidenceExtensionDate', `已于 ${a.row.evidenceExtensionDate} 申请延期提供证据`);
    const d = within(a.input, 'evidenceExtensionDate', a.row.servedDate, '收到起诉状副本之日', a.today);
    const c = await clockOf(a.tx, a.row.id, 'defence');
    if (c?.dueDate && d > c.dueDate) fail('evidenceExtensionDate', `延期提供证据须在举证期限内（${c.dueDate} 前）书面申请（行政诉讼法解释第三十四条）`);
  },
  fileDefence: (a) => {
    within(a.input, 'defenceFiledDate', a.row.servedDate, '收到起诉状副本之日', a.today);
  },
  hold: (a) => {
    within(a.input, 'heardDate', a.row.defenceFiledDate ?? a.row.filedDate, '提交答辩状之日', a.today);
  },
  judge: (a) => {
    const d = within(a.input, 'judgmentDate', a.row.filedDate, '立案日期', a.today);
    within(a.input, 'judgmentServedDate', d, '判决日期', a.today);
    const lost = LOST_OUTCOMES.includes(a.input.outcome as string);
    if (lost && !a.input.lossReason) fail('lossReason', '行政机关败诉的，请选择败诉原因');
    if (!lost && a.input.lossReason) fail('lossReason', '未败诉的案件不填写败诉原因');
  },
  dismiss: (a) => {
    const d = within(a.input, 'judgmentDate', a.row.filedDate, '立案日期', a.today);
    within(a.input, 'judgmentServedDate', d, '裁定日期', a.today);
  },
  appeal: async (a) => {
    const d = within(a.input, 'appealDate', a.row.judgmentServedDate, '裁判文书送达之日', a.today);
    const c = (await clockOf(a.tx, a.row.id, 'appealJudgment')) ?? (await clockOf(a.tx, a.row.id, 'appealRuling'));
    if (a.input.appellant !== 'plaintiff' && c?.dueDate && d > c.dueDate) fail('appealDate', `上诉期限已于 ${c.dueDate} 届满（《行政诉讼法》第八十五条），本机关不能再上诉`);
  },
  noAppeal: (a) => {
    within(a.input, 'closedDate', a.row.judgmentServedDate, '裁判文书送达之日', a.today);
  },
  closeAppealed: (a) => {
    within(a.input, 'closedDate', a.row.appealDate, '上诉日期', a.today);
  },
  withdraw: (a) => {
    within(a.input, 'judgmentDate', a.row.filedDate, '立案日期', a.today);
  },
  mediate: (a) => {
    within(a.input, 'judgmentDate', a.row.filedDate, '立案日期', a.today);
  },
};

/** Column changes a transition makes beyond its fields. */
const patchFor = (name: string, input: Input): Record<string, unknown> | undefined => {
  const o = OUTCOME_OF[name];
  if (!o) return undefined;
  const outcome = o === 'input' ? String(input.outcome) : o;
  return { outcome, lost: LOST_OUTCOMES.includes(outcome) };
};

/** Applies a case transition inside `tx` for a row already loaded in scope. */
export const applyCaseTransition = async (tx: DbOrTx, ctx: Ctx, row: LitigationCaseRow, name: string, input: Input, expectedVersion?: number): Promise<LitigationCaseRow> => {
  const today = toLocalDate(ctx.now);
  const updated = await applyTransition({
    tx,
    ctx,
    module: MODULE,
    machine: caseMachine,
    target: caseTable,
    row,
    transition: name,
    input,
    expectedVersion,
    ...(patchFor(name, input) ? { patch: patchFor(name, input) } : {}),
    guard: ({ input: parsed }) => guards[name]?.({ row, input: parsed, today, tx }),
    todoTitle: caseTitle(row),
    link: caseLink(row.id),
  });
  // 上诉 opens the second-instance case (the agency is the appellant or the appellee there).
  if (name === 'appeal') {
    await insertCase(
      tx,
      ctx,
      {
        orgId: row.orgId,
        courtName: `${row.courtName}的上一级人民法院`,
        courtCaseNo: null,
        instance: 'second',
        procedure: 'ordinary',
        parentCaseId: row.id,
        plaintiffs: [],
        thirdParties: row.thirdParties,
        cause: row.cause as never,
        contestedAct: row.contestedAct,
        afterReconsideration: row.afterReconsideration,
        reconsiderationDecisionNo: row.reconsiderationDecisionNo,
        filedDate: updated.appealDate!,
        servedDate: null,
      },
      { checked: true, storedPlaintiffs: row.plaintiffs },
    );
  }
  return updated;
};

/** 办理: applies a transition of the case machine to a case in the actor's scope. */
export const transitionCase = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Input }) =>
  ctx.db.transaction(async (tx) => {
    const row = await getCaseInScope(ctx, id, tx, PERM.read);
    return applyCaseTransition(tx, ctx, row, name, body.input, body.version);
  });
