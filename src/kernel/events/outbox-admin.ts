import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { queryRows } from '../db/client';
import { requirePermission } from '../auth/data-scope';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors/app-error';

export const OUTBOX_PERMISSION = 'system:outbox_manage';

export const outboxDeliverySchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  eventType: z.string(),
  /** The id of the record the event is about (payloads hold ids only). */
  entityId: z.number().int().nullable(),
  consumer: z.string(),
  /** The subscribing module's key. */
  module: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  eventCreatedAt: z.string(),
  updatedAt: z.string(),
});
export type OutboxDeliveryView = z.infer<typeof outboxDeliverySchema>;

export const outboxListSchema = z.object({
  items: z.array(outboxDeliverySchema),
  total: z.number().int(),
  /** Events not yet processed, and the oldest of them: a growing backlog means the dispatcher is not running. */
  backlog: z.object({ pendingEvents: z.number().int(), oldestPendingAt: z.string().nullable() }),
});

export const outboxRetrySchema = z.object({ eventId: z.number().int(), consumers: z.array(z.string()) });

interface DeliveryRow {
  id: number | string;
  event_id: number | string;
  event_type: string;
  payload: unknown;
  consumer: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | string;
  event_created_at: Date | string;
  updated_at: Date | string;
}

const iso = (v: Date | string): string => new Date(v).toISOString();

const entityIdOf = (payload: unknown): number | null => {
  const id = payload && typeof payload === 'object' ? (payload as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
};

/**
 * 事件投递故障: deliveries that failed for good (`failed`) or are waiting for another attempt (`pending`),
 * newest first, with the outbox backlog.
 */
export const listOutboxDeliveries = async (
  ctx: Ctx,
  q: { status: 'failed' | 'pending'; page: number; pageSize: number },
): Promise<z.infer<typeof outboxListSchema>> => {
  requirePermission(ctx, OUTBOX_PERMISSION);
  const where = sql`d.status = ${q.status}`;
  const [{ total } = { total: 0 }] = await queryRows<{ total: number | string }>(ctx.db, sql`select count(*) as total from outbox_delivery d where ${where}`);
  const rows = await queryRows<DeliveryRow>(
    ctx.db,
    sql`select d.id, d.event_id, e.type as event_type, e.payload, d.consumer, d.status, d.attempts, d.last_error,
               d.next_attempt_at, e.created_at as event_created_at, d.updated_at
        from outbox_delivery d join outbox_event e on e.id = d.event_id
        where ${where}
        order by d.updated_at desc, d.id desc
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const [backlog] = await queryRows<{ n: number | string; oldest: Date | string | null }>(
    ctx.db,
    sql`select count(*) as n, min(created_at) as oldest from outbox_event where processed_at is null`,
  );
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      eventId: Number(r.event_id),
      eventType: r.event_type,
      entityId: entityIdOf(r.payload),
      consumer: r.consumer,
      module: r.consumer.split(':')[0] ?? '',
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: iso(r.next_attempt_at),
      eventCreatedAt: iso(r.event_created_at),
      updatedAt: iso(r.updated_at),
    })),
    total: Number(total),
    backlog: { pendingEvents: Number(backlog?.n ?? 0), oldestPendingAt: backlog?.oldest ? iso(backlog.oldest) : null },
  };
};

/**
 * 重试: the event's failed or waiting deliveries become due now with a fresh set of attempts (after the
 * cause was fixed). The dispatcher picks them up on its next pass.
 */
export const retryOutboxEvent = async (ctx: Ctx, eventId: number): Promise<z.infer<typeof outboxRetrySchema>> => {
  requirePermission(ctx, OUTBOX_PERMISSION);
  return ctx.db.transaction(async (tx) => {
    const rows = await queryRows<{ consumer: string; status: string; attempts: number }>(
      tx,
      sql`update outbox_delivery d set status = 'pending', attempts = 0, next_attempt_at = ${ctx.now.toISOString()}::timestamptz, updated_at = ${ctx.now.toISOString()}::timestamptz
          from outbox_delivery old
          where old.id = d.id and d.event_id = ${eventId} and d.status in ('failed', 'pending')
          returning d.consumer, old.status, old.attempts`,
    );
    if (rows.length === 0) throw new AppError('NOT_FOUND', '该事件没有失败或待重试的投递');
    await recordAudit(tx, ctx, {
      action: 'outbox.retry',
      module: 'system',
      entityType: 'outbox_event',
      entityId: eventId,
      before: rows.map((r) => ({ consumer: r.consumer, status: r.status, attempts: r.attempts })),
      after: { status: 'pending', attempts: 0 },
      reason: '人工重试事件投递',
    });
    return { eventId, consumers: rows.map((r) => r.consumer) };
  });
};
