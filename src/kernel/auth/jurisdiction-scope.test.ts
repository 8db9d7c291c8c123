import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { defineModule, type ModuleDefinition } from '../module/define-module';
import { defineManifest } from '../shared/define-manifest';
import { createRouter } from '../http/router';
import { inOrgSubtree, scopeWhere } from './data-scope';
import { queryRows } from '../db/client';
import { sql } from 'drizzle-orm';

// A module that judges two units at risk: 甲县自然资源局 red, 乙县政府办 yellow; its list applies the
// actor's scope in SQL like a real module's.
const riskyModule = (): ModuleDefinition =>
  defineModule({
    manifest: defineManifest({ key: 'risky', label: '风险测试', permissions: { read: '查看' }, menu: [], machines: {} }),
    routes: () => createRouter(),
    riskSignals: {
      label: '测试预警',
      permission: 'read',
      list: async ({ ctx, orgId }) => {
        const rows = await queryRows<{ id: number; name: string }>(
          ctx.db,
          sql`select o.id, o.name from org_unit o where o.name in ('甲县自然资源局', '乙县人民政府办公室')
                and ${scopeWhere(ctx.actor, 'risky:read', { org: sql`o.id` })} and ${orgId ? inOrgSubtree(sql`o.id`, orgId) : sql`true`}`,
        );
        return rows.map((r) => ({
          key: `unit:${r.id}`,
          level: r.name === '甲县自然资源局' ? ('red' as const) : ('yellow' as const),
          orgId: r.id,
          orgName: r.name,
          title: `${r.name} 测试预警`,
          reason: '败诉率超过阈值',
          link: `/risky/${r.id}`,
        }));
      },
    },
  });

describe('数据范围“本辖区”与风险预警清单', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld();
  });
  after(() => world.close());

  test('本辖区: 县司法局的应诉人员看得到本县各部门，看不到外县和市本级', async () => {
    const litigation = await world.login('litigationA');
    const res = await litigation.get('/api/orgs/tree?permission=litigation:read');
    assert.equal(res.status, 200);
    const names = (res.body as { items: { name: string }[] }).items.map((u) => u.name).sort();
    assert.deepEqual(names, ['甲县', '甲县人民政府办公室', '甲县司法局', '甲县自然资源局', '甲镇'].sort());
  });

  test('本辖区 widens only the permissions granted with it: 复议 staff of the same 司法局 still see their own unit only', async () => {
    const recon = await world.login('reconA');
    const res = await recon.get('/api/orgs/tree?permission=reconsideration:read');
    assert.deepEqual((res.body as { items: { name: string }[] }).items.map((u) => u.name), ['甲县司法局']);
  });

  test('the security administrator can give a role the 本辖区 scope', async () => {
    const sec = await world.login('secadmin');
    const res = await sec.post('/api/security/roles', { code: 'county_watch', name: '辖区查阅', scope: 'jurisdiction', adminKind: null, permissions: ['disclosure:read'] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });
});

describe('风险预警清单 /api/risk-signals', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ modules: [riskyModule()] });
    const db = world.platform.services.db;
    // Give the leader role and the office role the test module's read permission.
    await db.execute(sql`update role set permissions = permissions || '["risky:read"]'::jsonb where code in ('leader', 'rule_of_law_office')`);
  });
  after(() => world.close());

  test('lists every unit at risk within scope, red first, and filters by level and unit', async () => {
    const office = await world.login('office');
    const all = (await office.get('/api/risk-signals')).body as { items: { orgName: string; level: string; module: string; sourceLabel: string }[] };
    assert.deepEqual(
      all.items.map((i) => [i.orgName, i.level]),
      [
        ['甲县自然资源局', 'red'],
        ['乙县人民政府办公室', 'yellow'],
      ],
    );
    assert.equal(all.items[0]!.module, 'risky');
    assert.equal(all.items[0]!.sourceLabel, '测试预警');
    const red = (await office.get('/api/risk-signals?level=red')).body as { items: unknown[] };
    assert.equal(red.items.length, 1);
    const countyB = (await office.get(`/api/risk-signals?orgId=${world.units.countyB}`)).body as { items: { orgName: string }[] };
    assert.deepEqual(countyB.items.map((i) => i.orgName), ['乙县人民政府办公室']);
  });

  test('a leader sees only the signals of the units below it; a user without the permission sees none', async () => {
    const leaderA = await world.login('leaderA');
    const items = ((await leaderA.get('/api/risk-signals')).body as { items: { orgName: string }[] }).items;
    assert.deepEqual(items.map((i) => i.orgName), ['甲县自然资源局']);
    const handler = await world.login('handlerA');
    assert.deepEqual(((await handler.get('/api/risk-signals')).body as { items: unknown[] }).items, []);
  });

  test('bad filters are refused with a Chinese message', async () => {
    const office = await world.login('office');
    const res = await office.get('/api/risk-signals?level=purple');
    assert.equal(res.status, 422);
    assert.match(JSON.stringify(res.body), /等级须为/);
  });
});
