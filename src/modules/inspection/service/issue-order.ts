import { and, eq } from 'drizzle-orm';
import { AppError, formatNumber, nextSequenceValue, orgUnit, recordAudit, requirePermission, runClockEffects, syncStateTodo, toLocalDate, validationError, type Actor, type Ctx, type DbOrTx } from '../../../kernel';
import type { OrderInput } from '../contract';
import { orderMachine } from '../order-machine';
import { inspectionFinding, supervisionOrder, type SupervisionOrderRow } from '../schema';
import { getFindingInScope, MODULE, PERM, unitInScope } from './access';

export interface NewOrder {
  orgId: number;
  findingId: number | null;
  title: string;
  content: string;
  requirement: string;
  dueDate: string;
  source: SupervisionOrderRow['source'];
  sourceModule?: string | null;
  sourceEntityType?: string | null;
  sourceEntityId?: number | null;
  sourceLink?: string | null;
  sourceTitle?: string | null;
  sourceClockId?: number | null;
}

/**
 * Inserts an issued order inside the caller's transaction: its number `{unit}督办〔{year}〕{seq}号` comes from
 * the sequence of the ISSUING office (the order's own orgId is the ordered unit, so the kernel's per-row
 * `assigns` would number it per ordered unit), the rectification clock starts today with the order's due
 * date, and the rectify to-do goes to the ordered unit.
 */
export const insertOrder = async (tx: DbOrTx, ctx: Ctx, actor: Actor, order: NewOrder): Promise<SupervisionOrderRow> => {
  const today = toLocalDate(ctx.now);
  if (order.dueDate < today) throw validationError([{ path: 'dueDate', message: '整改期限不能早于签发日期（今天）' }]);
  const [issuer] = await tx.select({ id: orgUnit.id, shortName: orgUnit.shortName }).from(orgUnit).where(eq(orgUnit.id, actor.orgId));
  const year = Number(today.slice(0, 4));
  const seq = await nextSequenceValue(tx, `${MODULE}.order`, actor.orgId, year);
  const orderNo = formatNumber(ctx.services.registry.sequence(MODULE, 'order').pattern, { unit: issuer?.shortName ?? '', year, seq });
  const [row] = await tx
    .insert(supervisionOrder)
    .values({
      orderNo,
      orgId: order.orgId,
      issuerOrgId: actor.orgId,
      findingId: order.findingId,
      title: order.title,
      content: order.content,
      requirement: order.requirement,
      dueDate: order.dueDate,
      issuedOn: today,
      source: order.source,
      sourceModule: order.sourceModule ?? null,
      sourceEntityType: order.sourceEntityType ?? null,
      sourceEntityId: order.sourceEntityId ?? null,
      sourceLink: order.sourceLink ?? null,
      sourceTitle: order.sourceTitle ?? null,
      sourceClockId: order.sourceClockId ?? null,
      status: orderMachine.initial,
      createdBy: actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  const created = row!;
  await runClockEffects(tx, ctx, MODULE, orderMachine, created, orderMachine.onCreate?.clocks ?? [], { dueDate: created.dueDate });
  await syncStateTodo(tx, ctx, MODULE, orderMachine, created, `${created.orderNo} ${created.title}`, `/${MODULE}/orders/${created.id}`);
  if (order.findingId) {
    await tx.update(inspectionFinding).set({ status: 'ordered', updatedAt: ctx.now }).where(eq(inspectionFinding.id, order.findingId));
  }
  await recordAudit(tx, ctx, {
    action: 'order.issue',
    module: MODULE,
    entityType: orderMachine.entity,
    entityId: created.id,
    after: { orderNo, orgId: order.orgId, findingId: order.findingId, dueDate: order.dueDate, source: order.source, sourceLink: order.sourceLink ?? null },
  });
  return created;
};

/** 签发督办单 to a unit in the issuer's scope, directly or for a recorded finding. */
export const issueOrder = async (ctx: Ctx, input: OrderInput): Promise<SupervisionOrderRow> => {
  const actor = requirePermission(ctx, PERM.issue);
  return ctx.db.transaction(async (tx) => {
    await unitInScope(tx, actor, PERM.issue, input.orgId, 'orgId', '被督办单位');
    let source: SupervisionOrderRow['source'] = 'other';
    if (input.findingId) {
      const finding = await getFindingInScope(ctx, input.findingId, tx, PERM.issue).catch(() => {
        throw validationError([{ path: 'findingId', message: '督察问题不存在或不在本人数据范围内' }]);
      });
      if (finding.orgId !== input.orgId) throw validationError([{ path: 'orgId', message: '被督办单位须为问题所在单位' }]);
      if (finding.status !== 'open') {
        const [open] = await tx
          .select({ orderNo: supervisionOrder.orderNo })
          .from(supervisionOrder)
          .where(and(eq(supervisionOrder.findingId, finding.id), eq(supervisionOrder.status, 'issued')));
        throw new AppError('CONFLICT', `该问题已${finding.status === 'closed' ? '整改销号' : `签发督办单${open ? `（${open.orderNo}）` : ''}`}，不能重复督办`, {
          details: { reason: 'finding_not_open' },
        });
      }
      source = finding.source;
    }
    return insertOrder(tx, ctx, actor, { ...input, findingId: input.findingId ?? null, source });
  });
};
