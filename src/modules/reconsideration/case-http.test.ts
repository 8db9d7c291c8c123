/**
 * 行政复议 over HTTP: the main path (register → accept → copy → answer → hearing → draft → approve → .docx),
 * personal data masking and the audited reveal, the portal, scope (handler, approver, leaders, office,
 * liaisons), concurrency, bad input, Excel import and export, and the statistics.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { actVia, caseBody, ctxAt, newCase, registerCaseVia, step } from './test/fixtures';
import { countRows, loginAt, readZipEntry } from '../../../test/support/disclosure-helpers';
import { insertCase } from './service/register-case';
import { computeStatistic } from '../../kernel';
import { IMPORT_COLUMNS } from './service/import-cases';
import type { RegisterCaseInput } from './contract';

const DAY = '2026-11-23';
const WRITTEN = ['reconsideration_case', 'case_clock', 'todo', 'number_sequence', 'case_transition'] as const;

describe('行政复议：HTTP 主流程、范围、并发、导入导出与统计', () => {
  let world: TestWorld;
  const as: Record<string, TestClient> = {};
  let mainId = 0;
  let otherCountyId = 0;

  before(async () => {
    world = await createTestWorld({ now: `${DAY}T09:00:00` });
    // A case at 乙县 (another 复议机构), inserted directly: nobody in 甲县 may see it.
    const sys = world.systemCtx();
    otherCountyId = (await sys.db.transaction((tx) => insertCase(tx, { ...sys, db: tx }, caseBody(world, { orgId: world.units.countyB, respondentOrgId: world.units.countyBGov }) as RegisterCaseInput))).id;
    const users = ['reconA', 'reconApproverA', 'leaderA', 'leaderB', 'office', 'liaisonA', 'liaisonB', 'handlerA'];
    const clients = await loginAt(world, DAY, ...users);
    users.forEach((u, i) => (as[u] = clients[i]!));
  });
  after(() => world.close());

  test('主流程：登记→受理→送达副本→答复→听证→拟定决定→负责人批准→编号的决定书（.docx，告知十五日内起诉）', async () => {
    world.clock.set('2026-10-09T09:00:00');
    const [h, a] = await loginAt(world, '2026-10-09', 'reconA', 'reconApproverA');
    const c = await registerCaseVia(h!, world, {
      receivedDate: '2026-10-09',
      knewDate: '2026-10-08',
      actDate: '2026-10-01',
      thirdParties: [{ name: '李四', type: 'citizen', idNumber: null, phone: null, address: null }],
      agent: { name: '王律师', type: 'citizen', idNumber: null, phone: '13900001111', address: null },
    });
    mainId = c.id;
    assert.match(c.caseNo, /^甲司复〔2026〕\d+号$/);
    assert.equal(c.status, 'received');
    // Personal data is masked in views.
    const d0 = await h!.get(`/api/reconsideration/cases/${c.id}`);
    assert.equal(d0.body.record.applicants[0].idNumber, '110***********002X');
    assert.equal(d0.body.record.applicants[0].phone, '138****8000');
    assert.deepEqual(d0.body.transitions.map((t: { name: string }) => t.name).sort(), ['accept', 'acceptSimplified', 'decline', 'forward', 'requestCorrection', 'withdraw']);
    assert.equal((await h!.post(`/api/reconsideration/cases/${c.id}/reveal`, { reason: '核' })).status, 422);
    const rev = await h!.post(`/api/reconsideration/cases/${c.id}/reveal`, { reason: '邮寄受理通知书核对地址' });
    assert.equal(rev.status, 200);
    assert.equal(rev.body.applicants[0].idNumber, '11010519491231002X');
    assert.equal(rev.body.agent.phone, '13900001111');
    // The approver may read but not reveal nor accept.
    assert.equal((await a!.post(`/api/reconsideration/cases/${c.id}/reveal`, { reason: '邮寄受理通知书核对地址' })).status, 403);
    assert.equal((await actVia(a!, c.id, 'accept', { acceptedDate: '2026-10-09' })).status, 403);

    assert.equal((await actVia(h!, c.id, 'accept', { acceptedDate: '2026-10-09' })).status, 200);
    world.clock.set('2026-10-12T09:00:00');
    const [h2] = await loginAt(world, '2026-10-12', 'reconA');
    assert.equal((await actVia(h2!, c.id, 'sendCopy', { copySentDate: '2026-10-12', copyServedDate: '2026-10-12' })).status, 200);
    assert.equal((await actVia(h2!, c.id, 'receiveAnswer', { answerReceivedDate: '2026-10-12', answerSummary: '认定事实清楚，程序合法' })).status, 200);
    assert.equal((await h2!.post(`/api/reconsideration/cases/${c.id}/consultations`, { kind: 'committee', heldOn: '2026-10-12', participants: '委员甲、委员乙、委员丙', opinion: '建议撤销' })).status, 200);
    assert.equal((await actVia(h2!, c.id, 'scheduleHearing', { hearingNoticeDate: '2026-10-12', hearingDate: '2026-10-19', hearingPlace: '复议听证室' })).status, 200);
    const [h3, a3] = await loginAt(world, '2026-10-20', 'reconA', 'reconApproverA');
    assert.equal((await actVia(h3!, c.id, 'holdHearing', { hearingHeldDate: '2026-10-19', hearingRecord: '双方到场质证' })).status, 200);
    const draft = await actVia(h3!, c.id, 'draftDecision', { decisionType: 'revoke', decisionFacts: '被申请人未听取陈述申辩', decisionReasons: '程序违法', decisionMain: '撤销被申请人作出的责令限期拆除决定，责令其在六十日内重新作出' });
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    const back = await actVia(a3!, c.id, 'returnDraft', { reason: '理由部分请补充法律依据' });
    assert.equal(back.body.status, 'in_review');
    await actVia(h3!, c.id, 'draftDecision', { decisionType: 'revoke', decisionFacts: '被申请人未听取陈述申辩', decisionReasons: '违反法定程序，依据《行政复议法》第六十四条', decisionMain: '撤销被申请人作出的责令限期拆除决定，责令其在六十日内重新作出' });
    const done = await actVia(a3!, c.id, 'approveDecision', { decisionDate: '2026-10-20' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.match(done.body.decisionNo, /^甲司复决〔2026〕1号$/);
    const doc = await h3!.get(`/api/reconsideration/cases/${c.id}/decision-document`);
    assert.equal(doc.status, 200);
    const xml = readZipEntry(doc.raw, 'word/document.xml')!.toString('utf8');
    for (const s of ['行政复议决定书', '甲司复决〔2026〕1号', '申请人：张三', '第三人：李四', '被申请人：甲县自然资源局', '第六十四条', '撤销', '十五日内', '举行听证']) assert.ok(xml.includes(s), s);
    const detail = await h3!.get(`/api/reconsideration/cases/${c.id}`);
    assert.equal(detail.body.record.status, 'decided');
    assert.equal(detail.body.consultations.length, 1);
    assert.deepEqual(detail.body.transitions, []);
    // The history explains the path.
    assert.deepEqual(
      detail.body.history.map((x: { transition: string }) => x.transition),
      ['accept', 'sendCopy', 'receiveAnswer', 'scheduleHearing', 'holdHearing', 'draftDecision', 'returnDraft', 'draftDecision', 'approveDecision'],
    );
    // 意见书 by HTTP, then its reply.
    const letter = await h3!.post(`/api/reconsideration/cases/${c.id}/letters`, { kind: 'opinion', recipientOrgId: world.units.countyADept, issuedDate: '2026-10-20', servedDate: '2026-10-20', content: '请依法纠正并报告' });
    assert.equal(letter.status, 200, JSON.stringify(letter.body));
    const rep = await h3!.post(`/api/reconsideration/letters/${letter.body.id}/transitions/recordReply`, { version: letter.body.version, input: { replyDate: '2026-10-20', replySummary: '已重新作出决定' } });
    assert.equal(rep.status, 200);
    assert.equal(rep.body.status, 'replied');
  });

  test('门户：网上申请得到查询码；凭码查询只显示状态和日期', async () => {
    const [h] = await loginAt(world, DAY, 'reconA');
    const anon = world.anonymous();
    const orgs = await anon.get('/api/public/reconsideration/orgs');
    assert.ok(orgs.body.bodies.some((o: { id: number }) => o.id === world.units.countyAJustice));
    const { channel: _c, receivedDate: _r, ...body } = caseBody(world);
    const res = await anon.post('/api/public/reconsideration/cases', body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.body.receiptCode, /^[A-Z0-9]{12}$/);
    // Not a 复议机构.
    assert.equal((await anon.post('/api/public/reconsideration/cases', { ...body, orgId: world.units.countyADept, respondentOrgId: world.units.countyAGov })).status, 422);
    const q = await anon.get(`/api/public/reconsideration/cases/${res.body.receiptCode}`);
    assert.equal(q.body.statusLabel, '待审查');
    assert.equal(q.body.receivedDate, DAY);
    assert.ok(!JSON.stringify(q.body).includes('张三'), '不显示姓名');
    assert.equal((await anon.get('/api/public/reconsideration/cases/ABCDEFGHJKMN')).status, 404);
    const list = await h!.get(`/api/reconsideration/cases?q=${encodeURIComponent(res.body.caseNo)}`);
    assert.equal(list.body.items[0].channel, 'online');
  });

  test('数据范围：复议人员、负责人、甲县领导、依法治市办可见，乙县领导只见乙县案件，部门法制员无权查看；范围外详情 404', async () => {
    const total = async (u: string) => (await as[u]!.get('/api/reconsideration/cases')).body.total as number;
    const seenByA = await total('reconA');
    assert.ok(seenByA >= 2);
    assert.equal(await total('reconApproverA'), seenByA);
    assert.equal(await total('leaderA'), seenByA);
    assert.equal(await total('office'), seenByA + 1);
    const b = await as.leaderB!.get('/api/reconsideration/cases');
    assert.deepEqual(b.body.items.map((i: { id: number }) => i.id), [otherCountyId]);
    assert.equal((await as.liaisonA!.get('/api/reconsideration/cases')).status, 403);
    assert.equal((await as.liaisonB!.get('/api/reconsideration/cases')).status, 403);
    assert.equal((await as.reconA!.get(`/api/reconsideration/cases/${otherCountyId}`)).status, 404);
    assert.equal((await as.leaderB!.get(`/api/reconsideration/cases/${mainId}`)).status, 404);
    assert.equal((await as.office!.get(`/api/reconsideration/cases/${otherCountyId}`)).status, 200);
    // Leaders read but do not act, nor export.
    assert.equal((await actVia(as.leaderA!, mainId, 'withdraw', { closedDate: DAY, reason: 'x' })).status, 403);
    assert.equal((await as.leaderA!.get('/api/reconsideration/cases/export')).status, 403);
    // Export rows honour scope.
    const rows = async (u: string) => {
      const res = await as[u]!.get('/api/reconsideration/cases/export');
      assert.equal(res.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
      return wb.worksheets[0]!.rowCount - 1;
    };
    assert.equal(await rows('reconA'), seenByA);
    assert.equal(await rows('office'), seenByA + 1);
    // Registering for a unit outside one's scope is refused.
    const out = await as.reconA!.post('/api/reconsideration/cases', caseBody(world, { orgId: world.units.countyB }));
    assert.equal(out.status, 422);
    // Statistics and breakdowns honour scope and orgId.
    const stat = async (u: string, q = '') => (await as[u]!.get(`/api/reconsideration/statistics?year=2026${q}`)).body.items.find((i: { id: string }) => i.id === 'reconsideration.received').value;
    assert.equal(await stat('office'), seenByA + 1);
    assert.equal(await stat('office', `&orgId=${world.units.countyA}`), seenByA);
    assert.equal(await stat('leaderB'), 1);
    const byResp = await as.leaderA!.get('/api/reconsideration/reports/by-respondent?year=2026');
    assert.ok(byResp.body.items.every((i: { key: number }) => i.key !== world.units.countyBGov));
    const byRespOffice = await as.office!.get('/api/reconsideration/reports/by-respondent?year=2026');
    assert.ok(byRespOffice.body.items.some((i: { key: number; name: string }) => i.key === world.units.countyBGov && i.name === '乙县人民政府办公室'));
    // The kernel's catalog reads the declared figures under the reader's scope.
    assert.equal((await computeStatistic(await world.ctxAs('leaderB'), 'reconsideration.received', { year: 2026 })).value, 1);
    assert.equal((await computeStatistic(await world.ctxAs('leaderA'), 'reconsideration.received', { year: 2026, orgId: world.units.countyB })).value, 0);
  });

  test('并发：两人以同一版本办理同一案件，一人成功，另一人 409，记录只改一次', async () => {
    world.clock.set(`${DAY}T09:00:00`);
    const [h1, h2] = await loginAt(world, DAY, 'reconA', 'reconA');
    const c = await registerCaseVia(h1!, world);
    const [r1, r2] = await Promise.all([
      h1!.post(`/api/reconsideration/cases/${c.id}/transitions/accept`, { version: c.version, input: { acceptedDate: DAY } }),
      h2!.post(`/api/reconsideration/cases/${c.id}/transitions/decline`, { version: c.version, input: { declinedDate: DAY, reason: '不属于受理范围' } }),
    ]);
    assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
    const d = await h1!.get(`/api/reconsideration/cases/${c.id}`);
    assert.equal(d.body.record.version, c.version + 1);
    assert.equal(d.body.history.length, 1);
    // A stale version loses too.
    const stale = await h1!.post(`/api/reconsideration/cases/${c.id}/transitions/withdraw`, { version: c.version, input: { closedDate: DAY, reason: '撤回' } });
    assert.equal(stale.status, 409);
  });

  test('错误输入：具体字段的中文错误，且不写入任何数据', async () => {
    const [h] = await loginAt(world, DAY, 'reconA');
    const before = await countRows(world, WRITTEN);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ field: '城市管理' }, 'field', /案件领域/],
      [{ applicants: [] }, 'applicants', /至少/],
      [{ applicants: [{ name: '张三', type: 'citizen', idNumber: '110105194912310021' }] }, 'applicants.0.idNumber', /身份证/],
      [{ applicants: [{ name: '某公司', type: 'legal_person', idNumber: '123' }] }, 'applicants.0.idNumber', /信用代码/],
      [{ receivedDate: '2026-11-24' }, 'receivedDate', /晚于今天/],
      [{ knewDate: '2026-11-24' }, 'knewDate', /晚于/],
      [{ respondentOrgId: world.units.countyAJustice }, 'respondentOrgId', /本身/],
      [{ notInformed: true, rightsKnownDate: null }, 'rightsKnownDate', /知道申请权利/],
      [{ request: '撤' }, 'request', /至少/],
    ];
    for (const [over, path, msg] of cases) {
      const res = await h!.post('/api/reconsideration/cases', caseBody(world, over));
      assert.equal(res.status, 422, JSON.stringify(over));
      const f = res.body.details.fields.find((x: { path: string }) => x.path === path);
      assert.ok(f, `${path}: ${JSON.stringify(res.body.details.fields)}`);
      assert.match(f.message, msg);
    }
    const c = await registerCaseVia(h!, world);
    const mid = await countRows(world, WRITTEN);
    const bad = await actVia(h!, c.id, 'accept', { acceptedDate: '2026-13-01' });
    assert.equal(bad.status, 422);
    assert.equal((await actVia(h!, c.id, 'fly', {})).status, 404);
    assert.deepEqual(await countRows(world, WRITTEN), mid);
    assert.equal(mid.reconsideration_case, before.reconsideration_case! + 1);
  });

  test('Excel 导入：任一行有误全部不写入并返回逐行错误；全部正确则导入', async () => {
    const [h] = await loginAt(world, DAY, 'reconA');
    const row = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
      orgName: '甲县司法局',
      respondentName: '甲县自然资源局',
      channel: '信函',
      receivedDate: '2026-11-20',
      applicantType: '公民',
      applicantName: '赵六',
      applicantIdNumber: '11010519491231002X',
      applicantPhone: '13800138000',
      applicantAddress: '甲县城关镇',
      actName: '行政处罚决定',
      actDocNo: '甲自然资罚〔2026〕3号',
      knewDate: '2026-11-01',
      field: '自然资源',
      request: '请求撤销行政处罚决定',
      factsReasons: '事实不清，证据不足',
      ...over,
    });
    const book = async (rows: Record<string, unknown>[]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('行政复议');
      ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
      for (const r of rows) ws.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = (data: Buffer) => {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(data)], '导入.xlsx'));
      return h!.request('POST', '/api/reconsideration/cases/import', form);
    };
    const before = await countRows(world, WRITTEN);
    const bad = await upload(await book([row(), row({ field: '城管', applicantName: '' }), row({ orgName: '乙县人民政府办公室' })]));
    assert.equal(bad.status, 422);
    const errs = bad.body.errors as { row: number; field: string; message: string }[];
    assert.ok(errs.some((e) => e.row === 3 && e.field === 'field' && /案件领域/.test(e.message)), JSON.stringify(errs));
    assert.ok(errs.some((e) => e.row === 4 && e.field === 'orgName'), JSON.stringify(errs));
    assert.deepEqual(await countRows(world, WRITTEN), before);
    const ok = await upload(await book([row(), row({ applicantName: '钱七', applicantType: '法人', applicantIdNumber: '91330900MA2B3C4D5E' })]));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.created, 2);
    assert.equal((await countRows(world, WRITTEN)).reconsideration_case, before.reconsideration_case! + 2);
  });
});

describe('行政复议统计：数值', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
  });
  after(() => world.close());

  test('收到、同比、受理、各决定类型、纠错数与纠错率、调解和解、按期审结率、按领域和被申请人', async () => {
    // 2025: two cases; 2026: five cases.
    await newCase(world, '2025-03-03');
    await newCase(world, '2025-03-04');
    const decide = async (day: string, type: string, decisionDay: string) => {
      const c = await newCase(world, day);
      await step(world, day, c.id, 'accept', { acceptedDate: day });
      await step(world, day, c.id, 'sendCopy', { copySentDate: day, copyServedDate: day });
      await step(world, day, c.id, 'receiveAnswer', { answerReceivedDate: day, answerSummary: '答复' });
      await step(world, day, c.id, 'draftDecision', { decisionType: type, decisionFacts: '事实', decisionReasons: '理由', decisionMain: '主文' });
      await step(world, decisionDay, c.id, 'approveDecision', { decisionDate: decisionDay }, 'reconApproverA');
      return c;
    };
    await decide('2026-01-05', 'revoke', '2026-02-02');
    await decide('2026-01-06', 'uphold', '2026-02-03');
    // Decided on day 61 (60 days from 01-07 end 03-08, a Sunday → 03-09; 03-10 is late).
    await decide('2026-01-07', 'confirm_unlawful', '2026-03-10');
    const m = await newCase(world, '2026-02-02', { field: 'market_regulation', respondentOrgId: world.units.countyAGov });
    await step(world, '2026-02-02', m.id, 'accept', { acceptedDate: '2026-02-02' });
    await step(world, '2026-02-03', m.id, 'sendCopy', { copySentDate: '2026-02-03', copyServedDate: '2026-02-03' });
    await step(world, '2026-02-04', m.id, 'receiveAnswer', { answerReceivedDate: '2026-02-04', answerSummary: '答复' });
    await step(world, '2026-02-05', m.id, 'mediate', { closedDate: '2026-02-05', closingSummary: '调解' });
    await newCase(world, '2026-04-01');
    const ctx = await ctxAt(world, '2026-11-23', 'office');
    const v = async (id: string, orgId?: number) => (await computeStatistic(ctx, id, { year: 2026, ...(orgId ? { orgId } : {}) })).value;
    assert.equal(await v('reconsideration.received'), 5);
    assert.equal(await v('reconsideration.received_yoy'), 150);
    assert.equal(await v('reconsideration.accepted'), 4);
    assert.equal(await v('reconsideration.decision.revoke'), 1);
    assert.equal(await v('reconsideration.decision.uphold'), 1);
    assert.equal(await v('reconsideration.decision.change'), 0);
    assert.equal(await v('reconsideration.corrected'), 2);
    assert.equal(await v('reconsideration.correction_rate'), 66.7);
    assert.equal(await v('reconsideration.mediated'), 1);
    // 4 concluded (3 decided + 1 mediated), 1 late.
    assert.equal(await v('reconsideration.on_time_rate'), 75);
    assert.equal(await v('reconsideration.received', world.units.countyB), 0);
    assert.equal((await computeStatistic(ctx, 'reconsideration.received_yoy', { year: 2025 })).value, null);
    const h = (await loginAt(world, '2026-11-23', 'office'))[0]!;
    const byField = (await h.get('/api/reconsideration/reports/by-field?year=2026')).body.items as { key: string; name: string; received: number; mediated: number }[];
    assert.deepEqual(byField.find((x) => x.key === 'market_regulation'), { key: 'market_regulation', name: '市场监管', received: 1, decided: 0, corrected: 0, mediated: 1 });
    const byResp = (await h.get('/api/reconsideration/reports/by-respondent?year=2026')).body.items as { key: number; received: number; corrected: number }[];
    assert.equal(byResp.find((x) => x.key === world.units.countyADept)!.corrected, 2);
  });
});
