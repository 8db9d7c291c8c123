import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { systemCtx, type Ctx, type KernelServices } from '../context';
import { queryRows, type Db } from '../db/client';
import { outboxDelivery } from '../db/schema';
import { describeErrorForLog } from '../errors/log-redaction';
import type { EventConsumer, OutboxEventView } from '../module/define-module';

/** Events handled in one pass, oldest first. */
export const OUTBOX_BATCH = 200;
/** Attempts of one subscriber on one event before it is `failed`. */
export const OUTBOX_MAX_ATTEMPTS = 10;
/** Longest wait between two attempts. */
const MAX_DELAY_MINUTES = 60;
/** Longest error text kept on a delivery. */
const MAX_ERROR_LENGTH = 2000;

/** The wait after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour. */
export const retryDelayMs = (attempts: number): number => Math.min(MAX_DELAY_MINUTES, 2 ** Math.max(0, attempts - 1)) * 60_000;

export interface DispatchResult {
  /** Events looked at. */
  events: number;
  /** Deliveries that succeeded in this pass. */
  delivered: number;
  /** Deliveries that failed and wait for their next attempt. */
  retrying: number;
  /** Deliveries that failed for the last time. */
  failed: number;
  /** Events marked processed (every subscriber delivered, or none subscribes). */
  processed: number;
}

interface PendingEventRow {
  id: number | string;
  type: string;
  payload: unknown;
  created_at: Date | string;
}

type DeliveryOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped';

/**
 * 事件投递: one pass over the outbox. Takes the oldest pending events (at most `OUTBOX_BATCH`, through the
 * partial index on unprocessed events) that have a subscriber due, and hands each to its subscribers, each
 * in its own short transaction that also records the delivery. On PostgreSQL the delivery row is taken
 * `FOR UPDATE SKIP LOCKED`, so two processes never run the same subscriber on the same event at once; on
 * PGlite transactions are serialised anyway. Safe to call concurrently and repeatedly: a delivered
 * subscriber is never run again for the same event.
 */
export const dispatchOutbox = async (services: KernelServices, opts: { batch?: number } = {}): Promise<DispatchResult> => {
  const registry = services.registry;
  const now = services.clock();
  const nowIso = now.toISOString();
  const counts = registry.consumerCounts();
  const keys = registry.consumerKeys();
  const result: DispatchResult = { events: 0, delivered: 0, retrying: 0, failed: 0, processed: 0 };

  // An event is due while fewer of its current subscribers are settled (delivered, failed, or waiting for
  // a later attempt) than it has subscribers; an event nobody subscribes to is due until marked processed.
  const rows = await queryRows<PendingEventRow>(
    services.db,
    sql`select e.id, e.type, e.payload, e.created_at
        from outbox_event e
        where e.processed_at is null
          and (select count(*) from outbox_delivery d
               where d.event_id = e.id
                 and d.consumer in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))
                 and (d.status <> 'pending' or d.next_attempt_at > ${nowIso}::timestamptz))
              < greatest(coalesce((${JSON.stringify(counts)}::jsonb ->> e.type)::int, 0), 1)
        order by e.id
        limit ${opts.batch ?? OUTBOX_BATCH}`,
  );
  result.events = rows.length;
  if (rows.length === 0) return result;
  const events: OutboxEventView[] = rows.map((r) => ({ id: Number(r.id), type: r.type, payload: r.payload, createdAt: new Date(r.created_at) }));

  // One statement creates the missing delivery rows of the batch (committed at once, so a process that
  // crashes later leaves them pending for the next pass).
  const wanted = events.flatMap((e) => registry.consumersOf(e.type).map((c) => ({ eventId: e.id, consumer: c.key, nextAttemptAt: now })));
  if (wanted.length > 0) await services.db.insert(outboxDelivery).values(wanted).onConflictDoNothing();

  const unsubscribed: number[] = [];
  for (const event of events) {
    const consumers = registry.consumersOf(event.type);
    if (consumers.length === 0) {
      unsubscribed.push(event.id);
      continue;
    }
    for (const c of consumers) {
      const outcome = await deliver(services, event, c, now);
      if (outcome !== 'skipped') result[outcome] += 1;
    }
    const marked = await queryRows<{ id: number }>(
      services.db,
      sql`update outbox_event set processed_at = ${nowIso}::timestamptz
          where id = ${event.id} and processed_at is null
            and (select count(*) from outbox_delivery d
                 where d.event_id = ${event.id} and d.status = 'delivered'
                   and d.consumer in (select jsonb_array_elements_text(${JSON.stringify(consumers.map((c) => c.key))}::jsonb))) >= ${consumers.length}
          returning id`,
    );
    result.processed += marked.length;
  }
  if (unsubscribed.length > 0) {
    const marked = await queryRows<{ id: number }>(
      services.db,
      sql`update outbox_event set processed_at = ${nowIso}::timestamptz
          where processed_at is null and id in (select (jsonb_array_elements_text(${JSON.stringify(unsubscribed)}::jsonb))::bigint)
          returning id`,
    );
    result.processed += marked.length;
  }
  return result;
};

