import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { signInAs } from '../../../test/support/sign-in';
import { act, registerVia, replyDeadline } from '../../modules/disclosure/test/fixtures';
import { queryRows } from '../db/client';
import { scanClocks } from './clock-scan';

interface OpenTodo {
  entity_id: number;
  kind: string;
  title: string;
  due_date: string;
}

/** Open deadline to-dos (due_soon / overdue) of disclosure requests. */
const openDeadlineTodos = async (world: TestWorld): Promise<OpenTodo[]> =>
  queryRows<OpenTodo>(
    world.platform.services.db,
    sql`select entity_id, kind, title, due_date::text as due_date from todo
        where entity_type = 'disclosure_request' and done_at is null and kind in ('due_soon', 'overdue') order by entity_id, kind`,
  );

const todosOf = (todos: OpenTodo[], id: number) => todos.filter((t) => t.entity_id === id).map((t) => t.kind);

describe('期限扫描：临期与逾期待办', () => {
  let world: TestWorld;
  let r1: { id: number; requestNo: string };
  let r2: { id: number; requestNo: string };
  const scan = () => scanClocks(world.systemCtx());

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    const handler = await signInAs(world, 'handlerA');
    r1 = await registerVia(handler, world.units.countyAGov, { receivedDate: '2026-11-23' });
    r2 = await registerVia(handler, world.units.countyAGov, { receivedDate: '2026-11-23' });
    for (const r of [r1, r2]) assert.equal((await act(handler, r.id, 'accept')).status, 200);
    // 20 working days from Monday 2026-11-23 (《政府信息公开条例》第三十三条).
    assert.equal((await replyDeadline(handler, r1.id))?.dueDate, '2026-12-21');
  });
  after(() => world.close());

  // The reply clock declares dueSoonWorkingDays: 5, the same threshold the yellow badge uses.
  test('距到期日超过答复期限的临期阈值（5个工作日）时不产生待办', async () => {
    world.clock.set('2026-12-11T08:00:00');
    const result = await scan();
    assert.deepEqual(result, { ran: true, dueSoon: 0, overdue: 0, closed: 0 });
    assert.deepEqual(await openDeadlineTodos(world), []);
  });

  test('到期前5个工作日内：每件申请产生一条“即将到期”待办', async () => {
    world.clock.set('2026-12-16T08:00:00');
    const result = await scan();
    assert.equal(result.ran, true);
    assert.equal(result.dueSoon, 2);
    assert.equal(result.overdue, 0);
    const todos = await openDeadlineTodos(world);
    assert.deepEqual(todosOf(todos, r1.id), ['due_soon']);
    assert.deepEqual(todosOf(todos, r2.id), ['due_soon']);
    const t1 = todos.find((t) => t.entity_id === r1.id)!;
    assert.equal(t1.due_date, '2026-12-21');
    assert.match(t1.title, /答复期限即将到期/);
    assert.ok(t1.title.includes(r1.requestNo));
  });

  test('重复扫描是幂等的：不重复产生待办', async () => {
    const before = await openDeadlineTodos(world);
    const result = await scan();
    assert.deepEqual(result, { ran: true, dueSoon: 0, overdue: 0, closed: 0 });
    assert.deepEqual(await openDeadlineTodos(world), before);
  });

  test('首页待办只给数据范围内、有办理权限的人：甲县政府办办理人员可见，乙县、甲县其他部门和只读领导不可见', async () => {
    const own = await (await signInAs(world, 'handlerA')).get('/api/home');
    assert.equal(own.status, 200);
    const titles = (own.body.todos as { kind: string; title: string; link: string }[]).filter((t) => t.kind === 'due_soon');
    assert.equal(titles.length, 2);
    assert.ok(titles.some((t) => t.title.includes(r1.requestNo) && t.link === `/disclosure/requests/${r1.id}`));
    assert.ok((own.body.deadlines as { entityId: number }[]).some((d) => d.entityId === r1.id));
    for (const name of ['handlerB', 'deptA', 'leaderA', 'leaderB']) {
      const home = await (await signInAs(world, name)).get('/api/home');
      assert.equal(home.status, 200, name);
      const seen = JSON.stringify(home.body);
      assert.ok(!seen.includes(r1.requestNo) && !seen.includes(r2.requestNo), `${name} 不应看到：${seen}`);
    }
    const townHome = await (await signInAs(world, 'townA')).get('/api/home');
    assert.equal(townHome.body.todos.length, 0);
  });

  test('逾期后：“即将到期”转为“已逾期”，每件申请只有一条逾期待办', async () => {
    world.clock.set('2026-12-22T08:00:00');
    const result = await scan();
    assert.equal(result.overdue, 2);
    assert.equal(result.dueSoon, 0);
    const todos = await openDeadlineTodos(world);
    assert.deepEqual(todosOf(todos, r1.id), ['overdue']);
    assert.deepEqual(todosOf(todos, r2.id), ['overdue']);
    assert.match(todos[0]!.title, /已逾期/);
    const again = await scan();
    assert.deepEqual(again, { ran: true, dueSoon: 0, overdue: 0, closed: 0 });
    assert.deepEqual(await openDeadlineTodos(world), todos);
  });

  test('作出答复后该申请的期限待办关闭，再次扫描也不会重新产生', async () => {
    const handler = await signInAs(world, 'handlerA');
    const res = await act(handler, r1.id, 'reply', { replyType: 'disclosed', replySummary: '予以公开', repliedDate: '2026-12-22' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await scan();
    const todos = await openDeadlineTodos(world);
    assert.deepEqual(todosOf(todos, r1.id), []);
    assert.deepEqual(todosOf(todos, r2.id), ['overdue']);
    const home = await handler.get('/api/home');
    assert.ok(!(home.body.todos as { title: string }[]).some((t) => t.title.includes(r1.requestNo)));
  });

  test('期限暂停（征求第三方意见）后，扫描关闭该申请的逾期待办', async () => {
    const handler = await signInAs(world, 'handlerA');
    const res = await act(handler, r2.id, 'startConsultation', { consultationParty: '第三方企业', consultationStartedOn: '2026-12-22' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(todosOf(await openDeadlineTodos(world), r2.id), ['overdue'], '流转本身不关闭期限待办');
    const result = await scan();
    assert.equal(result.closed, 1);
    assert.deepEqual(await openDeadlineTodos(world), []);
  });
});

describe('期限扫描：并发', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    const handler = await signInAs(world, 'handlerA');
    for (let i = 0; i < 3; i += 1) {
      const r = await registerVia(handler, world.units.countyAGov, { receivedDate: '2026-11-23' });
      await act(handler, r.id, 'accept');
    }
    world.clock.set('2026-12-16T08:00:00');
  });
  after(() => world.close());

  test('同时启动两次扫描：只有一次执行（PostgreSQL 上另一次因咨询锁跳过），待办不会重复', { timeout: 60_000 }, async () => {
    const db = world.platform.services.db;
    let results: Awaited<ReturnType<typeof scanClocks>>[];
    if (world.platform.services.dbKind === 'pg') {
      // Hold the to-do table so that whichever scan takes the advisory lock waits inside its transaction
      // while the other one tries the lock.
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const blocker = db.transaction(async (tx) => {
        await tx.execute(sql`lock table todo in exclusive mode`);
        locked();
        await released;
      });
      await isLocked;
      const a = scanClocks(world.systemCtx());
      const b = scanClocks(world.systemCtx());
      const first = await Promise.race([a, b]);
      assert.equal(first.ran, false, '先返回的一次没有拿到锁');
      release();
      await blocker;
      results = await Promise.all([a, b]);
      assert.equal(results.filter((r) => r.ran).length, 1);
    } else {
      // PGlite has one connection: the two scans run one after the other.
      results = await Promise.all([scanClocks(world.systemCtx()), scanClocks(world.systemCtx())]);
    }
    assert.equal(results.reduce((n, r) => n + r.dueSoon, 0), 3, JSON.stringify(results));
    assert.equal((await openDeadlineTodos(world)).length, 3);
  });
});
