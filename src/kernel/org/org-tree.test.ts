import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { signInAs } from '../../../test/support/sign-in';
import { registerVia } from '../../modules/disclosure/test/fixtures';
import { queryRows } from '../db/client';
import { orgUnit } from '../db/schema';
import { orgSubtree } from './org-service';

describe('组织机构树（物化路径）', () => {
  let world: TestWorld;
  let sysadmin: TestClient;
  const db = () => world.platform.services.db;

  const unit = async (id: number) => {
    const [row] = await db().select().from(orgUnit).where(eq(orgUnit.id, id));
    return row!;
  };

  const create = async (parentId: number, name: string, kind = 'department') => {
    const res = await sysadmin.post('/api/system/orgs', { parentId, name, shortName: name.slice(0, 4), kind });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { id: number; path: string; depth: number; version: number };
  };

  before(async () => {
    world = await createTestWorld();
    sysadmin = await signInAs(world, 'sysadmin');
  });
  after(() => world.close());

  test('orgSubtree 返回本单位及其全部下级单位', async () => {
    const u = world.units;
    const ids = (await orgSubtree(db(), u.countyA)).map((o) => o.id).sort((a, b) => a - b);
    assert.deepEqual(ids, [u.countyA, u.countyAGov, u.countyADept, u.townA, u.countyAJustice].sort((a, b) => a - b));
    const all = (await orgSubtree(db(), u.city)).map((o) => o.id);
    assert.equal(all.length, 9);
    assert.deepEqual((await orgSubtree(db(), u.countyBGov)).map((o) => o.id), [u.countyBGov]);
    assert.deepEqual(await orgSubtree(db(), 999_999), []);
  });

  test('新增单位的路径为上级路径加本单位 ID，层级加一', async () => {
    const parent = await unit(world.units.townA);
    const village = await create(parent.id, '甲镇东村', 'village');
    assert.equal(village.path, `${parent.path}${village.id}/`);
    assert.equal(village.depth, parent.depth + 1);
  });

  test('移动单位后，其整个下级子树的路径和层级随之改写', async () => {
    const top = await create(world.units.countyADept, '测试科室');
    const mid = await create(top.id, '测试组');
    const leaf = await create(mid.id, '测试小组');
    const target = await unit(world.units.countyBGov);
    const res = await sysadmin.patch(`/api/system/orgs/${top.id}`, { parentId: target.id, version: top.version });
    assert.equal(res.status, 200, JSON.stringify(res.body));

    const [t, m, l] = [await unit(top.id), await unit(mid.id), await unit(leaf.id)];
    assert.equal(t.parentId, target.id);
    assert.equal(t.path, `${target.path}${top.id}/`);
    assert.equal(m.path, `${target.path}${top.id}/${mid.id}/`);
    assert.equal(l.path, `${target.path}${top.id}/${mid.id}/${leaf.id}/`);
    assert.deepEqual([t.depth, m.depth, l.depth], [target.depth + 1, target.depth + 2, target.depth + 3]);
    assert.equal(m.parentId, top.id, '下级的上级关系不变');
    const subtree = (await orgSubtree(db(), world.units.countyBGov)).map((o) => o.id);
    assert.ok([top.id, mid.id, leaf.id].every((id) => subtree.includes(id)));
    assert.ok(!(await orgSubtree(db(), world.units.countyADept)).some((o) => o.id === top.id));
  });

  test('移动到更浅的层级时层级数相应减少', async () => {
    const deep = await create(world.units.countyADept, '深层科室');
    const child = await create(deep.id, '深层小组');
    const city = await unit(world.units.city);
    const res = await sysadmin.patch(`/api/system/orgs/${deep.id}`, { parentId: city.id, version: deep.version });
    assert.equal(res.status, 200);
    assert.equal((await unit(deep.id)).depth, 1);
    assert.equal((await unit(child.id)).depth, 2);
    assert.equal((await unit(child.id)).path, `${city.path}${deep.id}/${child.id}/`);
  });

  test('不能把单位移到自身或其下级单位之下（422），树保持不变', async () => {
    const top = await create(world.units.countyADept, '环路科室');
    const child = await create(top.id, '环路小组');
    const before = await unit(top.id);
    const under = await sysadmin.patch(`/api/system/orgs/${top.id}`, { parentId: child.id, version: top.version });
    assert.equal(under.status, 422);
    assert.equal(under.body.details.fields[0].path, 'parentId');
    const self = await sysadmin.patch(`/api/system/orgs/${top.id}`, { parentId: top.id, version: top.version });
    assert.equal(self.status, 422);
    assert.deepEqual(await unit(top.id), before);
    assert.equal((await unit(child.id)).path, `${before.path}${child.id}/`);
  });

  test('同时把两个单位互相移到对方之下：只有一个成功，树中不出现环', async () => {
    const a = await create(world.units.countyADept, '互移甲');
    const b = await create(world.units.countyADept, '互移乙');
    const other = await signInAs(world, 'sysadmin');
    const [ra, rb] = await Promise.all([
      sysadmin.patch(`/api/system/orgs/${a.id}`, { parentId: b.id, version: a.version }),
      other.patch(`/api/system/orgs/${b.id}`, { parentId: a.id, version: b.version }),
    ]);
    assert.deepEqual([ra.status, rb.status].sort(), [200, 422], JSON.stringify([ra.body, rb.body]));
    const [ua, ub] = [await unit(a.id), await unit(b.id)];
    const inner = ra.status === 200 ? ua : ub;
    const outer = ra.status === 200 ? ub : ua;
    assert.equal(outer.parentId, world.units.countyADept);
    assert.equal(inner.parentId, outer.id);
    assert.equal(inner.path, `${outer.path}${inner.id}/`);
    assert.equal(inner.depth, outer.depth + 1);
  });

  test('移动单位的同时在其下级新增单位：新单位的路径随子树一起更新', async () => {
    const top = await create(world.units.countyADept, '移动中科室');
    const child = await create(top.id, '移动中小组');
    const other = await signInAs(world, 'sysadmin');
    const [moved, added] = await Promise.all([
      sysadmin.patch(`/api/system/orgs/${top.id}`, { parentId: world.units.countyBGov, version: top.version }),
      other.post('/api/system/orgs', { parentId: child.id, name: '新增小组', shortName: '新增', kind: 'department' }),
    ]);
    assert.equal(moved.status, 200);
    assert.equal(added.status, 200);
    const c = await unit(child.id);
    const n = await unit(added.body.id);
    assert.equal(n.path, `${c.path}${n.id}/`);
    assert.equal(n.depth, c.depth + 1);
    assert.ok((await orgSubtree(db(), world.units.countyBGov)).some((o) => o.id === n.id));
  });

  test('以过期的版本号修改单位返回 409，不覆盖他人的修改', async () => {
    const u = await create(world.units.countyADept, '版本科室');
    const first = await sysadmin.patch(`/api/system/orgs/${u.id}`, { name: '版本科室（改）', version: u.version });
    assert.equal(first.status, 200);
    const stale = await sysadmin.patch(`/api/system/orgs/${u.id}`, { name: '旧页面的修改', version: u.version });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'CONFLICT');
    assert.equal((await unit(u.id)).name, '版本科室（改）');
  });

  test('数据权限随单位移动而变化：移到乙县后甲县人员看不到、乙县人员看得到', async () => {
    const handlerA = await signInAs(world, 'handlerA');
    const office = await create(world.units.countyAGov, '甲县信访窗口');
    const r = await registerVia(handlerA, office.id);
    const handlerB = await signInAs(world, 'handlerB');
    assert.equal((await handlerA.get(`/api/disclosure/requests/${r.id}`)).status, 200);
    assert.equal((await handlerB.get(`/api/disclosure/requests/${r.id}`)).status, 404);
    const res = await sysadmin.patch(`/api/system/orgs/${office.id}`, { parentId: world.units.countyBGov, version: office.version });
    assert.equal(res.status, 200);
    assert.equal((await handlerA.get(`/api/disclosure/requests/${r.id}`)).status, 404);
    assert.equal((await handlerB.get(`/api/disclosure/requests/${r.id}`)).status, 200);
  });

  test('只有系统管理员能维护组织机构', async () => {
    const handlerA = await signInAs(world, 'handlerA');
    const res = await handlerA.post('/api/system/orgs', { parentId: world.units.countyAGov, name: '越权单位', shortName: '越权', kind: 'department' });
    assert.equal(res.status, 403);
    const u = await unit(world.units.townA);
    assert.equal((await handlerA.patch(`/api/system/orgs/${u.id}`, { name: '改名', version: u.version })).status, 403);
  });

  test('“本单位及下级”查询走路径前缀索引 org_unit_path_prefix_idx', async () => {
    const countyA = await unit(world.units.countyA);
    assert.match(countyA.path, /^[\d/]+$/);
    const plan = await db().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await queryRows<{ 'QUERY PLAN': string }>(tx, sql.raw(`explain select id from org_unit where path like '${countyA.path}%'`));
      return rows.map((r) => Object.values(r).join('')).join('\n');
    });
    assert.match(plan, /Index.* (on|using) org_unit_path_prefix_idx/, plan);
    assert.match(plan, /~>=~/, `前缀范围条件：${plan}`);
  });
});
