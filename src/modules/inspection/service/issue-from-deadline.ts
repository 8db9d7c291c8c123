import { and, eq, inArray } from 'drizzle-orm';
import { AppError, getOpenDeadlineInScope, requirePermission, validationError, type Ctx } from '../../../kernel';
import type { FromDeadlineInput } from '../contract';
import { OPEN_ORDER_STATES, orderMachine } from '../order-machine';
import { supervisionOrder, type SupervisionOrderRow } from '../schema';
import { PERM, unitInScope } from './access';
import { insertOrder } from './issue-order';

const duplicate = (orderNo: string) =>
  new AppError('CONFLICT', `该期限已有未销号的督办单（${orderNo}），不能重复督办`, { details: { reason: 'open_order_exists', orderNo } });

/**
 * 转督办: turns an open (usually overdue) deadline of any module into a 督办单 to the unit handling that
 * record, linked back to it. One open order per deadline.
 */
export const issueFromDeadline = async (ctx: Ctx, input: FromDeadlineInput): Promise<SupervisionOrderRow> => {
  const actor = requirePermission(ctx, PERM.issue);
  const deadline = await getOpenDeadlineInScope(ctx, input.clockId);
  if (deadline.entityType === orderMachine.entity) {
    throw validationError([{ path: 'clockId', message: '督办单本身的整改期限逾期，请在督办单上约谈或通报，不能再转督办' }]);
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      await unitInScope(tx, actor, PERM.issue, deadline.orgId, 'clockId', '期限所属单位');
      const [open] = await tx
        .select({ orderNo: supervisionOrder.orderNo })
        .from(supervisionOrder)
        .where(and(eq(supervisionOrder.sourceClockId, input.clockId), inArray(supervisionOrder.status, [...OPEN_ORDER_STATES])));
      if (open) throw duplicate(open.orderNo);
      const what = `${deadline.moduleLabel}${deadline.title ? `“${deadline.title}”` : ''}`;
      const late = deadline.tone === 'red' ? `已于 ${deadline.dueDate} 届满，逾期未办结` : `将于 ${deadline.dueDate} 届满`;
      return insertOrder(tx, ctx, actor, {
        orgId: deadline.orgId,
        findingId: null,
        title: `${what}${deadline.label}${deadline.tone === 'red' ? '逾期' : '临期'}督办`,
        content: `经查，你单位承办的${what}，其${deadline.label}（${deadline.basis}）${late}。请按要求抓紧办理并报送整改情况。`,
        requirement: input.requirement,
        dueDate: input.dueDate,
        source: 'overdue_deadline',
        sourceModule: deadline.module,
        sourceEntityType: deadline.entityType,
        sourceEntityId: deadline.entityId,
        sourceLink: deadline.link,
        sourceTitle: deadline.title,
        sourceClockId: deadline.clockId,
      });
    });
  } catch (e) {
    // Two issuers at once: the partial unique index lets only one open order per deadline through.
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') throw new AppError('CONFLICT', '该期限已有未销号的督办单，不能重复督办', { details: { reason: 'open_order_exists' } });
    throw e;
  }
};

