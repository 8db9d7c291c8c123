import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { actOn, createTaskVia, REPORT, seedEdition, type DemoEdition } from './test/fixtures';
import { countRows, loginAt } from '../../../test/support/disclosure-helpers';
import { registerVia } from '../disclosure/test/fixtures';

const xlsx = async (rows: (string | number)[][]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const upload = (c: TestClient, url: string, data: Buffer, fields: Record<string, string> = {}) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  f.set('file', new File([new Uint8Array(data)], 'import.xlsx'));
  return c.request('POST', url, f);
};

describe('示范创建：指标体系、得分汇总、实时佐证与 Excel 导入', () => {
  let world: TestWorld;
  let ed: DemoEdition;
  let office: TestClient;
  let liaisonA: TestClient;
  before(async () => {
    world = await createTestWorld({ now: '2026-09-01T09:00:00' });
    ed = await seedEdition(world);
    [office, liaisonA] = (await loginAt(world, '2026-09-01', 'office', 'liaisonA')) as [TestClient, TestClient];
  });
  after(() => world.close());

  test('得分 = 分值 × 已销号任务平均评分 / 100，逐级汇总到二级、一级', async () => {
    const t1 = await createTaskVia(office, { indicatorId: ed.ids['1.1.1'], title: '甲', dueDate: '2026-10-30', leadOrgId: world.units.countyADept });
    const t2 = await createTaskVia(office, { indicatorId: ed.ids['1.1.1'], title: '乙', dueDate: '2026-10-30', leadOrgId: world.units.countyADept });
    for (const [t, score] of [[t1, 80], [t2, 100]] as const) {
      await actOn(liaisonA, t.assignments[0]!.id, 'report', REPORT);
      await actOn(office, t.assignments[0]!.id, 'close', { score });
    }
    const tree = (await office.get('/api/demonstration/indicators')).body;
    const one = tree.items.find((n: { code: string }) => n.code === '1');
    const oneOne = one.children.find((n: { code: string }) => n.code === '1.1');
    const leaf = oneOne.children.find((n: { code: string }) => n.code === '1.1.1');
    assert.equal(leaf.score, 2.7); // 3 × 90%
    assert.equal(leaf.counts.closed, 2);
    assert.equal(oneOne.maxScore, 7); // 3 + 4
    assert.equal(oneOne.score, 2.7);
    assert.equal(one.maxScore, 9); // 7 + 2
    assert.equal(tree.total.maxScore, 14);
    assert.equal(tree.total.level3, 4);
  });

  test('修改指标须带版本号：两人同时修改，后提交者 409；一级、二级不能直接填分值', async () => {
    const ind = (await office.get(`/api/demonstration/indicators/${ed.ids['1.2.1']}`)).body;
    const a = await office.patch(`/api/demonstration/indicators/${ind.id}`, { version: ind.version, maxScore: 6 });
    assert.equal(a.status, 200);
    const b = await office.patch(`/api/demonstration/indicators/${ind.id}`, { version: ind.version, maxScore: 8 });
    assert.equal(b.status, 409);
    assert.equal((await office.get(`/api/demonstration/indicators/${ind.id}`)).body.maxScore, 6);
    const top = (await office.get(`/api/demonstration/indicators/${ed.ids['1']}`)).body;
    assert.equal((await office.patch(`/api/demonstration/indicators/${top.id}`, { version: top.version, maxScore: 10 })).status, 422);
    assert.equal((await liaisonA.patch(`/api/demonstration/indicators/${ind.id}`, { version: a.body.version, maxScore: 1 })).status, 403);
  });

  test('新增指标：编码须接在上级编码之后；删除已有任务的指标被拒绝', async () => {
    const bad = await office.post('/api/demonstration/indicators', { editionId: ed.editionId, parentId: ed.ids['1.1'], code: '2.1.5', name: '错位的指标' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.details.fields[0].path, 'code');
    const ok = await office.post('/api/demonstration/indicators', { editionId: ed.editionId, parentId: ed.ids['1.1'], code: '1.1.3', name: '规范中介服务', maxScore: 3 });
    assert.equal(ok.status, 200);
    const del = await office.request('DELETE', `/api/demonstration/indicators/${ok.body.id}?version=${ok.body.version}`);
    assert.equal(del.status, 200);
    const withTask = (await office.get(`/api/demonstration/indicators/${ed.ids['1.1.1']}`)).body;
    assert.equal((await office.request('DELETE', `/api/demonstration/indicators/${withTask.id}?version=${withTask.version}`)).status, 409);
  });

  test('实时佐证：指标绑定已声明的统计项（依申请公开按期答复率），树中显示本年度的当前值；未声明的统计项 422', async () => {
    const handler = await world.login('handlerA');
    const r = await registerVia(handler, world.units.countyAGov, { receivedDate: '2026-08-03' });
    const detail = await handler.get(`/api/disclosure/requests/${r.id}`);
    const rep = await handler.post(`/api/disclosure/requests/${r.id}/transitions/reply`, { version: detail.body.record.version, input: { replyType: 'disclosed', replySummary: '予以公开', repliedDate: '2026-08-10' } });
    assert.equal(rep.status, 200, JSON.stringify(rep.body));
    const ind = (await office.get(`/api/demonstration/indicators/${ed.ids['2.1.1']}`)).body;
    assert.equal((await office.patch(`/api/demonstration/indicators/${ind.id}`, { version: ind.version, statisticId: 'no.such_stat' })).status, 422);
    const ok = await office.patch(`/api/demonstration/indicators/${ind.id}`, { version: ind.version, statisticId: 'disclosure.on_time_rate' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const tree = (await office.get('/api/demonstration/indicators')).body;
    const leaf = tree.items[1].children[0].children[0];
    assert.equal(leaf.code, '2.1.1');
    assert.deepEqual({ id: leaf.evidence.id, value: leaf.evidence.value, unit: leaf.evidence.unit }, { id: 'disclosure.on_time_rate', value: 100, unit: '%' });
  });

  test('导入指标体系：逐行报错且全部不写入；无误时整套写入为新版本', async () => {
    const header = ['一级编码', '一级指标', '二级编码', '二级指标', '三级编码', '三级指标', '评价标准', '佐证材料', '分值'];
    const before = await countRows(world, ['indicator_edition', 'indicator']);
    const bad = await xlsx([
      header,
      ['1', '政府职能依法全面履行', '1.1', '加大简政放权力度', '1.1.1', '政务服务便利化', '标准', '材料', 3],
      ['1', '另一个名字', '1.1', '加大简政放权力度', '1.1.2', '依法实施许可', '', '', 'abc'],
      ['1', '政府职能依法全面履行', '2.1', '错位', '2.1.1', '错位的三级', '', '', 2],
      ['1', '政府职能依法全面履行', '1.1', '加大简政放权力度', '1.1.1', '重复', '', '', 1],
    ]);
    const res = await upload(office, '/api/demonstration/editions/import', bad, { code: '2025', name: '申报指南（2025）' });
    assert.equal(res.status, 422);
    const rows = res.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    assert.deepEqual(rows, ['3:maxScore', '4:code2', '5:code3']);
    assert.deepEqual(await countRows(world, ['indicator_edition', 'indicator']), before);
    const good = await xlsx([
      header,
      ['1', '政府职能依法全面履行', '1.1', '加大简政放权力度', '1.1.1', '政务服务便利化', '标准', '材料', 3],
      ['1', '政府职能依法全面履行', '1.1', '加大简政放权力度', '1.1.2', '依法实施许可', '', '', 4],
      ['2', '依法行政制度体系', '2.1', '规范性文件', '2.1.1', '备案审查', '', '', 5],
    ]);
    const ok = await upload(office, '/api/demonstration/editions/import', good, { code: '2025', name: '申报指南（2025）', isCurrent: 'false' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.created, 7);
    const tree = (await office.get(`/api/demonstration/indicators?editionId=${ok.body.editionId}`)).body;
    assert.equal(tree.total.maxScore, 12);
    assert.equal(tree.total.unconfirmed, 0);
  });

  test('批量分解任务：未知指标、非三级、未知单位、过期时限逐行报错，全部不写入', async () => {
    const header = ['指标编码', '任务名称', '工作措施', '牵头单位', '配合单位', '完成时限'];
    const before = await countRows(world, ['demo_task', 'task_assignment']);
    const bad = await xlsx([
      header,
      ['1.1.1', '正确的一行', '', '甲县自然资源局', '乙县人民政府办公室', '2026-12-31'],
      ['9.9.9', '未知指标', '', '甲县自然资源局', '', '2026-12-31'],
      ['1.1', '二级指标', '', '甲县自然资源局', '', '2026-12-31'],
      ['1.1.2', '未知单位', '', '丙县不存在局', '甲县人民政府办公室、丁局', '2026-12-31'],
      ['1.1.2', '过期', '', '甲县自然资源局', '', '2026-08-01'],
    ]);
    const res = await upload(office, '/api/demonstration/tasks/import', bad);
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`), ['3:indicatorCode', '4:indicatorCode', '5:leadOrgName', '5:coOrgNames', '6:dueDate']);
    assert.deepEqual(await countRows(world, ['demo_task', 'task_assignment']), before);
    const ok = await upload(office, '/api/demonstration/tasks/import', await xlsx([header, ['1.1.2', '导入的任务', '措施', '甲县自然资源局', '乙县人民政府办公室、甲县人民政府办公室', '2026-12-31']]));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const after = await countRows(world, ['demo_task', 'task_assignment']);
    assert.deepEqual([after.demo_task! - before.demo_task!, after.task_assignment! - before.task_assignment!], [1, 3]);
    assert.equal((await upload(liaisonA, '/api/demonstration/tasks/import', bad)).status, 403);
  });
});
