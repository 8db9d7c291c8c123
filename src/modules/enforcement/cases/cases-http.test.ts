/**
 * 执法案件 over HTTP: the main path of a 重大 penalty (登记 with two certified officers → 调查 → 告知 → 法制审核 →
 * 决定 within the benchmark → 送达 → 执行 → 结案 → 公示 → portal), the statutory refusals (第四十二条, 第五十八条,
 * 裁量基准, 第三十三条), masking, scope, concurrency, Excel import and export, board and statistics.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { computeStatistic, queryRows, type Ctx } from '../../../kernel';
import { createTestWorld, type TestClient, type TestWorld } from '../../../../test/support/test-platform';
import { loginAt, readZipEntry } from '../../../../test/support/disclosure-helpers';
import { actVia, caseBody, DECIDE, NOTIFY, setupBody, WAIVE, type CaseSetup } from './test/fixtures';
import { IMPORT_COLUMNS } from './service/import-cases';

const DAY = '2026-11-23';
const stat = async (ctx: Ctx, id: string, args: { year: number; orgId?: number }) => (await computeStatistic(ctx, id, args)).value;

const xlsx = async (rows: (string | number | null)[][], headers: string[] = IMPORT_COLUMNS.map((c) => c.header)): Promise<Blob> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]);
};
const upload = async (client: TestClient, blob: Blob) => {
  const form = new FormData();
  form.append('file', blob, '案件.xlsx');
  return client.request('POST', '/api/enforcement/cases/import', form);
};

describe('行政执法案件：HTTP 主流程、法定拒绝、范围、并发、导入导出与统计', () => {
  let world: TestWorld;
  let a: CaseSetup;
  let b: CaseSetup;
  const as: Record<string, TestClient> = {};
  let mainId = 0;
  let otherId = 0;

  before(async () => {
    world = await createTestWorld({ now: `${DAY}T09:00:00` });
    a = await setupBody(world, world.units.countyADept, '甲县自然资源局（执法主体）');
    b = await setupBody(world, world.units.countyBGov, '乙县综合行政执法局');
    const users = ['staffA', 'liaisonA', 'staffB', 'leaderA', 'leaderB', 'supervisorA', 'office', 'liaisonB'];
    const clients = await loginAt(world, DAY, ...users);
    users.forEach((u, i) => (as[u] = clients[i]!));
    const other = await as.staffB!.post('/api/enforcement/cases', caseBody(b, { title: '乙县某公司违法排污案', partyName: '乙县某化工有限公司', partyKind: 'legal_person', partyIdNumber: null, partyPhone: null, enterpriseRelated: true }));
    assert.equal(other.status, 200, JSON.stringify(other.body));
    otherId = other.body.id;
  });
  after(() => world.close());

  test('行政处罚法第四十二条：执法人员少于两人或无有效执法证的，拒绝登记并说明原因', async () => {
    const one = await as.staffA!.post('/api/enforcement/cases', caseBody(a, { officerIds: [a.officers[0]!.id] }));
    assert.equal(one.status, 422);
    assert.match(JSON.stringify(one.body), /不得少于两人/);
    const noCert = await as.staffA!.post('/api/enforcement/cases', caseBody(a, { officerIds: [a.officers[0]!.id, a.uncertified.id] }));
    assert.equal(noCert.status, 422);
    assert.ok(noCert.body.details.fields.some((f: { path: string; message: string }) => f.path === 'officerIds.1' && f.message.includes(a.uncertified.name) && f.message.includes('没有有效的行政执法证')));
    // Another body's officer is refused too; staffA may not register for 乙县's body.
    assert.equal((await as.staffA!.post('/api/enforcement/cases', caseBody(a, { officerIds: [a.officers[0]!.id, b.officers[0]!.id] }))).status, 422);
    const foreign = await as.staffA!.post('/api/enforcement/cases', caseBody(b));
    assert.equal(foreign.status, 422);
    assert.match(JSON.stringify(foreign.body), /数据范围/);
    // The supervisor reads but does not register cases.
    assert.equal((await as.supervisorA!.post('/api/enforcement/cases', caseBody(a))).status, 403);
  });

  test('主流程：重大案件须经法制审核（第五十八条）→ 基准内罚款决定 → 送达 → 缴纳 → 结案 → 公示 → 门户可查（自然人姓名脱敏）', async () => {
    const created = await as.staffA!.post('/api/enforcement/cases', caseBody(a, { isMajor: true, majorGround: 'complex' }));
    assert.equal(created.status, 200, JSON.stringify(created.body));
    mainId = created.body.id;
    assert.match(created.body.caseNo, /^甲自然资执立〔2026〕1号$/);
    assert.equal(created.body.partyIdNumber, '110***********002X');
    assert.equal(created.body.partyPhone, '138****8000');
    const d0 = await as.staffA!.get(`/api/enforcement/cases/${mainId}`);
    assert.deepEqual(d0.body.transitions.map((t: { name: string }) => t.name), ['investigate']);
    assert.equal(d0.body.deadlines[0].clockKey, 'decision');
    assert.equal(d0.body.deadlines[0].dueDate, '2027-02-22');

    assert.equal((await actVia(as.staffA!, mainId, 'investigate', { investigationNote: '现场检查并录像' })).status, 200);
    // 告知 is required before a penalty decision (第四十四条、第六十二条).
    assert.equal((await actVia(as.staffA!, mainId, 'decide', DECIDE(DAY))).status, 409);
    assert.equal((await actVia(as.staffA!, mainId, 'notify', NOTIFY(DAY))).status, 200);
    // 重大: no decision without a passed review.
    const early = await actVia(as.staffA!, mainId, 'decide', DECIDE(DAY));
    assert.equal(early.status, 409);
    assert.match(early.body.message, /第五十八条/);
    assert.ok(!(await as.staffA!.get(`/api/enforcement/cases/${mainId}`)).body.transitions.some((t: { name: string }) => t.name === 'decide'));
    assert.equal((await actVia(as.staffA!, mainId, 'submitReview', { reason: '提请审核' })).status, 200);
    // Only the 法制审核 holder reviews; staff may not.
    assert.equal((await actVia(as.staffA!, mainId, 'reviewPass', { legalReviewDate: DAY, legalReviewOpinion: '同意' })).status, 403);
    const back = await actVia(as.liaisonA!, mainId, 'reviewReturn', { legalReviewDate: DAY, legalReviewOpinion: '请补充当事人经营场所照片' });
    assert.equal(back.body.status, 'investigating');
    await actVia(as.staffA!, mainId, 'notify', NOTIFY(DAY));
    // Everything happens on one day: the party waives 陈述申辩 on the spot, so the decision may follow (第六十二条).
    assert.equal((await actVia(as.staffA!, mainId, 'waive', WAIVE(DAY))).status, 200);
    await actVia(as.staffA!, mainId, 'submitReview', {});
    const passed = await actVia(as.liaisonA!, mainId, 'reviewPass', { legalReviewDate: DAY, legalReviewOpinion: '主体合法、程序正当、事实清楚、适用依据正确、裁量适当' });
    assert.equal(passed.status, 200);
    assert.equal(passed.body.legalReviewResult, 'passed');
    // Outside the benchmark without a reason: refused; the no-penalty branch needs its 第三十三条 ground and the education record.
    const outside = await actVia(as.staffA!, mainId, 'decide', DECIDE(DAY, { fineYuan: 8000 }));
    assert.equal(outside.status, 422);
    assert.match(JSON.stringify(outside.body), /超出裁量基准.*1000 至 5000 元/);
    const noEdu = await actVia(as.staffA!, mainId, 'decide', DECIDE(DAY, { decisionType: 'no_penalty', fineYuan: null, benchmarkLevel: null, noPenaltyBasis: 'FIRST_MINOR' }));
    assert.equal(noEdu.status, 422);
    assert.match(JSON.stringify(noEdu.body), /教育/);
    const licenceType = await actVia(as.staffA!, mainId, 'decide', DECIDE(DAY, { decisionType: 'grant' }));
    assert.equal(licenceType.status, 422);
    const decided = await actVia(as.staffA!, mainId, 'decide', DECIDE(DAY));
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.fineFen, 300_000);
    assert.equal(decided.body.discretionOutside, false);
    const d1 = (await as.staffA!.get(`/api/enforcement/cases/${mainId}`)).body;
    assert.equal(d1.record.benchmark.level, 'ordinary');
    assert.equal(d1.publication.record.status, 'pending');
    assert.equal(d1.publication.record.targetName, '王**');
    assert.equal(d1.publication.deadlines[0].clockKey, 'publishQuick');
    assert.equal((await actVia(as.staffA!, mainId, 'serve', { servedDate: DAY, serviceMode: 'on_spot' })).status, 200);
    const d2 = (await as.staffA!.get(`/api/enforcement/cases/${mainId}`)).body;
    assert.equal(d2.deadlines.find((c: { clockKey: string }) => c.clockKey === 'payment').dueDate, '2026-12-08');
    assert.equal((await actVia(as.staffA!, mainId, 'execute', { executionMode: 'paid', paidDate: DAY })).status, 200);
    assert.equal((await actVia(as.staffA!, mainId, 'close', { closedDate: DAY })).body.status, 'closed');
    // 公示.
    const pub = d2.publication.record;
    const published = await as.staffA!.post(`/api/enforcement/publications/${pub.id}/transitions/publish`, { version: pub.version, input: { publishedDate: DAY, conclusion: '罚款三千元' } });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    const portal = await world.anonymous('10.0.0.9').get('/api/public/enforcement/publications?q=' + encodeURIComponent('罚款三千元'));
    assert.equal(portal.status, 200);
    assert.equal(portal.body.total, 1);
    assert.equal(portal.body.items[0].targetName, '王**');
    assert.equal(portal.body.items[0].bodyName, '甲县自然资源局（执法主体）');
    assert.ok(!JSON.stringify(portal.body).includes('王建国'));
    assert.ok(!JSON.stringify(portal.body).includes('1101'));
    // 全过程记录 checklist: a 重大 case without audio-visual records on its investigation is flagged.
    const d3 = (await as.staffA!.get(`/api/enforcement/cases/${mainId}`)).body;
    assert.ok(d3.records.avMissing.includes('调查取证 / 现场检查'));
    // Withdrawal after revocation (第四十八条): reason recorded, the portal no longer shows it.
    const p2 = d3.publication.record;
    const req = await as.staffA!.post(`/api/enforcement/publications/${p2.id}/transitions/requestWithdrawal`, { version: p2.version, input: { changedDate: DAY, withdrawGround: 'revoked', reason: '经行政复议被撤销' } });
    assert.equal(req.status, 200);
    const wd = await as.staffA!.post(`/api/enforcement/publications/${p2.id}/transitions/withdraw`, { version: req.body.version, input: { withdrawnDate: DAY } });
    assert.equal(wd.body.status, 'withdrawn');
    assert.equal((await world.anonymous('10.0.0.9').get('/api/public/enforcement/publications')).body.total, 0);
  });

  test('行政处罚法第五十九条：行政处罚决定书载明当事人、事实、处罚及依据、十五日内缴纳（第六十七条）与复议诉讼期限', async () => {
    const res = await as.staffA!.get(`/api/enforcement/cases/${mainId}/decision-document`);
    assert.equal(res.status, 200);
    const xml = readZipEntry(res.raw, 'word/document.xml')!.toString('utf8');
    for (const text of ['行政处罚决定书', '甲市监罚决〔2026〕1号', '当事人：王建国（公民）', '经查明：经查，当事人未取得食品经营许可', '罚款金额人民币3000.00元', '自收到本决定书之日起十五日内', '六十日内依法申请行政复议', '六个月内依法向人民法院提起行政诉讼', '本案经法制审核']) {
      assert.ok(xml.includes(text), `决定书应含“${text}”`);
    }
    // Another county's staff cannot reach it; a case without a penalty decision has no such document.
    assert.equal((await as.staffB!.get(`/api/enforcement/cases/${mainId}/decision-document`)).status, 404);
    const open = await as.staffA!.post('/api/enforcement/cases', caseBody(a, { caseNo: '甲自然资执立〔2026〕99号' }));
    const none = await as.staffA!.get(`/api/enforcement/cases/${open.body.id}/decision-document`);
    assert.equal(none.status, 409);
    assert.match(none.body.message, /只有已作出行政处罚决定的案件/);
  });

  test('法制审核人员不能是本案承办人员', async () => {
    // liaisonA registers (report) and then cannot review the case it registered.
    const c = await as.liaisonA!.post('/api/enforcement/cases', caseBody(a, { isMajor: true, majorGround: 'public_interest' }));
    await actVia(as.liaisonA!, c.body.id, 'investigate', {});
    await actVia(as.liaisonA!, c.body.id, 'notify', NOTIFY(DAY));
    await actVia(as.liaisonA!, c.body.id, 'submitReview', {});
    const self = await actVia(as.liaisonA!, c.body.id, 'reviewPass', { legalReviewDate: DAY, legalReviewOpinion: '同意' });
    assert.equal(self.status, 422);
    assert.match(JSON.stringify(self.body), /不能是本案的承办人员/);
  });

  test('范围：本单位、他县、领导、本辖区司法局（只看不办）、依法治市办；范围外 404', async () => {
    const ids = async (u: string) => ((await as[u]!.get('/api/enforcement/cases?pageSize=200')).body.items as { id: number }[]).map((r) => r.id);
    assert.ok((await ids('staffA')).includes(mainId));
    assert.ok(!(await ids('staffA')).includes(otherId));
    assert.deepEqual(await ids('staffB'), [otherId]);
    assert.ok((await ids('leaderA')).includes(mainId) && !(await ids('leaderA')).includes(otherId));
    assert.ok((await ids('supervisorA')).includes(mainId) && !(await ids('supervisorA')).includes(otherId));
    assert.ok((await ids('office')).includes(mainId) && (await ids('office')).includes(otherId));
    assert.equal((await as.staffA!.get(`/api/enforcement/cases/${otherId}`)).status, 404);
    assert.equal((await as.supervisorA!.get(`/api/enforcement/cases/${otherId}`)).status, 404);
    assert.equal((await as.liaisonB!.get(`/api/enforcement/cases/${mainId}`)).status, 404);
    // The supervisor sees the case and exports, but is offered no action and cannot move it.
    const sup = await as.supervisorA!.get(`/api/enforcement/cases/${otherId === 0 ? mainId : mainId}`);
    assert.equal(sup.status, 200);
    assert.deepEqual(sup.body.transitions, []);
    const exp = await as.supervisorA!.get('/api/enforcement/cases/export');
    assert.equal(exp.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.raw as unknown as ArrayBuffer);
    const cells = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    assert.ok(cells.includes('甲县自然资源局（执法主体）') && !cells.includes('乙县综合行政执法局'));
    assert.ok(!cells.includes('11010519491231002X'));
    assert.equal((await as.leaderA!.get('/api/enforcement/cases/export')).status, 403);
    // Board and statistics within scope.
    const boardA = (await as.supervisorA!.get('/api/enforcement/cases/board?year=2026')).body;
    const boardAll = (await as.office!.get('/api/enforcement/cases/board?year=2026')).body;
    assert.ok(boardAll.figures['enforcement.cases'] > boardA.figures['enforcement.cases']);
    assert.ok(!boardA.byBody.some((r: { name: string }) => r.name === '乙县综合行政执法局'));
  });

  test('并发：两人同时对同一版本办理，一人成功，另一人 409', async () => {
    const c = await as.staffA!.post('/api/enforcement/cases', caseBody(a));
    const v = c.body.version;
    const [r1, r2] = await Promise.all([
      as.staffA!.post(`/api/enforcement/cases/${c.body.id}/transitions/investigate`, { version: v, input: {} }),
      as.liaisonA!.post(`/api/enforcement/cases/${c.body.id}/transitions/investigate`, { version: v, input: {} }),
    ]);
    assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
  });

  test('错误输入：中文字段提示，不写入', async () => {
    const r = await as.staffA!.post('/api/enforcement/cases', caseBody(a, { isMajor: true, majorGround: null, partyIdNumber: '110105194912310021', filedDate: '2026-13-01', title: '案' }));
    assert.equal(r.status, 422);
    const paths = r.body.details.fields.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(paths, ['filedDate', 'majorGround', 'partyIdNumber', 'title']);
    const future = await as.staffA!.post('/api/enforcement/cases', caseBody(a, { filedDate: '2026-11-24' }));
    assert.equal(future.status, 422);
    const dup = await as.staffA!.post('/api/enforcement/cases', caseBody(a, { caseNo: '甲自然资执立〔2026〕1号' }));
    assert.equal(dup.status, 409);
  });

  test('Excel 导入：逐行错误报告且全部不写入；无误时批量写入为已决定 / 已结案，一条导入审计', async () => {
    const before = (await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from enforcement_case`))[0]!.n;
    const bad = await upload(as.supervisorA!, await xlsx([
      ['甲县自然资源局（执法主体）', '甲历〔2025〕1号', '行政处罚', '某公司违法占地案', '某建材公司', '法人', '是', '否', '2025-03-01', '2025-04-01', '2025-05-01', 3000, null],
      ['乙县综合行政执法局', '乙历〔2025〕1号', '行政处罚', '某公司违法排污案', '某化工公司', '法人', '是', '否', '2025-03-01', '2025-04-01', null, 3000, null],
      ['甲县自然资源局（执法主体）', '甲历〔2025〕2号', '行政奖励', '某案', '张三', '自然人', '否', '否', '2025-03-01', '2025-02-01', null, null, null],
      ['甲县自然资源局（执法主体）', '甲历〔2025〕1号', '行政检查', '对某公司的检查', '某建材公司', '法人', '是', '否', '2025-03-01', '2025-03-01', null, 100, 'NOPE'],
    ]));
    assert.equal(bad.status, 422);
    const rows = bad.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    assert.deepEqual(rows, ['3:bodyName', '4:kind', '4:title', '4:decidedDate', '5:caseNo', '5:fine', '5:itemCode']);
    assert.match(bad.body.message, /7 处错误，未导入任何数据/);
    const mid = (await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from enforcement_case`))[0]!.n;
    assert.equal(mid, before);
    const ok = await upload(as.supervisorA!, await xlsx([
      ['甲县自然资源局（执法主体）', '甲历〔2025〕1号', '行政处罚', '某建材公司违法占地案', '某建材公司', '法人', '是', '否', '2025-03-01', '2025-04-01', '2025-05-01', 9000, a.items.penalty ? 'CF-NONE' : null],
    ].map((r) => r.slice(0, 12).concat([null]))));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.created, 1);
    const [row] = await queryRows<{ status: string; imported: boolean; fine_fen: number }>(world.platform.services.db, sql`select status, imported, fine_fen::int from enforcement_case where case_no = '甲历〔2025〕1号'`);
    assert.deepEqual(row, { status: 'closed', imported: true, fine_fen: 900_000 });
    const audits = await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from audit_log where action = 'case.import' and module = 'enforcement'`);
    assert.equal(audits[0]!.n, 1);
    // Staff may not import.
    assert.equal((await upload(as.staffA!, await xlsx([]))).status, 403);
  });

  test('统计：按年度与范围计数，法制审核率、按期决定率、超出基准数', async () => {
    const ctxA = await world.ctxAs('supervisorA');
    const ctxB = await world.ctxAs('staffB');
    assert.equal(await stat(ctxB, 'enforcement.cases', { year: 2026 }), 1);
    assert.equal(await stat(ctxB, 'enforcement.enterprise_cases', { year: 2026 }), 1);
    const cases2026 = await stat(ctxA, 'enforcement.cases', { year: 2026 });
    assert.equal(await stat(ctxA, 'enforcement.cases.penalty', { year: 2026 }), cases2026);
    assert.equal(await stat(ctxA, 'enforcement.major_cases', { year: 2026 }), 2);
    // One 重大 case decided, with a passed review: 100%.
    assert.equal(await stat(ctxA, 'enforcement.legal_review_coverage', { year: 2026 }), 100);
    assert.equal(await stat(ctxA, 'enforcement.decision_on_time_rate', { year: 2026 }), 100);
    // The imported 2025 case: 9,000 元 has no benchmark of its item (none given) → not flagged; decided within 90 days.
    assert.equal(await stat(ctxA, 'enforcement.cases', { year: 2025 }), 1);
    assert.equal(await stat(ctxA, 'enforcement.discretion_outside', { year: 2026 }), 0);
    assert.equal(await stat(ctxA, 'enforcement.cases', { year: 2026, orgId: world.units.countyBGov }), 0);
    // Office sees both counties.
    assert.equal(await stat(await world.ctxAs('office'), 'enforcement.cases', { year: 2026 }), cases2026! + 1);
  });
});
