/**
 * 办理范围 in the kernel: a module whose use case loads a row in its *read* scope and calls
 * applyTransition without any scope check of its own still cannot act outside the scope of the
 * transition's permission — the kernel refuses with 403 before the guard runs, and the conditional
 * UPDATE itself carries the acting scope, so a row whose unit moves out of scope mid-flight is not changed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { AppError } from '../errors/app-error';
import { scopeWhere } from '../auth/data-scope';
import type { Ctx } from '../context';
import type { MachineDef } from '../shared/define-machine';
import { applyTransition, workflowTable } from './apply-transition';

const probe = pgTable('kernel_probe_item', {
  id: serial().primaryKey(),
  status: text().notNull(),
  version: integer().notNull().default(1),
  orgId: integer().notNull(),
  createdBy: integer(),
  note: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
const probeTable = workflowTable(probe, { label: '测试事项', owner: probe.createdBy });

const machine: MachineDef = {
  entity: 'kernel_probe_item',
  initial: 'open',
  states: { open: { label: '办理中', tone: 'processing' }, done: { label: '已办结', tone: 'success', final: true } },
  transitions: { finish: { label: '办结', from: ['open'], to: 'done', permission: 'act', fields: [{ name: 'note', label: '说明', type: 'text' }] } },
  clocks: {},
};

type ProbeRow = typeof probe.$inferSelect;

/** The whole of a careless module's use case: load in read scope, then transition — no acting-scope check. */
const finishCarelessly = async (ctx: Ctx, id: number, guardRan: { count: number }) =>
  ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(probe).where(and(eq(probe.id, id), scopeWhere(ctx.actor, 'probe:read', { org: probe.orgId })));
    if (!row) throw new AppError('NOT_FOUND');
    return applyTransition<ProbeRow & { [k: string]: unknown }>({
      tx,
      ctx,
      module: 'probe',
      machine,
      target: probeTable,
      row,
      transition: 'finish',
      input: { note: '办结' },
      guard: () => {
        guardRan.count += 1;
      },
    });
  });

describe('办理范围由内核执行（模块不自行检查）', () => {
  let world: TestWorld;
  /** A county-wide reader who may act only on rows of their own unit. */
  let reader: Ctx;
  let ownRow = 0;
  let otherRow = 0;

  const statusOf = async (id: number) => (await world.platform.services.db.select().from(probe).where(eq(probe.id, id)))[0]!;

  before(async () => {
    world = await createTestWorld();
    const db = world.platform.services.db;
    await db.execute(sql`create table kernel_probe_item (id serial primary key, status text not null, version int not null default 1, org_id int not null, created_by int, note text, updated_at timestamptz not null default now())`);
    const base = await world.ctxAs('handlerA');
    reader = { ...base, actor: { ...base.actor!, grants: { 'probe:read': 'jurisdiction', 'probe:act': 'unit' } } };
    [{ id: ownRow }] = await db.insert(probe).values({ status: 'open', orgId: world.units.countyAGov }).returning({ id: probe.id }) as [{ id: number }];
    [{ id: otherRow }] = await db.insert(probe).values({ status: 'open', orgId: world.units.countyADept }).returning({ id: probe.id }) as [{ id: number }];
  });
  after(() => world.close());

  test('读取范围内、办理范围外：403“不在您的办理范围内”，守卫未执行，记录不变', async () => {
    const guard = { count: 0 };
    await assert.rejects(finishCarelessly(reader, otherRow, guard), (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN' && /测试事项不在您的办理范围内/.test(e.userMessage));
    assert.equal(guard.count, 0);
    const row = await statusOf(otherRow);
    assert.equal(row.status, 'open');
    assert.equal(row.version, 1);
  });

  test('办理范围内：照常办结', async () => {
    const updated = await finishCarelessly(reader, ownRow, { count: 0 });
    assert.equal(updated.status, 'done');
    assert.equal((await statusOf(ownRow)).note, '办结');
  });

  test('条件更新本身带有办理范围：守卫执行期间记录被划出本单位，则不作任何修改', async () => {
    const db = world.platform.services.db;
    const [{ id }] = (await db.insert(probe).values({ status: 'open', orgId: world.units.countyAGov }).returning({ id: probe.id })) as [{ id: number }];
    const moving: Ctx = reader;
    await assert.rejects(
      moving.db.transaction(async (tx) => {
        const [row] = await tx.select().from(probe).where(eq(probe.id, id));
        return applyTransition<ProbeRow & { [k: string]: unknown }>({
          tx,
          ctx: moving,
          module: 'probe',
          machine,
          target: probeTable,
          row: row!,
          transition: 'finish',
          input: {},
          // The row leaves the actor's unit after the first check (as a concurrent 划转 would).
          guard: async () => {
            await tx.update(probe).set({ orgId: world.units.countyADept }).where(eq(probe.id, id));
          },
        });
      }),
      (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN',
    );
    assert.equal((await statusOf(id)).status, 'open');
  });

  test('“本人”范围：只能办理自己登记的记录', async () => {
    const db = world.platform.services.db;
    const own: Ctx = { ...reader, actor: { ...reader.actor!, grants: { 'probe:read': 'jurisdiction', 'probe:act': 'own' } } };
    const [{ id: mine }] = (await db.insert(probe).values({ status: 'open', orgId: world.units.countyADept, createdBy: own.actor!.id }).returning({ id: probe.id })) as [{ id: number }];
    const [{ id: theirs }] = (await db.insert(probe).values({ status: 'open', orgId: world.units.countyAGov, createdBy: world.users.deptA! }).returning({ id: probe.id })) as [{ id: number }];
    await assert.rejects(finishCarelessly(own, theirs, { count: 0 }), (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN');
    assert.equal((await finishCarelessly(own, mine, { count: 0 })).status, 'done');
  });
});
