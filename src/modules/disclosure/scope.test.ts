/**
 * 数据权限: every way of reaching requests (list, detail, transitions, activity, reply document, export,
 * statistics, home, attachments, reveal) is limited to the user's scope in SQL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, TEST_PASSWORD, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { insertUser } from '../../kernel/auth/user-service';
import { act, registerVia } from './test/fixtures';
import { queryRows, sql } from '../../kernel/db/client';

const USERS = ['handlerA', 'approverA', 'deptA', 'leaderA', 'townA', 'handlerB', 'leaderB', 'office', 'sysadmin', 'auditor'] as const;
type User = (typeof USERS)[number];

/** The request numbers in column 登记号 of an exported sheet (header row and trailing note excluded). */
const exportedNumbers = async (raw: Buffer): Promise<string[]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  assert.equal(ws.getRow(1).getCell(1).value, '登记号');
  const out: string[] = [];
  for (let r = 2; r <= ws.rowCount; r += 1) {
    const v = ws.getRow(r).getCell(1).value;
    if (typeof v === 'string' && /依申〔/.test(v)) out.push(v);
    else assert.fail(`第 ${r} 行不是申请：${String(v)}`);
  }
  return out.sort();
};

const statValue = (body: { items: { id: string; value: number | null }[] }, id: string) => body.items.find((i) => i.id === id)?.value;
const reportValue = (body: { sections: { items: { id: string; value: number | null }[] }[] }, id: string) =>
  body.sections.flatMap((s) => s.items).find((i) => i.id === id)?.value;

