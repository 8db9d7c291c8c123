import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { registerVia, requestBody } from './test/fixtures';
import { queryRows } from '../../kernel/db/client';

describe('依申请公开并发', () => {
  let world: TestWorld;
  let handler: TestClient;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    handler = await world.login('handlerA');
  });
  after(() => world.close());

  test('同一版本的50个并发“审查通过”只有一个生效（乐观锁）：1个200、49个409，一条流转记录，版本只加一', async () => {
    const r = await registerVia(handler, world.units.countyAGov);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => handler.post(`/api/disclosure/requests/${r.id}/transitions/accept`, { version: r.version, input: {} })),
    );
    const statuses = results.map((x) => x.status);
    assert.equal(statuses.filter((s) => s === 200).length, 1, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 409).length, 49, JSON.stringify(statuses));
    for (const x of results.filter((y) => y.status === 409)) {
      assert.ok(['CONFLICT', 'INVALID_STATE'].includes(x.body.code), x.body.code);
      assert.match(x.body.message, /[\u4e00-\u9fff]/);
    }

    const detail = await handler.get(`/api/disclosure/requests/${r.id}`);
    assert.equal(detail.body.record.status, 'processing');
    assert.equal(detail.body.record.version, r.version + 1);
    assert.equal(detail.body.history.length, 1);
    const db = world.platform.services.db;
    const [audit] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'transition.accept' and entity_id = ${String(r.id)}`,
    );
    assert.equal(audit!.n, 1);
    const [outbox] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from outbox_event where type = 'disclosure.disclosure_request.accept'`);
    assert.equal(outbox!.n, 1);
    // Exactly one open 办理 to-do replaced the 审查 one.
    const todos = await queryRows<{ title: string }>(
      db,
      sql`select title from todo where entity_type = 'disclosure_request' and entity_id = ${r.id} and done_at is null`,
    );
    assert.equal(todos.length, 1);
    assert.match(todos[0]!.title, /^办理依申请公开申请/);
  });

  test('50个并发登记得到50个互不相同、连续无缺号的登记号', async () => {
    const town = await world.login('townA');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => town.post('/api/disclosure/requests', requestBody(world.units.townA, { applicantName: `申请人${i}` }))));
    assert.deepEqual(
      results.map((x) => x.status),
      Array(50).fill(200),
    );
    const numbers = results.map((x) => x.body.requestNo as string);
    assert.equal(new Set(numbers).size, 50);
    const seqs = numbers
      .map((n) => {
        const m = /^甲镇依申〔2026〕(\d+)号$/.exec(n);
        assert.ok(m, n);
        return Number(m[1]);
      })
      .sort((a, b) => a - b);
    assert.deepEqual(seqs, Array.from({ length: 50 }, (_, i) => i + 1));
    const list = await town.get(`/api/disclosure/requests?orgId=${world.units.townA}&pageSize=200`);
    assert.equal(list.body.total, 50);
    assert.equal(new Set(list.body.items.map((i: { receiptCode?: string; id: number }) => i.id)).size, 50);
  });
});
