import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { act, registerVia } from '../../modules/disclosure/test/fixtures';

interface Item {
  clockId: number;
  entityId: number;
  module: string;
  moduleLabel: string;
  title: string;
  link: string;
  orgName: string;
  dueDate: string;
  tone: string;
  remainingWorkingDays: number;
}

// Three requests accepted on 2026-11-23 (Monday); the reply period is 20 working days from receipt
// (《政府信息公开条例》第三十三条), due-soon from 5 working days before the due date:
//   late  甲县政府办, received 2026-10-20 → due 2026-11-17, overdue;
//   soon  甲县政府办, received 2026-11-02 → due 2026-11-30, 5 working days left (yellow);
//   fresh 乙县政府办, received 2026-11-23 → due 2026-12-21 (green).
describe('逾期与临期清单（跨模块，按数据权限）', () => {
  let world: TestWorld;
  const as: Record<string, TestClient> = {};
  const ids = { late: 0, soon: 0, fresh: 0 };

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    for (const u of ['handlerA', 'handlerB', 'office', 'leaderA', 'leaderB', 'liaisonA']) as[u] = await world.login(u);
    ids.late = (await registerVia(as.handlerA!, world.units.countyAGov, { receivedDate: '2026-10-20', applicantName: '迟办人' })).id;
    ids.soon = (await registerVia(as.handlerA!, world.units.countyAGov, { receivedDate: '2026-11-02', applicantName: '临期人' })).id;
    ids.fresh = (await registerVia(as.handlerB!, world.units.countyBGov, { receivedDate: '2026-11-23', applicantName: '新申请人' })).id;
    assert.equal((await act(as.handlerA!, ids.late, 'accept')).status, 200);
    assert.equal((await act(as.handlerA!, ids.soon, 'accept')).status, 200);
    assert.equal((await act(as.handlerB!, ids.fresh, 'accept')).status, 200);
  });
  after(() => world.close());

  const list = async (user: string, query: string): Promise<{ total: number; items: Item[] }> => {
    const res = await as[user]!.get(`/api/deadlines?${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const entityIds = (r: { items: Item[] }) => r.items.map((i) => i.entityId).sort((a, b) => a - b);

  test('已逾期：只有到期日（2026-11-17）已过的答复期限，附标题、单位与回链', async () => {
    const r = await list('office', 'tone=overdue');
    assert.equal(r.total, 1);
    const item = r.items[0]!;
    assert.equal(item.entityId, ids.late);
    assert.equal(item.dueDate, '2026-11-17');
    assert.equal(item.tone, 'red');
    assert.equal(item.remainingWorkingDays, -4);
    assert.equal(item.module, 'disclosure');
    assert.equal(item.moduleLabel, '政府信息公开');
    assert.equal(item.orgName, '甲县人民政府办公室');
    assert.equal(item.link, `/disclosure/requests/${ids.late}`);
    assert.match(item.title, /迟办人/);
  });

  test('即将到期：按该期限声明的临期阈值（5个工作日），2026-11-30 到期者在列，2026-12-21 者不在', async () => {
    const r = await list('office', 'tone=due_soon');
    assert.deepEqual(entityIds(r), [ids.soon]);
    assert.equal(r.items[0]!.tone, 'yellow');
    assert.equal(r.items[0]!.dueDate, '2026-11-30');
  });

  test('全部未结：三个答复期限，按到期日先后排列', async () => {
    const r = await list('office', 'tone=open&module=disclosure');
    assert.deepEqual(
      r.items.map((i) => i.entityId),
      [ids.late, ids.soon, ids.fresh],
    );
  });

  test('数据权限：乙县领导只见乙县的期限，甲县领导只见甲县的；按单位筛选只收窄不放宽', async () => {
    assert.deepEqual(entityIds(await list('leaderB', 'tone=open')), [ids.fresh]);
    assert.deepEqual(entityIds(await list('leaderA', 'tone=open')), [ids.late, ids.soon].sort((a, b) => a - b));
    assert.equal((await list('leaderB', 'tone=overdue')).total, 0);
    assert.deepEqual(entityIds(await list('office', `tone=open&orgId=${world.units.countyB}`)), [ids.fresh]);
    // Asking for another county's unit does not widen a leader's scope.
    assert.equal((await list('leaderB', `tone=open&orgId=${world.units.countyA}`)).total, 0);
  });

  test('不持有该模块查看权限的用户看不到其期限（部门法制员没有依申请公开权限）', async () => {
    assert.equal((await list('liaisonA', 'tone=open')).total, 0);
  });

  test('分页：每页 1 条，第 2 页为第二早到期者，总数不变', async () => {
    const r = await list('office', 'tone=open&pageSize=1&page=2');
    assert.equal(r.total, 3);
    assert.deepEqual(r.items.map((i) => i.entityId), [ids.soon]);
  });
});
