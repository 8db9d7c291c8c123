/**
 * The reply periods of 执法监督文书 (statutes.md §9 and the deadline table; the Shandong periods are a provincial
 * example, so the period is a per-document setting with those defaults). Calendar days from service, the start
 * day not counted, a last day on a rest day rolled to the next working day (民法典第二百零三条); literal dates
 * checked against the chinese-days holiday data.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../../test/support/test-platform';
import { docBody, ok, seedBodies, type ReviewWorld } from './test/fixtures';

describe('执法监督文书的回复期限', () => {
  let world: TestWorld;
  let sup: TestClient;
  let rw: ReviewWorld;

  before(async () => {
    world = await createTestWorld({ now: '2026-09-15T10:00:00' });
    rw = await seedBodies(world, 1);
    sup = await world.login('supervisorA');
  });
  after(async () => world?.close());

  const dueOf = async (kind: string, served: string, over: Record<string, unknown> = {}) => {
    world.clock.set(`${served}T09:00:00`);
    const doc = ok(await sup.post('/api/enforcement/supervision', docBody(rw.bodyA.id, { kind, issuedDate: served, servedDate: served, ...(kind === 'decision' ? { decisionKind: 'order_perform' } : {}), ...over })), '签发');
    const d = ok(await sup.get(`/api/enforcement/supervision/${doc.id}`), '详情');
    return { doc, deadline: d.deadlines[0] };
  };

  test('山东省行政执法监督条例第28条：意见书自收到之日起30日内自行纠正，2025-09-01 送达，第30日 10-01 逢国庆中秋假期，顺延至 2025-10-09', async () => {
    const { doc, deadline } = await dueOf('opinion', '2025-09-01');
    assert.equal(doc.periodDays, 30);
    assert.equal(deadline.dueDate, '2025-10-09');
    assert.match(deadline.basis, /第二十八条/);
  });

  test('山东省行政执法监督条例第28条：2024-09-01 送达的意见书，纠正期限顺延至国庆假期后的 2024-10-08', async () => {
    const { deadline } = await dueOf('opinion', '2024-09-01');
    assert.equal(deadline.dueDate, '2024-10-08');
  });

  test('山东省行政执法监督条例第29条：决定书自收到之日起30日内报告执行情况，2026-01-16 送达，第30日 02-15 逢春节假期，顺延至 2026-02-24', async () => {
    const { doc, deadline } = await dueOf('decision', '2026-01-16');
    assert.equal(doc.periodDays, 30);
    assert.equal(deadline.dueDate, '2026-02-24');
    assert.match(deadline.basis, /第二十九条/);
  });

  test('山东省行政执法监督条例第29条：2025-04-01 送达的决定书，第30日 05-01 逢劳动节假期，顺延至 2025-05-06', async () => {
    const { deadline } = await dueOf('decision', '2025-04-01');
    assert.equal(deadline.dueDate, '2025-05-06');
  });

  test('期限按文书设定（本地规定不同于山东示例时）：通知书 15 日，2026-09-10 送达，第15日 09-25 逢中秋假期，顺延至 2026-09-28；依据注明本文书确定的日数', async () => {
    const { deadline } = await dueOf('notice', '2026-09-10', { periodDays: 15 });
    assert.equal(deadline.dueDate, '2026-09-28');
    const custom = await dueOf('opinion', '2026-03-02', { periodDays: 20 });
    assert.equal(custom.deadline.dueDate, '2026-03-23', '第20日 03-22 为星期日，顺延至 03-23');
    assert.match(custom.deadline.basis, /本文书确定为20日/);
  });

  test('逾期未回复的文书列入逾期清单（GET /api/deadlines）与“仅看逾期”筛选；按期回复率只计期限内的回复', async () => {
    const { doc } = await dueOf('opinion', '2026-07-01');
    world.clock.set('2026-09-15T10:00:00');
    const overdue = ok(await sup.get('/api/enforcement/supervision?overdue=true'), '逾期列表');
    assert.ok(overdue.items.some((i: { id: number }) => i.id === doc.id));
    const all = ok(await sup.get('/api/deadlines'), '逾期清单');
    const items = (all.items ?? all) as { entityType: string; entityId: number }[];
    assert.ok(items.some((i) => i.entityType === 'enforcement_supervision_doc' && i.entityId === doc.id));
    const liaison = await world.login('liaisonA');
    ok(await liaison.post(`/api/enforcement/supervision/${doc.id}/transitions/reply`, { version: doc.version, input: { replyDate: '2026-09-15', replyContent: '逾期回复的整改情况' } }), '逾期回复');
    const stats = ok(await sup.get('/api/enforcement/supervision-board?year=2026'), '看板');
    const rate = stats.figures.find((f: { id: string }) => f.id === 'enforcement.supervision_reply_on_time_rate').value;
    assert.equal(rate, 0, '唯一的回复晚于 2026-07-31 的期限');
  });
});
