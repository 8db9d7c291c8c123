import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { actOn, createTaskVia, REPORT, seedEdition, uploadEvidence, type DemoEdition } from './test/fixtures';
import { countRows, loginAt, loginOneAt } from '../../../test/support/disclosure-helpers';
import { queryRows } from '../../kernel/db/client';

describe('示范创建任务：分解、报送、审核、销号', () => {
  let world: TestWorld;
  let ed: DemoEdition;
  before(async () => {
    world = await createTestWorld({ now: '2026-09-01T09:00:00' });
    ed = await seedEdition(world);
  });
  after(() => world.close());

  test('分解任务：牵头单位与配合单位各生成一项责任分工，各自开始计算完成时限', async () => {
    const office = await loginOneAt(world, '2026-09-01', 'office');
    const { task, assignments } = await createTaskVia(office, {
      indicatorId: ed.ids['1.1.1'],
      title: '推行政务服务一网通办',
      measures: '梳理事项清单',
      dueDate: '2026-10-30',
      leadOrgId: world.units.countyADept,
      coOrgIds: [world.units.countyBGov, world.units.countyADept],
    });
    assert.ok(task.id > 0);
    // The lead unit named again among the co-units does not get a second assignment.
    assert.deepEqual(assignments.map((a) => [a.orgId, a.role, a.status]), [
      [world.units.countyADept, 'lead', 'in_progress'],
      [world.units.countyBGov, 'co', 'in_progress'],
    ]);
    const d = await office.get(`/api/demonstration/assignments/${assignments[0]!.id}`);
    const clock = d.body.deadlines.find((x: { clockKey: string }) => x.clockKey === 'completion');
    assert.equal(clock.dueDate, '2026-10-30');
    assert.equal(clock.basis, '任务分解方案');
    assert.equal(clock.tone, 'green');
  });

  test('主流程：法制员报送进展并上传佐证 → 办公室阶段性审核通过 → 再次报送 → 销号评分；进展留有记录；看板显示已销号', async () => {
    const [office, liaison] = await loginAt(world, '2026-09-02', 'office', 'liaisonA');
    const { assignments } = await createTaskVia(office!, { indicatorId: ed.ids['1.1.2'], title: '清理变相审批', dueDate: '2026-11-30', leadOrgId: world.units.countyADept });
    const id = assignments[0]!.id;
    // The unit's to-do: 推进并报送.
    const todos = await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from todo where entity_type = 'task_assignment' and entity_id = ${id} and done_at is null and permission = 'demonstration:report'`);
    assert.equal(todos[0]!.n, 1);
    const up = await uploadEvidence(liaison!, id);
    assert.equal(up.status, 200, JSON.stringify(up.body));
    let res = await actOn(liaison!, id, 'report', REPORT);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'submitted');
    res = await actOn(office!, id, 'approveProgress', { comment: '符合阶段要求' });
    assert.equal(res.body.status, 'in_progress');
    res = await actOn(liaison!, id, 'report', { progressSummary: '全部完成', progressPercent: 100, selfScore: 95 });
    assert.equal(res.body.status, 'submitted');
    res = await actOn(office!, id, 'close', { score: 90, comment: '予以销号' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'closed');
    assert.equal(res.body.score, 90);
    const detail = await office!.get(`/api/demonstration/assignments/${id}`);
    assert.deepEqual(detail.body.progress.map((p: { percent: number }) => p.percent), [100, 60]);
    assert.deepEqual(detail.body.transitions, []);
    assert.equal(detail.body.deadlines[0].status, 'stopped');
    const att = await office!.get(`/api/attachments?ownerType=task_assignment&ownerId=${id}`);
    assert.equal(att.body.items.length, 1);
    const board = await office!.get('/api/demonstration/boards/units');
    const row = board.body.items.find((r: { orgId: number }) => r.orgId === world.units.countyADept);
    assert.equal(row.closed, 1);
    assert.equal(row.closedOnTime, 1);
    assert.equal(row.onTimeRate, 100);
    // Every step audited.
    const audit = await queryRows<{ action: string }>(world.platform.services.db, sql`select action from audit_log where entity_type = 'task_assignment' and entity_id = ${String(id)} order by seq`);
    assert.deepEqual(audit.map((a) => a.action).filter((a) => a.startsWith('transition.')), ['transition.report', 'transition.approveProgress', 'transition.report', 'transition.close']);
  });

  test('退回修改须填写理由；退回后法制员可再次报送', async () => {
    const [office, liaison] = await loginAt(world, '2026-09-03', 'office', 'liaisonA');
    const { assignments } = await createTaskVia(office!, { indicatorId: ed.ids['1.2.1'], title: '公平竞争审查', dueDate: '2026-11-30', leadOrgId: world.units.countyADept });
    const id = assignments[0]!.id;
    await actOn(liaison!, id, 'report', REPORT);
    let res = await actOn(office!, id, 'returnForRevision', {});
    assert.equal(res.status, 422);
    assert.equal(res.body.details.fields[0].path, 'reason');
    res = await actOn(office!, id, 'returnForRevision', { reason: '佐证材料不全' });
    assert.equal(res.body.status, 'returned');
    res = await actOn(liaison!, id, 'report', REPORT);
    assert.equal(res.body.status, 'submitted');
  });

  test('报送输入有误（进度超过100、缺少进展情况、销号评分缺失）一律 422，且不写入任何数据', async () => {
    const [office, liaison] = await loginAt(world, '2026-09-04', 'office', 'liaisonA');
    const { assignments } = await createTaskVia(office!, { indicatorId: ed.ids['2.1.1'], title: '备案审查', dueDate: '2026-11-30', leadOrgId: world.units.countyADept });
    const id = assignments[0]!.id;
    const before = await countRows(world, ['task_progress', 'case_transition', 'todo']);
    for (const input of [{ ...REPORT, progressPercent: 101 }, { progressPercent: 50 }, { ...REPORT, selfScore: -1 }, { ...REPORT, progressPercent: 50.5 }]) {
      const res = await actOn(liaison!, id, 'report', input);
      assert.equal(res.status, 422, JSON.stringify(input));
    }
    assert.deepEqual(await countRows(world, ['task_progress', 'case_transition', 'todo']), before);
    await actOn(liaison!, id, 'report', REPORT);
    const res = await actOn(office!, id, 'close', { comment: '无评分' });
    assert.equal(res.status, 422);
    assert.equal(res.body.details.fields[0].path, 'score');
  });

  test('分解任务：指标须为三级、完成时限不早于今天、单位须存在，否则 422 且不写入', async () => {
    const office = await loginOneAt(world, '2026-09-05', 'office');
    const before = await countRows(world, ['demo_task', 'task_assignment', 'case_clock']);
    const base = { indicatorId: ed.ids['1.1.1'], title: '任务', dueDate: '2026-10-30', leadOrgId: world.units.countyADept };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, indicatorId: ed.ids['1.1'] }, 'indicatorId'],
      [{ ...base, dueDate: '2026-09-04' }, 'dueDate'],
      [{ ...base, dueDate: '2026-02-30' }, 'dueDate'],
      [{ ...base, leadOrgId: 999999 }, 'leadOrgId'],
      [{ ...base, coOrgIds: [999999] }, 'coOrgIds'],
      [{ ...base, title: '' }, 'title'],
    ];
    for (const [body, path] of cases) {
      const res = await office.post('/api/demonstration/tasks', body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.equal(res.body.details.fields[0].path, path);
    }
    assert.deepEqual(await countRows(world, ['demo_task', 'task_assignment', 'case_clock']), before);
  });

  test('并发：两位审核人同时对同一报送操作，一位成功，另一位 409 且不产生第二条记录', async () => {
    const [office, liaison] = await loginAt(world, '2026-09-07', 'office', 'liaisonA');
    const { assignments } = await createTaskVia(office!, { indicatorId: ed.ids['1.1.1'], title: '并发测试任务', dueDate: '2026-11-30', leadOrgId: world.units.countyADept });
    const id = assignments[0]!.id;
    await actOn(liaison!, id, 'report', REPORT);
    const office2 = await world.login('office');
    const v = (await office!.get(`/api/demonstration/assignments/${id}`)).body.record.version;
    const [a, b] = await Promise.all([
      office!.post(`/api/demonstration/assignments/${id}/transitions/close`, { version: v, input: { score: 80 } }),
      office2.post(`/api/demonstration/assignments/${id}/transitions/returnForRevision`, { version: v, input: { reason: '再核实' } }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const rows = await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from case_transition where entity_type = 'task_assignment' and entity_id = ${id} and from_state = 'submitted'`);
    assert.equal(rows[0]!.n, 1);
  });
});

