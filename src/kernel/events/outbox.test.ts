import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { defineModule, type ModuleDefinition } from '../module/define-module';
import { defineManifest } from '../shared/define-manifest';
import { defineMachine } from '../shared/define-machine';
import { createRouter } from '../http/router';
import { queryRows, type Db } from '../db/client';
import { outboxEvent } from '../db/schema';
import { InvalidModuleDefinition, ModuleRegistry } from '../module/registry';
import { dispatchOutbox, OUTBOX_MAX_ATTEMPTS, retryDelayMs } from './dispatch-outbox';

// A test module whose machine names the event types, and two subscribers: `evtest` counts `ping` events and
// runs a `fail` consumer that writes and then fails (while `failing` is set) on a query carrying personal
// data as its parameter; `evtwo` counts `ping` events too. Runs are counted in app_setting by the consumer's
// own transaction, so a rolled-back run leaves no count.
const PING = 'evtest.evtest_item.ping';
const FAIL = 'evtest.evtest_item.fail';
const CLOSE = 'evtest.evtest_item.close';
const SECRET = '张三110101199003071234';
let failing = true;

const machine = defineMachine({
  entity: 'evtest_item',
  initial: 'open',
  states: { open: { label: '办理中', tone: 'processing' }, done: { label: '已办结', tone: 'success', final: true } },
  clocks: {},
  transitions: {
    ping: { label: '提醒', from: ['open'], to: 'open', permission: 'handle' },
    fail: { label: '失败', from: ['open'], to: 'open', permission: 'handle' },
    close: { label: '办结', from: ['open'], to: 'done', permission: 'handle' },
  },
});

const count = (ctx: { db: Db }, key: string) =>
  ctx.db.execute(
    sql`insert into app_setting (key, value) values (${key}, '1'::jsonb)
        on conflict (key) do update set value = to_jsonb((app_setting.value #>> '{}')::int + 1)`,
  );

const evtest = (): ModuleDefinition =>
  defineModule({
    manifest: defineManifest({ key: 'evtest', label: '事件测试', permissions: { handle: '办理' }, menu: [], machines: { item: machine } }),
    // A mutating route that writes an event, as a transition would: the dispatcher is nudged after it.
    routes: () =>
      createRouter().post('/ping', async (c) => {
        const [row] = await c.get('services').db.insert(outboxEvent).values({ type: PING, payload: { id: 99, from: 'open', to: 'open', actorId: null } }).returning();
        return c.json({ eventId: row!.id }, 200);
      }),
    subscribes: {
      [PING]: async ({ ctx, event }) => {
        await count(ctx, `evtest:${event.id}`);
      },
      [FAIL]: async ({ ctx, event }) => {
        await count(ctx, `evtest-fail:${event.id}`);
        if (failing) await ctx.db.execute(sql`select ${SECRET}::int`);
      },
    },
  });

const evtwo = (): ModuleDefinition =>
  defineModule({
    manifest: defineManifest({ key: 'evtwo', label: '事件测试二', permissions: { read: '查看' }, menu: [], machines: {} }),
    routes: () => createRouter(),
    subscribes: {
      [PING]: async ({ ctx, event }) => {
        await count(ctx, `evtwo:${event.id}`);
      },
    },
  });

interface DeliveryRow {
  consumer: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | string;
}