describe('依申请公开数据权限', () => {
  let world: TestWorld;
  const as = {} as Record<User, TestClient>;
  /** Request ids and numbers by unit key. */
  const byUnit: Record<string, { id: number; requestNo: string }[]> = { countyAGov: [], countyADept: [], townA: [], countyBGov: [] };
  let repliedA = 0;
  let repliedB = 0;
  let attachmentA = '';
  let attachmentB = '';
  const ids = (...units: string[]) => units.flatMap((u) => byUnit[u]!.map((r) => r.id)).sort((a, b) => a - b);
  const numbers = (...units: string[]) => units.flatMap((u) => byUnit[u]!.map((r) => r.requestNo)).sort();

  const uploadPdf = async (client: TestClient, ownerId: number) => {
    const form = new FormData();
    form.set('ownerType', 'disclosure_request');
    form.set('ownerId', String(ownerId));
    form.set('file', new File([Buffer.from('%PDF-1.4\n%test\n')], '申请书.pdf', { type: 'application/pdf' }));
    return client.request('POST', '/api/attachments', form);
  };

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    for (const u of USERS) as[u] = await world.login(u);
    const add = async (user: User, unit: keyof typeof byUnit, n: number) => {
      for (let i = 0; i < n; i += 1) {
        const r = await registerVia(as[user], world.units[unit as keyof typeof world.units], { applicantName: `${unit}申请人${i}` });
        byUnit[unit]!.push({ id: r.id, requestNo: r.requestNo });
      }
    };
    await add('handlerA', 'countyAGov', 3);
    await add('deptA', 'countyADept', 2);
    await add('townA', 'townA', 2);
    await add('handlerB', 'countyBGov', 2);
    repliedA = byUnit.countyAGov![0]!.id;
    repliedB = byUnit.countyBGov![0]!.id;
    for (const [client, id] of [[as.handlerA, repliedA], [as.handlerB, repliedB]] as const) {
      const res = await act(client, id, 'reply', { replyType: 'disclosed', replySummary: '予以公开', repliedDate: '2026-11-23' });
      assert.equal(res.status, 200);
    }
    const upA = await uploadPdf(as.handlerA, byUnit.countyAGov![1]!.id);
    assert.equal(upA.status, 200, JSON.stringify(upA.body));
    attachmentA = upA.body.id;
    const upB = await uploadPdf(as.handlerB, byUnit.countyBGov![1]!.id);
    assert.equal(upB.status, 200, JSON.stringify(upB.body));
    attachmentB = upB.body.id;
  });
  after(() => world.close());

  test('乙县 handlerB 的列表（总数与条目）只有乙县的申请', async () => {
    const list = await as.handlerB.get('/api/disclosure/requests?pageSize=200');
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 2);
    assert.deepEqual(list.body.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b), ids('countyBGov'));
    // A keyword that matches countyA's applicants finds nothing.
    const q = await as.handlerB.get(`/api/disclosure/requests?q=${encodeURIComponent('countyAGov申请人')}`);
    assert.equal(q.body.total, 0);
    assert.deepEqual(q.body.items, []);
  });

  test('handlerB 对甲县申请的详情、办理、操作记录、答复书、查看个人信息一律 404', async () => {
    for (const id of ids('countyAGov', 'countyADept', 'townA')) {
      for (const path of [`/api/disclosure/requests/${id}`, `/api/disclosure/requests/${id}/activity`, `/api/disclosure/requests/${id}/reply-document`]) {
        const res = await as.handlerB.get(path);
        assert.equal(res.status, 404, path);
        assert.equal(res.body.code, 'NOT_FOUND');
      }
      const t = await as.handlerB.post(`/api/disclosure/requests/${id}/transitions/accept`, { version: 1, input: {} });
      assert.equal(t.status, 404);
      const reveal = await as.handlerB.post(`/api/disclosure/requests/${id}/reveal`, { reason: '核实申请人身份' });
      assert.equal(reveal.status, 404);
    }
    // The replied countyA request's document exists, but not for handlerB.
    assert.equal((await as.handlerA.get(`/api/disclosure/requests/${repliedA}/reply-document`)).status, 200);
    assert.equal((await as.handlerB.get(`/api/disclosure/requests/${repliedA}/reply-document`)).status, 404);
    assert.equal((await as.handlerB.get(`/api/disclosure/requests/${repliedB}/reply-document`)).status, 200);
    // Nothing changed on countyA's requests.
    const [row] = await queryRows<{ n: number }>(
      world.platform.services.db,
      sql`select count(*)::int as n from case_transition where actor_id = ${world.users.handlerB}`,
    );
    assert.equal(row!.n, 1);
  });

  test('导出（.xlsx）只含本人数据范围内的申请', async () => {
    const b = await as.handlerB.get('/api/disclosure/requests/export');
    assert.equal(b.status, 200);
    assert.deepEqual(await exportedNumbers(b.raw), numbers('countyBGov'));
    const a = await as.handlerA.get('/api/disclosure/requests/export');
    assert.deepEqual(await exportedNumbers(a.raw), numbers('countyAGov'));
    const office = await as.office.get('/api/disclosure/requests/export');
    assert.deepEqual(await exportedNumbers(office.raw), numbers('countyAGov', 'countyADept', 'townA', 'countyBGov'));
    // The orgId filter cannot widen the export either.
    const widened = await as.handlerB.get(`/api/disclosure/requests/export?orgId=${world.units.countyAGov}`);
    assert.deepEqual(await exportedNumbers(widened.raw), []);
  });

  test('统计（模块统计与年度报表）只计本人数据范围内的申请', async () => {
    const expected: [User, number, number][] = [
      ['handlerA', 3, 1],
      ['deptA', 2, 0],
      ['townA', 2, 0],
      ['leaderA', 7, 1],
      ['handlerB', 2, 1],
      ['leaderB', 2, 1],
      ['office', 9, 2],
    ];
    for (const [user, received, replied] of expected) {
      const s = await as[user].get('/api/disclosure/statistics?year=2026');
      assert.equal(s.status, 200, user);
      assert.equal(statValue(s.body, 'disclosure.received'), received, `${user} 收到`);
      assert.equal(statValue(s.body, 'disclosure.replied'), replied, `${user} 已答复`);
      const r = await as[user].get('/api/reports/statistics?year=2026');
      assert.equal(r.status, 200, user);
      assert.equal(reportValue(r.body, 'disclosure.received'), received, `${user} 报表收到`);
      assert.equal(reportValue(r.body, 'disclosure.replied'), replied, `${user} 报表已答复`);
    }
  });

  test('首页待办与临近期限只含本人数据范围内的申请', async () => {
    const home = await as.handlerB.get('/api/home');
    assert.equal(home.status, 200);
    const openB = byUnit.countyBGov!.filter((r) => r.id !== repliedB);
    assert.deepEqual(
      home.body.todos.map((t: { title: string }) => t.title).sort(),
      openB.map((r) => `审查依申请公开申请：${r.requestNo} countyBGov申请人1`).sort(),
    );
    const entityIds = (body: { deadlines: { entityId: number }[] }) => [...new Set(body.deadlines.map((d) => d.entityId))].sort((x, y) => x - y);
    assert.deepEqual(entityIds(home.body), openB.map((r) => r.id));
    const homeA = await as.handlerA.get('/api/home');
    const openA = byUnit.countyAGov!.filter((r) => r.id !== repliedA).map((r) => r.id);
    assert.deepEqual(home.body.todos.length + homeA.body.todos.length, openB.length + openA.length);
    assert.deepEqual(entityIds(homeA.body), openA);
    for (const t of homeA.body.todos as { title: string }[]) assert.match(t.title, /甲政办依申/);
  });

  test('附件：handlerB 不能列出、下载或上传甲县申请的附件（404）', async () => {
    const owner = byUnit.countyAGov![1]!.id;
    const list = await as.handlerB.get(`/api/attachments?ownerType=disclosure_request&ownerId=${owner}`);
    assert.equal(list.status, 404);
    const dl = await as.handlerB.get(`/api/attachments/${attachmentA}/download`);
    assert.equal(dl.status, 404);
    const up = await uploadPdf(as.handlerB, owner);
    assert.equal(up.status, 404);
    // In scope it works, and leaderA (read) sees countyA's attachment but may not add one.
    const listA = await as.handlerA.get(`/api/attachments?ownerType=disclosure_request&ownerId=${owner}`);
    assert.deepEqual(listA.body.items.map((i: { id: string }) => i.id), [attachmentA]);
    assert.equal((await as.leaderA.get(`/api/attachments/${attachmentA}/download`)).status, 200);
    assert.equal((await as.leaderA.get(`/api/attachments/${attachmentB}/download`)).status, 404);
    assert.equal((await uploadPdf(as.leaderA, owner)).status, 404);
    const [row] = await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from attachment`);
    assert.equal(row!.n, 2);
  });

  test('甲县 leaderA（本单位及下级）看到县政府办、自然资源局、甲镇的申请，看不到乙县', async () => {
    const list = await as.leaderA.get('/api/disclosure/requests?pageSize=200');
    assert.equal(list.body.total, 7);
    assert.deepEqual(list.body.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b), ids('countyAGov', 'countyADept', 'townA'));
    for (const id of ids('countyAGov', 'countyADept', 'townA')) assert.equal((await as.leaderA.get(`/api/disclosure/requests/${id}`)).status, 200);
    for (const id of ids('countyBGov')) assert.equal((await as.leaderA.get(`/api/disclosure/requests/${id}`)).status, 404);
    const town = await as.leaderA.get(`/api/disclosure/requests?orgId=${world.units.townA}`);
    assert.deepEqual(town.body.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b), ids('townA'));
  });

  test('依法治市办 office（全部）看到所有申请', async () => {
    const list = await as.office.get('/api/disclosure/requests?pageSize=200');
    assert.equal(list.body.total, 9);
    assert.deepEqual(list.body.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b), ids('countyAGov', 'countyADept', 'townA', 'countyBGov'));
    const byCounty = await as.office.get(`/api/disclosure/requests?orgId=${world.units.countyA}&pageSize=200`);
    assert.equal(byCounty.body.total, 7);
  });

  test('orgId 筛选不能扩大数据范围', async () => {
    for (const [user, unit] of [
      ['handlerB', world.units.countyAGov],
      ['handlerB', world.units.city],
      ['handlerA', world.units.countyBGov],
      ['handlerA', world.units.countyA],
      ['leaderA', world.units.countyB],
      ['deptA', world.units.countyAGov],
    ] as const) {
      const res = await as[user].get(`/api/disclosure/requests?orgId=${unit}&pageSize=200`);
      assert.equal(res.status, 200);
      const expected = user === 'handlerB' && unit === world.units.city ? 2 : user === 'handlerA' && unit === world.units.countyA ? 3 : 0;
      assert.equal(res.body.total, expected, `${user} orgId=${unit}`);
      assert.equal(res.body.items.length, expected);
    }
  });

  test('查阅范围大于办理范围的用户（依法治市办查阅 + 甲镇办理）只能办理本人办理范围内的申请', async () => {
    const roles = await queryRows<{ id: number; code: string }>(world.platform.services.db, sql`select id, code from role`);
    const roleId = (code: string) => roles.find((r) => r.code === code)!.id;
    await insertUser(world.platform.services.db, {
      username: 'mixedTown',
      displayName: 'mixedTown',
      orgId: world.units.townA,
      roleIds: [roleId('rule_of_law_office'), roleId('disclosure_handler')],
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
    const mixed = await world.login('mixedTown');
    const other = byUnit.countyAGov![2]!.id;
    const own = byUnit.townA![0]!.id;
    // Reading the county's request is within the 查阅 scope (all)…
    const seen = await mixed.get(`/api/disclosure/requests/${other}`);
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.body.transitions, [], '不在办理范围内的申请不显示办理按钮');
    // …but handling it is not: refused, nothing changed.
    for (const [name, input] of [
      ['accept', {}],
      ['withdraw', { reason: '申请人撤回' }],
      ['reply', { replyType: 'disclosed', replySummary: '予以公开', repliedDate: '2026-11-23' }],
    ] as const) {
      const res = await mixed.post(`/api/disclosure/requests/${other}/transitions/${name}`, { version: seen.body.record.version, input });
      assert.equal(res.status, 403, `${name}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.code, 'FORBIDDEN');
    }
    const reveal = await mixed.post(`/api/disclosure/requests/${other}/reveal`, { reason: '核实申请人身份' });
    assert.ok(reveal.status === 403 || reveal.status === 404, String(reveal.status));
    const after = await as.handlerA.get(`/api/disclosure/requests/${other}`);
    assert.equal(after.body.record.status, 'registered');
    assert.equal(after.body.record.version, seen.body.record.version);
    // Its own town's request it may handle.
    const d = await mixed.get(`/api/disclosure/requests/${own}`);
    assert.ok(d.body.transitions.some((t: { name: string }) => t.name === 'accept'));
    const ok = await mixed.post(`/api/disclosure/requests/${own}/transitions/accept`, { version: d.body.record.version, input: {} });
    assert.equal(ok.status, 200);
  });

  test('一致性：每个用户列表中的申请 = 详情能打开（200）的申请', async () => {
    const [{ n }] = (await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from disclosure_request`)) as [{ n: number }];
    const all = ids('countyAGov', 'countyADept', 'townA', 'countyBGov');
    assert.equal(n, all.length);
    for (const user of USERS) {
      const list = await as[user].get('/api/disclosure/requests?pageSize=200');
      const listed = list.status === 200 ? (list.body.items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b) : [];
      if (list.status === 200) assert.equal(list.body.total, listed.length, user);
      else assert.equal(list.status, 403, user);
      const visible: number[] = [];
      for (const id of all) {
        const d = await as[user].get(`/api/disclosure/requests/${id}`);
        assert.ok(d.status === 200 || d.status === 404, `${user} ${id}: ${d.status}`);
        if (d.status === 200) visible.push(id);
      }
      assert.deepEqual(listed, visible, user);
    }
  });
});
