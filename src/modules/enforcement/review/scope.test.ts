/**
 * Data scope of the review area: the 司法局 supervisor (本辖区), the body's own staff (本单位), a county leader,
 * another county's liaison and the city office, on lists, details (404), exports, the board and the statistics
 * (with `orgId` narrowing).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, type TestClient, type TestWorld } from '../../../../test/support/test-platform';
import { complaintBody, docBody, fullScores, ok, reviewInScoring, seedBodies, type ReviewWorld } from './test/fixtures';
import { computeStatistic } from '../../../kernel';
import { issueDoc } from './service/docs';

describe('数据权限与统计', () => {
  let world: TestWorld;
  let rw: ReviewWorld;
  const c: Record<string, TestClient> = {};
  let docA = 0;
  let docB = 0;
  let complaintA = 0;
  let reviewId = 0;

  before(async () => {
    world = await createTestWorld({ now: '2026-09-15T10:00:00' });
    rw = await seedBodies(world, 3);
    for (const u of ['supervisorA', 'liaisonA', 'liaisonAGov', 'liaisonB', 'leaderA', 'leaderB', 'office', 'staffA']) c[u] = await world.login(u);
    const sup = c.supervisorA!;
    const r = await reviewInScoring(sup, [rw.bodyA.id, rw.bodyA2.id], 2);
    reviewId = r.id;
    const cuts = [{ p1: 12 }, {}, { e1: 30 }, { d1: 5 }];
    for (const [i, f] of r.detail.files.entries()) {
      const cut = cuts[i] as Record<string, number>;
      const scores = fullScores(cut.e1 ? { e1: 25, l1: 5 } : cut);
      ok(
        await sup.post(`/api/enforcement/reviews/files/${f.id}/score`, {
          version: f.version,
          scores,
          reviewers: ['评查员甲', '评查员乙'],
          problems: i === 1 ? [] : [{ category: i === 2 ? 'evidence' : 'procedure', description: '发现的问题描述' }],
        }),
        '打分',
      );
    }
    docA = ok(await sup.post('/api/enforcement/supervision', docBody(rw.bodyA.id, { issuedDate: '2026-09-01', servedDate: '2026-09-01' })), '意见书').id;
    ok(await sup.post('/api/enforcement/supervision', docBody(rw.bodyA2.id, { kind: 'notice', issuedDate: '2026-09-01', servedDate: '2026-09-01' })), '通知书');
    complaintA = ok(await sup.post('/api/enforcement/complaints', complaintBody(rw.bodyA.id)), '投诉').id;
    // A 乙县 document, issued by a supervisor whose supervise scope covers 乙县 (a city-level supervisor).
    const ctx = await world.ctxAs('supervisorA');
    docB = (await issueDoc({ ...ctx, actor: { ...ctx.actor!, grants: { ...ctx.actor!.grants, 'enforcement:supervise': 'all' } } }, docBody(rw.bodyB.id, { issuedDate: '2026-09-01', servedDate: '2026-09-01' }) as never)).id;
  });
  after(async () => world?.close());

  const ids = (res: { body: { items: { id: number }[] } }) => res.body.items.map((i) => i.id).sort((a, b) => a - b);

  test('执法监督文书列表：司法局看本辖区，执法主体只看本单位，县领导看本县，其他县看不到，市依法治市办看全部', async () => {
    assert.deepEqual(ids(await c.supervisorA!.get('/api/enforcement/supervision')).includes(docB), false, '甲县司法局看不到乙县的文书');
    assert.equal(ids(await c.supervisorA!.get('/api/enforcement/supervision')).length, 2);
    assert.deepEqual(ids(await c.liaisonA!.get('/api/enforcement/supervision')), [docA]);
    assert.deepEqual(ids(await c.staffA!.get('/api/enforcement/supervision')), [docA]);
    assert.equal(ids(await c.leaderA!.get('/api/enforcement/supervision')).length, 2);
    assert.deepEqual(ids(await c.liaisonB!.get('/api/enforcement/supervision')), [docB]);
    assert.equal(ids(await c.office!.get('/api/enforcement/supervision')).length, 3);
  });

  test('范围外的详情、文书下载、投诉详情均为 404', async () => {
    assert.equal((await c.liaisonB!.get(`/api/enforcement/supervision/${docA}`)).status, 404);
    assert.equal((await c.liaisonB!.get(`/api/enforcement/supervision/${docA}/document`)).status, 404);
    assert.equal((await c.liaisonAGov!.get(`/api/enforcement/supervision/${docA}`)).status, 404, '同县其他单位也看不到');
    assert.equal((await c.supervisorA!.get(`/api/enforcement/supervision/${docB}`)).status, 404);
    assert.equal((await c.liaisonB!.get(`/api/enforcement/complaints/${complaintA}`)).status, 404);
    assert.equal((await c.leaderB!.get(`/api/enforcement/reviews/${reviewId}`)).status, 404);
    assert.equal((await c.leaderA!.get(`/api/enforcement/reviews/${reviewId}`)).status, 200);
  });

  test('评查活动：执法主体只看到本单位被评查的案卷，组织单位看到全部', async () => {
    const mine = ok(await c.liaisonA!.get(`/api/enforcement/reviews/${reviewId}`), '主体');
    assert.ok(mine.files.length > 0);
    assert.ok(mine.files.every((f: { bodyId: number }) => f.bodyId === rw.bodyA.id));
    assert.equal(ok(await c.supervisorA!.get(`/api/enforcement/reviews/${reviewId}`), '组织').files.length, 4);
    assert.equal(ok(await c.liaisonB!.get('/api/enforcement/reviews'), '乙县').total, 0);
  });

  test('导出按导出权限范围：执法人员只导出本单位，他县领导没有导出权限', async () => {
    const read = async (res: { raw: Buffer }) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.raw as never);
      return wb.worksheets[0]!.rowCount - 1;
    };
    const staff = await c.staffA!.get('/api/enforcement/supervision/export');
    assert.equal(staff.status, 200);
    assert.equal(await read(staff), 1);
    const sup = await c.supervisorA!.get('/api/enforcement/reviews/files/export');
    assert.equal(await read(sup), 4);
    assert.equal((await c.leaderB!.get('/api/enforcement/supervision/export')).status, 403);
  });

  test('统计：数值按数据权限与 orgId 限定（案卷、问题、平均分、文书、投诉）', async () => {
    const sup = await world.ctxAs('supervisorA');
    const stat = async (ctx: typeof sup, id: string, orgId?: number) => (await computeStatistic(ctx, id, { year: 2026, ...(orgId ? { orgId } : {}) })).value;
    assert.equal(await stat(sup, 'enforcement.files_reviewed'), 4);
    assert.equal(await stat(sup, 'enforcement.review_problems'), 3);
    // Scores: 88 (p1 −12), 100, 70 (e1 −25, l1 −5), 95 (d1 −5) in some order → average 88.3.
    assert.equal(await stat(sup, 'enforcement.review_average_score'), 88.3);
    assert.equal(await stat(sup, 'enforcement.files_reviewed', world.units.countyADept), 2, 'orgId 限定到甲县自然资源局');
    assert.equal(await stat(sup, 'enforcement.supervision_opinions'), 1, '乙县的意见书不计入甲县司法局');
    assert.equal(await stat(sup, 'enforcement.supervision_notices'), 1);
    assert.equal(await stat(sup, 'enforcement.supervision_decisions'), 0);
    assert.equal(await stat(sup, 'enforcement.complaints'), 1);
    assert.equal(await stat(sup, 'enforcement.complaints_substantiated'), 0);
    assert.equal(await stat(sup, 'enforcement.supervision_reply_on_time_rate'), null, '尚无回复');
    const office = await world.ctxAs('office');
    assert.equal(await stat(office, 'enforcement.supervision_opinions'), 2);
    assert.equal(await stat(office, 'enforcement.supervision_opinions', world.units.countyB), 1);
    const liaisonB = await world.ctxAs('liaisonB');
    assert.equal(await stat(liaisonB, 'enforcement.files_reviewed'), 0);
    const board = ok(await c.liaisonA!.get('/api/enforcement/supervision-board?year=2026'), '看板');
    assert.equal(board.figures.find((f: { id: string }) => f.id === 'enforcement.files_reviewed').value, 2, '看板同样按范围');
  });
});