/**
 * Runs one subscriber on one event in its own transaction: the delivery row is locked (or skipped when
 * another process holds it, already settled, or not yet due), the subscriber's work runs in a savepoint,
 * and the row records the outcome in the same transaction — so the work and "delivered" commit together.
 */
const deliver = async (
  services: KernelServices,
  event: OutboxEventView,
  consumer: { key: string; consume: EventConsumer },
  now: Date,
): Promise<DeliveryOutcome> => {
  const nowIso = now.toISOString();
  let finalError: string | null = null;
  const outcome = await services.db.transaction(async (tx): Promise<DeliveryOutcome> => {
    const [row] = await queryRows<{ id: number | string; attempts: number }>(
      tx,
      sql`select id, attempts from outbox_delivery
          where event_id = ${event.id} and consumer = ${consumer.key} and status = 'pending' and next_attempt_at <= ${nowIso}::timestamptz
          for update skip locked`,
    );
    if (!row) return 'skipped';
    const attempts = row.attempts + 1;
    try {
      await tx.transaction(async (sp) => {
        const ctx: Ctx = { ...systemCtx(services, `outbox:${event.id}`), now, db: sp as unknown as Db };
        await consumer.consume({ ctx, event });
      });
    } catch (err) {
      const message = describeErrorForLog(err, { stack: false }).slice(0, MAX_ERROR_LENGTH);
      const failed = attempts >= OUTBOX_MAX_ATTEMPTS;
      const next = new Date(now.getTime() + (failed ? 0 : retryDelayMs(attempts)));
      await tx.execute(
        sql`update outbox_delivery set status = ${failed ? 'failed' : 'pending'}, attempts = ${attempts}, last_error = ${message},
              next_attempt_at = ${next.toISOString()}::timestamptz, updated_at = ${nowIso}::timestamptz
            where id = ${row.id}`,
      );
      if (failed) finalError = message;
      return failed ? 'failed' : 'retrying';
    }
    await tx.execute(
      sql`update outbox_delivery set status = 'delivered', attempts = ${attempts}, last_error = null,
            delivered_at = ${nowIso}::timestamptz, updated_at = ${nowIso}::timestamptz
          where id = ${row.id}`,
    );
    return 'delivered';
  });
  if (finalError) console.error(`事件投递失败（已重试 ${OUTBOX_MAX_ATTEMPTS} 次，需人工处理）：事件 ${event.id} ${consumer.key}：${finalError}`);
  return outcome;
};

/**
 * The process's dispatcher: a pass on an interval (skipped while one runs) and a pass shortly after each
 * mutating HTTP request (debounced), so a subscriber's effect shows within a second. Nothing runs until
 * `start()`; `stop()` waits for the running pass.
 */
export class OutboxDispatcher {
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private timer: NodeJS.Timeout | null = null;
  private kick: NodeJS.Timeout | null = null;

  constructor(
    private readonly services: KernelServices,
    private readonly onError: (err: unknown) => void = (err) => console.error(`事件投递失败：${describeErrorForLog(err)}`),
  ) {}

  /** Runs passes until nothing more is due now (a full batch or a nudge during the pass asks for another). */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        for (let round = 0; round < 20; round += 1) {
          this.again = false;
          const r = await dispatchOutbox(this.services);
          if (r.events < OUTBOX_BATCH && !this.again) break;
        }
      } catch (err) {
        this.onError(err);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Asks for a pass soon: several nudges within the debounce window make one pass. */
  nudge(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.kick) return;
    this.kick = setTimeout(() => {
      this.kick = null;
      void this.run();
    }, 50);
    this.kick.unref();
  }

  /** Starts the interval (and a first pass); nudges work from now on. */
  start(intervalMs = 5_000): void {
    if (this.started) return;
    this.started = true;
    this.timer = setInterval(() => {
      if (!this.running) void this.run();
    }, intervalMs);
    this.timer.unref();
    void this.run();
  }

  /** Stops the interval and nudges and waits for a running pass. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    if (this.kick) clearTimeout(this.kick);
    this.timer = null;
    this.kick = null;
    await this.running;
  }
}

/** After a mutating API request (its transaction committed), nudges the dispatcher; never delays the response. */
export const outboxNudge =
  (dispatcher: OutboxDispatcher): MiddlewareHandler =>
  async (c, next) => {
    await next();
    const m = c.req.method;
    if (m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS') dispatcher.nudge();
  };
