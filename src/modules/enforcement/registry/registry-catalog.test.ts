/**
 * 执法事项、裁量基准、四张清单 and the figures: 划转, 废止, benchmark validation and its published .docx,
 * the 四张清单 rules (行政处罚法第三十三条), the public portal (第三十四条), statistics and data scope.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readZipEntry } from '../../../../test/support/disclosure-helpers';
import { createTestWorld, type TestClient, type TestWorld } from '../../../../test/support/test-platform';
import { createBodyVia, createOfficerVia, itemBody } from './test/fixtures';
import { insertBody, insertItem, insertOfficer } from '../test/fixtures';
import { computeStatistic } from '../../../kernel';

const benchmark = (itemId: number, over: Record<string, unknown> = {}) => ({
  itemId,
  circumstance: '违法情节一般的',
  level: 'ordinary',
  fineMinFen: 1_000_000,
  fineMaxFen: 3_000_000,
  measures: '责令改正',
  madeBy: '甲县自然资源局',
  madeDate: '2026-06-01',
  ...over,
});

describe('执法事项、裁量基准与四张清单', () => {
  let world: TestWorld;
  let sup: TestClient;

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    sup = await world.login('supervisorA');
  });
  after(() => world.close());

  test('裁量基准：上限不得低于下限、不予处罚不设罚款、从重的上限不得低于一般的上限；金额以分保存', async () => {
    const b = await createBodyVia(sup, world);
    const item = (await sup.post('/api/enforcement/items', itemBody(b.id))).body;
    const inverted = await sup.post('/api/enforcement/benchmarks', benchmark(item.id, { fineMinFen: 500, fineMaxFen: 100 }));
    assert.equal(inverted.status, 422);
    assert.equal(inverted.body.details.fields[0].path, 'fineMaxFen');
    const noneWithFine = await sup.post('/api/enforcement/benchmarks', benchmark(item.id, { level: 'none', fineMinFen: 0, fineMaxFen: 100 }));
    assert.equal(noneWithFine.status, 422);
    const ok = await sup.post('/api/enforcement/benchmarks', benchmark(item.id));
    assert.equal(ok.status, 200);
    assert.equal(ok.body.fineMaxFen, 3_000_000);
    const incoherent = await sup.post('/api/enforcement/benchmarks', benchmark(item.id, { level: 'heavier', fineMinFen: 2_000_000, fineMaxFen: 2_500_000 }));
    assert.equal(incoherent.status, 422);
    assert.match(incoherent.body.details.fields[0].message, /低于较轻阶次/);
    const heavier = await sup.post('/api/enforcement/benchmarks', benchmark(item.id, { level: 'heavier', circumstance: '多次违法的', fineMinFen: 3_000_000, fineMaxFen: 5_000_001 }));
    assert.equal(heavier.status, 200);
    // 废止 (清理), with a stale version refused.
    const stale = await sup.post(`/api/enforcement/benchmarks/${heavier.body.id}/abolish`, { version: 99, abolishedDate: '2026-11-20' });
    assert.equal(stale.status, 409);
    const abolished = await sup.post(`/api/enforcement/benchmarks/${heavier.body.id}/abolish`, { version: heavier.body.version, abolishedDate: '2026-11-20' });
    assert.equal(abolished.body.status, 'abolished');
  });

  test('行政处罚法第三十四条：裁量基准导出 .docx 供公布，内容含事项、情节、阶次与以元计的罚款幅度', async () => {
    const b = await createBodyVia(sup, world, { name: '甲县基准导出执法主体' });
    const item = (await sup.post('/api/enforcement/items', itemBody(b.id, { name: '对未经批准非法占用土地的处罚' }))).body;
    await sup.post('/api/enforcement/benchmarks', benchmark(item.id, { fineMinFen: 1_000_050, fineMaxFen: 3_000_000 }));
    const res = await sup.request('GET', `/api/enforcement/items/${item.id}/benchmark-document?format=docx`);
    assert.equal(res.status, 200);
    assert.equal(res.raw.subarray(0, 2).toString(), 'PK');
    const xml = readZipEntry(res.raw, 'word/document.xml')!.toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '');
    assert.ok(text.includes('对未经批准非法占用土地的处罚行政裁量权基准'));
    assert.ok(text.includes('违法情节一般的'));
    assert.ok(text.includes('一般'));
    assert.ok(text.includes('10,000.50 元至 30,000.00 元'));
    assert.ok(text.includes('第三十四条'));
    const xl = await sup.request('GET', `/api/enforcement/items/${item.id}/benchmark-document?format=xlsx`);
    assert.equal(xl.status, 200);
  });

  test('事项划转综合执法：批量划入另一主体并留痕，事项及其基准随之归属新单位；废止事项不能划转', async () => {
    const from = await createBodyVia(sup, world, { name: '甲县划出执法主体' });
    const to = await createBodyVia(sup, world, { orgId: world.units.countyAGov, name: '甲县综合行政执法局（测试）' });
    const a = (await sup.post('/api/enforcement/items', itemBody(from.id))).body;
    const c = (await sup.post('/api/enforcement/items', itemBody(from.id))).body;
    await sup.post('/api/enforcement/benchmarks', benchmark(a.id));
    const moved = await sup.post('/api/enforcement/items/transfer', { itemIds: [a.id, c.id], toBodyId: to.id, transferDate: '2026-11-20', reason: '综合行政执法改革方案' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.transferred, 2);
    const detail = (await sup.get(`/api/enforcement/items/${a.id}`)).body;
    assert.equal(detail.record.bodyId, to.id);
    assert.equal(detail.record.orgId, world.units.countyAGov);
    assert.equal(detail.benchmarks[0].orgId, world.units.countyAGov);
    assert.equal(detail.transfers[0].fromBodyName, '甲县划出执法主体');
    const cur = (await sup.get(`/api/enforcement/items/${c.id}`)).body.record;
    await sup.post(`/api/enforcement/items/${c.id}/abolish`, { version: cur.version, abolishedDate: '2026-11-21' });
    const again = await sup.post('/api/enforcement/items/transfer', { itemIds: [c.id], toBodyId: from.id, transferDate: '2026-11-22', reason: '回划' });
    assert.equal(again.status, 422);
  });

  test('行政处罚法第三十三条：首违不罚等清单只能对应处罚事项，免予强制清单对应强制事项；公布后在门户可见', async () => {
    const b = await createBodyVia(sup, world, { name: '甲县清单执法主体' });
    const pen = (await sup.post('/api/enforcement/items', itemBody(b.id))).body;
    const comp = (await sup.post('/api/enforcement/items', itemBody(b.id, { kind: 'compulsory', name: '查封违法占地的施工设备' }))).body;
    const wrong = await sup.post('/api/enforcement/lists', { itemId: comp.id, listKind: 'first_violation_no_penalty', condition: '首次违法且危害后果轻微', basis: '行政处罚法第三十三条', published: true });
    assert.equal(wrong.status, 422);
    const ok = await sup.post('/api/enforcement/lists', { itemId: pen.id, listKind: 'first_violation_no_penalty', condition: '首次违法且危害后果轻微并及时改正', basis: '《行政处罚法》第三十三条第一款', published: true });
    assert.equal(ok.status, 200);
    const hidden = await sup.post('/api/enforcement/lists', { itemId: comp.id, listKind: 'no_compulsion', condition: '情节轻微不采取强制措施不会造成危害', basis: '《行政强制法》第十六条', published: false });
    assert.equal(hidden.status, 200);
    const portal = await world.anonymous().get(`/api/public/enforcement/lists?bodyId=${b.id}`);
    assert.equal(portal.status, 200);
    assert.equal(portal.body.total, 1, '未公布的条目不在门户显示');
    assert.equal(portal.body.items[0].listKindLabel, '首违不罚清单');
    await sup.post('/api/enforcement/benchmarks', benchmark(pen.id));
    const bench = await world.anonymous().get(`/api/public/enforcement/benchmarks?bodyId=${b.id}`);
    assert.equal(bench.body.total, 1);
  });

  test('数据权限：部门法制员只看本单位，领导看本县，县司法局看本辖区，依法治市办看全部；范围外详情 404', async () => {
    const aBody = await insertBody(world, world.units.countyADept, { name: '权限甲县局' });
    const bBody = await insertBody(world, world.units.countyBGov, { name: '权限乙县局' });
    const aOff = await insertOfficer(world, aBody);
    const bOff = await insertOfficer(world, bBody);
    const seen = async (user: string) => {
      const h = await world.login(user);
      const names = (await h.get('/api/enforcement/bodies?pageSize=200')).body.items.map((x: { name: string }) => x.name);
      return { a: names.includes('权限甲县局'), b: names.includes('权限乙县局'), h };
    };
    const liaisonA = await seen('liaisonA');
    assert.deepEqual([liaisonA.a, liaisonA.b], [true, false]);
    const liaisonB = await seen('liaisonB');
    assert.deepEqual([liaisonB.a, liaisonB.b], [false, true]);
    const leaderA = await seen('leaderA');
    assert.deepEqual([leaderA.a, leaderA.b], [true, false]);
    const sA = await seen('supervisorA');
    assert.deepEqual([sA.a, sA.b], [true, false]);
    const office = await seen('office');
    assert.deepEqual([office.a, office.b], [true, true]);
    assert.equal((await liaisonA.h.get(`/api/enforcement/officers/${bOff.id}`)).status, 404);
    assert.equal((await sA.h.get(`/api/enforcement/officers/${bOff.id}`)).status, 404);
    assert.equal((await office.h.get(`/api/enforcement/officers/${bOff.id}`)).status, 200);
    assert.equal((await liaisonA.h.get(`/api/enforcement/officers/${aOff.id}`)).status, 200);
    // Writes: liaisons may not manage (403); 甲县司法局 may not register a body in 乙县 (404).
    assert.equal((await liaisonA.h.post('/api/enforcement/bodies', { orgId: world.units.countyADept, name: '越权主体', kind: 'statutory', legalBasis: '某法' })).status, 403);
    assert.equal((await sA.h.post('/api/enforcement/bodies', { orgId: world.units.countyBGov, name: '越权主体', kind: 'statutory', legalBasis: '某法' })).status, 404);
    // Export and board follow the same scope.
    const staffA = await world.login('staffA');
    const exp = await staffA.request('GET', '/api/enforcement/bodies/export');
    assert.equal(exp.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.raw as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    assert.ok(text.includes('权限甲县局') && !text.includes('权限乙县局'));
    const board = (await staffA.get('/api/enforcement/bodies/board')).body;
    assert.ok(board.bodies.every((x: { name: string }) => x.name !== '权限乙县局'));
  });

  test('统计：有效主体、制发与清理证件、培训达标人数、法制审核比例、有效与废止基准，按数据权限与单位取数', async () => {
    const unit = world.units.townA;
    const body = await createBodyVia(sup, world, { orgId: unit, name: '甲镇统计执法主体' });
    const o1 = await createOfficerVia(sup, body.id, { isLegalReviewer: true, certificate: { kind: 'enforcement', certNo: 'ST-0001', issuedDate: '2026-02-01' } });
    const o2 = await createOfficerVia(sup, body.id, { certificate: { kind: 'supervision', certNo: 'ST-0002', issuedDate: '2026-03-01' } });
    await createOfficerVia(sup, body.id, { certificate: { kind: 'enforcement', certNo: 'ST-0003', issuedDate: '2025-03-01' } });
    await sup.post(`/api/enforcement/officers/${o1.officer.id}/trainings`, { trainedDate: '2026-05-01', course: '专题培训', hours: 64 });
    await sup.post(`/api/enforcement/officers/${o2.officer.id}/transitions/retire`, { version: o2.officer.version, input: { statusDate: '2026-11-01' } });
    const item = await insertItem(world, body);
    await sup.post('/api/enforcement/benchmarks', benchmark(item.id));
    const b2 = (await sup.post('/api/enforcement/benchmarks', benchmark(item.id, { level: 'lighter', fineMinFen: 0, fineMaxFen: 1_000_000 }))).body;
    await sup.post(`/api/enforcement/benchmarks/${b2.id}/abolish`, { version: b2.version, abolishedDate: '2026-11-02' });
    const ctx = await world.ctxAs('supervisorA');
    const v = async (id: string) => (await computeStatistic(ctx, id, { year: 2026, orgId: unit })).value;
    assert.equal(await v('enforcement.bodies'), 1);
    assert.equal(await v('enforcement.certificates_issued'), 1);
    assert.equal(await v('enforcement.supervision_certificates_issued'), 1);
    assert.equal(await v('enforcement.certificates_revoked'), 1);
    assert.equal(await v('enforcement.officers_trained'), 1);
    assert.equal(await v('enforcement.legal_reviewer_ratio'), 50);
    assert.equal(await v('enforcement.benchmarks_active'), 1);
    assert.equal(await v('enforcement.benchmarks_abolished'), 1);
    // Outside the reader's scope the unit's figures are zero.
    const liaisonB = await world.ctxAs('liaisonB');
    assert.equal((await computeStatistic(liaisonB, 'enforcement.bodies', { year: 2026, orgId: unit })).value, 0);
    const board = (await sup.get(`/api/enforcement/bodies/board?orgId=${unit}`)).body;
    assert.equal(board.figures.find((f: { id: string }) => f.id === 'enforcement.certificates_issued').value, 1);
    assert.equal(board.bodies[0].legalReviewerRatio, 50);
  });
});
