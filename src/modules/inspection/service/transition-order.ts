import { eq } from 'drizzle-orm';
import { AppError, applyTransition, toLocalDate, validationError, type Ctx } from '../../../kernel';
import { orderMachine } from '../order-machine';
import { inspectionFinding, type SupervisionOrderRow } from '../schema';
import { getOrderInScope, MODULE, orderTable, PERM } from './access';

type Input = Record<string, unknown>;

const notFuture = (input: Input, field: string, label: string, today: string) => {
  if ((input[field] as string) > today) throw validationError([{ path: field, message: `${label}不能晚于今天` }]);
};
const notBefore = (input: Input, field: string, label: string, floor: string, floorLabel: string) => {
  if ((input[field] as string) < floor) throw validationError([{ path: field, message: `${label}不能早于${floorLabel}（${floor}）` }]);
};
const overdue = (row: SupervisionOrderRow, today: string) => today > row.dueDate;

const interview = (row: SupervisionOrderRow, input: Input, today: string) => {
  // 约谈 is the step after a missed rectification deadline.
  if (!overdue(row, today)) throw new AppError('INVALID_STATE', `整改期限（${row.dueDate}）尚未届满，不能约谈`, { details: { reason: 'not_overdue' } });
  notFuture(input, 'interviewedOn', '约谈日期', today);
  notBefore(input, 'interviewedOn', '约谈日期', row.issuedOn, '签发日期');
};
const notice = (row: SupervisionOrderRow, input: Input, today: string) => {
  // 通报 follows an interview, or an overdue order.
  if (!row.interviewedOn && !overdue(row, today)) {
    throw new AppError('INVALID_STATE', '只有逾期未整改或已约谈的督办事项才能通报', { details: { reason: 'not_overdue' } });
  }
  notFuture(input, 'noticePublishedOn', '通报日期', today);
  notBefore(input, 'noticePublishedOn', '通报日期', row.issuedOn, '签发日期');
};

/** Rules the field types cannot say; they may fill in defaults of the input. */
const guards: Record<string, (row: SupervisionOrderRow, input: Input, today: string) => void> = {
  submitRectification: (row, input, today) => {
    notFuture(input, 'completedOn', '整改完成日期', today);
    notBefore(input, 'completedOn', '整改完成日期', row.issuedOn, '签发日期');
  },
  returnForRework: (row, input, today) => {
    if (!input.dueDate) {
      // Without a new date the original one stands; once passed, the office must set a new one.
      if (row.dueDate < today) throw validationError([{ path: 'dueDate', message: `原整改期限（${row.dueDate}）已过，退回时须重新确定整改期限` }]);
      input.dueDate = row.dueDate;
    } else if ((input.dueDate as string) < today) {
      throw validationError([{ path: 'dueDate', message: '新的整改期限不能早于今天' }]);
    }
  },
  recordInterview: interview,
  recordInterviewReturned: interview,
  issueNotice: notice,
  issueNoticeReturned: notice,
};

/** Column changes a transition makes beyond its fields. */
const patches: Record<string, (row: SupervisionOrderRow, today: string) => Record<string, unknown>> = {
  submitRectification: (_row, today) => ({ submittedOn: today }),
  close: (_row, today) => ({ closedOn: today }),
  recordInterview: (row) => ({ escalationLevel: Math.max(row.escalationLevel, 1) }),
  recordInterviewReturned: (row) => ({ escalationLevel: Math.max(row.escalationLevel, 1) }),
  issueNotice: () => ({ escalationLevel: 2 }),
  issueNoticeReturned: () => ({ escalationLevel: 2 }),
};

/** 办理督办单: applies a transition to an order in the actor's scope; closing it closes its finding (销号). */
export const transitionOrder = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Input }) => {
  return ctx.db.transaction(async (tx) => {
    const row = await getOrderInScope(ctx, id, tx, PERM.read);
    const today = toLocalDate(ctx.now);
    const after = await applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: orderMachine,
      target: orderTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      patch: patches[name]?.(row, today),
      guard: ({ input }) => guards[name]?.(row, input, today),
      todoTitle: `${row.orderNo} ${row.title}`,
      link: `/${MODULE}/orders/${row.id}`,
    });
    if (row.findingId && (after.status === 'closed' || after.status === 'withdrawn')) {
      // 销号 closes the finding; a withdrawn order gives the finding back to be ordered again.
      await tx
        .update(inspectionFinding)
        .set({ status: after.status === 'closed' ? 'closed' : 'open', updatedAt: ctx.now })
        .where(eq(inspectionFinding.id, row.findingId));
    }
    return after;
  });
};
