/**
 * 行政执法监督's units at risk in 督察's list (GET /api/risk-signals): a body short of 法制审核 staff
 * (yellow) and a body that let the reply period of a 执法监督文书 pass (red), each within the reader's scope.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { insertBody, insertOfficer } from './test/fixtures';
import { docBody, insertSupervisor, ok, SUPERVISORS } from './review/test/fixtures';

interface Signal {
  module: string;
  level: string;
  orgName: string;
  title: string;
  reason: string;
}

describe('行政执法监督的风险预警', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    // 甲县自然资源局: 20 officers, none doing 法制审核 (0% < 5%); 乙县: the same shortfall.
    const bodyA = await insertBody(world, world.units.countyADept, { name: '甲县自然资源局' });
    const bodyB = await insertBody(world, world.units.countyBGov, { name: '乙县综合行政执法局' });
    for (let i = 0; i < 20; i++) await insertOfficer(world, bodyA);
    for (let i = 0; i < 20; i++) await insertOfficer(world, bodyB);
    // 甲县人民政府办公室's body has enough reviewers (1 of 10 = 10%) but an 意见书 served on 2026-09-01
    // with 30 days to correct (due 2026-10-08 after 国庆) that it never answered.
    const bodyGov = await insertBody(world, world.units.countyAGov, { name: '甲县人民政府（综合执法）' });
    for (let i = 0; i < 9; i++) await insertOfficer(world, bodyGov);
    await insertOfficer(world, bodyGov, { isLegalReviewer: true });
    // The document's signer holds a 行政执法监督证 (1 legal reviewer of 11 officers is still 9%).
    await insertSupervisor(world, bodyGov, SUPERVISORS[0]);
    const sup = await world.login('supervisorA');
    ok(await sup.post('/api/enforcement/supervision', docBody(bodyGov.id, { issuedDate: '2026-09-01', servedDate: '2026-09-01' })), '签发意见书');
  });
  after(() => world.close());

  const signals = async (user: string): Promise<Signal[]> => {
    const res = await (await world.login(user)).get('/api/risk-signals?module=enforcement');
    assert.equal(res.status, 200);
    return (res.body as { items: Signal[] }).items;
  };

  test('县司法局执法监督人员看到本县：逾期未回复监督文书（红）在前，法制审核人员不足（黄）在后', async () => {
    const items = await signals('supervisorA');
    assert.deepEqual(
      items.map((s) => [s.level, s.title]),
      [
        ['red', '甲县人民政府（综合执法） 逾期未回复执法监督文书'],
        ['yellow', '甲县自然资源局 法制审核人员比例不足'],
      ],
    );
    assert.match(items[0]!.reason, /1 份执法监督文书超过回复期限未回复/);
    assert.match(items[1]!.reason, /法制审核人员 0 人，占执法人员 20 人的 0%，低于 5%/);
  });

  test('依法治办看到全市，各县的不足都在；本单位范围的法制员只看到本单位', async () => {
    const office = await signals('office');
    assert.deepEqual(office.map((s) => s.title).sort(), ['乙县综合行政执法局 法制审核人员比例不足', '甲县人民政府（综合执法） 逾期未回复执法监督文书', '甲县自然资源局 法制审核人员比例不足'].sort());
    const liaisonB = await signals('liaisonB');
    assert.deepEqual(liaisonB.map((s) => s.title), ['乙县综合行政执法局 法制审核人员比例不足']);
  });
});
