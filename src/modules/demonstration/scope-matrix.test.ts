import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { actOn, createTaskVia, REPORT, seedEdition, type DemoEdition } from './test/fixtures';
import { loginAt } from '../../../test/support/disclosure-helpers';
import { assignmentMachine } from './assignment-machine';

const USERS = ['office', 'liaisonA', 'liaisonB', 'leaderA'] as const;
type User = (typeof USERS)[number];

describe('示范创建：数据权限与流转矩阵', () => {
  let world: TestWorld;
  let ed: DemoEdition;
  const as = {} as Record<User, TestClient>;
  /** Assignments of one task: countyADept (甲县自然资源局) leads, countyBGov (乙县政府办) cooperates. */
  let aId = 0;
  let bId = 0;

  before(async () => {
    world = await createTestWorld({ now: '2026-09-01T09:00:00' });
    ed = await seedEdition(world);
    const clients = await loginAt(world, '2026-09-01', ...USERS);
    USERS.forEach((u, i) => (as[u] = clients[i]!));
    const { assignments } = await createTaskVia(as.office, { indicatorId: ed.ids['1.1.1'], title: '范围测试任务', dueDate: '2026-10-30', leadOrgId: world.units.countyADept, coOrgIds: [world.units.countyBGov] });
    aId = assignments[0]!.id;
    bId = assignments[1]!.id;
    await actOn(as.liaisonA, aId, 'report', REPORT);
    await actOn(as.office, aId, 'close', { score: 80 });
    await actOn(as.liaisonB, bId, 'report', REPORT);
    await actOn(as.office, bId, 'close', { score: 95 });
  });
  after(() => world.close());

  const ids = (body: { items: { id: number }[] }) => body.items.map((r) => r.id).sort((x, y) => x - y);

  test('列表：办公室看全部；法制员只看本单位；甲县领导看本县及下级；乙县法制员看不到甲县的任务', async () => {
    assert.deepEqual(ids((await as.office.get('/api/demonstration/assignments')).body), [aId, bId]);
    assert.deepEqual(ids((await as.liaisonA.get('/api/demonstration/assignments')).body), [aId]);
    assert.deepEqual(ids((await as.liaisonB.get('/api/demonstration/assignments')).body), [bId]);
    assert.deepEqual(ids((await as.leaderA.get('/api/demonstration/assignments')).body), [aId]);
    // A unit filter cannot widen the scope.
    assert.deepEqual(ids((await as.liaisonB.get(`/api/demonstration/assignments?orgId=${world.units.countyA}`)).body), []);
  });

  test('详情：范围外为 404；附件亦然', async () => {
    assert.equal((await as.liaisonB.get(`/api/demonstration/assignments/${aId}`)).status, 404);
    assert.equal((await as.leaderA.get(`/api/demonstration/assignments/${bId}`)).status, 404);
    assert.equal((await as.leaderA.get(`/api/demonstration/assignments/${aId}`)).status, 200);
    assert.equal((await as.liaisonB.get(`/api/attachments?ownerType=task_assignment&ownerId=${aId}`)).status, 404);
  });

  test('导出：仅办公室有导出权限，导出内容按范围', async () => {
    const res = await as.office.get('/api/demonstration/assignments/export');
    assert.equal(res.status, 200);
    assert.equal(res.raw.subarray(0, 2).toString(), 'PK');
    assert.equal((await as.liaisonA.get('/api/demonstration/assignments/export')).status, 403);
  });

  test('看板与统计按范围：法制员只见本单位的数字', async () => {
    const unitsOf = async (c: TestClient) => (await c.get('/api/demonstration/boards/units')).body.items.map((r: { orgId: number }) => r.orgId).sort();
    assert.deepEqual(await unitsOf(as.office), [world.units.countyADept, world.units.countyBGov].sort());
    assert.deepEqual(await unitsOf(as.liaisonA), [world.units.countyADept]);
    assert.deepEqual(await unitsOf(as.leaderA), [world.units.countyADept]);
    const stat = async (c: TestClient, q = '') => Object.fromEntries((await c.get(`/api/demonstration/statistics?year=2026${q}`)).body.items.map((i: { id: string; value: number }) => [i.id, i.value]));
    assert.equal((await stat(as.office))['demonstration.assignments_closed'], 2);
    assert.equal((await stat(as.office, `&orgId=${world.units.countyA}`))['demonstration.assignments_closed'], 1);
    assert.equal((await stat(as.liaisonA))['demonstration.assignments_closed'], 1);
    assert.equal((await stat(as.liaisonB, `&orgId=${world.units.countyA}`))['demonstration.assignments_closed'], 0);
  });

  test('横向排名：在全部单位中排名后按范围显示——乙县法制员只见本单位“第1名/共2个单位”，甲县见“第2名/共2个”', async () => {
    const office = (await as.office.get('/api/demonstration/boards/ranking')).body.items;
    assert.deepEqual(office.map((r: { orgId: number; rank: number; units: number }) => [r.orgId, r.rank, r.units]), [
      [world.units.countyBGov, 1, 2],
      [world.units.countyADept, 2, 2],
    ]);
    const b = (await as.liaisonB.get('/api/demonstration/boards/ranking')).body.items;
    assert.deepEqual(b.map((r: { orgId: number; rank: number; units: number; avgScore: number }) => [r.orgId, r.rank, r.units, r.avgScore]), [[world.units.countyBGov, 1, 2, 95]]);
    const a = (await as.liaisonA.get('/api/demonstration/boards/ranking')).body.items;
    assert.deepEqual(a.map((r: { rank: number; units: number }) => [r.rank, r.units]), [[2, 2]]);
  });

  test('流转矩阵：每个操作 × 每个状态 × 每类用户，只有持权限且在范围内、且状态允许时成功', async () => {
    const states = Object.keys(assignmentMachine.states);
    // Paths from in_progress to each state, applied by the right user.
    const reach: Record<string, [User, string, Record<string, unknown>][]> = {
      in_progress: [],
      submitted: [['liaisonA', 'report', REPORT]],
      returned: [['liaisonA', 'report', REPORT], ['office', 'returnForRevision', { reason: '补充材料' }]],
      closed: [['liaisonA', 'report', REPORT], ['office', 'close', { score: 80 }]],
      cancelled: [['office', 'cancel', { reason: '任务调整' }]],
    };
    const validInput: Record<string, Record<string, unknown>> = {
      report: REPORT,
      approveProgress: { comment: '同意' },
      returnForRevision: { reason: '补充' },
      close: { score: 88 },
      cancel: { reason: '调整' },
      adjustDueDate: { dueDate: '2026-12-31', reason: '延期' },
      adjustReturnedDueDate: { dueDate: '2026-12-31', reason: '延期' },
    };
    const expected = (user: User, name: string, state: string): number => {
      const def = assignmentMachine.transitions[name]!;
      // leaderA sees countyADept's record but holds neither report nor review; liaisonB does not see it (404).
      if (user === 'liaisonB') return 404;
      const holds = def.permission === 'report' ? user === 'liaisonA' : user === 'office';
      if (!holds) return 403;
      return (def.from as readonly string[]).includes(state) ? 200 : 409;
    };
    const problems: string[] = [];
    for (const state of states) {
      for (const name of Object.keys(assignmentMachine.transitions)) {
        for (const user of USERS) {
          const { assignments } = await createTaskVia(as.office, { indicatorId: ed.ids['1.1.2'], title: `矩阵 ${state} ${name} ${user}`, dueDate: '2026-10-30', leadOrgId: world.units.countyADept });
          const id = assignments[0]!.id;
          for (const [u, t, input] of reach[state]!) assert.equal((await actOn(as[u], id, t, input)).status, 200);
          const v = (await as.office.get(`/api/demonstration/assignments/${id}`)).body.record.version;
          const res = await as[user].post(`/api/demonstration/assignments/${id}/transitions/${name}`, { version: v, input: validInput[name] });
          const want = expected(user, name, state);
          if (res.status !== want) problems.push(`${user} ${name} @${state}: ${res.status} ≠ ${want} ${JSON.stringify(res.body).slice(0, 120)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
