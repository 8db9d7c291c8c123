/**
 * 案卷评查 and 执法监督 through HTTP: the main path (campaign → sample → score → 意见书 → reply → close → board),
 * the scoring sheet and sampling rules, self-review, the printable document, complaints (staff and portal),
 * 专项整治 monthly reports and the 特邀监督员 roster.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, type TestClient, type TestWorld } from '../../../../test/support/test-platform';
import { readZipEntry } from '../../../../test/support/disclosure-helpers';
import { complaintBody, docBody, fullScores, insertSupervisor, ok, reviewBody, reviewInScoring, seedBodies, type ReviewWorld } from './test/fixtures';
import { insertBody, insertOfficer } from '../test/fixtures';
import { insertCertificate } from '../cases/test/fixtures';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../kernel';
import { drawSample } from './service/reviews';

describe('案卷评查与执法监督（HTTP）', () => {
  let world: TestWorld;
  let sup: TestClient;
  let rw: ReviewWorld;

  before(async () => {
    world = await createTestWorld({ now: '2026-09-15T10:00:00' });
    rw = await seedBodies(world);
    sup = await world.login('supervisorA');
  });
  after(async () => world?.close());

  test('主流程：交叉评查抽取案卷、打分记问题、签发意见书、执法主体回复、监督机关办结，看板计数', async () => {
    const review = ok(await sup.post('/api/enforcement/reviews', reviewBody([rw.bodyA.id, rw.bodyA2.id])), '新建');
    assert.equal(review.status, 'draft');
    assert.equal(review.orgId, world.units.countyAJustice, '评查活动属于组织评查的司法局');
    const s1 = ok(await sup.post(`/api/enforcement/reviews/${review.id}/transitions/startSampling`, { version: review.version, input: {} }), '开始抽取');
    const sampled = ok(await sup.post(`/api/enforcement/reviews/${review.id}/sample`, { version: s1.version, mode: 'random', perBody: 3, seed: 'SEED-2026' }), '抽取');
    assert.equal(sampled.added, 6, '每个主体抽 3 卷');
    ok(await sup.post(`/api/enforcement/reviews/${review.id}/transitions/startScoring`, { version: sampled.review.version, input: {} }), '开始打分');
    const listed = ok(await sup.get('/api/enforcement/reviews'), '列表').items.find((r: { id: number }) => r.id === review.id);
    assert.equal(listed.files, 6, '列表中的案卷数');
    let detail = ok(await sup.get(`/api/enforcement/reviews/${review.id}`), '详情');
    assert.equal(detail.files.length, 6);
    const decided = new Set([...rw.casesA, ...rw.casesA2].map((c) => c.id));
    for (const f of detail.files) assert.ok(decided.has(f.caseId), '只抽取评查期间内已作出决定的案卷');

    const file = detail.files[0];
    const scored = ok(
      await sup.post(`/api/enforcement/reviews/files/${file.id}/score`, {
        version: file.version,
        scores: fullScores({ p1: 12, d1: 3 }),
        reviewers: ['评查员甲', '评查员乙'],
        problems: [{ category: 'procedure', itemKey: 'p1', description: '告知陈述申辩期限未满即作出处罚决定' }],
      }),
      '打分',
    );
    assert.equal(scored.total, 85);
    assert.equal(scored.grade, 'pass');
    detail = ok(await sup.get(`/api/enforcement/reviews/${review.id}`), '详情');
    const problemId = detail.files.find((f: { id: number }) => f.id === file.id).problems[0].id;
    const bodyResult = detail.results.find((r: { bodyId: number }) => r.bodyId === file.bodyId);
    assert.equal(bodyResult.average, 85);
    assert.equal(bodyResult.problems.procedure, 1);

    const issued = ok(await sup.post('/api/enforcement/supervision', docBody(file.bodyId, { problemId, issuedDate: '2026-09-15', servedDate: '2026-09-15' })), '签发');
    assert.match(issued.docNo, /^甲司执监意〔2026〕1号$/);
    assert.equal(issued.periodDays, 30);
    const docx = await sup.get(`/api/enforcement/supervision/${issued.id}/document`);
    assert.equal(docx.status, 200);
    const xml = readZipEntry(docx.raw, 'word/document.xml')!.toString('utf8');
    assert.ok(xml.includes('行政执法监督意见书'));
    assert.ok(xml.includes('甲司执监意〔2026〕1号'));
    assert.ok(xml.includes('自收到本意见书之日起三十日内自行纠正'));
    assert.ok(xml.includes('2026年10月15日'), '回复期限写入文书');

    const bodyUser = await world.login(file.bodyId === rw.bodyA.id ? 'liaisonA' : 'liaisonAGov');
    const d1 = ok(await bodyUser.get(`/api/enforcement/supervision/${issued.id}`), '主体查看');
    assert.deepEqual(d1.transitions.map((t: { name: string }) => t.name), ['reply']);
    const replied = ok(await bodyUser.post(`/api/enforcement/supervision/${issued.id}/transitions/reply`, { version: d1.record.version, input: { replyDate: '2026-09-15', replyContent: '已撤销原处罚决定并重新履行告知程序。' } }), '回复');
    assert.equal(replied.status, 'replied');
    const closed = ok(await sup.post(`/api/enforcement/supervision/${issued.id}/transitions/accept`, { version: replied.version, input: { closedDate: '2026-09-15', closingOpinion: '整改到位' } }), '办结');
    assert.equal(closed.status, 'closed');

    const board = ok(await sup.get('/api/enforcement/supervision-board?year=2026'), '看板');
    const fig = (id: string) => board.figures.find((f: { id: string }) => f.id === id).value;
    assert.equal(fig('enforcement.files_reviewed'), 1);
    assert.equal(fig('enforcement.review_problems'), 1);
    assert.equal(fig('enforcement.supervision_opinions'), 1);
    assert.equal(fig('enforcement.supervision_reply_on_time_rate'), 100);
    assert.equal(board.problemsByCategory.find((p: { category: string }) => p.category === 'procedure').count, 1);
    assert.equal(board.docsByKind.find((k: { kind: string }) => k.kind === 'opinion').byStatus.find((s: { status: string }) => s.status === 'closed').count, 1);
  });

  test('评查标准各项分值合计须为 100 分，项目编号不得重复；合格线须低于优秀线', async () => {
    const bad = await sup.post('/api/enforcement/reviews', reviewBody([rw.bodyA.id], { sheet: [{ key: 'a', category: 'subject', title: '主体合法', maxPoints: 60 }, { key: 'a', category: 'evidence', title: '证据充分', maxPoints: 30 }] }));
    assert.equal(bad.status, 422);
    const messages = bad.body.details.fields.map((f: { message: string }) => f.message).join('；');
    assert.match(messages, /合计须为 100 分（现为 90 分）/);
    assert.match(messages, /“a”重复/);
    const bad2 = await sup.post('/api/enforcement/reviews', reviewBody([rw.bodyA.id], { excellentMin: 70, passMin: 80 }));
    assert.equal(bad2.status, 422);
    assert.match(JSON.stringify(bad2.body), /合格分数线须低于优秀分数线/);
  });

  test('随机抽样记录种子，用同一种子可复核；不同种子抽取结果不同', async () => {
    const { id } = await reviewInScoring(sup, [rw.bodyA.id, rw.bodyB.id].slice(0, 1), 3);
    const check = ok(await sup.get(`/api/enforcement/reviews/${id}/sample-check`), '复核');
    assert.equal(check.seed, 'TEST-SEED-1');
    assert.equal(check.matches, true);
    assert.equal(check.recorded.length, 3);
    const cases = rw.casesA.map((c) => ({ id: c.id, bodyId: rw.bodyA.id }));
    assert.deepEqual(drawSample('TEST-SEED-1', cases, 3), check.recorded);
    const others = ['X-1', 'X-2', 'X-3', 'X-4'].map((s) => JSON.stringify(drawSample(s, cases, 3)));
    assert.ok(others.some((o) => o !== JSON.stringify(check.recorded)), '换种子会得到不同样本');
  });

  test('山东省行政执法监督条例第22条：评查人员不少于两人；单项得分不得超过该项分值；完成后结果冻结', async () => {
    const { id, detail } = await reviewInScoring(sup, [rw.bodyA2.id], 1);
    const f = detail.files[0];
    const one = await sup.post(`/api/enforcement/reviews/files/${f.id}/score`, { version: f.version, scores: fullScores(), reviewers: ['评查员甲'], problems: [] });
    assert.equal(one.status, 422);
    assert.match(JSON.stringify(one.body), /评查人员不少于两人/);
    const over = await sup.post(`/api/enforcement/reviews/files/${f.id}/score`, { version: f.version, scores: { ...fullScores(), e1: 26 }, reviewers: ['评查员甲', '评查员乙'], problems: [] });
    assert.equal(over.status, 422);
    assert.match(JSON.stringify(over.body), /不能超过 25 分/);
    const r0 = ok(await sup.get(`/api/enforcement/reviews/${id}`), '详情').record;
    const early = await sup.post(`/api/enforcement/reviews/${id}/transitions/finish`, { version: r0.version, input: { finishedDate: '2026-09-15' } });
    assert.equal(early.status, 409, '未打分不能完成');
    ok(await sup.post(`/api/enforcement/reviews/files/${f.id}/score`, { version: f.version, scores: fullScores({ a1: 10, d1: 10, l1: 5 }), reviewers: ['评查员甲', '评查员乙'], problems: [] }), '打分');
    ok(await sup.post(`/api/enforcement/reviews/${id}/transitions/finish`, { version: r0.version, input: { finishedDate: '2026-09-15' } }), '完成');
    const after = ok(await sup.get(`/api/enforcement/reviews/${id}`), '详情');
    assert.equal(after.files[0].grade, 'pass', '75 分为合格');
    const frozen = await sup.post(`/api/enforcement/reviews/files/${f.id}/score`, { version: after.files[0].version, scores: fullScores(), reviewers: ['评查员甲', '评查员乙'], problems: [] });
    assert.equal(frozen.status, 409);
    assert.match(frozen.body.message, /结果已冻结/);
  });

  test('山东省行政执法监督条例第22条：评查人员须持有有效的行政执法监督证（未登记、持执法证而非监督证、暂扣、已过期、尚未发证的均被拒绝）', async () => {
    const justice = await insertBody(world, world.units.countyAJustice, { name: '甲县司法局（监督证测试）' });
    await insertSupervisor(world, justice, '监督证暂扣', { status: 'suspended' });
    await insertSupervisor(world, justice, '监督证过期', { expiresDate: '2026-09-14' });
    await insertSupervisor(world, justice, '监督证未发', { issuedDate: '2026-09-16' });
    await insertSupervisor(world, justice, '监督证当日到期', { expiresDate: '2026-09-15' });
    const holdsEnforcementOnly = await insertBody(world, world.units.countyADept, { name: '甲县自然资源局（执法证测试）' });
    await insertCertificate(world, await insertOfficer(world, holdsEnforcementOnly, { name: '只持执法证' }));
    const { detail } = await reviewInScoring(sup, [rw.bodyA2.id], 1, { title: '监督证核验评查' });
    const f = detail.files[0];
    const score = (second: string) => sup.post(`/api/enforcement/reviews/files/${f.id}/score`, { version: f.version, scores: fullScores(), reviewers: ['评查员甲', second], problems: [] });
    for (const name of ['评查员丙', '只持执法证', '监督证暂扣', '监督证过期', '监督证未发']) {
      const res = await score(name);
      assert.equal(res.status, 422, name);
      assert.match(JSON.stringify(res.body), new RegExp(`${name} 在 2026-09-15 未持有有效的行政执法监督证.*第二十二条`));
    }
    ok(await score('监督证当日到期'), '有效期最后一日可以评查');
  });

  test('山东省行政执法监督条例第22条：执法监督文书的签发人须在签发日持有有效的行政执法监督证，文书记录其证号', async () => {
    const refused = await sup.post('/api/enforcement/supervision', docBody(rw.bodyA.id, { signerName: '田监督' }));
    assert.equal(refused.status, 422);
    assert.match(JSON.stringify(refused.body), /田监督 在 2026-03-02 未持有有效的行政执法监督证/);
    const missing = await sup.post('/api/enforcement/supervision', docBody(rw.bodyA.id, { signerName: undefined }));
    assert.equal(missing.status, 422);
    const doc = ok(await sup.post('/api/enforcement/supervision', docBody(rw.bodyA.id)), '签发');
    assert.equal(doc.signerName, '评查员甲');
    assert.match(doc.signerCertNo, /^TEST-ZF-/);
  });

  test('两人同时为同一案卷打分：一人成功，另一人 409 且不留痕', async () => {
    const { detail } = await reviewInScoring(sup, [rw.bodyA.id], 1, { title: '并发测试评查' });
    const f = detail.files[0];
    const other = await world.login('supervisorA');
    const body = (cut: number) => ({ version: f.version, scores: fullScores({ e1: cut }), reviewers: ['评查员甲', '评查员乙'], problems: [{ category: 'evidence', description: `证据问题${cut}` }] });
    const [a, b] = await Promise.all([sup.post(`/api/enforcement/reviews/files/${f.id}/score`, body(5)), other.post(`/api/enforcement/reviews/files/${f.id}/score`, body(10))]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const [row] = await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from enforcement_review_problem where file_id = ${f.id}`);
    assert.equal(row!.n, 1, '只有胜者的问题被记录');
  });

  test('自查：执法主体为本单位案卷打分，监督机关抽查复核后以复核分定等次；他人单位的案卷不能自查', async () => {
    const { id, detail } = await reviewInScoring(sup, [rw.bodyA.id, rw.bodyA2.id], 1, { kind: 'self', title: '甲县行政执法案卷自查' });
    const liaison = await world.login('liaisonA');
    const mine = ok(await liaison.get(`/api/enforcement/reviews/${id}`), '主体查看');
    assert.equal(mine.files.length, 1, '执法主体只看到本单位案卷');
    const f = mine.files[0];
    assert.equal(f.maySelfScore, true);
    const self = ok(await liaison.post(`/api/enforcement/reviews/files/${f.id}/self-score`, { version: f.version, scores: fullScores() }), '自查打分');
    assert.equal(self.selfTotal, 100);
    assert.equal(self.grade, 'excellent');
    const otherFile = detail.files.find((x: { orgId: number }) => x.orgId !== world.units.countyADept);
    const denied = await liaison.post(`/api/enforcement/reviews/files/${otherFile.id}/self-score`, { version: otherFile.version, scores: fullScores() });
    assert.equal(denied.status, 404);
    const spot = ok(await sup.post(`/api/enforcement/reviews/files/${f.id}/score`, { version: self.version, scores: fullScores({ e1: 25 }), reviewers: ['评查员甲', '评查员乙'], problems: [] }), '抽查');
    assert.equal(spot.total, 75);
    assert.equal(spot.selfTotal, 100, '保留自查分以便比对');
    assert.equal(spot.grade, 'pass');
  });

  test('通知书回复期限可按文书设定；决定书须选择决定类型', async () => {
    const noType = await sup.post('/api/enforcement/supervision', docBody(rw.bodyA.id, { kind: 'decision', issuedDate: '2026-09-15', servedDate: '2026-09-15' }));
    assert.equal(noType.status, 422);
    assert.match(JSON.stringify(noType.body), /请选择决定类型/);
    const dec = ok(await sup.post('/api/enforcement/supervision', docBody(rw.bodyA.id, { kind: 'decision', decisionKind: 'revoke', issuedDate: '2026-09-15', servedDate: '2026-09-15' })), '决定书');
    assert.match(dec.docNo, /^甲司执监决〔2026〕\d+号$/);
    const docx = await sup.get(`/api/enforcement/supervision/${dec.id}/document`);
    const xml = readZipEntry(docx.raw, 'word/document.xml')!.toString('utf8');
    assert.ok(xml.includes('本机关决定：撤销。'));
    assert.ok(xml.includes('报告本机关'));
    const notice = ok(await sup.post('/api/enforcement/supervision', docBody(rw.bodyA.id, { kind: 'notice', periodDays: 10, issuedDate: '2026-09-15', servedDate: '2026-09-15' })), '通知书');
    assert.match(notice.docNo, /^甲司执监通〔2026〕1号$/);
    const detail = ok(await sup.get(`/api/enforcement/supervision/${notice.id}`), '详情');
    assert.equal(detail.deadlines[0].dueDate, '2026-09-28', '第10日 09-25 逢中秋假期，顺延');
  });

  test('退回重新办理：回复期限在监督机关审查期间暂停，退回后继续计算', async () => {
    world.clock.set('2026-09-15T10:00:00');
    const doc = ok(await sup.post('/api/enforcement/supervision', docBody(rw.bodyA.id, { issuedDate: '2026-09-01', servedDate: '2026-09-01' })), '签发');
    const liaison = await world.login('liaisonA');
    const r = ok(await liaison.post(`/api/enforcement/supervision/${doc.id}/transitions/reply`, { version: doc.version, input: { replyDate: '2026-09-10', replyContent: '已整改' } }), '回复');
    world.clock.set('2026-09-20T10:00:00');
    sup = await world.login('supervisorA');
    const back = ok(await sup.post(`/api/enforcement/supervision/${doc.id}/transitions/returnReply`, { version: r.version, input: { returnReason: '未附整改材料' } }), '退回');
    assert.equal(back.status, 'issued');
    const d = ok(await sup.get(`/api/enforcement/supervision/${doc.id}`), '详情');
    // Served 09-01, 30 days; paused 09-10 → 09-20 adds 10 days: 09-01 + 40 = 10-11, a Sunday after the 10-10 调休
    // working Saturday, so the period ends on Monday 10-12.
    assert.equal(d.deadlines[0].dueDate, '2026-10-12');
    world.clock.set('2026-09-15T10:00:00');
    sup = await world.login('supervisorA');
  });

  test('投诉举报：登记、交执法主体核查、报送核查结果、办结；门户网上投诉取得查询码并可查询进度', async () => {
    const c = ok(await sup.post('/api/enforcement/complaints', complaintBody(rw.bodyA.id, { receivedDate: '2026-09-14' })), '登记');
    assert.match(c.complaintNo, /^甲自然资执投〔2026〕\d+号$/);
    const a = ok(await sup.post(`/api/enforcement/complaints/${c.id}/transitions/assign`, { version: c.version, input: { verifyDueDate: '2026-09-30', assignNote: '请核查' } }), '分办');
    const liaison = await world.login('liaisonA');
    const detail = ok(await liaison.get(`/api/enforcement/complaints/${c.id}`), '主体查看');
    assert.equal(detail.record.complainantPhone, '138****8000', '联系电话加密存储、脱敏显示');
    assert.equal(detail.deadlines[0].dueDate, '2026-09-30');
    const v = ok(await liaison.post(`/api/enforcement/complaints/${c.id}/transitions/submitVerification`, { version: a.version, input: { result: 'substantiated', findings: '经核查属实，已约谈执法人员', verifiedDate: '2026-09-15' } }), '核查');
    ok(await sup.post(`/api/enforcement/complaints/${c.id}/transitions/conclude`, { version: v.version, input: { conclusion: '已答复投诉人', concludedDate: '2026-09-15' } }), '办结');

    const anon = world.anonymous('10.0.0.8');
    const bodies = ok(await anon.get('/api/public/enforcement/complaint-bodies'), '主体');
    assert.ok(bodies.items.some((b: { id: number }) => b.id === rw.bodyB.id));
    const sub = ok(await anon.post('/api/public/enforcement/complaints', { bodyId: rw.bodyB.id, complainantName: '李四', complainantPhone: '13900001111', subject: '重复检查影响经营', content: '一个月内同一事项检查三次，影响正常经营。' }), '门户投诉');
    assert.match(sub.receiptCode, /^[A-Z0-9]{12}$/);
    const st = ok(await anon.get(`/api/public/enforcement/complaints/${sub.receiptCode}`), '查询');
    assert.equal(st.statusLabel, '待分办');
    assert.equal(st.complainantName, '李*');
    const unknown = await anon.get('/api/public/enforcement/complaints/ABCDEFGHJKLM');
    assert.equal(unknown.status, 404);
    const listB = ok(await (await world.login('liaisonB')).get('/api/enforcement/complaints'), '乙县列表');
    assert.equal(listB.items[0].channel, 'online');
  });

  test('从 Excel 导入 12345 转办台账：任一行有误全部不写入，逐行报告错误；无误时全部导入', async () => {
    const make = async (rows: (string | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('投诉');
      ws.addRow(['来源渠道', '收到日期', '被投诉执法主体', '投诉人', '联系电话', '投诉事项', '投诉内容']);
      for (const r of rows) ws.addRow(r);
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(await wb.xlsx.writeBuffer())]), '投诉.xlsx');
      return form;
    };
    const before = ok(await sup.get('/api/enforcement/complaints?pageSize=200'), '列表').total;
    const bad = await sup.request('POST', '/api/enforcement/complaints/import', await make([
      ['12345热线', '2026-09-01', '甲县自然资源局', '王五', '13800000001', '执法人员未出示证件', '执法人员检查时未出示行政执法证件。'],
      ['微博', '2026-09-01', '甲县自然资源局', '赵六', 'abc', '短', '太短'],
      ['来信', '2026-09-01', '乙县人民政府（综合执法）', '钱七', null, '罚款未开票据问题', '当场收缴罚款后未出具罚款收据。'],
      ['来访', '2026-13-01', '甲县自然资源局', '孙八', null, '扣押物品未返还', '案件办结后被扣押的车辆至今未予返还。'],
    ]));
    assert.equal(bad.status, 422);
    const errs = bad.body.errors as { row: number; field: string; message: string }[];
    assert.deepEqual([...new Set(errs.map((e) => e.row))].sort(), [3, 4, 5], '第 2 行无误，其余各行逐行报告');
    for (const f of ['channel', 'complainantPhone', 'subject', 'content']) assert.ok(errs.some((e) => e.row === 3 && e.field === f), `第 3 行 ${f}`);
    assert.ok(errs.some((e) => e.row === 4 && e.field === 'bodyName' && e.message.includes('不在您的监督范围内')), '乙县的主体不在甲县司法局监督范围内');
    assert.ok(errs.some((e) => e.row === 5 && e.field === 'receivedDate'));
    assert.equal(ok(await sup.get('/api/enforcement/complaints?pageSize=200'), '列表').total, before, '一行都没有写入');
    const good = await sup.request('POST', '/api/enforcement/complaints/import', await make([['12345热线', '2026-09-01', '甲县自然资源局', '王五', '13800000001', '执法人员未出示证件', '执法人员检查时未出示行政执法证件。']]));
    assert.equal(good.status, 200);
    assert.equal(good.body.created, 1);
  });

  test('专项整治：步骤推进、参加单位月报，列出本月未报送的单位；同一月份不能重复报送', async () => {
    const c = ok(
      await sup.post('/api/enforcement/campaigns', {
        title: '道路交通安全和运输执法领域突出问题专项整治',
        periodFrom: '2026-06-01',
        periodTo: '2026-12-31',
        bodyIds: [rw.bodyA.id, rw.bodyA2.id],
        channels: ['12345热线', '举报邮箱'],
        summary: null,
      }),
      '新建',
    );
    const step = ok(await sup.post(`/api/enforcement/campaigns/${c.id}/steps`, { title: '动员部署', startDate: '2026-06-01', endDate: '2026-06-07', note: null }), '步骤');
    ok(await sup.put(`/api/enforcement/campaigns/steps/${step.id}`, { version: step.version, status: 'done', note: '已印发方案' }), '推进');
    const stale = await sup.put(`/api/enforcement/campaigns/steps/${step.id}`, { version: step.version, status: 'doing', note: null });
    assert.equal(stale.status, 409);
    const liaison = await world.login('liaisonA');
    for (const month of ['2026-06', '2026-07', '2026-08']) {
      ok(await liaison.post(`/api/enforcement/campaigns/${c.id}/reports`, { bodyId: rw.bodyA.id, month, problemsFound: 4, problemsRectified: 3, content: '本月开展自查自纠，发现并整改问题。' }), '月报');
    }
    const dup = await liaison.post(`/api/enforcement/campaigns/${c.id}/reports`, { bodyId: rw.bodyA.id, month: '2026-08', problemsFound: 1, problemsRectified: 1, content: '重复报送的月报内容。' });
    assert.equal(dup.status, 409);
    const forOther = await liaison.post(`/api/enforcement/campaigns/${c.id}/reports`, { bodyId: rw.bodyA2.id, month: '2026-08', problemsFound: 1, problemsRectified: 1, content: '替其他单位报送的月报。' });
    assert.equal(forOther.status, 422, '不能替其他单位报送');
    const d = ok(await sup.get(`/api/enforcement/campaigns/${c.id}`), '详情');
    assert.deepEqual(d.missing.map((m: { month: string }) => m.month), ['2026-06', '2026-07', '2026-08']);
    assert.deepEqual(d.missing[2].bodies.map((b: { name: string }) => b.name), [rw.bodyA2.name]);
    assert.deepEqual(d.totals, { problemsFound: 12, problemsRectified: 9 });
  });

  test('特邀行政执法监督员：联系电话加密存储、脱敏显示，记录活动', async () => {
    const s = ok(await sup.post('/api/enforcement/supervisors', { name: '周国平', workUnit: '县人大代表', termFrom: '2026-01-01', termTo: '2028-12-31', phone: '13905710001' }), '聘任');
    assert.equal(s.phone, '139****0001');
    const [raw] = await queryRows<{ phone: string }>(world.platform.services.db, sql`select phone from enforcement_special_supervisor where id = ${s.id}`);
    assert.ok(!raw!.phone.includes('13905710001'), '数据库中不存明文');
    ok(await sup.post(`/api/enforcement/supervisors/${s.id}/activities`, { activityDate: '2026-09-01', kind: 'visit', bodyId: rw.bodyA.id, notes: '到办事大厅明察暗访' }), '活动');
    const list = ok(await sup.get('/api/enforcement/supervisors'), '名册');
    const me = list.items.find((x: { id: number }) => x.id === s.id);
    assert.equal(me.activities[0].bodyName, '甲县自然资源局');
    assert.equal(me.inTerm, true);
  });
});
