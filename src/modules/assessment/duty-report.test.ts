/**
 * 述职述法: the main path (unit submits → office returns → unit resubmits → office reviews), every
 * transition × state × user generated from the machine, one report per unit and year, the anti-join
 * of units that have not reported, the .docx, and concurrency.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { createScheme, defaultTargets, dutyReportBody, ok } from './test/fixtures';
import { readZipEntry } from '../../../test/support/disclosure-helpers';
import { queryRows } from '../../kernel/db/client';
import { dutyReportMachine } from './duty-report-machine';

type State = keyof typeof dutyReportMachine.states;
const INPUT: Record<string, Record<string, unknown>> = {
  review: { rating: 'good', reviewComment: '报告全面具体' },
  returnForRevision: { reason: '请补充行政复议纠错情况' },
  resubmit: { summary: '补充后的述法内容：全年行政复议被纠错1件，已整改到位，其他情况同前。', problems: '无', plans: '继续加强' },
};
const USER_FOR: Record<string, string> = { manage: 'office', report: 'liaisonA' };

describe('述职述法', () => {
  let world: TestWorld;
  const as: Record<string, TestClient> = {};
  let year = 2000;

  const detail = async (id: number, user = 'office') => ok(await as[user]!.get(`/api/assessment/duty-reports/${id}`), '详情');
  const act = async (user: string, id: number, name: string, input: Record<string, unknown> = INPUT[name]!) => {
    const d = await detail(id);
    return as[user]!.post(`/api/assessment/duty-reports/${id}/transitions/${name}`, { version: d.record.version, input });
  };
  /** A fresh report of 甲县自然资源局 (a new year each time: one report per unit and year) in `state`. */
  const build = async (state: State): Promise<number> => {
    year += 1;
    const r = ok(await as.liaisonA!.post('/api/assessment/duty-reports', dutyReportBody(world.units.countyADept, { year, reportDate: '2026-11-20' })), '报送');
    if (state === 'returned') assert.equal((await act('office', r.id, 'returnForRevision')).status, 200);
    if (state === 'reviewed') assert.equal((await act('office', r.id, 'review')).status, 200);
    return r.id;
  };

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    for (const u of ['office', 'liaisonA', 'liaisonAGov', 'liaisonB', 'leaderA']) as[u] = await world.login(u);
  });
  after(() => world.close());

  test('主流程：单位报送 → 依法治办退回修改 → 单位重新报送 → 依法治办审阅；待办随状态流转', async () => {
    const r = ok(await as.liaisonA!.post('/api/assessment/duty-reports', dutyReportBody(world.units.countyADept)), '报送');
    assert.equal(r.status, 'submitted');
    const todo = async () =>
      queryRows<{ permission: string; title: string }>(world.platform.services.db, sql`select permission, title from todo where entity_type = 'duty_report' and entity_id = ${r.id} and done_at is null`);
    assert.deepEqual((await todo()).map((t) => t.permission), ['assessment:manage']);
    assert.equal((await act('office', r.id, 'returnForRevision')).status, 200);
    assert.deepEqual((await todo()).map((t) => t.permission), ['assessment:report']);
    assert.equal((await act('liaisonA', r.id, 'resubmit')).status, 200);
    const reviewed = await act('office', r.id, 'review', { rating: 'fairly_good', reviewComment: '问题查找准确' });
    assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
    const d = await detail(r.id, 'liaisonA');
    assert.equal(d.record.status, 'reviewed');
    assert.equal(d.record.rating, 'fairly_good');
    assert.match(d.record.summary, /补充后的述法内容/);
    assert.deepEqual(d.history.map((h: { transition: string }) => h.transition), ['returnForRevision', 'resubmit', 'review']);
    assert.equal((await todo()).length, 0);
  });

  test('每个单位每年只报送一份；只能为本单位报送；述法日期不能晚于今天', async () => {
    const dup = await as.liaisonA!.post('/api/assessment/duty-reports', dutyReportBody(world.units.countyADept));
    assert.equal(dup.status, 422);
    assert.match(dup.body.details.fields[0].message, /已报送/);
    const other = await as.liaisonA!.post('/api/assessment/duty-reports', dutyReportBody(world.units.countyBGov));
    assert.equal(other.status, 422);
    assert.equal(other.body.details.fields[0].path, 'orgId');
    const future = await as.liaisonAGov!.post('/api/assessment/duty-reports', dutyReportBody(world.units.countyAGov, { reportDate: '2026-11-24' }));
    assert.equal(future.status, 422);
    assert.equal(future.body.details.fields[0].path, 'reportDate');
    assert.equal((await as.office!.post('/api/assessment/duty-reports', dutyReportBody(world.units.countyAGov))).status, 403);
  });

  for (const [name, def] of Object.entries(dutyReportMachine.transitions)) {
    for (const state of Object.keys(dutyReportMachine.states) as State[]) {
      const allowed = (def.from as readonly string[]).includes(state);
      test(`${def.label}（${name}）自“${dutyReportMachine.states[state].label}”：${allowed ? '有权者可以，无权者 403，他县 404' : '状态不符 409，记录不变'}`, async () => {
        const id = await build(state);
        const before0 = await detail(id);
        if (!allowed) {
          const res = await act(USER_FOR[def.permission]!, id, name);
          assert.equal(res.status, 409, JSON.stringify(res.body));
          assert.equal((await detail(id)).record.version, before0.record.version);
          return;
        }
        // Without the permission: office cannot resubmit (no report permission), liaison cannot review; leaders only read.
        const wrongUser = def.permission === 'manage' ? 'liaisonA' : 'office';
        assert.equal((await act(wrongUser, id, name)).status, 403);
        assert.equal((await act('leaderA', id, name)).status, 403);
        // Another county's liaison does not see the report at all.
        const other = await as.liaisonB!.post(`/api/assessment/duty-reports/${id}/transitions/${name}`, { version: before0.record.version, input: INPUT[name] });
        assert.equal(other.status, 404);
        assert.equal((await detail(id)).record.version, before0.record.version);
        const res = await act(USER_FOR[def.permission]!, id, name);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.equal(res.body.status, def.to);
      });
    }
  }

  test('同一版本的两个并发审阅只有一个生效，另一个 409', async () => {
    const id = await build('submitted');
    const d = await detail(id);
    const office2 = await world.login('office');
    const [a, b] = await Promise.all([
      as.office!.post(`/api/assessment/duty-reports/${id}/transitions/review`, { version: d.record.version, input: INPUT.review }),
      office2.post(`/api/assessment/duty-reports/${id}/transitions/returnForRevision`, { version: d.record.version, input: INPUT.returnForRevision }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    assert.equal((await detail(id)).history.length, 1);
  });

  test('未报送单位：方案被考核单位中当年没有报告的（反连接），按数据权限；截止日期已过标记逾期', async () => {
    const office = as.office!;
    await createScheme(office, defaultTargets(world));
    const all = ok(await office.get('/api/assessment/duty-reports/missing?year=2026'), '未报送');
    // 甲县自然资源局 reported 2026 above; 甲县政府办 and 乙县政府办 have not.
    assert.deepEqual(all.units.map((u: { orgName: string }) => u.orgName).sort(), ['乙县人民政府办公室', '甲县人民政府办公室'].sort());
    assert.equal(all.overdue, false);
    const mine = ok(await as.liaisonAGov!.get('/api/assessment/duty-reports/missing?year=2026'), '未报送');
    assert.deepEqual(mine.units.map((u: { orgName: string }) => u.orgName), ['甲县人民政府办公室']);
    world.clock.set('2026-12-01T09:00:00');
    const late = ok(await (await world.login('office')).get('/api/assessment/duty-reports/missing?year=2026'), '未报送');
    assert.equal(late.overdue, true);
    world.clock.set('2026-11-23T09:00:00');
  });

  test('述职述法报告 .docx 含单位、述法人、履职内容和审阅意见', async () => {
    const id = await build('reviewed');
    const res = await as.liaisonA!.get(`/api/assessment/duty-reports/${id}/document`);
    assert.equal(res.status, 200);
    assert.match(decodeURIComponent(res.headers.get('content-disposition') ?? ''), /甲县自然资源局\d{4}年度述职述法报告\.docx/);
    const xml = readZipEntry(res.raw, 'word/document.xml')!.toString('utf8');
    for (const s of ['甲县自然资源局', '履行推进法治建设第一责任人职责情况述职述法报告', '述法人：张志强（党组书记、局长），形式：书面述法', '专题研究法治建设3次', '存在问题', '审阅意见（好）：报告全面具体']) {
      assert.ok(xml.includes(s), `docx 缺少“${s}”`);
    }
    assert.equal((await as.liaisonB!.get(`/api/assessment/duty-reports/${id}/document`)).status, 404);
  });
});
