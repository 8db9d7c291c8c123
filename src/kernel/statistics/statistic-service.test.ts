import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { registerVia } from '../../modules/disclosure/test/fixtures';
import { computeStatistic, statisticCatalog } from './statistic-service';

// Figures one module reads from another (an indicator's live evidence, an automatic 考核 item) go through
// the declared statistics: still under the reader's data scope, and narrowed to one unit on request.
describe('统计项：目录、按单位取数与数据权限', () => {
  let world: TestWorld;
  const as: Record<string, TestClient> = {};

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    for (const u of ['handlerA', 'handlerB', 'townA', 'office']) as[u] = await world.login(u);
    await registerVia(as.handlerA!, world.units.countyAGov);
    await registerVia(as.handlerA!, world.units.countyAGov);
    await registerVia(as.townA!, world.units.townA);
    await registerVia(as.handlerB!, world.units.countyBGov);
  });
  after(() => world.close());

  test('目录列出各模块声明的统计项及其所属部分与单位', async () => {
    const catalog = statisticCatalog(await world.ctxAs('office'));
    const item = catalog.find((s) => s.id === 'disclosure.on_time_rate');
    assert.deepEqual(item, { id: 'disclosure.on_time_rate', section: '政府信息公开', label: '按期答复率', unit: '%' });
    const res = await as.office!.get('/api/reports/statistics/catalog');
    assert.equal(res.status, 200);
    assert.ok(res.body.items.some((s: { id: string }) => s.id === 'disclosure.received'));
  });

  test('按单位取数：甲县（含下属单位）3件，甲县政府办 2件，乙县 1件，全市 4件', async () => {
    const ctx = await world.ctxAs('office');
    const value = async (orgId?: number) => (await computeStatistic(ctx, 'disclosure.received', { year: 2026, orgId })).value;
    assert.equal(await value(world.units.countyA), 3);
    assert.equal(await value(world.units.countyAGov), 2);
    assert.equal(await value(world.units.countyB), 1);
    assert.equal(await value(), 4);
  });

  test('按单位取数不放宽数据权限：乙县的工作人员取甲县的数为 0', async () => {
    const ctx = await world.ctxAs('handlerB');
    assert.equal((await computeStatistic(ctx, 'disclosure.received', { year: 2026, orgId: world.units.countyA })).value, 0);
  });

  test('未声明的统计项：NOT_FOUND', async () => {
    await assert.rejects(computeStatistic(await world.ctxAs('office'), 'disclosure.no_such_figure', { year: 2026 }), { code: 'NOT_FOUND' });
  });

  test('统计报表接口按单位筛选', async () => {
    const res = await as.office!.get(`/api/reports/statistics?year=2026&orgId=${world.units.countyA}`);
    assert.equal(res.status, 200);
    const received = res.body.sections.flatMap((s: { items: { id: string; value: number }[] }) => s.items).find((i: { id: string }) => i.id === 'disclosure.received');
    assert.equal(received.value, 3);
    assert.equal(res.body.orgId, world.units.countyA);
  });
});