describe('事件发件箱：提交后分发给订阅模块', () => {
  let world: TestWorld;
  const db = () => world.platform.services.db;
  const dispatch = () => dispatchOutbox(world.platform.services);
  const emit = async (type: string, id = 1): Promise<number> => {
    const [row] = await db().insert(outboxEvent).values({ type, payload: { id, from: 'open', to: 'open', actorId: null } }).returning();
    return row!.id;
  };
  const runs = async (key: string): Promise<number> => {
    const [row] = await queryRows<{ n: number | null }>(db(), sql`select (value #>> '{}')::int as n from app_setting where key = ${key}`);
    return row?.n ?? 0;
  };
  const deliveries = (eventId: number) =>
    queryRows<DeliveryRow>(db(), sql`select consumer, status, attempts, last_error, next_attempt_at from outbox_delivery where event_id = ${eventId} order by consumer`);
  const processedAt = async (eventId: number) => {
    const [row] = await queryRows<{ processed_at: Date | null }>(db(), sql`select processed_at from outbox_event where id = ${eventId}`);
    return row?.processed_at ?? null;
  };

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00', modules: [evtest(), evtwo()] });
  });
  after(async () => {
    await world.platform.outbox.stop();
    await world.close();
  });

  test('每个订阅方对每个事件只执行一次：分发连续运行两次、并发运行两次都不重复', async () => {
    const ids = [await emit(PING, 1), await emit(PING, 2), await emit(PING, 3)];
    await Promise.all([dispatch(), dispatch()]);
    await dispatch();
    for (const id of ids) {
      assert.equal(await runs(`evtest:${id}`), 1);
      assert.equal(await runs(`evtwo:${id}`), 1);
      assert.deepEqual(
        (await deliveries(id)).map((d) => [d.consumer, d.status, d.attempts]),
        [
          [`evtest:${PING}`, 'delivered', 1],
          [`evtwo:${PING}`, 'delivered', 1],
        ],
      );
      assert.ok(await processedAt(id), '全部订阅方投递后事件标记为已处理');
    }
  });

  test('没有订阅方的事件直接标记为已处理，不产生投递记录', async () => {
    const id = await emit(CLOSE);
    const r = await dispatch();
    assert.equal(r.processed, 1);
    assert.ok(await processedAt(id));
    assert.deepEqual(await deliveries(id), []);
  });

  test('订阅方出错：其工作回滚，按 1、2、4 分钟……至多 1 小时退避重试，错误不含参数，10 次后标记失败', async () => {
    const start = world.platform.services.clock().getTime();
    const id = await emit(FAIL);
    await dispatch();
    let [d] = await deliveries(id);
    assert.equal(d!.status, 'pending');
    assert.equal(d!.attempts, 1);
    assert.equal(new Date(d!.next_attempt_at).getTime(), start + 60_000);
    assert.equal(await runs(`evtest-fail:${id}`), 0, '出错的处理连同其写入一起回滚');
    assert.equal(await processedAt(id), null);
    // The stored error names the failing SQL but neither its parameter nor the value the database quotes.
    assert.match(d!.last_error ?? '', /Failed query/);
    assert.ok(!d!.last_error!.includes('110101199003071234') && !d!.last_error!.includes('张三'), d!.last_error!);

    // Not due yet: nothing runs.
    world.clock.advance(59_000);
    await dispatch();
    [d] = await deliveries(id);
    assert.equal(d!.attempts, 1);

    const waits = [(new Date(d!.next_attempt_at).getTime() - start) / 60_000];
    for (let attempt = 2; attempt <= OUTBOX_MAX_ATTEMPTS; attempt += 1) {
      const due = new Date(d!.next_attempt_at).getTime();
      world.clock.set(new Date(due).toISOString());
      await dispatch();
      [d] = await deliveries(id);
      assert.equal(d!.attempts, attempt);
      if (attempt < OUTBOX_MAX_ATTEMPTS) waits.push((new Date(d!.next_attempt_at).getTime() - due) / 60_000);
    }
    assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    assert.equal(retryDelayMs(20), 60 * 60_000);
    assert.equal(d!.status, 'failed');

    // A failed delivery is not tried again by the dispatcher, however long one waits.
    world.clock.advance(24 * 3600_000);
    await dispatch();
    [d] = await deliveries(id);
    assert.equal(d!.attempts, OUTBOX_MAX_ATTEMPTS);
    assert.equal(await processedAt(id), null);
  });

  test('系统管理员在事件投递故障中看到失败的投递并重试；修复后投递成功，事件标记已处理', async () => {
    const admin = await world.login('sysadmin');
    const list = await admin.get('/api/system/outbox?status=failed');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const item = list.body.items.find((i: { consumer: string }) => i.consumer === `evtest:${FAIL}`);
    assert.ok(item, JSON.stringify(list.body));
    assert.equal(item.attempts, OUTBOX_MAX_ATTEMPTS);
    assert.equal(item.module, 'evtest');
    assert.equal(item.entityId, 1);
    assert.ok(!String(item.lastError).includes('110101199003071234'));
    assert.ok(list.body.backlog.pendingEvents >= 1);

    const office = await world.login('office');
    assert.equal((await office.get('/api/system/outbox?status=failed')).status, 403);
    assert.equal((await office.post(`/api/system/outbox/${item.eventId}/retry`)).status, 403);

    failing = false;
    const retry = await admin.post(`/api/system/outbox/${item.eventId}/retry`);
    assert.equal(retry.status, 200, JSON.stringify(retry.body));
    assert.deepEqual(retry.body.consumers, [`evtest:${FAIL}`]);
    const [audit] = await queryRows<{ action: string; entity_id: string }>(db(), sql`select action, entity_id from audit_log where action = 'outbox.retry' order by seq desc limit 1`);
    assert.equal(audit?.entity_id, String(item.eventId));

    await dispatch();
    const [d] = await deliveries(item.eventId);
    assert.equal(d!.status, 'delivered');
    assert.equal(d!.attempts, 1);
    assert.equal(await runs(`evtest-fail:${item.eventId}`), 1);
    assert.ok(await processedAt(item.eventId));
    assert.equal((await admin.get('/api/system/outbox?status=failed')).body.items.length, 0);
    // Nothing left to retry.
    assert.equal((await admin.post(`/api/system/outbox/${item.eventId}/retry`)).status, 404);
  });

  test('分发器启动后，变更请求一返回即被推动，订阅方一秒内完成处理', async () => {
    world.platform.outbox.start(60 * 60_000);
    const client = await world.login('office');
    // Let the start-up pass finish, so the nudge is what delivers the new event.
    await new Promise((r) => setTimeout(r, 100));
    const res = await client.post('/api/evtest/ping');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const id = res.body.eventId as number;
    const deadline = Date.now() + 1000;
    while ((await runs(`evtest:${id}`)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(await runs(`evtest:${id}`), 1);
    await world.platform.outbox.stop();
  });

  test('订阅不存在的事件类型在启动时报错', () => {
    const bad = defineModule({
      manifest: defineManifest({ key: 'evbad', label: '错误订阅', permissions: {}, menu: [], machines: {} }),
      routes: () => createRouter(),
      subscribes: { 'evtest.evtest_item.pong': async () => undefined, 'no-dots': async () => undefined },
    });
    assert.throws(() => new ModuleRegistry([evtest(), bad]), (err: unknown) => err instanceof InvalidModuleDefinition && /evtest\.evtest_item\.pong/.test(err.message) && /no-dots/.test(err.message));
  });
});
