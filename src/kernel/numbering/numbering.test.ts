import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { formatNumber, nextSequenceValue } from './next-number';

describe('编号格式', () => {
  test('登记号: {unit}依申〔{year}〕{seq}号', () => {
    assert.equal(formatNumber('{unit}依申〔{year}〕{seq}号', { unit: '甲政办', year: 2026, seq: 7 }), '甲政办依申〔2026〕7号');
  });

  test('{seq:3} 补零到3位，超过3位时不截断', () => {
    assert.equal(formatNumber('{unit}复〔{year}〕{seq:3}号', { unit: '测治办', year: 2026, seq: 7 }), '测治办复〔2026〕007号');
    assert.equal(formatNumber('{seq:3}', { unit: '', year: 2026, seq: 1234 }), '1234');
  });

  test('同一占位符可出现多次，未知占位符原样保留', () => {
    assert.equal(formatNumber('{year}-{seq:2}-{year}{other}', { unit: 'x', year: 2027, seq: 3 }), '2027-03-2027{other}');
  });
});

describe('编号序列（数据库）', () => {
  let world: TestWorld;
  const db = () => world.platform.services.db;
  before(async () => {
    world = await createTestWorld();
  });
  after(() => world.close());

  test('50个并发事务各取一个号：恰好为1至50，无重复、无空号', async () => {
    const key = 'test.concurrent';
    const values = await Promise.all(
      Array.from({ length: 50 }, () =>
        db().transaction(async (tx) => {
          const v = await nextSequenceValue(tx, key, world.units.countyAGov, 2026);
          // Hold the counter row a moment, so that the others queue behind the lock.
          await tx.execute(sql`select pg_sleep(0.002)`);
          return v;
        }),
      ),
    );
    assert.deepEqual(
      [...values].sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  test('事务回滚时交回所取的号：下一个事务拿到同一个号（编号连续无空号）', async () => {
    const key = 'test.rollback';
    const orgId = world.units.countyAGov;
    const first = await db().transaction((tx) => nextSequenceValue(tx, key, orgId, 2026));
    assert.equal(first, 1);
    let taken = 0;
    await assert.rejects(
      db().transaction(async (tx) => {
        taken = await nextSequenceValue(tx, key, orgId, 2026);
        throw new Error('登记失败');
      }),
      /登记失败/,
    );
    assert.equal(taken, 2);
    const next = await db().transaction((tx) => nextSequenceValue(tx, key, orgId, 2026));
    assert.equal(next, 2);
  });

  test('序列按编号类型、单位和年度分别计数，每个都从1开始', async () => {
    const key = 'test.partition';
    const take = (k: string, orgId: number, year: number) => db().transaction((tx) => nextSequenceValue(tx, k, orgId, year));
    assert.equal(await take(key, world.units.countyAGov, 2026), 1);
    assert.equal(await take(key, world.units.countyAGov, 2026), 2);
    assert.equal(await take(key, world.units.countyBGov, 2026), 1);
    assert.equal(await take(key, world.units.countyAGov, 2027), 1);
    assert.equal(await take(`${key}.other`, world.units.countyAGov, 2026), 1);
    assert.equal(await take(key, world.units.countyAGov, 2026), 3);
  });
});
