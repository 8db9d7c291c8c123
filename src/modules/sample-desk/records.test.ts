import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { registerVia } from './test/fixtures';

describe('示例台账：登记、按数据范围列表、办理', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
  });
  after(() => world.close());

  test('登记后本单位可见，他县工作人员看不到也打不开', async () => {
    const a = await world.login('sampleDeskA');
    const b = await world.login('sampleDeskB');
    const r = await registerVia(a, world);
    const mine = await a.get('/api/sample-desk/records');
    assert.equal(mine.status, 200);
    assert.ok(mine.body.items.some((x: { id: number }) => x.id === r.id));
    const theirs = await b.get('/api/sample-desk/records');
    assert.equal(theirs.status, 200);
    assert.ok(!theirs.body.items.some((x: { id: number }) => x.id === r.id));
    assert.equal((await b.get(`/api/sample-desk/records/${r.id}`)).status, 404);
  });

  test('不能为数据范围外的单位登记', async () => {
    const a = await world.login('sampleDeskA');
    const res = await a.post('/api/sample-desk/records', { title: '越权', orgId: world.units.countyBGov, receivedOn: '2026-11-20' });
    assert.equal(res.status, 422);
  });

  test('受理 → 办结，版本过期被拒绝，办结后不能再受理', async () => {
    const a = await world.login('sampleDeskA');
    const r = await registerVia(a, world);
    const accepted = await a.post(`/api/sample-desk/records/${r.id}/transitions/accept`, { version: r.version, input: {} });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.status, 'processing');
    const stale = await a.post(`/api/sample-desk/records/${r.id}/transitions/close`, { version: r.version, input: { closedOn: '2026-11-23', result: '已办结' } });
    assert.equal(stale.status, 409);
    const closed = await a.post(`/api/sample-desk/records/${r.id}/transitions/close`, { version: accepted.body.version, input: { closedOn: '2026-11-23', result: '已办结' } });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'closed');
    const again = await a.post(`/api/sample-desk/records/${r.id}/transitions/accept`, { version: closed.body.version, input: {} });
    assert.equal(again.status, 409);
    const detail = await a.get(`/api/sample-desk/records/${r.id}`);
    assert.deepEqual(detail.body.transitions, []);
  });

  test('领导可查看本县的记录但不能办理', async () => {
    const a = await world.login('sampleDeskA');
    const r = await registerVia(a, world);
    const leader = await world.login('leaderA');
    assert.equal((await leader.get(`/api/sample-desk/records/${r.id}`)).status, 200);
    assert.equal((await leader.post(`/api/sample-desk/records/${r.id}/transitions/accept`, { version: r.version, input: {} })).status, 403);
  });
});
