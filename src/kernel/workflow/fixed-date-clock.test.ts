import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { caseClock } from '../db/schema';
import { checkMachine, defineMachine, type ClockDef } from '../shared/define-machine';
import { applyClockEffect } from './clocks';

// A deadline the assigning office sets (任务完成时限, 督办整改期限) is the date it names: it is not a
// statutory period, so the 民诉法 rule that a period ending on a rest day moves to the next working day
// does not apply. The same dates as a calendar-day period show the difference.
const CLOCKS: Record<string, ClockDef> = {
  completion: { label: '完成时限', basis: '任务分解方案', period: 0, unit: 'fixed_date' },
  statutory: { label: '五日期间', basis: '测试', period: 5, unit: 'calendar_day' },
};

describe('交办限期（fixed_date）', () => {
  let world: TestWorld;
  let entityId = 0;
  before(async () => {
    world = await createTestWorld({ now: '2026-09-28T09:00:00' });
  });
  after(() => world.close());

  const start = async (clock: string, on: string, due?: string) => {
    entityId += 1;
    const owner = { module: 'test', entityType: 'test_task', entityId, orgId: world.units.countyADept };
    const db = world.platform.services.db;
    await db.transaction(async (tx) => {
      const calendar = await world.platform.services.calendar.get(tx);
      await applyClockEffect({ tx, calendar, owner, clocks: CLOCKS, effect: { clock, action: 'start', due: 'dueDate' }, on, ...(due ? { due } : {}) });
    });
    return owner;
  };
  const effect = async (owner: { module: string; entityType: string; entityId: number; orgId: number }, action: 'extend' | 'pause' | 'resume', on: string, days?: number) => {
    const db = world.platform.services.db;
    await db.transaction(async (tx) => {
      const calendar = await world.platform.services.calendar.get(tx);
      await applyClockEffect({ tx, calendar, owner, clocks: { ...CLOCKS, completion: { ...CLOCKS.completion!, maxExtensions: 2, maxExtension: 30 } }, effect: { clock: 'completion', action, days: 'days' }, on, ...(days ? { days } : {}) });
    });
  };
  const clockOf = async (entity: number, key: string) => {
    const [row] = await world.platform.services.db
      .select()
      .from(caseClock)
      .where(and(eq(caseClock.entityType, 'test_task'), eq(caseClock.entityId, entity), eq(caseClock.clockKey, key)));
    return row!;
  };

  test('到期日即交办日期本身：2026-10-03（国庆假期）不顺延；同样天数的法定期间顺延至 2026-10-08', async () => {
    const fixed = await start('completion', '2026-09-28', '2026-10-03');
    assert.equal((await clockOf(fixed.entityId, 'completion')).dueDate, '2026-10-03');
    const statutory = await start('statutory', '2026-09-28');
    assert.equal((await clockOf(statutory.entityId, 'statutory')).dueDate, '2026-10-08');
  });

  test('延期按自然日加：2026-10-03 延 3 日为 2026-10-06；暂停 10-01 至 10-05 的 4 日不计入', async () => {
    const owner = await start('completion', '2026-09-28', '2026-10-03');
    await effect(owner, 'extend', '2026-09-29', 3);
    assert.equal((await clockOf(owner.entityId, 'completion')).dueDate, '2026-10-06');
    await effect(owner, 'pause', '2026-10-01');
    await effect(owner, 'resume', '2026-10-05');
    const c = await clockOf(owner.entityId, 'completion');
    assert.equal(c.excludedDays, 4);
    assert.equal(c.dueDate, '2026-10-10');
  });

  test('完成时限早于交办日期：422，指明字段', async () => {
    await assert.rejects(start('completion', '2026-09-28', '2026-09-27'), (e: { code?: string; details?: { fields?: { path: string }[] } }) => {
      assert.equal(e.code, 'VALIDATION_FAILED');
      assert.equal(e.details?.fields?.[0]?.path, 'dueDate');
      return true;
    });
  });

  test('状态机声明检查：启动交办限期而未指明到期日字段的，启动时即报错', () => {
    const machine = defineMachine({
      entity: 'test_task',
      initial: 'open',
      states: { open: { label: '办理中', tone: 'processing' }, done: { label: '完成', tone: 'success', final: true } },
      clocks: { completion: CLOCKS.completion! },
      transitions: {
        reassign: { label: '重新交办', from: ['open'], to: 'open', permission: 'manage', fields: [{ name: 'newDue', label: '新时限', type: 'date', required: true }], clocks: [{ clock: 'completion', action: 'restart' }] },
        finish: { label: '完成', from: ['open'], to: 'done', permission: 'manage', clocks: [{ clock: 'completion', action: 'restart', due: 'missingField' }] },
      },
    });
    const problems = checkMachine(machine, ['manage']);
    assert.ok(problems.some((p) => p.includes('reassign') && p.includes('须指明到期日字段')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('finish') && p.includes('到期日字段 missingField 未声明')), problems.join('\n'));
  });
});
