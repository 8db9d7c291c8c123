import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModuleDefinition } from '../../kernel';
import { demoSeedOrder } from './demo';

const mod = (key: string, after?: string[]): ModuleDefinition =>
  ({ manifest: { key, label: key, permissions: {}, menu: [], machines: {} }, routes: () => null as never, ...(after ? { seedDemoAfter: after } : {}) }) as ModuleDefinition;

describe('演示数据的写入顺序', () => {
  test('督察的演示数据在其依据的模块（依申请公开、示范创建）之后写入，其余保持声明顺序', () => {
    const order = demoSeedOrder([mod('demonstration'), mod('inspection', ['disclosure', 'demonstration']), mod('assessment'), mod('disclosure')]);
    assert.deepEqual(
      order.map((m) => m.manifest.key),
      ['demonstration', 'disclosure', 'inspection', 'assessment'],
    );
  });

  test('依赖未部署的模块时忽略之；依赖成环时报错并指出环', () => {
    assert.deepEqual(demoSeedOrder([mod('a', ['missing'])]).map((m) => m.manifest.key), ['a']);
    assert.throws(() => demoSeedOrder([mod('a', ['b']), mod('b', ['a'])]), /演示数据依赖成环：a → b → a/);
  });
});
