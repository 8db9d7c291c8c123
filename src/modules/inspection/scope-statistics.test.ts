/**
 * 数据权限 and figures: lists, detail, export, board and statistics of 督办单 and 督察问题 are limited to the
 * reader's scope (liaisonA: 甲县自然资源局; liaisonB: 乙县政府办; leaderA: 甲县 and below; office: all);
 * statistics values; Excel import with a per-row error report (all or nothing).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { countRows, loginAt } from '../../../test/support/disclosure-helpers';
import { actOn, CLOSE, findingBody, issueVia, planBody, SUBMIT } from './test/fixtures';

const exportedNumbers = async (raw: Buffer): Promise<string[]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  assert.equal(ws.getRow(1).getCell(1).value, '督办单文号');
  const out: string[] = [];
  for (let r = 2; r <= ws.rowCount; r += 1) out.push(String(ws.getRow(r).getCell(1).value));
  return out.sort();
};
const stat = (body: { items: { id: string; value: number | null }[] }, id: string) => body.items.find((i) => i.id === id)?.value;

describe('法治督察：数据权限、统计与导入', () => {
  let world: TestWorld;
  const as: Record<string, TestClient> = {};
  const orders: Record<string, { id: number; orderNo: string }[]> = { countyADept: [], countyAGov: [], countyBGov: [] };

  before(async () => {
    world = await createTestWorld({ now: '2026-11-02T09:00:00' });
    const [office, liaisonA] = await loginAt(world, '2026-11-02', 'office', 'liaisonA');
    const plan = await office!.post('/api/inspection/plans', planBody({ startDate: '2026-11-01' }));
    await office!.put(`/api/inspection/plans/${plan.body.id}`, { ...planBody({ startDate: '2026-11-01' }), status: 'in_progress', version: 1 });
    for (const unit of ['countyADept', 'countyAGov', 'countyBGov'] as const) {
      await office!.post(`/api/inspection/plans/${plan.body.id}/targets`, { orgId: world.units[unit] });
      await office!.post('/api/inspection/findings', findingBody(world.units[unit], { planId: plan.body.id, foundOn: '2026-11-02' }));
    }
    // countyADept: one closed on time (reported 11-05, due 11-10), one closed late (reported 11-12, due 11-10), one open overdue.
    for (let i = 0; i < 3; i += 1) orders.countyADept!.push(await issueVia(office!, world.units.countyADept, { dueDate: '2026-11-10' }));
    orders.countyAGov!.push(await issueVia(office!, world.units.countyAGov, { dueDate: '2026-11-30' }));
    orders.countyBGov!.push(await issueVia(office!, world.units.countyBGov, { dueDate: '2026-11-30' }));
    const [o5, l5] = await loginAt(world, '2026-11-05', 'office', 'liaisonA');
    assert.equal((await actOn(l5!, orders.countyADept![0]!.id, 'submitRectification', { ...SUBMIT, completedOn: '2026-11-05' }, o5)).status, 200);
    assert.equal((await actOn(o5!, orders.countyADept![0]!.id, 'close', CLOSE)).status, 200);
    const [o12, l12] = await loginAt(world, '2026-11-12', 'office', 'liaisonA');
    assert.equal((await actOn(l12!, orders.countyADept![1]!.id, 'submitRectification', { ...SUBMIT, completedOn: '2026-11-12' }, o12)).status, 200);
    assert.equal((await actOn(o12!, orders.countyADept![1]!.id, 'close', CLOSE)).status, 200);
    assert.equal(
      (await actOn(o12!, orders.countyADept![2]!.id, 'recordInterview', { interviewedOn: '2026-11-12', headName: '张局长', participants: '法制科长', interviewSummary: '限期整改' })).status,
      200,
    );
    void liaisonA;
    const users = ['office', 'liaisonA', 'liaisonB', 'leaderA', 'leaderB'];
    const clients = await loginAt(world, '2026-11-23', ...users);
    users.forEach((u, i) => (as[u] = clients[i]!));
  });
  after(() => world.close());

  const ids = (...units: string[]) => units.flatMap((u) => orders[u]!.map((o) => o.id)).sort((a, b) => a - b);
  const listIds = async (user: string, q = '') => ((await as[user]!.get(`/api/inspection/orders?pageSize=200${q}`)).body.items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b);

  test('督办单列表：各用户只看到本人数据范围内的单位', async () => {
    assert.deepEqual(await listIds('office'), ids('countyADept', 'countyAGov', 'countyBGov'));
    assert.deepEqual(await listIds('liaisonA'), ids('countyADept'));
    assert.deepEqual(await listIds('liaisonB'), ids('countyBGov'));
    assert.deepEqual(await listIds('leaderA'), ids('countyADept', 'countyAGov'));
    assert.deepEqual(await listIds('leaderB'), ids('countyBGov'));
    // Filters compose with the scope: 甲县 subtree, overdue only.
    assert.deepEqual(await listIds('office', `&orgId=${world.units.countyA}`), ids('countyADept', 'countyAGov'));
    assert.deepEqual(await listIds('office', '&overdue=true'), [orders.countyADept![2]!.id]);
    assert.deepEqual(await listIds('liaisonB', `&orgId=${world.units.countyA}`), []);
  });

  test('范围外的督办单详情、操作记录、督办单文书一律 404', async () => {
    const b = orders.countyBGov![0]!.id;
    for (const u of ['liaisonA', 'leaderA']) {
      for (const path of [`/api/inspection/orders/${b}`, `/api/inspection/orders/${b}/activity`, `/api/inspection/orders/${b}/document`]) {
        assert.equal((await as[u]!.get(path)).status, 404, `${u} ${path}`);
      }
    }
    assert.equal((await as.liaisonB!.get(`/api/inspection/orders/${b}`)).status, 200);
    const f = await as.liaisonA!.get('/api/inspection/findings');
    assert.deepEqual(f.body.items.map((x: { orgName: string }) => x.orgName), ['甲县自然资源局']);
    // No order was issued for these findings (the orders above were issued directly).
    const all = await as.office!.get('/api/inspection/findings');
    assert.deepEqual(all.body.items.map((x: { orderNo: string | null; status: string }) => [x.status, x.orderNo]), [['open', null], ['open', null], ['open', null]]);
  });

  test('导出：按数据权限；无导出权限的联络员 403', async () => {
    const res = await as.office!.get(`/api/inspection/orders/export?orgId=${world.units.countyA}`);
    assert.equal(res.status, 200);
    assert.deepEqual(await exportedNumbers(res.raw), [...orders.countyADept!, ...orders.countyAGov!].map((o) => o.orderNo).sort());
    assert.equal((await as.liaisonA!.get('/api/inspection/orders/export')).status, 403);
  });

  test('督办看板：每单位签发、按期销号、逾期销号、逾期未整改，按数据权限', async () => {
    const all = await as.office!.get('/api/inspection/board?year=2026');
    const dept = all.body.items.find((r: { orgId: number }) => r.orgId === world.units.countyADept);
    assert.deepEqual({ issued: dept.issued, closedOnTime: dept.closedOnTime, closedLate: dept.closedLate, openOverdue: dept.openOverdue }, { issued: 3, closedOnTime: 1, closedLate: 1, openOverdue: 1 });
    assert.equal(all.body.items.length, 3);
    const b = await as.liaisonB!.get('/api/inspection/board?year=2026');
    assert.deepEqual(b.body.items.map((r: { orgId: number }) => r.orgId), [world.units.countyBGov]);
  });

  test('统计：签发、销号、按期、按期率、约谈、问题数，按数据权限与单位', async () => {
    const all = (await as.office!.get('/api/inspection/statistics?year=2026')).body;
    assert.equal(stat(all, 'inspection.plans'), 1);
    assert.equal(stat(all, 'inspection.units_inspected'), 3);
    assert.equal(stat(all, 'inspection.findings'), 3);
    assert.equal(stat(all, 'inspection.orders_issued'), 5);
    assert.equal(stat(all, 'inspection.orders_closed'), 2);
    assert.equal(stat(all, 'inspection.orders_closed_on_time'), 1);
    assert.equal(stat(all, 'inspection.orders_on_time_rate'), 50);
    assert.equal(stat(all, 'inspection.interviews'), 1);
    assert.equal(stat(all, 'inspection.notices'), 0);
    const b = (await as.liaisonB!.get('/api/inspection/statistics?year=2026')).body;
    assert.equal(stat(b, 'inspection.orders_issued'), 1);
    assert.equal(stat(b, 'inspection.orders_on_time_rate'), null);
    // Through the kernel's statistics API, narrowed to a unit.
    const narrowed = await as.office!.get(`/api/reports/statistics?year=2026&orgId=${world.units.countyAGov}`);
    assert.equal(narrowed.status, 200, JSON.stringify(narrowed.body));
    const items = (narrowed.body.sections as { items: { id: string; value: number | null }[] }[]).flatMap((s) => s.items);
    assert.equal(items.find((i) => i.id === 'inspection.orders_issued')?.value, 1);
    assert.equal(items.find((i) => i.id === 'inspection.units_inspected')?.value, 1);
  });

  test('导入问题清单：任一行有误则全部不写入，逐行报告错误；全部正确则写入', async () => {
    const plan = await as.office!.post('/api/inspection/plans', planBody({ kind: 'patrol', title: '2026年巡察' }));
    const sheet = async (rows: (string | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('问题');
      ws.addRow(['单位', '问题描述', '问题类别', '整改要求', '整改期限', '发现日期']);
      for (const r of rows) ws.addRow(r);
      const form = new FormData();
      form.set('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], '巡察问题.xlsx'));
      return as.office!.request('POST', `/api/inspection/plans/${plan.body.id}/findings/import`, form);
    };
    const before = await countRows(world, ['inspection_finding', 'inspection_target']);
    const bad = await sheet([
      ['甲县自然资源局', '执法案卷未附法制审核意见。', '行政执法', '补正审核意见', '2026-12-31', '2026-11-20'],
      ['不存在的单位', '规范性文件未审核即印发。', null, '补充审核', null, '2026-11-20'],
      ['乙县人民政府办公室', '短', null, '补充审核', null, '2026-11-20'],
      ['乙县人民政府办公室', '复议决定未按期履行。', null, '立即履行', '2026-11-01', '2026-11-20'],
    ]);
    assert.equal(bad.status, 422);
    assert.deepEqual(
      bad.body.errors.map((e: { row: number; field: string }) => [e.row, e.field]),
      [
        [3, 'orgName'],
        [4, 'description'],
        [5, 'dueDate'],
      ],
    );
    assert.deepEqual(await countRows(world, ['inspection_finding', 'inspection_target']), before);
    const ok = await sheet([
      ['甲县自然资源局', '执法案卷未附法制审核意见。', '行政执法', '补正审核意见', '2026-12-31', '2026-11-20'],
      ['乙县人民政府办公室', '复议决定未按期履行。', null, '立即履行', null, '2026-11-20'],
    ]);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.created, 2);
    const d = await as.office!.get(`/api/inspection/plans/${plan.body.id}`);
    assert.equal(d.body.targets.length, 2, '问题按督察对象记录');
    assert.deepEqual(d.body.targets.map((t: { findingCount: number }) => t.findingCount), [1, 1]);
    const plans = await as.office!.get('/api/inspection/plans?kind=patrol');
    assert.equal(plans.body.items[0].findingCount, 2);
    assert.equal(plans.body.items[0].targetCount, 2);
    const f = await as.office!.get(`/api/inspection/findings?planId=${plan.body.id}`);
    assert.ok(f.body.items.every((x: { source: string }) => x.source === 'patrol'));
  });

  test('错误输入：中文字段错误，且不写入', async () => {
    const before = await countRows(world, ['inspection_plan', 'supervision_order']);
    const p = await as.office!.post('/api/inspection/plans', planBody({ endDate: '2026-10-01', items: [] }));
    assert.equal(p.status, 422);
    const paths = p.body.details.fields.map((f: { path: string }) => f.path);
    assert.ok(paths.includes('items'), JSON.stringify(p.body));
    const o = await as.office!.post('/api/inspection/orders', { orgId: world.units.countyADept, title: '短', content: '', requirement: 'x', dueDate: '2026-02-30' });
    assert.equal(o.status, 422);
    assert.ok(o.body.details.fields.every((f: { message: string }) => /[\u4e00-\u9fff]/.test(f.message)));
    const liaison = await as.liaisonA!.post('/api/inspection/orders', { orgId: world.units.countyADept, title: '督办事项', content: '督办内容五个字', requirement: '整改要求', dueDate: '2026-12-10' });
    assert.equal(liaison.status, 403);
    assert.deepEqual(await countRows(world, ['inspection_plan', 'supervision_order']), before);
  });
});
