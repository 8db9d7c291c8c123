/**
 * 数据权限 of 法治考核: liaisonA (甲县自然资源局, 本单位) vs liaisonB (乙县政府办) vs leaderA (甲县, 本单位及下级)
 * vs office (全部) on scheme results and ranks, score grid, duty reports, study sessions, exams,
 * exports and statistics; a record outside scope is 404.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { createScheme, defaultTargets, dutyReportBody, ok, studyBody } from './test/fixtures';

describe('法治考核的数据权限', () => {
  let world: TestWorld;
  const as: Record<string, TestClient> = {};
  let schemeId = 0;
  let draftId = 0;
  let reportA = 0;
  let reportB = 0;
  let examId = 0;

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    for (const u of ['office', 'liaisonA', 'liaisonAGov', 'liaisonB', 'leaderA', 'leaderB']) as[u] = await world.login(u);
    const { countyADept, countyAGov, countyBGov } = world.units;
    const scheme = await createScheme(as.office!, defaultTargets(world));
    schemeId = scheme.id;
    draftId = (await createScheme(as.office!, defaultTargets(world), { draft: true })).id;
    const [i1, i2] = scheme.itemIds as [number, number];
    ok(
      await as.office!.request('PUT', `/api/assessment/schemes/${schemeId}/scores`, {
        entries: [
          { itemId: i1, orgId: countyADept, score: '20' },
          { itemId: i2, orgId: countyADept, score: '20' },
          { itemId: i1, orgId: countyAGov, score: '30' },
          { itemId: i2, orgId: countyAGov, score: '25' },
          { itemId: i1, orgId: countyBGov, score: '25' },
          { itemId: i2, orgId: countyBGov, score: '25' },
        ],
      }),
      '评分',
    );
    reportA = ok(await as.liaisonA!.post('/api/assessment/duty-reports', dutyReportBody(countyADept)), '报送').id;
    reportB = ok(await as.liaisonB!.post('/api/assessment/duty-reports', dutyReportBody(countyBGov)), '报送').id;
    ok(await as.liaisonA!.post('/api/assessment/study-sessions', studyBody(countyADept, { durationHours: '2' })), '学法');
    ok(await as.liaisonAGov!.post('/api/assessment/study-sessions', studyBody(countyAGov, { durationHours: '1.5' })), '学法');
    ok(await as.liaisonB!.post('/api/assessment/study-sessions', studyBody(countyBGov, { durationHours: '3' })), '学法');
    examId = ok(await as.office!.post('/api/assessment/exams', { title: '2026年度领导干部学法考试', year: 2026, examDate: '2026-10-20', orgId: world.units.cityOffice }), '考试').id;
    ok(await as.liaisonA!.request('PUT', `/api/assessment/exams/${examId}/results`, { orgId: countyADept, eligible: 10, participated: 10, passed: 10 }), '成绩');
    ok(await as.liaisonAGov!.request('PUT', `/api/assessment/exams/${examId}/results`, { orgId: countyAGov, eligible: 10, participated: 9, passed: 8 }), '成绩');
    ok(await as.liaisonB!.request('PUT', `/api/assessment/exams/${examId}/results`, { orgId: countyBGov, eligible: 20, participated: 20, passed: 19 }), '成绩');
  });
  after(() => world.close());

  test('结果表：排名在全部被考核单位中计算，单位只看到本单位一行及其名次，领导看到本县各单位，依法治办看到全部', async () => {
    const rows = async (u: string) => ok(await as[u]!.get(`/api/assessment/schemes/${schemeId}/results`), '结果').rows.map((r: { orgName: string; rank: number; total: number }) => [r.orgName, r.rank, r.total]);
    assert.deepEqual(await rows('office'), [
      ['甲县人民政府办公室', 1, 55],
      ['乙县人民政府办公室', 2, 50],
      ['甲县自然资源局', 3, 40],
    ]);
    assert.deepEqual(await rows('liaisonA'), [['甲县自然资源局', 3, 40]]);
    assert.deepEqual(await rows('liaisonB'), [['乙县人民政府办公室', 2, 50]]);
    assert.deepEqual(await rows('leaderA'), [
      ['甲县人民政府办公室', 1, 55],
      ['甲县自然资源局', 3, 40],
    ]);
  });

  test('评分表只含本人范围内的单位与得分；草拟中的方案只有依法治办可见（其他人 404）', async () => {
    const grid = ok(await as.liaisonB!.get(`/api/assessment/schemes/${schemeId}/scores`), '评分表');
    assert.deepEqual(grid.targets.map((t: { orgName: string }) => t.orgName), ['乙县人民政府办公室']);
    assert.ok(grid.scores.every((s: { orgId: number }) => s.orgId === world.units.countyBGov));
    assert.equal((await as.liaisonA!.get(`/api/assessment/schemes/${draftId}`)).status, 404);
    assert.equal((await as.office!.get(`/api/assessment/schemes/${draftId}`)).status, 200);
    const list = ok(await as.liaisonA!.get('/api/assessment/schemes'), '列表');
    assert.deepEqual(list.items.map((s: { id: number }) => s.id), [schemeId]);
    assert.equal((await as.leaderB!.get(`/api/assessment/schemes/${schemeId}/results`)).body.rows.length, 1);
  });

  test('单位不能评分、不能自动取数（403）；评分依据附件只有范围内可读', async () => {
    const res = await as.liaisonA!.request('PUT', `/api/assessment/schemes/${schemeId}/scores`, { entries: [{ itemId: 1, orgId: world.units.countyADept, score: '30' }] });
    assert.equal(res.status, 403);
    assert.equal((await as.liaisonA!.post(`/api/assessment/schemes/${schemeId}/compute-auto`, {})).status, 403);
  });

  test('述职述法：列表、详情、未报送名单按范围；他县报告 404', async () => {
    const ids = async (u: string) => ok(await as[u]!.get('/api/assessment/duty-reports'), '列表').items.map((r: { id: number }) => r.id).sort();
    assert.deepEqual(await ids('office'), [reportA, reportB].sort());
    assert.deepEqual(await ids('liaisonA'), [reportA]);
    assert.deepEqual(await ids('leaderA'), [reportA]);
    assert.deepEqual(await ids('liaisonB'), [reportB]);
    assert.equal((await as.liaisonA!.get(`/api/assessment/duty-reports/${reportB}`)).status, 404);
    assert.equal((await as.leaderA!.get(`/api/assessment/duty-reports/${reportB}`)).status, 404);
    assert.equal((await as.leaderB!.get(`/api/assessment/duty-reports/${reportB}`)).status, 200);
  });

  test('学法记录与考试情况按范围；单位只能为本单位登记', async () => {
    const units = async (u: string) => ok(await as[u]!.get('/api/assessment/study-sessions'), '学法').items.map((r: { orgName: string }) => r.orgName).sort();
    assert.equal((await units('office')).length, 3);
    assert.deepEqual(await units('liaisonA'), ['甲县自然资源局']);
    assert.deepEqual(await units('leaderA'), ['甲县人民政府办公室', '甲县自然资源局'].sort());
    const other = await as.liaisonA!.post('/api/assessment/study-sessions', studyBody(world.units.countyBGov));
    assert.equal(other.status, 422);
    assert.equal(other.body.details.fields[0].path, 'orgId');
    const exam = ok(await as.leaderA!.get(`/api/assessment/exams/${examId}`), '考试');
    assert.deepEqual(exam.results.map((r: { orgName: string }) => r.orgName).sort(), ['甲县人民政府办公室', '甲县自然资源局'].sort());
    assert.deepEqual([exam.overall.eligible, exam.overall.participated, exam.overall.passed], [20, 19, 18]);
    const mine = ok(await as.liaisonA!.get(`/api/assessment/exams/${examId}`), '考试');
    assert.equal(mine.results.length, 1);
    assert.equal(mine.results[0].bothFull, true);
    const cross = await as.liaisonA!.request('PUT', `/api/assessment/exams/${examId}/results`, { orgId: world.units.countyBGov, eligible: 1, participated: 1, passed: 1 });
    assert.equal(cross.status, 422);
  });

  test('导出：单位（无导出权限）403；领导无导出权限 403；依法治办导出全部', async () => {
    for (const path of [`/api/assessment/schemes/${schemeId}/results/export`, '/api/assessment/duty-reports/export', '/api/assessment/study-sessions/export', `/api/assessment/exams/${examId}/results/export`]) {
      assert.equal((await as.liaisonA!.get(path)).status, 403, path);
      assert.equal((await as.leaderA!.get(path)).status, 403, path);
      const res = await as.office!.get(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.raw.subarray(0, 2).toString(), 'PK');
    }
  });

  test('统计：按范围与单位子树计算（学法次数、时长、参考率、通过率、述职述法数、考核单位数）', async () => {
    const stats = async (u: string, orgId?: number) => {
      const res = ok(await as[u]!.get(`/api/assessment/statistics?year=2026${orgId ? `&orgId=${orgId}` : ''}`), '统计');
      return Object.fromEntries(res.items.map((i: { id: string; value: number | null }) => [i.id.replace('assessment.', ''), i.value]));
    };
    assert.deepEqual(await stats('office'), { study_sessions: 3, study_hours: 6.5, exam_participation_rate: 97.5, exam_pass_rate: 94.9, duty_reports: 2, units_assessed: 3 });
    assert.deepEqual(await stats('office', world.units.countyA), { study_sessions: 2, study_hours: 3.5, exam_participation_rate: 95, exam_pass_rate: 94.7, duty_reports: 1, units_assessed: 2 });
    assert.deepEqual(await stats('liaisonA'), { study_sessions: 1, study_hours: 2, exam_participation_rate: 100, exam_pass_rate: 100, duty_reports: 1, units_assessed: 1 });
    // A unit outside the reader's scope yields nothing, not the other county's figures.
    assert.deepEqual(await stats('liaisonA', world.units.countyB), { study_sessions: 0, study_hours: 0, exam_participation_rate: null, exam_pass_rate: null, duty_reports: 0, units_assessed: 0 });
    const catalog = await as.office!.get('/api/reports/statistics?year=2026');
    assert.equal(catalog.status, 200);
    assert.ok(JSON.stringify(catalog.body).includes('assessment.exam_pass_rate'));
  });
});
