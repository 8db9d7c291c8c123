import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { act, registerVia, replyDeadline } from './test/fixtures';
import { hasCjk, loginAt, loginOneAt, readZipEntry } from '../../../test/support/disclosure-helpers';
import { REPLY_TYPES } from './request-machine';

interface Deadline {
  clockKey: string;
  status: string;
  startDate: string;
  dueDate: string;
  tone: string;
  remainingWorkingDays: number | null;
  extensionDays: number;
  excludedDays: number;
  stoppedOn: string | null;
}

const deadlines = async (client: TestClient, id: number): Promise<Deadline[]> => {
  const res = await client.get(`/api/disclosure/requests/${id}`);
  assert.equal(res.status, 200);
  return res.body.deadlines as Deadline[];
};
const openClock = async (client: TestClient, id: number, key: string) => (await deadlines(client, id)).find((d) => d.clockKey === key && d.status !== 'stopped');

describe('依申请公开办理流程', () => {
  let world: TestWorld;
  let handler: TestClient;
  before(async () => {
    world = await createTestWorld({ now: '2026-09-18T09:00:00' });
    handler = await world.login('handlerA');
  });
  after(() => world.close());

  test('政府信息公开条例第33条: 答复期限为收到申请之日起20个工作日（跨中秋国庆，10月10日调休上班）', async () => {
    const r = await registerVia(handler, world.units.countyAGov, { receivedDate: '2026-09-18' });
    assert.equal(r.status, 'registered');
    assert.match(r.requestNo, /^甲政办依申〔2026〕\d+号$/);
    const d = await replyDeadline(handler, r.id);
    assert.equal(d?.dueDate, '2026-10-22');
  });

  test('政府信息公开条例第33条: 20个工作日跨2026年春节（2月15日至23日休，2月14日、28日调休上班）', async () => {
    const h = await loginOneAt(world, '2026-02-10', 'handlerA');
    const r = await registerVia(h, world.units.countyAGov, { receivedDate: '2026-02-10' });
    const d = await openClock(h, r.id, 'reply');
    assert.equal(d?.dueDate, '2026-03-16');
    assert.equal(d?.startDate, '2026-02-10');
  });

  test('政府信息公开条例第33条: 20个工作日跨2025年春节（1月28日至2月4日休，1月26日、2月8日调休上班）', async () => {
    const h = await loginOneAt(world, '2025-01-22', 'handlerA');
    const r = await registerVia(h, world.units.countyAGov, { receivedDate: '2025-01-22' });
    assert.match(r.requestNo, /^甲政办依申〔2025〕\d+号$/);
    const d = await replyDeadline(h, r.id);
    assert.equal(d?.dueDate, '2025-02-25');
  });

  test('政府信息公开条例第30条: 补正告知期限为收到申请之日起7个工作日（跨国庆，10月10日调休上班）', async () => {
    const h = await loginOneAt(world, '2026-09-28', 'handlerA');
    const r = await registerVia(h, world.units.countyAGov, { receivedDate: '2026-09-28' });
    const notice = await openClock(h, r.id, 'correctionNotice');
    assert.equal(notice?.status, 'running');
    assert.equal(notice?.dueDate, '2026-10-13');
    assert.equal((await openClock(h, r.id, 'reply'))?.dueDate, '2026-10-30');
    // 审查通过 ends the 补正告知 period.
    assert.equal((await act(h, r.id, 'accept')).status, 200);
    assert.equal(await openClock(h, r.id, 'correctionNotice'), undefined);
    assert.equal((await deadlines(h, r.id)).find((d) => d.clockKey === 'correctionNotice')?.stoppedOn, '2026-09-28');
  });

  test('政府信息公开条例第30条: 补正后答复期限自收到补正之日起重新计算', async () => {
    const h1 = await loginOneAt(world, '2026-09-28', 'handlerA');
    const r = await registerVia(h1, world.units.countyAGov, { receivedDate: '2026-09-28' });
    const h2 = await loginOneAt(world, '2026-09-29', 'handlerA');
    const c = await act(h2, r.id, 'requestCorrection', { correctionItems: '请明确所需信息的年份', correctionDeadline: '2026-10-16' });
    assert.equal(c.status, 200);
    assert.equal(c.body.status, 'awaiting_correction');
    // While waiting for the correction neither clock runs.
    assert.equal(await openClock(h2, r.id, 'reply'), undefined);
    assert.equal(await openClock(h2, r.id, 'correctionNotice'), undefined);

    // Received on 10-12, recorded on 10-14: the period runs from the day of receipt, not the day of entry.
    const h3 = await loginOneAt(world, '2026-10-14', 'handlerA');
    const rc = await act(h3, r.id, 'receiveCorrection', { correctedDate: '2026-10-12' });
    assert.equal(rc.status, 200);
    assert.equal(rc.body.status, 'processing');
    const reply = await openClock(h3, r.id, 'reply');
    assert.equal(reply?.startDate, '2026-10-12');
    assert.equal(reply?.dueDate, '2026-11-09');
    assert.notEqual(reply?.dueDate, '2026-10-30');
  });

  test('政府信息公开条例第30条: 补正期限届满前不能视为放弃申请（422），届满后可以', async () => {
    const h1 = await loginOneAt(world, '2026-09-28', 'handlerA');
    const r = await registerVia(h1, world.units.countyAGov, { receivedDate: '2026-09-28' });
    assert.equal((await act(h1, r.id, 'requestCorrection', { correctionItems: '请补充申请人身份证明', correctionDeadline: '2026-10-16' })).status, 200);

    for (const day of ['2026-10-09', '2026-10-16']) {
      const h = await loginOneAt(world, day, 'handlerA');
      const early = await act(h, r.id, 'markAbandoned', { reason: '申请人逾期未补正' });
      assert.equal(early.status, 422, `${day} 尚在补正期限内`);
      assert.equal(early.body.code, 'VALIDATION_FAILED');
      assert.ok(hasCjk(early.body.details.fields[0].message));
      const still = await h.get(`/api/disclosure/requests/${r.id}`);
      assert.equal(still.body.record.status, 'awaiting_correction');
    }

    const h2 = await loginOneAt(world, '2026-10-19', 'handlerA');
    const ok = await act(h2, r.id, 'markAbandoned', { reason: '申请人逾期未补正' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.status, 'abandoned');
  });

  test('政府信息公开条例第32、33条: 征求第三方意见的时间不计入答复期限（跨国庆，暂停期间3个工作日）', async () => {
    const h1 = await loginOneAt(world, '2026-09-18', 'handlerA');
    const r = await registerVia(h1, world.units.countyAGov, { receivedDate: '2026-09-18' });
    assert.equal((await act(h1, r.id, 'accept')).status, 200);
    assert.equal((await openClock(h1, r.id, 'reply'))?.dueDate, '2026-10-22');

    const h2 = await loginOneAt(world, '2026-09-29', 'handlerA');
    const s = await act(h2, r.id, 'startConsultation', { consultationParty: '某某公司', consultationStartedOn: '2026-09-29' });
    assert.equal(s.status, 200);
    assert.equal(s.body.status, 'consulting');
    const paused = await openClock(h2, r.id, 'reply');
    assert.equal(paused?.status, 'paused');
    assert.equal(paused?.tone, 'paused');
    // 第三十二条: the third party has 15 working days.
    assert.equal((await openClock(h2, r.id, 'consultation'))?.dueDate, '2026-10-26');

    // Working days in (09-29, 10-09]: 09-30, 10-08, 10-09 (10-01..10-07 are 国庆 holidays).
    const h3 = await loginOneAt(world, '2026-10-09', 'handlerA');
    const e = await act(h3, r.id, 'endConsultation', { consultationEndedOn: '2026-10-09', consultationOpinion: '不同意公开' });
    assert.equal(e.status, 200);
    assert.equal(e.body.status, 'processing');
    const resumed = await openClock(h3, r.id, 'reply');
    assert.equal(resumed?.status, 'running');
    assert.equal(resumed?.excludedDays, 3);
    assert.equal(resumed?.dueDate, '2026-10-27');
    assert.equal(await openClock(h3, r.id, 'consultation'), undefined);
  });

  test('政府信息公开条例第33条: 延长答复期限须经负责人批准，最长20个工作日，只能延长一次', async () => {
    const [h, approver] = await loginAt(world, '2026-09-21', 'handlerA', 'approverA');
    const r = await registerVia(h!, world.units.countyAGov, { receivedDate: '2026-09-18' });
    assert.equal((await act(h!, r.id, 'accept')).status, 200);

    const byHandler = await act(h!, r.id, 'extend', { extensionDays: 10, reason: '需要调取档案' });
    assert.equal(byHandler.status, 403);
    assert.equal(byHandler.body.code, 'FORBIDDEN');
    const handlerView = await h!.get(`/api/disclosure/requests/${r.id}`);
    assert.ok(!handlerView.body.transitions.some((t: { name: string }) => t.name === 'extend'));
    const approverView = await approver!.get(`/api/disclosure/requests/${r.id}`);
    assert.deepEqual(approverView.body.transitions.map((t: { name: string }) => t.name), ['extend']);

    const tooLong = await act(approver!, r.id, 'extend', { extensionDays: 21, reason: '需要调取档案' });
    assert.equal(tooLong.status, 422);
    assert.equal(tooLong.body.details.fields[0].path, 'extensionDays');
    assert.ok(hasCjk(tooLong.body.details.fields[0].message));
    assert.equal((await openClock(h!, r.id, 'reply'))?.dueDate, '2026-10-22');

    const ok = await act(approver!, r.id, 'extend', { extensionDays: 10, reason: '需要调取档案' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.extensionDays, 10);
    const extended = await openClock(h!, r.id, 'reply');
    assert.equal(extended?.extensionDays, 10);
    assert.equal(extended?.dueDate, '2026-11-05');

    const again = await act(approver!, r.id, 'extend', { extensionDays: 5, reason: '再次延长' });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'INVALID_STATE');
    assert.ok(hasCjk(again.body.message));
    assert.equal((await openClock(h!, r.id, 'reply'))?.dueDate, '2026-11-05');
    // Once used up, the extension is no longer offered as an action.
    const afterView = await approver!.get(`/api/disclosure/requests/${r.id}`);
    assert.ok(!afterView.body.transitions.some((t: { name: string }) => t.name === 'extend'));

    // The full 20 working days are allowed.
    const r2 = await registerVia(h!, world.units.countyAGov, { receivedDate: '2026-09-18' });
    assert.equal((await act(h!, r2.id, 'accept')).status, 200);
    assert.equal((await act(approver!, r2.id, 'extend', { extensionDays: 20, reason: '情况复杂' })).status, 200);
    assert.equal((await openClock(h!, r2.id, 'reply'))?.dueDate, '2026-11-19');
  });

  test('政府信息公开条例第36条: 未声明的答复类型被拒绝（422，字段错误为中文）', async () => {
    const h = await loginOneAt(world, '2026-11-23', 'handlerA');
    const r = await registerVia(h, world.units.countyAGov);
    const res = await act(h, r.id, 'reply', { replyType: 'maybe_later', replySummary: '稍后再说', repliedDate: '2026-11-23' });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'VALIDATION_FAILED');
    const field = res.body.details.fields.find((f: { path: string }) => f.path === 'replyType');
    assert.ok(field, JSON.stringify(res.body));
    assert.ok(hasCjk(field.message));
    const still = await h.get(`/api/disclosure/requests/${r.id}`);
    assert.equal(still.body.record.status, 'registered');
    assert.equal(still.body.record.replyNo, null);
  });

  test('政府信息公开条例第36、37条: 8种答复类型均可作出答复', async () => {
    const h = await loginOneAt(world, '2026-11-23', 'handlerA');
    assert.equal(REPLY_TYPES.length, 8);
    for (const t of REPLY_TYPES) {
      const r = await registerVia(h, world.units.countyAGov);
      const res = await act(h, r.id, 'reply', { replyType: t.value, replySummary: `答复：${t.label}`, repliedDate: '2026-11-23' });
      assert.equal(res.status, 200, `${t.value}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.status, 'replied');
      assert.equal(res.body.replyType, t.value);
      assert.match(res.body.replyNo, /^甲政办依申复〔2026〕\d+号$/);
    }
  });

  test('政府信息公开条例第33条: 期限颜色——正常为绿，最后5个工作日为黄，逾期为红，答复后期限结束', async () => {
    let h = await loginOneAt(world, '2026-09-18', 'handlerA');
    const r = await registerVia(h, world.units.countyAGov, { receivedDate: '2026-09-18' });
    const expect = [
      ['2026-09-19', 'green', 20],
      ['2026-10-14', 'green', 6],
      ['2026-10-15', 'yellow', 5],
      ['2026-10-16', 'yellow', 4],
      ['2026-10-22', 'yellow', 0],
      ['2026-10-23', 'red', -1],
    ] as const;
    for (const [day, tone, remaining] of expect) {
      h = await loginOneAt(world, day, 'handlerA');
      const d = await openClock(h, r.id, 'reply');
      assert.equal(d?.dueDate, '2026-10-22');
      assert.equal(d?.tone, tone, day);
      assert.equal(d?.remainingWorkingDays, remaining, day);
    }
    // The list shows the same deadline.
    const list = await h.get(`/api/disclosure/requests?q=${encodeURIComponent(r.requestNo)}`);
    assert.equal(list.body.items[0].deadline.tone, 'red');
    const overdue = await h.get('/api/disclosure/requests?overdue=true&pageSize=200');
    assert.ok(overdue.body.items.some((i: { id: number }) => i.id === r.id));

    assert.equal((await act(h, r.id, 'reply', { replyType: 'disclosed', replySummary: '予以公开', repliedDate: '2026-10-23' })).status, 200);
    const all = await deadlines(h, r.id);
    const reply = all.find((d) => d.clockKey === 'reply')!;
    assert.equal(reply.status, 'stopped');
    assert.equal(reply.tone, 'done');
    assert.equal(reply.stoppedOn, '2026-10-23');
    assert.equal(await openClock(h, r.id, 'reply'), undefined);
  });
});

describe('答复书文号与答复书', () => {
  let world: TestWorld;
  let handler: TestClient;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    handler = await world.login('handlerA');
  });
  after(() => world.close());

  test('政府信息公开条例第36条: 答复时编答复书文号，同一单位同一年依次为1号、2号', async () => {
    const r1 = await registerVia(handler, world.units.countyAGov);
    const r2 = await registerVia(handler, world.units.countyAGov);
    const a = await act(handler, r1.id, 'reply', { replyType: 'disclosed', replySummary: '予以公开', repliedDate: '2026-11-23' });
    assert.equal(a.status, 200);
    assert.equal(a.body.replyNo, '甲政办依申复〔2026〕1号');
    const b = await act(handler, r2.id, 'reply', { replyType: 'not_exist', replySummary: '经检索没有该信息', repliedDate: '2026-11-23' });
    assert.equal(b.body.replyNo, '甲政办依申复〔2026〕2号');
    // Another unit keeps its own sequence.
    const town = await world.login('townA');
    const r3 = await registerVia(town, world.units.townA);
    const c = await act(town, r3.id, 'reply', { replyType: 'disclosed', replySummary: '予以公开', repliedDate: '2026-11-23' });
    assert.equal(c.body.replyNo, '甲镇依申复〔2026〕1号');
  });

  test('政府信息公开条例第36条: 答复书（.docx）含答复书文号与申请人，答复前不能生成（409）', async () => {
    const r = await registerVia(handler, world.units.countyAGov, { applicantName: '李四光' });
    const early = await handler.get(`/api/disclosure/requests/${r.id}/reply-document`);
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'INVALID_STATE');
    assert.ok(hasCjk(early.body.message));

    const replied = await act(handler, r.id, 'reply', { replyType: 'partially_disclosed', replySummary: '部分内容涉及个人隐私，不予公开', repliedDate: '2026-11-23' });
    assert.equal(replied.status, 200);
    const replyNo = replied.body.replyNo as string;
    const doc = await handler.get(`/api/disclosure/requests/${r.id}/reply-document`);
    assert.equal(doc.status, 200);
    assert.equal(doc.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(doc.raw.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
    assert.match(decodeURIComponent(doc.headers.get('content-disposition') ?? ''), /答复书.*\.docx/);
    const xml = readZipEntry(doc.raw, 'word/document.xml')?.toString('utf8');
    assert.ok(xml, 'word/document.xml 存在');
    assert.ok(xml.includes(replyNo), '含答复书文号');
    assert.ok(xml.includes('李四光'), '含申请人姓名');
    assert.ok(xml.includes('第三十七条'), '引用部分公开的条款');
  });
});
