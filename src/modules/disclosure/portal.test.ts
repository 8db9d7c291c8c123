/**
 * 网上申请 (portal): anonymous submission, progress look-up by receipt code, personal data protection
 * (encrypted at rest, masked in lists, revealed only with an audited reason) and the rate limit.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { requestBody } from './test/fixtures';
import { hasCjk } from '../../../test/support/disclosure-helpers';
import { queryRows, sql } from '../../kernel/db/client';

/** What the portal form sends: no channel or received date (the server sets them). */
const portalBody = (orgId: number, over: Record<string, unknown> = {}) => {
  const { channel: _c, receivedDate: _r, ...rest } = requestBody(orgId, over);
  return rest;
};

const ID_NUMBER = '11010519491231002X';
const PHONE = '13800138000';
const ADDRESS = '示范省测试市甲县城关镇人民路1号';
const EMAIL = 'zhangsan@example.com';

describe('门户网上申请', () => {
  let world: TestWorld;
  let anon: TestClient;
  let handler: TestClient;
  let receiptCode = '';
  let requestNo = '';
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    anon = world.anonymous();
    handler = await world.login('handlerA');
  });
  after(() => world.close());

  test('政府信息公开条例第31条: 网上申请以提交之日为收到申请之日，登记为网上申请、待审查，承办单位可见', async () => {
    const orgs = await anon.get('/api/public/disclosure/orgs');
    assert.equal(orgs.status, 200);
    const names = orgs.body.items.map((o: { name: string }) => o.name);
    assert.ok(names.includes('甲县人民政府办公室'));
    assert.ok(names.includes('甲镇'));
    assert.ok(!names.includes('测试市依法治市办'));

    const res = await anon.post('/api/public/disclosure/requests', portalBody(world.units.countyAGov, { applicantName: '王小明' }));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.body.receiptCode, /^[A-Z0-9]{12}$/);
    assert.equal(res.body.receivedDate, '2026-11-23');
    assert.match(res.body.requestNo, /^甲政办依申〔2026〕1号$/);
    receiptCode = res.body.receiptCode;
    requestNo = res.body.requestNo;

    const list = await handler.get('/api/disclosure/requests');
    assert.equal(list.body.total, 1);
    const item = list.body.items[0];
    assert.equal(item.requestNo, requestNo);
    assert.equal(item.channel, 'online');
    assert.equal(item.receivedDate, '2026-11-23');
    assert.equal(item.status, 'registered');
    assert.equal(item.deadline.dueDate, '2026-12-21');
    // Not visible to another county.
    const b = await world.login('handlerB');
    assert.equal((await b.get('/api/disclosure/requests')).body.total, 0);
  });

  test('凭查询码查询：状态、答复期限与打码的申请人姓名；查询码不区分大小写；不存在的查询码 404', async () => {
    const res = await anon.get(`/api/public/disclosure/requests/${receiptCode}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.requestNo, requestNo);
    assert.equal(res.body.status, 'registered');
    assert.equal(res.body.statusLabel, '待审查');
    assert.equal(res.body.dueDate, '2026-12-21');
    assert.equal(res.body.applicantName, '王**');
    assert.equal(res.body.orgName, '甲县人民政府办公室');
    assert.ok(!JSON.stringify(res.body).includes(ID_NUMBER));
    assert.ok(!JSON.stringify(res.body).includes(PHONE));
    assert.equal((await anon.get(`/api/public/disclosure/requests/${receiptCode.toLowerCase()}`)).body.requestNo, requestNo);

    let unknown = 'ZZZZZZZZZZZZ';
    if (unknown === receiptCode) unknown = 'YYYYYYYYYYYY';
    const missing = await anon.get(`/api/public/disclosure/requests/${unknown}`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'NOT_FOUND');
    assert.ok(hasCjk(missing.body.message));
    const malformed = await anon.get('/api/public/disclosure/requests/abc');
    assert.equal(malformed.status, 422);
  });

  test('乡镇（town）受理网上申请；依法治市办（committee_office）不受理（422）', async () => {
    const town = await anon.post('/api/public/disclosure/requests', portalBody(world.units.townA));
    assert.equal(town.status, 200);
    assert.match(town.body.requestNo, /^甲镇依申〔2026〕1号$/);

    const [{ n: before }] = (await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from disclosure_request`)) as [{ n: number }];
    const office = await anon.post('/api/public/disclosure/requests', portalBody(world.units.cityOffice));
    assert.equal(office.status, 422);
    assert.equal(office.body.code, 'VALIDATION_FAILED');
    assert.equal(office.body.details.fields[0].path, 'orgId');
    assert.ok(hasCjk(office.body.details.fields[0].message));
    const missingUnit = await anon.post('/api/public/disclosure/requests', portalBody(999999));
    assert.equal(missingUnit.status, 422);
    const [{ n: after }] = (await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from disclosure_request`)) as [{ n: number }];
    assert.equal(after, before);
  });

  test('网上申请不能自行指定渠道或收到日期', async () => {
    const res = await anon.post('/api/public/disclosure/requests', { ...portalBody(world.units.countyAGov), channel: 'in_person', receivedDate: '2026-01-05' });
    assert.equal(res.status, 200);
    assert.equal(res.body.receivedDate, '2026-11-23');
    const [row] = await queryRows<{ channel: string; received_date: string }>(
      world.platform.services.db,
      sql`select channel, received_date::text from disclosure_request where receipt_code = ${res.body.receiptCode}`,
    );
    assert.deepEqual(row, { channel: 'online', received_date: '2026-11-23' });
  });

  test('个人信息保护: 身份证号、电话、地址、电子邮箱加密存储，列表与详情打码', async () => {
    const rows = await queryRows<{ id: number; applicant_id_number: string; applicant_phone: string; applicant_address: string; applicant_email: string }>(
      world.platform.services.db,
      sql`select id, applicant_id_number, applicant_phone, applicant_address, applicant_email from disclosure_request where request_no = ${requestNo}`,
    );
    const raw = rows[0]!;
    for (const v of [raw.applicant_id_number, raw.applicant_phone, raw.applicant_address, raw.applicant_email]) {
      assert.ok(v && v.length > 20);
      assert.ok(!v.includes(ID_NUMBER) && !v.includes('1949123') && !v.includes(PHONE) && !v.includes('00138') && !v.includes('人民路') && !v.includes('zhangsan'), v);
    }
    const detail = await handler.get(`/api/disclosure/requests/${raw.id}`);
    assert.equal(detail.body.record.applicantIdNumber, '110***********002X');
    assert.equal(detail.body.record.applicantPhone, '138****8000');
    assert.ok(!detail.body.record.applicantAddress.includes('人民路1号'));
    assert.equal(detail.body.record.applicantEmail, 'z***@example.com');
    const list = await handler.get('/api/disclosure/requests');
    const text = JSON.stringify(list.body);
    assert.ok(!text.includes(ID_NUMBER) && !text.includes(PHONE) && !text.includes('人民路1号'));
    const exported = await handler.get('/api/disclosure/requests/export');
    assert.equal(exported.status, 200);
  });

  test('查看完整个人信息须填写事由，返回原文并留审计记录（request.reveal_personal_data）', async () => {
    const [{ id }] = (await queryRows<{ id: number }>(world.platform.services.db, sql`select id from disclosure_request where request_no = ${requestNo}`)) as [{ id: number }];
    const noReason = await handler.post(`/api/disclosure/requests/${id}/reveal`, { reason: '' });
    assert.equal(noReason.status, 422);
    assert.equal(noReason.body.details.fields[0].path, 'reason');
    assert.ok(hasCjk(noReason.body.details.fields[0].message));
    const leader = await world.login('leaderA');
    assert.equal((await leader.post(`/api/disclosure/requests/${id}/reveal`, { reason: '核实申请人身份' })).status, 403);

    const res = await handler.post(`/api/disclosure/requests/${id}/reveal`, { reason: '电话联系申请人补正' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { applicantIdNumber: ID_NUMBER, applicantPhone: PHONE, applicantAddress: ADDRESS, applicantEmail: EMAIL });
    const audit = await queryRows<{ actor_id: number; reason: string; entity_id: string }>(
      world.platform.services.db,
      sql`select actor_id, reason, entity_id from audit_log where action = 'request.reveal_personal_data'`,
    );
    assert.deepEqual(audit, [{ actor_id: world.users.handlerA!, reason: '电话联系申请人补正', entity_id: String(id) }]);
  });

  test('网上申请的收到日期按北京时间计（北京时间早上7点仍是当天）', async () => {
    world.clock.set('2026-11-24T07:00:00+08:00');
    const res = await anon.post('/api/public/disclosure/requests', portalBody(world.units.countyAGov));
    assert.equal(res.status, 200);
    assert.equal(res.body.receivedDate, '2026-11-24');
  });
});

describe('门户限流', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
  });
  after(() => world.close());

  test('同一来源一分钟内第21次访问门户被拒绝（429），一分钟后恢复', async () => {
    const anon = world.anonymous();
    for (let i = 1; i <= 20; i += 1) {
      const res = await anon.get('/api/public/disclosure/orgs');
      assert.equal(res.status, 200, `第 ${i} 次`);
    }
    const before = await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from disclosure_request`);
    const limited = await anon.post('/api/public/disclosure/requests', portalBody(world.units.countyAGov));
    assert.equal(limited.status, 429);
    assert.equal(limited.body.code, 'RATE_LIMITED');
    assert.ok(hasCjk(limited.body.message));
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    const afterLimited = await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from disclosure_request`);
    assert.deepEqual(afterLimited, before);
    // Staff routes are not limited by the portal's counter.
    const handler = await world.login('handlerA');
    assert.equal((await handler.get('/api/disclosure/requests')).status, 200);

    world.clock.advance(61_000);
    assert.equal((await anon.get('/api/public/disclosure/orgs')).status, 200);
  });
});
