/**
 * 行政应诉 over HTTP: the main path (register with service date → defence → hearing with the deputy head →
 * judgment → no appeal, .docx 答辩状), masking and the audited reveal, scope (liaisons of two agencies, the
 * 司法局 coordinator with 本辖区 scope, leaders, office) on lists, detail, export, board and statistics,
 * concurrency (409), bad input, Excel import with its per-row report, statistics values, the 三色预警 board,
 * its thresholds (409 on a stale version) and the risk signals for 督察.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { actVia, caseBody, ctxAt, hearingBody, hearingOn, newCase, registerVia, step } from './test/fixtures';
import { countRows, loginAt, readZipEntry } from '../../../test/support/disclosure-helpers';
import { computeStatistic } from '../../kernel';
import { addSuggestion, transitionSuggestion } from './service/case-records';
import { IMPORT_COLUMNS } from './service/import-cases';

const DAY = '2026-11-23';
const WRITTEN = ['litigation_case', 'litigation_hearing', 'case_clock', 'todo', 'number_sequence', 'case_transition'] as const;

describe('行政应诉：HTTP 主流程、范围、并发、错误输入、导入导出', () => {
  let world: TestWorld;
  const as: Record<string, TestClient> = {};
  let mainId = 0;
  let otherId = 0;

  before(async () => {
    world = await createTestWorld({ now: `${DAY}T09:00:00` });
    otherId = (await newCase(world, '2026-11-02', { orgId: world.units.countyBGov, courtCaseNo: '（2026）测0203行初7号' }, 'liaisonB')).id;
    const users = ['liaisonA', 'liaisonAGov', 'liaisonB', 'litigationA', 'leaderA', 'leaderB', 'office', 'handlerA'];
    const clients = await loginAt(world, DAY, ...users);
    users.forEach((u, i) => (as[u] = clients[i]!));
  });
  after(() => world.close());

  test('主流程：法制员登记（含送达日期）→ 答辩期限 → 提交答辩 → 副职负责人出庭 → 判决驳回诉讼请求 → 不上诉结案；答辩状 .docx', async () => {
    const [h] = await loginAt(world, '2026-11-02', 'liaisonA');
    const c = await registerVia(h!, world, { filedDate: '2026-10-28', servedDate: '2026-11-02', afterReconsideration: true, reconsiderationDecisionNo: '甲司复决〔2026〕3号', thirdParties: '李四' });
    mainId = c.id;
    assert.match(c.caseNo, /^甲自然资应〔2026〕\d+号$/);
    assert.equal(c.status, 'defending');
    const d0 = await h!.get(`/api/litigation/cases/${c.id}`);
    assert.equal(d0.body.record.plaintiffs[0].idNumber, '110***********002X');
    assert.equal(d0.body.record.plaintiffs[0].phone, '138****8000');
    const defence = d0.body.deadlines.find((x: { clockKey: string }) => x.clockKey === 'defence');
    assert.equal(defence.dueDate, '2026-11-17');
    assert.deepEqual(d0.body.transitions.map((t: { name: string }) => t.name).sort(), ['applyEvidenceExtension', 'dismiss', 'fileDefence', 'mediate', 'withdraw']);
    // The list shows the defence deadline beside the row.
    const list = await h!.get('/api/litigation/cases?status=defending');
    assert.equal(list.body.items.find((i: { id: number }) => i.id === c.id).deadline.clockKey, 'defence');
    const rev = await h!.post(`/api/litigation/cases/${c.id}/reveal`, { reason: '核对原告联系方式' });
    assert.equal(rev.body.plaintiffs[0].idNumber, '11010519491231002X');
    assert.equal((await as.office!.post(`/api/litigation/cases/${c.id}/reveal`, { reason: '核对原告联系方式' })).status, 403);

    const [h2] = await loginAt(world, '2026-11-10', 'liaisonA');
    assert.equal((await actVia(h2!, c.id, 'fileDefence', { defenceFiledDate: '2026-11-10', evidenceList: '1. 行政处罚决定书\n2. 现场勘验笔录', defenceSummary: '被诉处罚决定事实清楚，程序合法。' })).status, 200);
    const doc = await h2!.get(`/api/litigation/cases/${c.id}/defence-document`);
    assert.equal(doc.status, 200);
    const xml = readZipEntry(doc.raw, 'word/document.xml')!.toString('utf8');
    for (const s of ['行政诉讼答辩状', '答辩人：甲县自然资源局', '被答辩人（原告）：张三', '第三人：李四', '第六十七条', '现场勘验笔录', '甲县人民法院', '（2026）测0102行初15号']) assert.ok(xml.includes(s), s);
    assert.ok(!xml.includes('11010519491231002X'), '答辩状不含身份证号');

    const [h3] = await loginAt(world, '2026-11-20', 'liaisonA');
    const hearing = await h3!.post(`/api/litigation/cases/${c.id}/hearings`, { ...hearingBody({ hearingDate: '2026-11-20', noticeServedDate: '2026-11-16', identityFiledDate: '2026-11-19' }) });
    assert.equal(hearing.status, 200, JSON.stringify(hearing.body));
    assert.equal(hearing.body.noticeLate, false);
    const d1 = await h3!.get(`/api/litigation/cases/${c.id}`);
    assert.equal(d1.body.record.status, 'heard');
    assert.deepEqual(d1.body.appearance, { held: 1, head: 1, rate: 100 });
    const judged = await actVia(h3!, c.id, 'judge', { outcome: 'reject_claim', judgmentDate: '2026-11-20', judgmentServedDate: '2026-11-20' });
    assert.equal(judged.status, 200, JSON.stringify(judged.body));
    assert.equal(judged.body.lost, false);
    const lossReason = await actVia(h3!, c.id, 'noAppeal', { closedDate: '2026-11-19', reason: '服判' });
    assert.equal(lossReason.status, 422, '不上诉日期不能早于送达日期');
    const [h4] = await loginAt(world, DAY, 'liaisonA');
    assert.equal((await actVia(h4!, c.id, 'noAppeal', { closedDate: DAY, reason: '判决驳回原告诉讼请求，原告未上诉' })).status, 200);
    const d2 = await h4!.get(`/api/litigation/cases/${c.id}`);
    assert.equal(d2.body.record.status, 'closed');
    assert.deepEqual(d2.body.transitions, []);
    assert.deepEqual(
      d2.body.history.map((x: { transition: string }) => x.transition),
      ['receiveComplaint', 'fileDefence', 'hold', 'judge', 'noAppeal'],
    );
  });

  test('数据范围：法制员只见本机关案件，县司法局见本县全部，乙县领导只见乙县，依法治市办全部；范围外详情 404', async () => {
    const [la, lag, lb, ja, leaderA, leaderB, office, handler] = await loginAt(world, DAY, 'liaisonA', 'liaisonAGov', 'liaisonB', 'litigationA', 'leaderA', 'leaderB', 'office', 'handlerA');
    const ids = async (c: TestClient) => ((await c.get('/api/litigation/cases?pageSize=200')).body.items as { id: number; orgId: number }[]);
    const a = await ids(la!);
    assert.ok(a.length >= 1 && a.every((i) => i.orgId === world.units.countyADept));
    assert.deepEqual(await ids(lag!), []);
    assert.deepEqual((await ids(lb!)).map((i) => i.id), [otherId]);
    assert.deepEqual((await ids(ja!)).map((i) => i.id).sort(), a.map((i) => i.id).sort());
    assert.deepEqual((await ids(leaderA!)).map((i) => i.id).sort(), a.map((i) => i.id).sort());
    assert.deepEqual((await ids(leaderB!)).map((i) => i.id), [otherId]);
    assert.equal((await ids(office!)).length, a.length + 1);
    assert.equal((await handler!.get('/api/litigation/cases')).status, 403);
    assert.equal((await la!.get(`/api/litigation/cases/${otherId}`)).status, 404);
    assert.equal((await lag!.get(`/api/litigation/cases/${mainId}`)).status, 404);
    assert.equal((await ja!.get(`/api/litigation/cases/${otherId}`)).status, 404);
    assert.equal((await office!.get(`/api/litigation/cases/${otherId}`)).status, 200);
    // Registering for another agency: a liaison only for its own, the coordinator within its county.
    assert.equal((await la!.post('/api/litigation/cases', caseBody(world, { orgId: world.units.countyAGov }))).status, 422);
    assert.equal((await ja!.post('/api/litigation/cases', caseBody(world, { orgId: world.units.countyAGov, courtCaseNo: '（2026）测0102行初99号' }))).status, 200);
    assert.equal((await ja!.post('/api/litigation/cases', caseBody(world, { orgId: world.units.countyBGov }))).status, 422);
    // Export honours scope; liaisons may not export, the coordinator and the office may.
    assert.equal((await la!.get('/api/litigation/cases/export')).status, 403);
    const rows = async (c: TestClient) => {
      const res = await c.get('/api/litigation/cases/export');
      assert.equal(res.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
      return wb.worksheets[0]!.rowCount - 1;
    };
    const seenByJa = (await ids(ja!)).length;
    assert.equal(await rows(ja!), seenByJa);
    assert.equal(await rows(office!), seenByJa + 1);
    // Statistics and the board honour scope and orgId.
    const stat = async (c: TestClient, q = '') => (await c.get(`/api/litigation/statistics?year=2026${q}`)).body.items.find((i: { id: string }) => i.id === 'litigation.cases').value;
    assert.equal(await stat(office!), seenByJa + 1);
    assert.equal(await stat(office!, `&orgId=${world.units.countyA}`), seenByJa);
    assert.equal(await stat(lb!), 1);
    assert.equal(await stat(la!), a.length);
    const board = async (c: TestClient) => ((await c.get('/api/litigation/board?year=2026')).body.items as { orgId: number }[]).map((i) => i.orgId).sort();
    assert.deepEqual(await board(lb!), [world.units.countyBGov]);
    assert.ok(!(await board(ja!)).includes(world.units.countyBGov));
    assert.ok((await board(office!)).includes(world.units.countyBGov));
    assert.equal((await computeStatistic(await world.ctxAs('leaderB'), 'litigation.cases', { year: 2026 })).value, 1);
    assert.equal((await computeStatistic(await world.ctxAs('leaderA'), 'litigation.cases', { year: 2026, orgId: world.units.countyB })).value, 0);
  });

  test('并发：两人以同一版本办理，一人成功、一人 409；庭审记录的过期版本 409', async () => {
    const [h1, h2] = await loginAt(world, DAY, 'liaisonA', 'litigationA');
    const c = await registerVia(h1!, world, { filedDate: DAY, servedDate: DAY, courtCaseNo: '（2026）测0102行初50号' });
    const [r1, r2] = await Promise.all([
      h1!.post(`/api/litigation/cases/${c.id}/transitions/fileDefence`, { version: c.version, input: { defenceFiledDate: DAY, evidenceList: '1. 决定书' } }),
      h2!.post(`/api/litigation/cases/${c.id}/transitions/withdraw`, { version: c.version, input: { judgmentDate: DAY, reason: '原告撤诉' } }),
    ]);
    assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
    const d = await h1!.get(`/api/litigation/cases/${c.id}`);
    assert.equal(d.body.record.version, c.version + 1);
    const c2 = await registerVia(h1!, world, { filedDate: DAY, servedDate: DAY, courtCaseNo: '（2026）测0102行初51号' });
    assert.equal((await actVia(h1!, c2.id, 'fileDefence', { defenceFiledDate: DAY, evidenceList: '1. 决定书' })).status, 200);
    const scheduled = hearingBody({ hearingDate: '2026-12-01', noticeServedDate: DAY, identityFiledDate: null, attendance: null, headName: null, headPost: null, headSpoke: null });
    const hr = await h1!.post(`/api/litigation/cases/${c2.id}/hearings`, scheduled);
    assert.equal(hr.status, 200, JSON.stringify(hr.body));
    const [u1, u2] = await Promise.all([
      h1!.request('PUT', `/api/litigation/hearings/${hr.body.id}`, { ...scheduled, courtRoom: '第二法庭', version: 1 }),
      h2!.request('PUT', `/api/litigation/hearings/${hr.body.id}`, { ...scheduled, courtRoom: '第三法庭', version: 1 }),
    ]);
    assert.deepEqual([u1.status, u2.status].sort(), [200, 409]);
  });

  test('错误输入：具体字段的中文错误，且不写入任何数据', async () => {
    const [h] = await loginAt(world, DAY, 'liaisonA');
    const before = await countRows(world, WRITTEN);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ cause: '城市管理' }, 'cause', /案由/],
      [{ courtCaseNo: '2026-123' }, 'courtCaseNo', /案号/],
      [{ plaintiffs: [] }, 'plaintiffs', /至少/],
      [{ plaintiffs: [{ name: '张三', type: 'citizen', idNumber: '110105194912310021' }] }, 'plaintiffs.0.idNumber', /身份证/],
      [{ filedDate: '2026-11-24', servedDate: null }, 'filedDate', /晚于今天/],
      [{ servedDate: '2026-11-10' }, 'servedDate', /立案日期/],
      [{ instance: 'first', parentCaseId: mainId }, 'parentCaseId', /一审/],
      [{ reconsiderationDecisionNo: '甲司复决〔2026〕3号' }, 'reconsiderationDecisionNo', /未经行政复议/],
    ];
    for (const [over, path, msg] of cases) {
      const res = await h!.post('/api/litigation/cases', caseBody(world, over));
      assert.equal(res.status, 422, JSON.stringify(over));
      const f = res.body.details.fields.find((x: { path: string }) => x.path === path);
      assert.ok(f, `${path}: ${JSON.stringify(res.body.details.fields)}`);
      assert.match(f.message, msg);
    }
    assert.deepEqual(await countRows(world, WRITTEN), before);
    // A hearing: a head appearing needs name, post and whether the head spoke; staff only needs a reason.
    const c = await newCase(world, '2026-11-02');
    await step(world, '2026-11-03', c.id, 'fileDefence', { defenceFiledDate: '2026-11-03', evidenceList: '1. 决定书' });
    const [h2] = await loginAt(world, DAY, 'liaisonA');
    const mid = await countRows(world, WRITTEN);
    const bad = async (over: Record<string, unknown>, path: string) => {
      const res = await h2!.post(`/api/litigation/cases/${c.id}/hearings`, hearingBody({ hearingDate: '2026-11-20', noticeServedDate: '2026-11-16', identityFiledDate: '2026-11-19', ...over }));
      assert.equal(res.status, 422, JSON.stringify(over));
      assert.ok(res.body.details.fields.some((x: { path: string }) => x.path === path), `${path}: ${JSON.stringify(res.body.details.fields)}`);
    };
    await bad({ headName: null }, 'headName');
    await bad({ headSpoke: null }, 'headSpoke');
    await bad({ attendance: 'staff', headName: null, headPost: null, headSpoke: null }, 'absenceReason');
    await bad({ attendance: null }, 'attendance');
    await bad({ hearingDate: '2026-12-01', noticeServedDate: DAY }, 'attendance');
    await bad({ attendance: 'boss' }, 'attendance');
    assert.equal((await actVia(h2!, c.id, 'judge', { outcome: 'revoke', judgmentDate: DAY, judgmentServedDate: DAY })).status, 422, '败诉须填原因');
    assert.equal((await actVia(h2!, c.id, 'judge', { outcome: 'reject_claim', lossReason: 'procedure', judgmentDate: DAY, judgmentServedDate: DAY })).status, 422);
    assert.equal((await actVia(h2!, c.id, 'judge', { outcome: 'mediated', judgmentDate: DAY, judgmentServedDate: DAY })).status, 422, '调解不是判决结果');
    assert.equal((await actVia(h2!, c.id, 'fly', {})).status, 404);
    assert.deepEqual(await countRows(world, WRITTEN), mid);
  });

  test('Excel 导入：任一行有误全部不写入并返回逐行错误；全部正确则导入', async () => {
    const [h] = await loginAt(world, DAY, 'litigationA');
    const row = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
      orgName: '甲县自然资源局',
      courtName: '甲县人民法院',
      courtCaseNo: '（2026）测0102行初201号',
      instance: '一审',
      procedure: '普通程序',
      plaintiffType: '公民',
      plaintiffName: '赵六',
      cause: '行政处罚',
      contestedAct: '行政处罚决定',
      afterReconsideration: '否',
      filedDate: '2026-11-10',
      servedDate: '2026-11-12',
      ...over,
    });
    const book = async (rows: Record<string, unknown>[]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('行政诉讼');
      ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
      for (const r of rows) ws.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = (data: Buffer) => {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(data)], '导入.xlsx'));
      return h!.request('POST', '/api/litigation/cases/import', form);
    };
    const before = await countRows(world, WRITTEN);
    const bad = await upload(await book([row(), row({ cause: '城管', plaintiffName: '' }), row({ orgName: '乙县人民政府办公室' }), row({ courtCaseNo: '123号' })]));
    assert.equal(bad.status, 422);
    const errs = bad.body.errors as { row: number; field: string; message: string }[];
    assert.ok(errs.some((e) => e.row === 3 && e.field === 'cause' && /案由/.test(e.message)), JSON.stringify(errs));
    assert.ok(errs.some((e) => e.row === 4 && e.field === 'orgName'), JSON.stringify(errs));
    assert.ok(errs.some((e) => e.row === 5 && e.field === 'courtCaseNo'), JSON.stringify(errs));
    assert.deepEqual(await countRows(world, WRITTEN), before);
    const ok = await upload(await book([row(), row({ plaintiffName: '某公司', plaintiffType: '法人', servedDate: null, orgName: '甲县人民政府办公室' })]));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.created, 2);
    const after = await countRows(world, WRITTEN);
    assert.equal(after.litigation_case, before.litigation_case! + 2);
    // The served row is answering (defence clock running), the other waits for the copy.
    const listed = (await h!.get(`/api/litigation/cases?q=${encodeURIComponent('（2026）测0102行初201号')}`)).body.items as { status: string }[];
    assert.deepEqual(listed.map((i) => i.status).sort(), ['defending', 'registered']);
  });
});

describe('行政应诉统计与三色预警：数值', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: `${DAY}T09:00:00` });
    const U = world.units;
    // 甲县自然资源局: 3 cases, 2 judged (1 lost), hearings: deputy, lawyer only → 50%, red.
    const a1 = await newCase(world, '2026-03-02', { afterReconsideration: true, reconsiderationDecisionNo: '甲司复决〔2026〕1号' });
    await step(world, '2026-03-10', a1.id, 'fileDefence', { defenceFiledDate: '2026-03-10', evidenceList: '1' });
    await hearingOn(world, '2026-04-10', a1.id);
    await step(world, '2026-05-10', a1.id, 'judge', { outcome: 'revoke', lossReason: 'procedure', judgmentDate: '2026-05-08', judgmentServedDate: '2026-05-10' });
    const a2 = await newCase(world, '2026-03-02', { courtCaseNo: '（2026）测0102行初16号' });
    await step(world, '2026-03-10', a2.id, 'fileDefence', { defenceFiledDate: '2026-03-10', evidenceList: '1' });
    await hearingOn(world, '2026-04-20', a2.id, { attendance: 'lawyer_only', headName: null, headPost: null, headSpoke: null, absenceReason: 'other_justified', absenceProof: '负责人参加防汛会议' });
    await step(world, '2026-05-10', a2.id, 'judge', { outcome: 'reject_claim', judgmentDate: '2026-05-08', judgmentServedDate: '2026-05-10' });
    await newCase(world, '2026-11-20', { courtCaseNo: '（2026）测0102行初17号' });
    // 甲县人民政府办公室: 1 case, principal head appeared, not lost; an overdue 司法建议 → yellow.
    const g1 = await newCase(world, '2026-02-02', { orgId: U.countyAGov, courtCaseNo: '（2026）测0102行初18号' }, 'liaisonAGov');
    await step(world, '2026-02-10', g1.id, 'fileDefence', { defenceFiledDate: '2026-02-10', evidenceList: '1' }, 'liaisonAGov');
    await hearingOn(world, '2026-03-10', g1.id, { attendance: 'principal', headName: '王主任', headPost: '主任' }, 'liaisonAGov');
    await step(world, '2026-04-10', g1.id, 'judge', { outcome: 'reject_claim', judgmentDate: '2026-04-08', judgmentServedDate: '2026-04-10' }, 'liaisonAGov');
    const ctx = await ctxAt(world, '2026-06-01', 'liaisonAGov');
    await addSuggestion(ctx, g1.id, { receivedDate: '2026-06-01', content: '建议规范政府信息公开答复', dueDate: '2026-07-01' });
    const s2 = await addSuggestion(ctx, g1.id, { receivedDate: '2026-06-01', content: '建议加强应诉工作', dueDate: '2026-07-01' });
    await transitionSuggestion(await ctxAt(world, '2026-06-20', 'liaisonAGov'), s2.id, 'recordReply', { version: s2.version, input: { replyDate: '2026-06-20', replySummary: '已整改' } });
    world.clock.set(`${DAY}T09:00:00`);
  });
  after(() => world.close());

  test('统计项：收案、审结、败诉、败诉率、开庭、出庭率（按庭次、按案件）、复议后起诉、司法建议与回复率', async () => {
    const ctx = await world.ctxAs('litigationA');
    const v = async (id: string, orgId?: number) => (await computeStatistic(ctx, id, { year: 2026, ...(orgId ? { orgId } : {}) })).value;
    assert.equal(await v('litigation.cases'), 4);
    assert.equal(await v('litigation.judged'), 3);
    assert.equal(await v('litigation.lost'), 1);
    assert.equal(await v('litigation.loss_rate'), 33.3);
    assert.equal(await v('litigation.hearings'), 3);
    assert.equal(await v('litigation.head_appearance_rate'), 66.7);
    assert.equal(await v('litigation.head_appearance_case_rate'), 66.7);
    assert.equal(await v('litigation.after_reconsideration'), 1);
    assert.equal(await v('litigation.judicial_suggestions'), 2);
    assert.equal(await v('litigation.suggestion_reply_rate'), 50);
    assert.equal(await v('litigation.head_appearance_rate', world.units.countyADept), 50);
    assert.equal(await v('litigation.loss_rate', world.units.countyAGov), 0);
    // A liaison sees only its agency; another county sees nothing.
    assert.equal((await computeStatistic(await world.ctxAs('liaisonAGov'), 'litigation.cases', { year: 2026 })).value, 1);
    assert.equal((await computeStatistic(await world.ctxAs('leaderB'), 'litigation.hearings', { year: 2026 })).value, 0);
  });

  test('三色预警：自然资源局红色（败诉率 50%、出庭率 50%、仅律师出庭），政府办黄色（司法建议逾期回复）；督察风险清单只列范围内单位', async () => {
    const [ja, office, lb, la] = await loginAt(world, DAY, 'litigationA', 'office', 'liaisonB', 'liaisonA');
    const board = (await ja!.get('/api/litigation/board?year=2026')).body as { items: { orgId: number; color: string; reasons: string[]; lossRate: number; appearanceRate: number; noShow: number; overdueSuggestions: number }[] };
    const dept = board.items.find((i) => i.orgId === world.units.countyADept)!;
    assert.equal(dept.color, 'red');
    assert.equal(dept.lossRate, 50);
    assert.equal(dept.appearanceRate, 50);
    assert.equal(dept.noShow, 1);
    assert.ok(dept.reasons.some((r) => r.includes('仅委托律师')));
    const gov = board.items.find((i) => i.orgId === world.units.countyAGov)!;
    assert.equal(gov.color, 'yellow');
    assert.equal(gov.overdueSuggestions, 1);
    const risks = (await office!.get('/api/risk-signals?module=litigation')).body.items as { orgId: number; level: string; link: string }[];
    assert.deepEqual(risks.map((r) => `${r.orgId}:${r.level}`).sort(), [`${world.units.countyADept}:red`, `${world.units.countyAGov}:yellow`].sort());
    assert.match(risks[0]!.link, /^\/litigation\/warnings\?year=2026&orgId=\d+$/);
    assert.deepEqual((await lb!.get('/api/risk-signals?module=litigation')).body.items, []);
    assert.deepEqual(((await la!.get('/api/risk-signals?module=litigation')).body.items as { orgId: number }[]).map((r) => r.orgId), [world.units.countyADept]);

    // Thresholds: raising red to 60% / below 40% and no-show off makes the agency yellow; a stale version is 409.
    const rule = (await ja!.get('/api/litigation/warning-rule?year=2026')).body;
    assert.equal(rule.version, 0);
    assert.equal(rule.redLossRate, 20);
    const { updatedAt: _u, ...base } = rule;
    const saved = await ja!.request('PUT', '/api/litigation/warning-rule', { ...base, redLossRate: 60, redAppearanceBelow: 40, redNoShow: 0 });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.version, 1);
    assert.equal((await ja!.request('PUT', '/api/litigation/warning-rule', { ...base, redLossRate: 70 })).status, 409);
    assert.equal((await la!.request('PUT', '/api/litigation/warning-rule', { ...base, version: 1 })).status, 403);
    assert.equal((await ja!.request('PUT', '/api/litigation/warning-rule', { ...base, version: 1, yellowLossRate: 80 })).status, 422);
    const again = (await ja!.get('/api/litigation/board?year=2026')).body as { items: { orgId: number; color: string }[] };
    assert.equal(again.items.find((i) => i.orgId === world.units.countyADept)!.color, 'yellow');
  });
});
