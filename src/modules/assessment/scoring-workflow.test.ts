/**
 * 考核方案 through HTTP: draft → items/units → publish (items frozen) → scores (grid, 民主测评 counts,
 * 自动取数 from 按期答复率) → result table with ranks → finalize (scores frozen).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { registerVia } from '../disclosure/test/fixtures';
import { createScheme, defaultTargets, ok, schemeBody } from './test/fixtures';
import { queryRows } from '../../kernel/db/client';
import { autoScore, democraticScore } from './options';

describe('考核方案、评分与结果', () => {
  let world: TestWorld;
  let office: TestClient;
  let scheme: { id: number; version: number; itemIds: number[] };

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    office = await world.login('office');
    // 甲县政府办 answered one request on time: its 按期答复率 is 100%.
    const handler = await world.login('handlerA');
    const r = await registerVia(handler, world.units.countyAGov, { receivedDate: '2026-11-20' });
    const d = await handler.get(`/api/disclosure/requests/${r.id}`);
    const reply = await handler.post(`/api/disclosure/requests/${r.id}/transitions/reply`, {
      version: d.body.record.version,
      input: { replyType: 'disclosed', replySummary: '予以公开', repliedDate: '2026-11-23' },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    scheme = await createScheme(office, defaultTargets(world));
  });
  after(() => world.close());

  test('民主测评得分 = 满分 ×（满意 + 0.6 × 基本满意）÷ 总票数', () => {
    assert.equal(democraticScore(20, 30, 10, 0), 18);
    assert.equal(democraticScore(15, 20, 5, 5), 11.5);
    assert.equal(democraticScore(15, 0, 0, 10), 0);
    assert.equal(democraticScore(15, 0, 0, 0), 0);
  });

  test('自动取数规则：比率得分 = 满分 × 比率%；按件扣分不低于 0；无数据按 0 分并注明', () => {
    assert.equal(autoScore({ maxScore: 10, autoRule: 'rate', penalty: null }, 95.5).score, 9.55);
    assert.equal(autoScore({ maxScore: 10, autoRule: 'count_penalty', penalty: 2 }, 3).score, 4);
    assert.equal(autoScore({ maxScore: 10, autoRule: 'count_penalty', penalty: 2 }, 9).score, 0);
    const none = autoScore({ maxScore: 10, autoRule: 'rate', penalty: null }, null);
    assert.equal(none.score, 0);
    assert.match(none.note, /无数据/);
  });

  test('方案详情显示总分值 100；发布后考核项目冻结（409），被考核单位不能再调整', async () => {
    const d = ok(await office.get(`/api/assessment/schemes/${scheme.id}`), '详情');
    assert.equal(d.totalMaxScore, 100);
    assert.equal(d.scheme.status, 'published');
    assert.equal(d.targets.length, 3);
    const add = await office.post(`/api/assessment/schemes/${scheme.id}/items`, { item: { name: '新项目', maxScore: '5', scorer: 'office' }, version: d.scheme.version });
    assert.equal(add.status, 409);
    assert.match(add.body.message, /已发布/);
    const targets = await office.request('PUT', `/api/assessment/schemes/${scheme.id}/targets`, { orgIds: [world.units.countyA], version: d.scheme.version });
    assert.equal(targets.status, 409);
  });

  test('自动取数项目只能绑定已声明的统计项（中文字段错误）', async () => {
    const draft = ok(await office.post('/api/assessment/schemes', schemeBody({ title: '草稿方案' })), '新建');
    const res = await office.post(`/api/assessment/schemes/${draft.id}/items`, {
      item: { name: '自动项', maxScore: '10', scorer: 'auto', statisticId: 'disclosure.no_such_figure', autoRule: 'rate' },
      version: draft.version,
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.details.fields[0].path, 'item.statisticId');
    assert.match(res.body.details.fields[0].message, /未声明/);
    const noRule = await office.post(`/api/assessment/schemes/${draft.id}/items`, { item: { name: '自动项', maxScore: '10', scorer: 'auto', statisticId: 'disclosure.on_time_rate' }, version: draft.version });
    assert.equal(noRule.status, 422);
    assert.ok(noRule.body.details.fields.some((f: { message: string }) => f.message.includes('取数规则')));
  });

  test('自动取数：按各单位的按期答复率计分，原始值写入说明，并记入审计', async () => {
    const res = ok(await office.post(`/api/assessment/schemes/${scheme.id}/compute-auto`, {}), '自动取数');
    assert.equal(res.computed, 3);
    const grid = ok(await office.get(`/api/assessment/schemes/${scheme.id}/scores`), '评分表');
    const autoItem = scheme.itemIds[2]!;
    const gov = grid.scores.find((s: { itemId: number; orgId: number }) => s.itemId === autoItem && s.orgId === world.units.countyAGov);
    assert.equal(gov.score, 20);
    assert.equal(gov.rawValue, 100);
    assert.match(gov.note, /按期答复率 2026年 = 100%/);
    const dept = grid.scores.find((s: { itemId: number; orgId: number }) => s.itemId === autoItem && s.orgId === world.units.countyADept);
    assert.equal(dept.score, 0);
    assert.match(dept.note, /无数据/);
    const [audit] = await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from audit_log where action = 'score.compute_auto'`);
    assert.equal(audit!.n, 1);
  });

  test('录入评分：超过满分、自动取数项目、民主测评缺票数逐项报错，整批不写入', async () => {
    const [office1, third, auto, democratic] = scheme.itemIds as [number, number, number, number];
    const res = await office.request('PUT', `/api/assessment/schemes/${scheme.id}/scores`, {
      entries: [
        { itemId: office1, orgId: world.units.countyADept, score: '28' },
        { itemId: third, orgId: world.units.countyADept, score: '31' },
        { itemId: auto, orgId: world.units.countyADept, score: '10' },
        { itemId: democratic, orgId: world.units.countyADept, satisfied: 10 },
        { itemId: office1, orgId: world.units.countyA, score: '10' },
      ],
    });
    assert.equal(res.status, 422);
    const paths = res.body.details.fields.map((f: { path: string }) => f.path);
    assert.deepEqual(paths, ['entries.1.score', 'entries.2.score', 'entries.3.satisfied', 'entries.4.orgId']);
    assert.match(res.body.details.fields[0].message, /不能超过满分 30/);
    const grid = ok(await office.get(`/api/assessment/schemes/${scheme.id}/scores`), '评分表');
    assert.equal(grid.scores.filter((s: { itemId: number }) => s.itemId === office1).length, 0);
  });

  test('录入评分与民主测评票数（按公式计分），结果表按总分排名，单元格可查评分说明与依据', async () => {
    const [office1, third, , democratic] = scheme.itemIds as [number, number, number, number];
    const { countyADept, countyAGov, countyBGov } = world.units;
    const save = ok(
      await office.request('PUT', `/api/assessment/schemes/${scheme.id}/scores`, {
        entries: [
          { itemId: office1, orgId: countyADept, score: '28', note: '扣2分：专题研究仅1次', evidence: '党组会议纪要' },
          { itemId: third, orgId: countyADept, score: '27.5' },
          { itemId: democratic, orgId: countyADept, satisfied: 30, basicallySatisfied: 10, dissatisfied: 0 },
          { itemId: office1, orgId: countyAGov, score: '25' },
          { itemId: third, orgId: countyAGov, score: '20' },
          { itemId: office1, orgId: countyBGov, score: '30' },
          { itemId: third, orgId: countyBGov, score: '23.5' },
        ],
      }),
      '录入',
    );
    assert.equal(save.saved, 7);
    const res = ok(await office.get(`/api/assessment/schemes/${scheme.id}/results`), '结果');
    // 甲县自然资源局 28 + 27.5 + 0 + 18 = 73.5; 甲县政府办 25 + 20 + 20 = 65; 乙县政府办 30 + 23.5 = 53.5.
    assert.deepEqual(
      res.rows.map((r: { orgName: string; total: number; rank: number }) => [r.orgName, r.total, r.rank]),
      [
        ['甲县自然资源局', 73.5, 1],
        ['甲县人民政府办公室', 65, 2],
        ['乙县人民政府办公室', 53.5, 3],
      ],
    );
    const cell = res.rows[0].scores[String(office1)];
    assert.equal(cell.note, '扣2分：专题研究仅1次');
    assert.equal(cell.evidence, '党组会议纪要');
    assert.equal(res.rows[0].scores[String(democratic)].satisfied, 30);
  });

  test('改分须带所见版本：两人同时改同一得分，一个成功一个 409', async () => {
    const office1 = scheme.itemIds[0]!;
    const grid = ok(await office.get(`/api/assessment/schemes/${scheme.id}/scores`), '评分表');
    const s = grid.scores.find((x: { itemId: number; orgId: number }) => x.itemId === office1 && x.orgId === world.units.countyBGov);
    const other = await world.login('office');
    const body = (score: string) => ({ entries: [{ itemId: office1, orgId: world.units.countyBGov, score, version: s.version }] });
    const [a, b] = await Promise.all([office.request('PUT', `/api/assessment/schemes/${scheme.id}/scores`, body('29')), other.request('PUT', `/api/assessment/schemes/${scheme.id}/scores`, body('26'))]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const noVersion = await office.request('PUT', `/api/assessment/schemes/${scheme.id}/scores`, { entries: [{ itemId: office1, orgId: world.units.countyBGov, score: '20' }] });
    assert.equal(noVersion.status, 409);
  });

  test('定稿后评分冻结：录入与自动取数均 409', async () => {
    const d = ok(await office.get(`/api/assessment/schemes/${scheme.id}`), '详情');
    ok(await office.post(`/api/assessment/schemes/${scheme.id}/finalize`, { version: d.scheme.version }), '定稿');
    const save = await office.request('PUT', `/api/assessment/schemes/${scheme.id}/scores`, { entries: [{ itemId: scheme.itemIds[0], orgId: world.units.countyADept, score: '1', version: 1 }] });
    assert.equal(save.status, 409);
    assert.equal((await office.post(`/api/assessment/schemes/${scheme.id}/compute-auto`, {})).status, 409);
  });

  test('发布须有考核项目和被考核单位（中文字段错误）', async () => {
    const draft = ok(await office.post('/api/assessment/schemes', schemeBody({ title: '空方案' })), '新建');
    const res = await office.post(`/api/assessment/schemes/${draft.id}/publish`, { version: draft.version });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.details.fields.map((f: { path: string }) => f.path).sort(), ['items', 'targets']);
  });
});
