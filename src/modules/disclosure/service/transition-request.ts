import { applyTransition, toLocalDate, validationError, type Ctx } from '../../../kernel';
import { requestMachine } from '../request-machine';
import type { DisclosureRequestRow } from '../schema';
import { getRequestInScope, MODULE, PERM, requestTable } from './request-access';

type Input = Record<string, unknown>;

/** Date rules the machine's field types cannot say: nothing in the future, nothing before its cause. */
const guards: Record<string, (row: DisclosureRequestRow, input: Input, today: string) => void> = {
  requestCorrection: (row, input, today) => {
    const deadline = input.correctionDeadline as string;
    if (deadline <= today) throw validationError([{ path: 'correctionDeadline', message: '补正期限应晚于今天' }]);
    void row;
  },
  receiveCorrection: (row, input, today) => {
    const d = input.correctedDate as string;
    if (d > today) throw validationError([{ path: 'correctedDate', message: '收到补正日期不能晚于今天' }]);
    if (d < row.receivedDate) throw validationError([{ path: 'correctedDate', message: '收到补正日期不能早于收到申请日期' }]);
  },
  markAbandoned: (row, _input, today) => {
    // 第三十条: 无正当理由逾期不补正的，视为放弃申请 — only once the correction deadline has passed.
    if (row.correctionDeadline && today <= row.correctionDeadline) {
      throw validationError([{ path: 'reason', message: `补正期限（${row.correctionDeadline}）尚未届满，不能视为放弃` }]);
    }
  },
  startConsultation: (row, input, today) => {
    const d = input.consultationStartedOn as string;
    if (d > today) throw validationError([{ path: 'consultationStartedOn', message: '发出日期不能晚于今天' }]);
    if (d < row.receivedDate) throw validationError([{ path: 'consultationStartedOn', message: '发出日期不能早于收到申请日期' }]);
  },
  endConsultation: (row, input, today) => {
    const d = input.consultationEndedOn as string;
    if (d > today) throw validationError([{ path: 'consultationEndedOn', message: '日期不能晚于今天' }]);
    if (row.consultationStartedOn && d < row.consultationStartedOn) throw validationError([{ path: 'consultationEndedOn', message: '不能早于发出征求意见日期' }]);
  },
  reply: (row, input, today) => {
    const d = input.repliedDate as string;
    if (d > today) throw validationError([{ path: 'repliedDate', message: '答复日期不能晚于今天' }]);
    if (d < (row.correctedDate ?? row.receivedDate)) throw validationError([{ path: 'repliedDate', message: '答复日期不能早于收到申请（或补正）日期' }]);
  },
};

/** 办理: applies a transition of the disclosure machine to a request in the actor's scope. */
export const transitionRequest = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Input }) => {
  return ctx.db.transaction(async (tx) => {
    const row = await getRequestInScope(ctx, id, tx, PERM.read);
    // A visible request may still lie outside the scope of the permission the transition needs.
    const today = toLocalDate(ctx.now);
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: requestMachine,
      target: requestTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      guard: ({ input }) => guards[name]?.(row, input, today),
      todoTitle: `${row.requestNo} ${row.applicantName}`,
      link: `/${MODULE}/requests/${row.id}`,
    });
  });
};
