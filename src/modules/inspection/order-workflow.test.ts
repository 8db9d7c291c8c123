/**
 * 督办单 main path over HTTP: finding → 签发 (number, clock, to-do) → .docx → 报送整改 with evidence →
 * 销号 (finding closed); returns with a new deadline; 约谈/通报 only when overdue; 转督办 from an overdue
 * deadline of another module (once per deadline); concurrency.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { registerVia } from '../disclosure/test/fixtures';
import { loginAt, readZipEntry, tableDigests } from '../../../test/support/disclosure-helpers';
import { actOn, CLOSE, findingBody, issueVia, orderBody, SUBMIT } from './test/fixtures';

describe('督办单：签发、整改、销号', () => {
  let world: TestWorld;
  let office: TestClient;
  let liaisonA: TestClient;

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    [office, liaisonA] = (await loginAt(world, '2026-11-23', 'office', 'liaisonA')) as [TestClient, TestClient];
  });
  after(() => world.close());

  test('针对督察问题签发督办单 → 下载督办单 → 单位报送整改（附佐证材料）→ 核查销号，问题随之销号', async () => {
    const f = await office.post('/api/inspection/findings', findingBody(world.units.countyADept));
    assert.equal(f.status, 200, JSON.stringify(f.body));
    assert.equal(f.body.status, 'open');

    const order = await issueVia(office, world.units.countyADept, { findingId: f.body.id, dueDate: '2026-12-04' });
    // Numbered on the issuing office (测治办), not on the ordered unit.
    assert.equal(order.orderNo, '测治办督办〔2026〕1号');
    assert.equal(order.status, 'issued');
    const second = await issueVia(office, world.units.countyBGov);
    assert.equal(second.orderNo, '测治办督办〔2026〕2号');

    const findings = await office.get(`/api/inspection/findings?q=${encodeURIComponent('裁量基准')}`);
    assert.equal(findings.body.items[0].status, 'ordered');
    assert.equal(findings.body.items[0].orderNo, order.orderNo);

    // A finding already ordered cannot be ordered again.
    const again = await office.post('/api/inspection/orders', orderBody(world.units.countyADept, { findingId: f.body.id }));
    assert.equal(again.status, 409);
    assert.match(again.body.message, /不能重复督办/);

    const detail = await liaisonA.get(`/api/inspection/orders/${order.id}`);
    assert.equal(detail.status, 200);
    const clock = detail.body.deadlines.find((d: { clockKey: string }) => d.clockKey === 'rectification');
    assert.equal(clock.dueDate, '2026-12-04');
    assert.equal(clock.unit, 'fixed_date');
    assert.deepEqual(detail.body.transitions.map((t: { name: string }) => t.name), ['submitRectification']);
    const home = await liaisonA.get('/api/home');
    assert.ok(home.body.todos.some((t: { title: string }) => t.title.includes(order.orderNo)), '被督办单位收到整改待办');

    const doc = await office.get(`/api/inspection/orders/${order.id}/document`);
    assert.equal(doc.status, 200);
    const xml = readZipEntry(doc.raw, 'word/document.xml')!.toString('utf8');
    for (const s of ['法治督察督办单', order.orderNo, '甲县自然资源局', '行政执法案卷评查问题整改', '补正法制审核意见', '2026年12月4日', '测试市依法治市办', '2026年11月23日', '督办单回执']) {
      assert.ok(xml.includes(s), `督办单缺少 ${s}`);
    }

    const form = new FormData();
    form.set('ownerType', 'supervision_order');
    form.set('ownerId', String(order.id));
    form.set('file', new File([Buffer.from('%PDF-1.4\n%evidence\n')], '整改佐证.pdf', { type: 'application/pdf' }));
    const up = await liaisonA.request('POST', '/api/attachments', form);
    assert.equal(up.status, 200, JSON.stringify(up.body));

    const sub = await actOn(liaisonA, order.id, 'submitRectification', SUBMIT);
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    assert.equal(sub.body.status, 'submitted');
    assert.equal(sub.body.submittedOn, '2026-11-23');

    const closed = await actOn(office, order.id, 'close', CLOSE);
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'closed');
    const fin = await office.get(`/api/inspection/findings?q=${encodeURIComponent('裁量基准')}`);
    assert.equal(fin.body.items[0].status, 'closed');
    const d2 = await office.get(`/api/inspection/orders/${order.id}`);
    assert.ok(d2.body.deadlines.every((d: { status: string }) => d.status === 'stopped'));
    assert.deepEqual(d2.body.history.map((h: { transition: string }) => h.transition), ['submitRectification', 'close']);
    // Once closed, the unit may no longer add evidence.
    const late = await liaisonA.request('POST', '/api/attachments', form);
    assert.equal(late.status, 403);
  });

  test('整改期限不能早于签发日期；问题单位须与被督办单位一致', async () => {
    const bad = await office.post('/api/inspection/orders', orderBody(world.units.countyADept, { dueDate: '2026-11-22' }));
    assert.equal(bad.status, 422);
    assert.equal(bad.body.details.fields[0].path, 'dueDate');
    const f = await office.post('/api/inspection/findings', findingBody(world.units.countyADept));
    const mismatch = await office.post('/api/inspection/orders', orderBody(world.units.countyBGov, { findingId: f.body.id }));
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.body.details.fields[0].path, 'orgId');
  });

  test('退回重新整改：新的整改期限重新起算；原期限已过而未给新期限的退回被拒绝', async () => {
    world.clock.set('2026-11-23T09:00:00');
    const [o, l] = await loginAt(world, '2026-11-23', 'office', 'liaisonA');
    const order = await issueVia(o!, world.units.countyADept, { dueDate: '2026-11-27' });
    assert.equal((await actOn(l!, order.id, 'submitRectification', SUBMIT)).status, 200);
    // 2026-11-30 (Mon): the original deadline (11-27) has passed.
    const [o2] = await loginAt(world, '2026-11-30', 'office');
    const noDate = await actOn(o2!, order.id, 'returnForRework', { reason: '佐证材料不全' });
    assert.equal(noDate.status, 422);
    assert.equal(noDate.body.details.fields[0].path, 'dueDate');
    const ok = await actOn(o2!, order.id, 'returnForRework', { reason: '佐证材料不全', dueDate: '2026-12-11' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.status, 'returned');
    assert.equal(ok.body.dueDate, '2026-12-11');
    const d = await o2!.get(`/api/inspection/orders/${order.id}`);
    const running = d.body.deadlines.filter((x: { status: string }) => x.status === 'running');
    assert.equal(running.length, 1);
    assert.equal(running[0].dueDate, '2026-12-11');
    assert.equal(running[0].startDate, '2026-11-30');
  });

  test('整改期限为交办日期：2026年国庆（10月1日至7日）期间届满的不顺延（法定期限才顺延至10月8日），10月6日即为逾期', async () => {
    // Issued 2026-09-25 with a deadline on 2026-10-05, inside the 国庆 holiday: not rolled over (not a statutory period).
    const [o] = await loginAt(world, '2026-09-25', 'office');
    const order = await issueVia(o!, world.units.countyADept, { dueDate: '2026-10-05' });
    const [o2] = await loginAt(world, '2026-10-06', 'office');
    let d = await o2!.get(`/api/inspection/orders/${order.id}`);
    assert.equal(d.body.deadlines[0].dueDate, '2026-10-05');
    assert.equal(d.body.deadlines[0].tone, 'red');
    // Overdue: 约谈 is offered and allowed, then 通报.
    assert.ok(d.body.transitions.some((t: { name: string }) => t.name === 'recordInterview'));
    const iv = await actOn(o2!, order.id, 'recordInterview', { interviewedOn: '2026-10-06', headName: '张局长', participants: '分管副局长、法制科长', interviewSummary: '要求十日内整改到位' });
    assert.equal(iv.status, 200, JSON.stringify(iv.body));
    assert.equal(iv.body.status, 'issued');
    assert.equal(iv.body.escalationLevel, 1);
    const nt = await actOn(o2!, order.id, 'issueNotice', { noticeNo: '测治办通报〔2026〕1号', noticeContent: '整改不力，予以通报批评。', noticePublishedOn: '2026-10-06' });
    assert.equal(nt.status, 200, JSON.stringify(nt.body));
    assert.equal(nt.body.escalationLevel, 2);
    d = await o2!.get('/api/inspection/orders?noticed=true');
    assert.ok(d.body.items.some((x: { id: number }) => x.id === order.id));
  });

  test('未逾期的督办单不能约谈、不能通报（409），也不提供这两个按钮', async () => {
    const [o] = await loginAt(world, '2026-11-23', 'office');
    const order = await issueVia(o!, world.units.countyADept, { dueDate: '2026-12-04' });
    const d = await o!.get(`/api/inspection/orders/${order.id}`);
    assert.deepEqual(d.body.transitions.map((t: { name: string }) => t.name), ['withdraw']);
    const iv = await actOn(o!, order.id, 'recordInterview', { interviewedOn: '2026-11-23', headName: '张局长', participants: '法制科长', interviewSummary: '约谈' });
    assert.equal(iv.status, 409);
    assert.match(iv.body.message, /尚未届满/);
    const nt = await actOn(o!, order.id, 'issueNotice', { noticeContent: '通报', noticePublishedOn: '2026-11-23' });
    assert.equal(nt.status, 409);
  });

  test('两人同时销号：一个成功，另一个 409，只留一条流转记录', async () => {
    const [o, l, o2] = await loginAt(world, '2026-11-23', 'office', 'liaisonA', 'office');
    const order = await issueVia(o!, world.units.countyADept);
    await actOn(l!, order.id, 'submitRectification', SUBMIT);
    const d = await o!.get(`/api/inspection/orders/${order.id}`);
    const v = d.body.record.version;
    const [a, b] = await Promise.all([
      o!.post(`/api/inspection/orders/${order.id}/transitions/close`, { version: v, input: CLOSE }),
      o2!.post(`/api/inspection/orders/${order.id}/transitions/returnForRework`, { version: v, input: { reason: '不到位' } }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const after = await o!.get(`/api/inspection/orders/${order.id}`);
    assert.equal(after.body.history.length, 2);
  });

  test('修改督察计划：两人同时修改，过期版本 409 且不写入', async () => {
    const [o] = await loginAt(world, '2026-11-23', 'office');
    const { planBody } = await import('./test/fixtures');
    const p = await o!.post('/api/inspection/plans', planBody());
    assert.equal(p.status, 200, JSON.stringify(p.body));
    const first = await o!.put(`/api/inspection/plans/${p.body.id}`, { ...planBody({ title: '甲修改后的计划' }), status: 'in_progress', version: 1 });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const stale = await o!.put(`/api/inspection/plans/${p.body.id}`, { ...planBody({ title: '乙修改后的计划' }), status: 'completed', version: 1 });
    assert.equal(stale.status, 409);
    const detail = await o!.get(`/api/inspection/plans/${p.body.id}`);
    assert.equal(detail.body.plan.title, '甲修改后的计划');
    assert.equal(detail.body.plan.status, 'in_progress');
  });
});

describe('逾期事项转督办', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-10-09T09:00:00' });
  });
  after(() => world.close());

  test('依申请公开答复期限（条例第三十三条，20个工作日，2026-09-01收到，中秋09-25放假、09-20周日调休上班，09-29届满）逾期 → 一键转督办给承办单位，链接回原记录；同一期限不能有第二份未销号的督办单', async () => {
    // Received 2026-09-01: 20 working days (中秋 09-25 off, Sunday 09-20 a shifted working day) end 2026-09-29.
    const [handler] = await loginAt(world, '2026-09-01', 'handlerA');
    const req = await registerVia(handler!, world.units.countyAGov, { receivedDate: '2026-09-01' });
    const [office] = await loginAt(world, '2026-10-09', 'office');
    const list = await office!.get('/api/deadlines?tone=overdue');
    const item = list.body.items.find((d: { entityId: number; module: string; clockKey: string }) => d.module === 'disclosure' && d.entityId === req.id && d.clockKey === 'reply');
    assert.ok(item, JSON.stringify(list.body));
    assert.equal(item.dueDate, '2026-09-29');

    const before = await tableDigests(world, ['supervision_order']);
    const bad = await office!.post('/api/inspection/orders/from-deadline', { clockId: item.clockId, requirement: '依法答复', dueDate: '2026-10-08' });
    assert.equal(bad.status, 422);
    assert.deepEqual(await tableDigests(world, ['supervision_order']), before);

    const res = await office!.post('/api/inspection/orders/from-deadline', { clockId: item.clockId, requirement: '请立即依法答复并报送逾期原因', dueDate: '2026-10-16' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.orgId, world.units.countyAGov);
    assert.equal(res.body.source, 'overdue_deadline');
    assert.equal(res.body.sourceModule, 'disclosure');
    assert.equal(res.body.sourceEntityId, req.id);
    assert.equal(res.body.sourceLink, `/disclosure/requests/${req.id}`);
    assert.match(res.body.title, /逾期督办/);

    const dup = await office!.post('/api/inspection/orders/from-deadline', { clockId: item.clockId, requirement: '再次督办', dueDate: '2026-10-20' });
    assert.equal(dup.status, 409);
    assert.match(dup.body.message, new RegExp(res.body.orderNo.replace(/[〔〕]/g, '.')));

    // The unit without a right to see the deadline gets 404.
    const [liaisonB] = await loginAt(world, '2026-10-09', 'liaisonB');
    const other = await liaisonB!.post('/api/inspection/orders/from-deadline', { clockId: item.clockId, requirement: '依法答复', dueDate: '2026-10-16' });
    assert.equal(other.status, 403);
    const [office2] = await loginAt(world, '2026-10-09', 'office');
    const missing = await office2!.post('/api/inspection/orders/from-deadline', { clockId: 999999, requirement: '依法答复', dueDate: '2026-10-16' });
    assert.equal(missing.status, 404);
  });
});