describe('完成时限（交办限期，按任务分解方案）跨国庆假期与调休', () => {
  let world: TestWorld;
  let ed: DemoEdition;
  before(async () => {
    world = await createTestWorld({ now: '2026-09-29T09:00:00' });
    ed = await seedEdition(world);
  });
  after(() => world.close());

  test('交办限期不因节假日顺延：完成时限定在2026-10-03（国庆假期）仍为10月3日，10月4日起显示逾期', async () => {
    const office = await loginOneAt(world, '2026-09-29', 'office');
    const { assignments } = await createTaskVia(office, { indicatorId: ed.ids['1.1.1'], title: '国庆期间到期的任务', dueDate: '2026-10-03', leadOrgId: world.units.countyADept });
    const id = assignments[0]!.id;
    let d = await office.get(`/api/demonstration/assignments/${id}`);
    assert.equal(d.body.deadlines[0].dueDate, '2026-10-03');
    const later = await loginOneAt(world, '2026-10-04', 'office');
    d = await later.get(`/api/demonstration/assignments/${id}`);
    assert.equal(d.body.deadlines[0].tone, 'red');
    const overdue = await later.get('/api/demonstration/assignments?overdue=true');
    assert.ok(overdue.body.items.some((r: { id: number }) => r.id === id));
  });

  test('即将到期按工作日计：2026-09-29 交办、10-09 到期，其间只有 9月30日、10月8日、10月9日 3 个工作日（≤5），显示黄色', async () => {
    const office = await loginOneAt(world, '2026-09-29', 'office');
    const { assignments } = await createTaskVia(office, { indicatorId: ed.ids['1.1.2'], title: '节后到期的任务', dueDate: '2026-10-09', leadOrgId: world.units.countyBGov });
    const d = await office.get(`/api/demonstration/assignments/${assignments[0]!.id}`);
    assert.equal(d.body.deadlines[0].tone, 'yellow');
    const board = await office.get('/api/demonstration/boards/units');
    assert.equal(board.body.items.find((r: { orgId: number }) => r.orgId === world.units.countyBGov).dueSoon, 1);
  });

  test('调整完成时限：须由审核人批准、填写理由，重新计时；不得早于今天', async () => {
    const [office, liaison] = await loginAt(world, '2026-09-29', 'office', 'liaisonA');
    const { assignments } = await createTaskVia(office!, { indicatorId: ed.ids['1.2.1'], title: '需要延期的任务', dueDate: '2026-10-09', leadOrgId: world.units.countyADept });
    const id = assignments[0]!.id;
    assert.equal((await actOn(liaison!, id, 'adjustDueDate', { dueDate: '2026-12-31', reason: '工作量大' })).status, 403);
    assert.equal((await actOn(office!, id, 'adjustDueDate', { dueDate: '2026-09-28', reason: '误填' })).status, 422);
    const res = await actOn(office!, id, 'adjustDueDate', { dueDate: '2026-12-31', reason: '涉及跨部门协调，经研究同意延期' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'in_progress');
    assert.equal(res.body.dueDate, '2026-12-31');
    const d = await office!.get(`/api/demonstration/assignments/${id}`);
    const running = d.body.deadlines.filter((x: { status: string }) => x.status === 'running');
    assert.equal(running.length, 1);
    assert.equal(running[0].dueDate, '2026-12-31');
    assert.equal(running[0].tone, 'green');
  });
});
