import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { signInAs } from '../../../test/support/sign-in';
import { registerVia, replyDeadline } from '../../modules/disclosure/test/fixtures';
import { queryRows } from '../db/client';

describe('节假日维护与期限重算', () => {
  let world: TestWorld;
  let sysadmin: TestClient;
  let handlerA: TestClient;
  let requestId: number;

  const setDay = (date: string, kind: 'holiday' | 'workday' | 'normal', name = '') => sysadmin.put(`/api/system/calendar/days/${date}`, { kind, name });
  const due = async () => (await replyDeadline(handlerA, requestId))?.dueDate;

  before(async () => {
    world = await createTestWorld({ now: '2026-10-12T09:00:00' });
    sysadmin = await signInAs(world, 'sysadmin');
    handlerA = await signInAs(world, 'handlerA');
    requestId = (await registerVia(handlerA, world.units.countyAGov, { receivedDate: '2026-10-12' })).id;
  });
  after(() => world.close());

  test('政府信息公开条例第33条: 2026-10-12（周一）收到的申请，20个工作日后 2026-11-09 到期', async () => {
    assert.equal(await due(), '2026-11-09');
  });

  test('将期限内的工作日（2026-10-20 周二）设为节假日：未结期限重算，到期日顺延一个工作日', async () => {
    try {
      const res = await setDay('2026-10-20', 'holiday', '临时放假');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok(res.body.recomputed >= 1, `recomputed ${res.body.recomputed}`);
      assert.equal(await due(), '2026-11-10');
    } finally {
      await setDay('2026-10-20', 'normal');
    }
  });

  test('恢复为常规日后，到期日随之复原', async () => {
    await setDay('2026-10-20', 'holiday', '临时放假');
    const res = await setDay('2026-10-20', 'normal');
    assert.equal(res.status, 200);
    assert.ok(res.body.recomputed >= 1);
    assert.equal(await due(), '2026-11-09');
  });

  test('将期限内的周日（2026-10-25）设为调休上班日：到期日提前一个工作日', async () => {
    try {
      const res = await setDay('2026-10-25', 'workday', '调休');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok(res.body.recomputed >= 1);
      assert.equal(await due(), '2026-11-06');
    } finally {
      await setDay('2026-10-25', 'normal');
    }
  });

  test('修改期限以外的日期不改变到期日，也不计入重算数', async () => {
    try {
      const res = await setDay('2026-12-01', 'holiday', '期限以外');
      assert.equal(res.status, 200);
      assert.equal(res.body.recomputed, 0);
      assert.equal(await due(), '2026-11-09');
    } finally {
      await setDay('2026-12-01', 'normal');
    }
  });

  test('节假日修改写入审计日志', async () => {
    try {
      await setDay('2026-10-21', 'holiday', '审计测试');
      const rows = await queryRows<{ action: string; entity_id: string; actor_id: number }>(
        world.platform.services.db,
        sql`select action, entity_id, actor_id from audit_log where action = 'calendar.day' and entity_id = '2026-10-21'`,
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.actor_id, world.users.sysadmin);
    } finally {
      await setDay('2026-10-21', 'normal');
    }
  });

  test('设为节假日须填写名称；日期格式无效 → 422', async () => {
    assert.equal((await setDay('2026-10-22', 'holiday', '')).status, 422);
    assert.equal((await setDay('2026-02-30', 'holiday', '不存在的日期')).status, 422);
    assert.equal(await due(), '2026-11-09');
  });

  test('业务人员不能维护节假日（403），日历不变', async () => {
    const res = await handlerA.put('/api/system/calendar/days/2026-10-20', { kind: 'holiday', name: '越权' });
    assert.equal(res.status, 403);
    assert.equal((await handlerA.put('/api/system/calendar/years/2027', { covered: true })).status, 403);
    assert.equal((await handlerA.get('/api/system/calendar?year=2026')).status, 403);
    const cal = await sysadmin.get('/api/system/calendar?year=2026');
    assert.ok(!(cal.body.days as { date: string }[]).some((d) => d.date === '2026-10-20'));
    assert.equal(await due(), '2026-11-09');
  });

  test('10月起次年节假日安排未维护时，登录用户看到提醒；标记2027年已维护后提醒消失', async () => {
    const before = await handlerA.get('/api/auth/me');
    assert.equal(before.status, 200);
    assert.match(before.body.calendarWarning ?? '', /2027年法定节假日与调休安排尚未维护/);
    try {
      const res = await sysadmin.put('/api/system/calendar/years/2027', { covered: true });
      assert.equal(res.status, 200);
      assert.equal(typeof res.body.recomputed, 'number');
      const cal = await sysadmin.get('/api/system/calendar?year=2027');
      assert.equal(cal.body.covered, true);
      const after = await handlerA.get('/api/auth/me');
      assert.equal(after.body.calendarWarning, null);
    } finally {
      await sysadmin.put('/api/system/calendar/years/2027', { covered: false });
    }
    assert.match((await handlerA.get('/api/auth/me')).body.calendarWarning ?? '', /2027年/);
  });

  test('9月30日及以前不提示次年节假日', async () => {
    const now = world.clock.now();
    world.clock.set('2026-09-30T17:00:00');
    try {
      const client = await signInAs(world, 'handlerB');
      const me = await client.get('/api/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.calendarWarning, null);
    } finally {
      world.clock.set(now.toISOString());
    }
  });
});
