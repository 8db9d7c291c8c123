/**
 * 年度统计 (政府信息公开条例第49、50条 年度报告): a known set of requests driven through the API, and every
 * figure of the module's statistics checked, in the module's endpoint and in the annual report.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { act, registerVia } from './test/fixtures';
import { loginAt, loginOneAt } from '../../../test/support/disclosure-helpers';
import { REPLY_TYPES } from './request-machine';
import { statistics } from './statistics';

type Figures = Record<string, number | null>;

const figures = async (world: TestWorld, day: string, user: string, year: number): Promise<{ module: Figures; report: Figures }> => {
  const client = await loginOneAt(world, day, user);
  const s = await client.get(`/api/disclosure/statistics?year=${year}`);
  assert.equal(s.status, 200);
  assert.equal(s.body.year, year);
  const r = await client.get(`/api/reports/statistics?year=${year}`);
  assert.equal(r.status, 200);
  const section = (r.body.sections as { section: string; items: { id: string; value: number | null }[] }[]).find((x) => x.section === '政府信息公开');
  assert.ok(section, '年度报表有“政府信息公开”部分');
  return {
    module: Object.fromEntries((s.body.items as { id: string; value: number | null }[]).map((i) => [i.id, i.value])),
    report: Object.fromEntries(section.items.map((i) => [i.id, i.value])),
  };
};

/** All figures zero except the given ones. */
const expected = (over: Figures, rate: number | null): Figures => ({
  'disclosure.received': 0,
  'disclosure.replied': 0,
  ...Object.fromEntries(REPLY_TYPES.map((t) => [`disclosure.reply.${t.value}`, 0])),
  'disclosure.extended': 0,
  'disclosure.overdue': 0,
  ...over,
  'disclosure.on_time_rate': rate,
});

describe('依申请公开年度统计', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-09-18T09:00:00' });
    const org = world.units.countyAGov;
    const reply = (replyType: string, repliedDate: string) => ({ replyType, replySummary: '答复内容', repliedDate });

    // 09-18: four requests (reply due 10-22); R1 and R3 accepted.
    const [h] = await loginAt(world, '2026-09-18', 'handlerA');
    const r1 = await registerVia(h!, org, { receivedDate: '2026-09-18' });
    const r2 = await registerVia(h!, org, { receivedDate: '2026-09-18' });
    const r3 = await registerVia(h!, org, { receivedDate: '2026-09-18' });
    const r4 = await registerVia(h!, org, { receivedDate: '2026-09-18' });
    for (const r of [r1, r3]) assert.equal((await act(h!, r.id, 'accept')).status, 200);
    // 09-21: R3 extended by 10 working days (due 11-05).
    const [approver] = await loginAt(world, '2026-09-21', 'approverA');
    assert.equal((await act(approver!, r3.id, 'extend', { extensionDays: 10, reason: '需要调取档案' })).status, 200);
    // 09-28 / 09-29: R5 received, then withdrawn.
    const h5 = await loginOneAt(world, '2026-09-28', 'handlerA');
    const r5 = await registerVia(h5, org, { receivedDate: '2026-09-28' });
    const h6 = await loginOneAt(world, '2026-09-29', 'handlerA');
    assert.equal((await act(h6, r5.id, 'withdraw', { reason: '申请人撤回' })).status, 200);
    // 10-09: R1 disclosed, on time.
    const h7 = await loginOneAt(world, '2026-10-09', 'handlerA');
    assert.equal((await act(h7, r1.id, 'reply', reply('disclosed', '2026-10-09'))).status, 200);
    // 10-12: R6 received and partly disclosed the same day.
    const h8 = await loginOneAt(world, '2026-10-12', 'handlerA');
    const r6 = await registerVia(h8, org, { receivedDate: '2026-10-12' });
    assert.equal((await act(h8, r6.id, 'reply', reply('partially_disclosed', '2026-10-12'))).status, 200);
    // 10-26: R2 answered "不存在" after its due date (10-22): late.
    const h9 = await loginOneAt(world, '2026-10-26', 'handlerA');
    assert.equal((await act(h9, r2.id, 'reply', reply('not_exist', '2026-10-26'))).status, 200);
    // R4 stays registered: overdue from 10-23.
    void r4;
    // Another county's request, outside countyA's figures.
    const hb = await loginOneAt(world, '2026-10-26', 'handlerB');
    await registerVia(hb, world.units.countyBGov, { receivedDate: '2026-10-26' });
  });
  after(() => world.close());

  test('统计项齐全：收到、已答复、8种答复类型、延期、逾期、按期答复率', () => {
    assert.deepEqual(statistics.map((s) => s.id).sort(), Object.keys(expected({}, null)).sort());
  });

  test('政府信息公开条例第33、50条: 2026年各项统计（10月26日）与按期答复率 = (3-1)/3 = 66.7%', async () => {
    const countyA = expected(
      {
        'disclosure.received': 6,
        'disclosure.replied': 3,
        'disclosure.reply.disclosed': 1,
        'disclosure.reply.not_exist': 1,
        'disclosure.reply.partially_disclosed': 1,
        'disclosure.extended': 1,
        // R2 answered late, R4 not answered by 10-22.
        'disclosure.overdue': 2,
      },
      66.7,
    );
    for (const user of ['handlerA', 'leaderA']) {
      const { module, report } = await figures(world, '2026-10-26', user, 2026);
      assert.deepEqual(module, countyA, user);
      assert.deepEqual(report, countyA, user);
    }
    const all = await figures(world, '2026-10-26', 'office', 2026);
    assert.deepEqual(all.module, { ...countyA, 'disclosure.received': 7, 'disclosure.overdue': 2 });
    const b = await figures(world, '2026-10-26', 'handlerB', 2026);
    assert.deepEqual(b.module, expected({ 'disclosure.received': 1 }, null));
  });

  test('政府信息公开条例第33条: 延长后的期限届满仍未答复即计为逾期（11月6日，R3 延长至11月5日）', async () => {
    const { module } = await figures(world, '2026-11-06', 'handlerA', 2026);
    assert.equal(module['disclosure.overdue'], 3);
    assert.equal(module['disclosure.on_time_rate'], 66.7);
    const earlier = await figures(world, '2026-11-05', 'handlerA', 2026);
    assert.equal(earlier.module['disclosure.overdue'], 2);
  });

  test('没有数据的年份：各项为0，按期答复率为 null', async () => {
    for (const year of [2025, 2027]) {
      const { module, report } = await figures(world, '2026-11-06', 'office', year);
      assert.deepEqual(module, expected({}, null), String(year));
      assert.deepEqual(report, expected({}, null), String(year));
    }
  });
});
