/**
 * 双随机一公开 over HTTP: the main path (graded joint plan → publish → draw with seed → verify 一致 → record →
 * publish result → portal), re-draw, scope (liaisons, staff, leaders, the jurisdiction-scoped 司法局 user, the
 * office), concurrency, bad input, Excel import with per-row errors, exports, board and statistics, and the
 * 20-working-day publication period across holidays.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { loginAt } from '../../../test/support/disclosure-helpers';
import { code, ctxAt, drawnPlan, newPlan, planStep, planVia, resultStep, resultsOf, seedPools, type Pools } from './test/fixtures';
import { computeStatistic, queryRows } from '../../kernel';
import { riDraw } from './schema';
import { verifyDraw } from './service/transition-plan';
import { getPlanDetail } from './service/plans';

const DAY = '2026-03-02';
const xlsx = async (header: string[], rows: (string | number)[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const upload = (buf: Buffer, orgId?: number) => {
  const f = new FormData();
  if (orgId) f.set('orgId', String(orgId));
  f.set('file', new File([new Uint8Array(buf)], 'import.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  return f;
};

describe('双随机一公开：HTTP 主流程、范围、并发、导入导出、比例与统计', () => {
  let world: TestWorld;
  let pools: Pools;
  let mainId = 0;
  let otherId = 0;

  before(async () => {
    world = await createTestWorld({ now: `${DAY}T09:00:00` });
    pools = await seedPools(world, DAY);
    // A single-department, ungraded plan at 乙县政府办: nobody in 甲县 may see it.
    const b = await newPlan(world, pools, DAY, { orgId: world.units.countyBGov, kind: 'single', graded: false, ratioPercent: 10, itemIds: [pools.itemB], participants: [], title: '乙县2026年度抽查' }, 'liaisonB');
    otherId = b.id;
    await planStep(world, DAY, b.id, 'publish', { filedDate: DAY, filedWith: '乙县人民政府' }, 'liaisonB');
    await planStep(world, DAY, b.id, 'draw', {}, 'liaisonB');
  });
  after(() => world.close());

  test('主流程：新建分级联合计划→发布报备→抽取（记录种子与快照摘要）→核验一致→执法人员录入→公示→门户可查', async () => {
    const [a, ag, staff] = await loginAt(world, DAY, 'liaisonA', 'liaisonAGov', 'staffA');
    const created = await a!.post('/api/random-inspection/plans', {
      orgId: world.units.countyADept,
      year: 2026,
      title: '2026年度土地与政务公开联合抽查',
      batch: '第一批',
      kind: 'joint',
      graded: true,
      gradeRatios: { A: 4, B: 8, C: 12, D: 20 },
      ratioPercent: 5,
      targetType: 'enterprise',
      scope: '甲县辖区用地企业',
      startDate: DAY,
      endDate: '2026-06-30',
      itemIds: [pools.itemA],
      participants: [{ orgId: world.units.countyAGov, itemIds: [pools.itemAGov] }],
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    mainId = created.body.id;
    assert.match(created.body.planNo, /^甲自然资抽查〔2026〕\d+号$/);
    assert.equal(created.body.status, 'draft');
    // The participant sees the joint plan but may not publish or draw it.
    const seen = await ag!.get(`/api/random-inspection/plans/${mainId}`);
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.body.transitions, []);
    assert.equal((await planVia(ag!, mainId, 'publish', { filedDate: DAY, filedWith: '甲县人民政府' })).status, 403);
    assert.equal((await planVia(a!, mainId, 'draw')).status, 409, '未发布不能抽取');
    assert.equal((await planVia(a!, mainId, 'publish', { filedDate: DAY, filedWith: '甲县人民政府' })).status, 200);
    const drawn = await planVia(a!, mainId, 'draw');
    assert.equal(drawn.status, 200, JSON.stringify(drawn.body));
    const detail = (await a!.get(`/api/random-inspection/plans/${mainId}`)).body;
    assert.equal(detail.record.status, 'drawn');
    assert.equal(detail.draws.length, 1);
    assert.match(detail.draws[0].seed, /^[0-9a-f]{64}$/, '32 字节种子');
    assert.match(detail.draws[0].snapshotDigest, /^[0-9a-f]{64}$/);
    // 25 targets per grade: ⌈25×4%⌉ + ⌈25×8%⌉ + ⌈25×12%⌉ + ⌈25×20%⌉ = 1 + 2 + 3 + 5.
    assert.equal(detail.inspections.length, 11);
    for (const i of detail.inspections) {
      assert.ok(i.inspectorIds.length >= 2);
      assert.ok(i.inspectorIds.some((x: number) => pools.inspectorsA.includes(x)) && i.inspectorIds.some((x: number) => pools.inspectorsAGov.includes(x)), '每个参与单位至少一名');
      if (i.creditCode === code(1)) assert.ok(!i.inspectorIds.includes(pools.inspectorsA[0]), '利害关系回避');
    }
    assert.equal(detail.results.length, 22, '每户每个参与单位一条结果');
    const verify = await a!.post(`/api/random-inspection/plans/${mainId}/verify`, {});
    assert.equal(verify.status, 200);
    assert.equal(verify.body.verdict, '一致');
    // A tampered record no longer verifies.
    const sys = world.systemCtx();
    const [orig] = await sys.db.select().from(riDraw).where(sql`plan_id = ${mainId}`);
    await sys.db.update(riDraw).set({ seed: '00'.repeat(32) }).where(sql`id = ${orig!.id}`);
    assert.equal((await a!.post(`/api/random-inspection/plans/${mainId}/verify`, {})).body.verdict, '不一致');
    await sys.db.update(riDraw).set({ seed: orig!.seed }).where(sql`id = ${orig!.id}`);

    // The inspector of the lead unit records its part; the participant's part stays with the participant.
    const mine = (await staff!.get(`/api/random-inspection/results?planId=${mainId}&pageSize=100`)).body.items;
    const own = mine.find((r: { orgId: number }) => r.orgId === world.units.countyADept);
    const theirs = mine.find((r: { orgId: number }) => r.orgId === world.units.countyAGov);
    assert.equal(own.canRecord, true);
    assert.equal(theirs.canRecord, false);
    assert.equal((await staff!.post(`/api/random-inspection/results/${theirs.id}/transitions/record`, { version: theirs.version, input: { outcome: 'no_problem', resultDate: DAY } })).status, 403);
    const rec = await staff!.post(`/api/random-inspection/results/${own.id}/transitions/record`, { version: own.version, input: { outcome: 'rectify', resultDate: DAY, notes: '临时用地超期未复垦，已责令整改' } });
    assert.equal(rec.status, 200, JSON.stringify(rec.body));
    assert.equal((await a!.get(`/api/random-inspection/plans/${mainId}`)).body.record.status, 'in_progress', '首条结果录入后计划进入检查中');
    assert.equal((await planVia(a!, mainId, 'redraw', { reason: '名录更新' })).status, 409, '检查开始后不能重新抽取');
    const row = (await staff!.get(`/api/random-inspection/results?planId=${mainId}&status=recorded`)).body.items[0];
    assert.equal(row.deadline.dueDate, '2026-03-30', '20 个工作日');
    const pub = await staff!.post(`/api/random-inspection/results/${own.id}/transitions/publish`, { version: rec.body.version, input: { publishedDate: DAY } });
    assert.equal(pub.status, 200);
    const portal = await world.anonymous().get(`/api/public/random-inspection/results?q=${own.creditCode}`);
    assert.equal(portal.status, 200);
    assert.equal(portal.body.total, 1);
    assert.equal(portal.body.items[0].outcomeLabel, '发现问题已责令整改');
    assert.equal(portal.body.items[0].orgName, '甲县自然资源局');
    const draws = await world.anonymous().get('/api/public/random-inspection/draws');
    assert.ok(draws.body.items.some((d: { planId: number; seed: string; targets: unknown[] }) => d.planId === mainId && d.seed === detail.draws[0].seed && d.targets.length === 11));
    // Finishing needs every result recorded.
    assert.equal((await planVia(a!, mainId, 'finish', { finishedDate: DAY })).status, 422);
  });

  test('重新抽取：仅在检查开始前，须填理由，两次抽取均留存且各自可核验', async () => {
    const p = await drawnPlan(world, pools, DAY, { title: '重新抽取测试计划' });
    const [a] = await loginAt(world, DAY, 'liaisonA');
    assert.equal((await planVia(a!, p.id, 'redraw', {})).status, 422);
    assert.equal((await planVia(a!, p.id, 'redraw', { reason: '名录库更新了 12 户信用等级' })).status, 200);
    const d = (await a!.get(`/api/random-inspection/plans/${p.id}`)).body;
    assert.deepEqual(d.draws.map((x: { seq: number; superseded: boolean }) => [x.seq, x.superseded]), [[1, true], [2, false]]);
    assert.notEqual(d.draws[0].seed, d.draws[1].seed);
    for (const x of d.draws) assert.equal((await a!.post(`/api/random-inspection/plans/${p.id}/verify`, { drawId: x.id })).body.verdict, '一致');
    assert.ok(d.inspections.every((i: { drawId: number }) => i.drawId === d.draws[1].id), '检查记录来自当前抽取');
  });

  test('联合抽查时参与单位无可用检查人员：抽取失败并说明原因，计划状态不变', async () => {
    const p = await newPlan(world, pools, DAY, { title: '参与单位无人员', participants: [{ orgId: world.units.countyAGov, itemIds: [pools.itemAGov] }] });
    await planStep(world, DAY, p.id, 'publish', { filedDate: DAY, filedWith: '甲县人民政府' });
    const ag = await ctxAt(world, DAY, 'liaisonAGov');
    await ag.db.execute(sql`update random_inspection_inspector set active = false where org_id = ${world.units.countyAGov}`);
    const [a] = await loginAt(world, DAY, 'liaisonA');
    const res = await planVia(a!, p.id, 'draw');
    assert.equal(res.status, 422);
    assert.match(JSON.stringify(res.body), /甲县人民政府办公室没有可抽取的执法检查人员/);
    assert.equal((await a!.get(`/api/random-inspection/plans/${p.id}`)).body.record.status, 'published');
    await ag.db.execute(sql`update random_inspection_inspector set active = true where org_id = ${world.units.countyAGov}`);
  });

  test('数据范围：牵头、参与单位可见；他县不可见（404）；领导、司法局（本辖区）、依法治市办按范围查看', async () => {
    const [a, ag, b, staffB, leaderA, leaderB, sup, office] = await loginAt(world, DAY, 'liaisonA', 'liaisonAGov', 'liaisonB', 'staffB', 'leaderA', 'leaderB', 'supervisorA', 'office');
    const ids = async (c: typeof a) => {
      const res = await c!.get('/api/random-inspection/plans?pageSize=200');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return (res.body.items as { id: number }[]).map((x) => x.id);
    };
    assert.ok((await ids(a)).includes(mainId) && !(await ids(a)).includes(otherId));
    assert.ok((await ids(ag)).includes(mainId), '参与单位看到联合计划');
    assert.deepEqual(await ids(b), [otherId]);
    assert.deepEqual(await ids(staffB), [otherId]);
    assert.ok((await ids(leaderA)).includes(mainId) && !(await ids(leaderA)).includes(otherId));
    assert.ok((await ids(sup)).includes(mainId) && !(await ids(sup)).includes(otherId), '司法局：本辖区（甲县）');
    assert.ok((await ids(office)).includes(mainId) && (await ids(office)).includes(otherId));
    assert.equal((await b!.get(`/api/random-inspection/plans/${mainId}`)).status, 404);
    assert.equal((await leaderB!.get(`/api/random-inspection/plans/${mainId}`)).status, 404);
    assert.equal((await b!.post(`/api/random-inspection/plans/${mainId}/verify`, {})).status, 404);
    // Pools: each unit its own; the office all.
    assert.ok(((await b!.get('/api/random-inspection/targets?pageSize=200')).body.items as { orgId: number }[]).every((t) => t.orgId === world.units.countyBGov));
    assert.equal((await office!.get('/api/random-inspection/targets?pageSize=1')).body.total, 120);
    assert.equal((await sup!.get('/api/random-inspection/targets?pageSize=1')).body.total, 100);
    // Export: needs the export permission, within scope.
    assert.equal((await a!.get('/api/random-inspection/plans/export')).status, 403);
    const ex = await sup!.get('/api/random-inspection/results/export');
    assert.equal(ex.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ex.raw as never);
    const codes = new Set<string>();
    wb.worksheets[0]!.eachRow((r, n) => n > 1 && codes.add(String(r.getCell(4).value)));
    assert.ok([...codes].every((c) => c.includes('330921')), '只有甲县的结果');
    // Statistics honour scope: 乙县's plan is not counted for 甲县's supervisor.
    const supCtx = await world.ctxAs('supervisorA');
    const officeCtx = await world.ctxAs('office');
    const supPlans = (await computeStatistic(supCtx, 'random-inspection.plans', { year: 2026 })).value;
    const officePlans = (await computeStatistic(officeCtx, 'random-inspection.plans', { year: 2026 })).value;
    assert.equal(officePlans! - supPlans!, 1);
    assert.equal((await computeStatistic(officeCtx, 'random-inspection.plans', { year: 2026, orgId: world.units.countyB })).value, 1);
    assert.equal((await computeStatistic(officeCtx, 'random-inspection.joint_plans', { year: 2026, orgId: world.units.countyB })).value, 0);
  });

  test('比例看板与统计：分类分级检查比例、联合检查任务比例按单位计算并对照目标（低于目标标红）', async () => {
    const [office, b] = await loginAt(world, DAY, 'office', 'liaisonB');
    const board = (await office!.get('/api/random-inspection/board?year=2026')).body.items as { orgId: number; plans: number; jointPlans: number; jointRatio: number; gradedRatio: number; belowGraded: boolean; belowJoint: boolean; samplingRate: number; gradedTarget: number }[];
    const bRow = board.find((r) => r.orgId === world.units.countyBGov)!;
    assert.equal(bRow.plans, 1);
    assert.equal(bRow.jointRatio, 0);
    assert.equal(bRow.gradedRatio, 0);
    assert.equal(bRow.belowGraded && bRow.belowJoint, true);
    const aRow = board.find((r) => r.orgId === world.units.countyADept)!;
    assert.equal(aRow.jointRatio, 100);
    assert.equal(aRow.gradedRatio, 100);
    assert.equal(aRow.belowGraded || aRow.belowJoint, false);
    assert.equal(aRow.samplingRate, 1, '100 户中已检查 1 户');
    // 乙县 sets its own targets: 0% graded target → no longer below.
    const set = await b!.put('/api/random-inspection/settings', { orgId: world.units.countyBGov, gradedTarget: 0, jointTarget: 50 });
    assert.equal(set.status, 200);
    const again = (await office!.get('/api/random-inspection/board?year=2026')).body.items.find((r: { orgId: number }) => r.orgId === world.units.countyBGov);
    assert.equal(again.belowGraded, false);
    assert.equal((await b!.put('/api/random-inspection/settings', { orgId: world.units.countyADept, gradedTarget: 0, jointTarget: 0 })).status, 422, '不能设置他单位的目标');
    assert.equal((await b!.get('/api/random-inspection/board?year=2026')).body.items.every((r: { orgId: number }) => r.orgId === world.units.countyBGov), true);
    // 风险预警: 乙县政府办 is still below its 联合检查 target (yellow); 甲县 sees none of it.
    const signals = (await office!.get('/api/risk-signals?module=random-inspection')).body.items as { key: string; level: string; reason: string }[];
    const yellow = signals.find((x) => x.key === `ratio-below:${world.units.countyBGov}`);
    assert.equal(yellow?.level, 'yellow');
    assert.match(yellow!.reason, /联合检查任务比例 0%（目标 50%）/);
    assert.ok(!signals.some((x) => x.key === `ratio-below:${world.units.countyADept}`));
    const [la] = await loginAt(world, DAY, 'liaisonA');
    assert.deepEqual(((await la!.get('/api/risk-signals?module=random-inspection')).body.items as unknown[]).length, 0);
    const items = (await office!.get(`/api/random-inspection/board/items?year=2026&orgId=${world.units.countyADept}`)).body.items;
    assert.equal(items[0].pool, 100);
    assert.equal(items[0].inspected, 1);
    const stats = (await office!.get('/api/random-inspection/statistics?year=2026')).body.items as { id: string; value: number | null }[];
    const v = (id: string) => stats.find((s) => s.id === id)?.value;
    assert.equal(v('random-inspection.problems_found'), 1);
    assert.equal(v('random-inspection.publication_on_time_rate'), 100);
    assert.ok((v('random-inspection.inspections') ?? 0) >= 13);
  });

  test('计划附件：能查看计划的领导不能上传（只读不得写入）；牵头单位可以上传，参与单位与领导可以查看', async () => {
    const p = await newPlan(world, pools, DAY, { title: '附件权限计划', participants: [{ orgId: world.units.countyAGov, itemIds: [pools.itemAGov] }] });
    const [lead, participant, leader] = await loginAt(world, DAY, 'liaisonA', 'liaisonAGov', 'leaderA');
    const form = (name: string) => {
      const f = new FormData();
      f.set('ownerType', 'random_inspection_plan');
      f.set('ownerId', String(p.id));
      f.set('file', new File(['%PDF-1.4 计划方案'], name, { type: 'application/pdf' }));
      return f;
    };
    assert.equal((await leader!.get(`/api/random-inspection/plans/${p.id}`)).status, 200);
    const refused = await leader!.request('POST', '/api/attachments', form('领导上传.pdf'));
    assert.ok([403, 404].includes(refused.status), `领导上传应被拒绝：${refused.status}`);
    const byParticipant = await participant!.request('POST', '/api/attachments', form('参与单位上传.pdf'));
    assert.ok([403, 404].includes(byParticipant.status), `参与单位上传应被拒绝：${byParticipant.status}`);
    const ok = await lead!.request('POST', '/api/attachments', form('抽查方案.pdf'));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    for (const reader of [participant!, leader!]) {
      const list = await reader.get(`/api/attachments?ownerType=random_inspection_plan&ownerId=${p.id}`);
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.items.map((a: { fileName: string }) => a.fileName), ['抽查方案.pdf']);
    }
  });

  test('并发：两人以同一版本修改同一检查对象，一人成功一人 409；计划流转同理', async () => {
    const [a1, a2] = await loginAt(world, DAY, 'liaisonA', 'liaisonA');
    const t = (await a1!.get('/api/random-inspection/targets?pageSize=1')).body.items[0];
    const body = { orgId: t.orgId, name: t.name, creditCode: t.creditCode, type: t.type, industry: t.industry, region: t.region, creditGrade: 'D', active: true, version: t.version };
    const [r1, r2] = await Promise.all([a1!.put(`/api/random-inspection/targets/${t.id}`, body), a2!.put(`/api/random-inspection/targets/${t.id}`, { ...body, creditGrade: 'C' })]);
    assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
    const p = await newPlan(world, pools, DAY, { title: '并发测试计划' });
    const [x, y] = await Promise.all([
      a1!.post(`/api/random-inspection/plans/${p.id}/transitions/publish`, { version: p.version, input: { filedDate: DAY, filedWith: '甲县人民政府' } }),
      a2!.post(`/api/random-inspection/plans/${p.id}/transitions/publish`, { version: p.version, input: { filedDate: DAY, filedWith: '甲县人民政府' } }),
    ]);
    assert.deepEqual([x.status, y.status].sort(), [200, 409]);
  });

  test('输入校验：统一社会信用代码校验位、日期、比例、联合计划参与单位；出错不写入', async () => {
    const [a] = await loginAt(world, DAY, 'liaisonA');
    const before = await queryRows<{ n: number }>(world.systemCtx().db, sql`select count(*)::int as n from random_inspection_target`);
    const bad = await a!.post('/api/random-inspection/targets', { orgId: world.units.countyADept, name: '错误代码企业', creditCode: '91330921MA00000011', type: 'enterprise', creditGrade: 'A' });
    assert.equal(bad.status, 422);
    assert.match(JSON.stringify(bad.body), /校验位不正确/);
    const dup = await a!.post('/api/random-inspection/targets', { orgId: world.units.countyADept, name: '重复企业', creditCode: code(1), type: 'enterprise', creditGrade: 'A' });
    assert.equal(dup.status, 422);
    assert.match(JSON.stringify(dup.body), /已有此统一社会信用代码/);
    const other = await a!.post('/api/random-inspection/targets', { orgId: world.units.countyBGov, name: '他县企业', creditCode: code(999), type: 'enterprise', creditGrade: 'A' });
    assert.equal(other.status, 422);
    const after = await queryRows<{ n: number }>(world.systemCtx().db, sql`select count(*)::int as n from random_inspection_target`);
    assert.equal(after[0]!.n, before[0]!.n);
    const plan = await a!.post('/api/random-inspection/plans', { orgId: world.units.countyADept, year: 2026, title: '缺少参与单位的联合计划', batch: '一', kind: 'joint', graded: false, ratioPercent: 120, scope: '全县', startDate: '2026-05-01', endDate: '2026-04-01', itemIds: [pools.itemA], participants: [] });
    assert.equal(plan.status, 422);
    const msgs = JSON.stringify(plan.body);
    for (const m of ['抽查比例不能大于 100', '结束日期不能早于开始日期', '联合抽查至少需要一个参与单位']) assert.ok(msgs.includes(m), m);
    const foreignItem = await a!.post('/api/random-inspection/plans', { orgId: world.units.countyADept, year: 2026, title: '用他单位事项', batch: '一', kind: 'single', graded: false, scope: '全县', startDate: DAY, endDate: '2026-04-01', itemIds: [pools.itemB], participants: [] });
    assert.equal(foreignItem.status, 422);
    assert.match(JSON.stringify(foreignItem.body), /不是该单位在用的抽查事项/);
  });

  test('Excel 导入检查对象：逐行错误报告且全部不写入；正确文件批量写入；导入执法检查人员含回避对象', async () => {
    const [a] = await loginAt(world, DAY, 'liaisonA');
    const header = ['名称', '统一社会信用代码', '类型', '行业', '区域', '信用风险等级'];
    const badFile = await xlsx(header, [
      ['导入企业一', code(5001), '企业', '制造业', '甲镇', 'A'],
      ['导入企业二', '91330921MA00050021', '企业', '制造业', '甲镇', 'B'],
      ['导入企业三', code(5001), '企业', '制造业', '甲镇', 'E'],
      ['导入企业四', code(1), '外资', '', '', 'C'],
    ]);
    const res = await a!.request('POST', '/api/random-inspection/targets/import', upload(badFile, world.units.countyADept));
    assert.equal(res.status, 422);
    const errs = res.body.errors as { row: number; field: string; message: string }[];
    assert.ok(errs.some((e) => e.row === 3 && /校验位/.test(e.message)));
    assert.ok(errs.some((e) => e.row === 4 && /A、B、C、D/.test(e.message)));
    assert.ok(errs.some((e) => e.row === 5 && /类型须为/.test(e.message)));
    const total = async () => (await a!.get('/api/random-inspection/targets?pageSize=1')).body.total as number;
    assert.equal(await total(), 100);
    const rows = Array.from({ length: 1500 }, (_, i) => [`批量导入企业${i}`, code(10_000 + i), i % 3 ? '企业' : '个体工商户', '餐饮', '甲镇', 'ABCD'[i % 4]!]);
    const ok = await a!.request('POST', '/api/random-inspection/targets/import', upload(await xlsx(header, rows), world.units.countyADept));
    assert.equal(ok.status, 200, JSON.stringify(ok.body).slice(0, 500));
    assert.equal(ok.body.created, 1500);
    assert.equal(await total(), 1600);
    const insp = await a!.request('POST', '/api/random-inspection/inspectors/import', upload(await xlsx(['姓名', '执法证号', '专业领域', '回避对象信用代码'], [['导入人员', 'JA-9001', '矿产', `${code(2)}，${code(3)}`]])));
    assert.equal(insp.status, 200, JSON.stringify(insp.body));
    const list = (await a!.get('/api/random-inspection/inspectors?q=JA-9001')).body.items;
    assert.deepEqual(list[0].conflictCodes, [code(2), code(3)]);
    const b = (await loginAt(world, DAY, 'liaisonB'))[0]!;
    assert.equal((await b.request('POST', '/api/random-inspection/targets/import', upload(badFile, world.units.countyADept))).status, 422, '不能导入到他单位');
  });

  test('“双随机”抽查结果公示（本地规定20个工作日）：2026-09-25 形成结果，跨国庆中秋假期和10月10日调休上班日，2026-10-29 届满', async () => {
    const day = '2026-09-25';
    const p = await drawnPlan(world, pools, day, { title: '国庆前抽查', startDate: '2026-09-01', endDate: '2026-12-31' });
    const r = (await resultsOf(world, p.id)).find((x) => x.orgId === world.units.countyADept)!;
    await resultStep(world, day, r.id, 'record', { outcome: 'no_problem', resultDate: day });
    const after = (await resultsOf(world, p.id)).find((x) => x.id === r.id)!;
    assert.equal(after.deadline?.dueDate, '2026-10-29');
    // Published on the last day: on time; the day after would be late.
    await resultStep(world, '2026-10-29', r.id, 'publish', { publishedDate: '2026-10-29' });
    const done = (await resultsOf(world, p.id)).find((x) => x.id === r.id);
    assert.ok(done, JSON.stringify((await resultsOf(world, p.id)).map((x) => [x.id, x.status])));
    assert.equal(done.status, 'published');
    assert.equal(done!.deadline?.stoppedOn, '2026-10-29');
  });

  test('“双随机”抽查结果公示（本地规定20个工作日）：2024-01-26 形成结果，跨春节假期及2月4日、2月18日调休上班日，2024-02-28 届满；逾期计入未按时公示', async () => {
    const day = '2024-01-26';
    const p = await drawnPlan(world, pools, day, { year: 2024, title: '春节前抽查', startDate: '2024-01-02', endDate: '2024-12-31' });
    const r = (await resultsOf(world, p.id)).find((x) => x.orgId === world.units.countyADept)!;
    await resultStep(world, day, r.id, 'record', { outcome: 'no_problem', resultDate: day });
    assert.equal((await resultsOf(world, p.id)).find((x) => x.id === r.id)!.deadline?.dueDate, '2024-02-28');
    const late = await ctxAt(world, '2024-03-01', 'office');
    assert.equal((await computeStatistic(late, 'random-inspection.publication_on_time_rate', { year: 2024 })).value, 0, '逾期未公示');
    const overdue = await (await world.login('staffA')).get('/api/random-inspection/results?overdue=true&year=2024');
    assert.equal(overdue.body.total, 1);
    await resultStep(world, '2024-03-01', r.id, 'publish', { publishedDate: '2024-03-01' });
    assert.equal((await computeStatistic(await world.ctxAs('office'), 'random-inspection.publication_on_time_rate', { year: 2024 })).value, 0, '逾期公示不计按时');
    const v = await verifyDraw(await world.ctxAs('office'), p.id);
    assert.equal(v.consistent, true);
    assert.equal((await getPlanDetail(await world.ctxAs('office'), p.id)).record.year, 2024);
  });
});
