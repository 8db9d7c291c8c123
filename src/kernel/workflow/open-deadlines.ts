import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { MachineDef } from '../shared/define-machine';
import { scopeWhere } from '../auth/data-scope';
import type { Ctx } from '../context';
import { caseClock, orgUnit } from '../db/schema';
import { notFound } from '../errors/app-error';
import { permissionCode } from '../shared/define-manifest';
import type { DeadlineView } from '../shared/deadline';
import { toLocalDate } from '../shared/local-date';
import { toDeadlineView } from './clocks';

export type DeadlineFilterTone = 'overdue' | 'due_soon' | 'open';

export interface OpenDeadlineFilter {
  /** overdue: running past its due date; due_soon: running, yellow; open: every running or paused one. */
  tone?: DeadlineFilterTone | undefined;
  module?: string | undefined;
  /** Only records of this unit and the units below it. */
  orgId?: number | undefined;
}

export interface OpenDeadline extends DeadlineView {
  module: string;
  moduleLabel: string;
  entityType: string;
  entityId: number;
  title: string | null;
  link: string;
  orgId: number;
  orgName: string | null;
}

/**
 * For each record type of each module: the clocks the actor may see (its read permission's scope over the
 * clock's unit). One condition per record type, OR-ed, so the whole list is one indexed query.
 */
const visibleClocks = (ctx: Ctx, module?: string): { cond: SQL; titleSql: SQL } | null => {
  const actor = ctx.actor;
  if (!actor) return null;
  const registry = ctx.services.registry;
  const parts: SQL[] = [];
  const titles: SQL[] = [];
  for (const { type, module: key, def } of registry.entityTypes()) {
    if (module && key !== module) continue;
    const permission = permissionCode(key, def.readPermission ?? 'read');
    if (!actor.grants[permission]) continue;
    parts.push(sql`(${caseClock.entityType} = ${type} and ${scopeWhere(actor, permission, { org: caseClock.orgId })})`);
    titles.push(sql`when ${type} then (select ${sql.raw(def.titleSql)} from ${sql.identifier(def.table)} r where r.id = ${caseClock.entityId})`);
  }
  if (parts.length === 0) return null;
  return { cond: or(...parts)!, titleSql: sql`case ${caseClock.entityType} ${sql.join(titles, sql` `)} end` };
};

/** Tone condition in SQL; 即将到期 uses each clock's own due-soon threshold in working days. */
const toneCondition = async (ctx: Ctx, tone: DeadlineFilterTone, today: string): Promise<SQL> => {
  if (tone === 'open') return sql`${caseClock.status} <> 'stopped'`;
  if (tone === 'overdue') return and(eq(caseClock.status, 'running'), sql`${caseClock.dueDate} < ${today}`)!;
  const calendar = await ctx.services.calendar.get();
  const registry = ctx.services.registry;
  const byThreshold = new Map<number, SQL[]>();
  for (const { type } of registry.entityTypes()) {
    for (const key of registry.clockKeys(type)) {
      const d = registry.clockDef(type, key)?.dueSoonWorkingDays ?? 3;
      const list = byThreshold.get(d) ?? [];
      list.push(sql`(${caseClock.entityType} = ${type} and ${caseClock.clockKey} = ${key})`);
      byThreshold.set(d, list);
    }
  }
  const parts = [...byThreshold.entries()].map(([d, clocks]) => {
    const last = calendar.addPeriod(today, d, 'working_day').due;
    return sql`((${or(...clocks)}) and ${caseClock.dueDate} <= ${last})`;
  });
  return and(eq(caseClock.status, 'running'), sql`${caseClock.dueDate} >= ${today}`, parts.length ? or(...parts) : sql`false`)!;
};

/**
 * 逾期与临期清单: the running deadlines of every module within the actor's scope, most urgent first. The
 * supervisor's one place to see what is late (and the source of 督办单).
 */
export const findOpenDeadlines = async (
  ctx: Ctx,
  filter: OpenDeadlineFilter,
  page: { page: number; pageSize: number },
): Promise<{ total: number; items: OpenDeadline[] }> => {
  const visible = visibleClocks(ctx, filter.module);
  if (!visible) return { total: 0, items: [] };
  const today = toLocalDate(ctx.now);
  const where = and(
    visible.cond,
    await toneCondition(ctx, filter.tone ?? 'overdue', today),
    filter.orgId ? sql`${caseClock.orgId} in (select ou.id from org_unit ou where ou.path like (select p.path from org_unit p where p.id = ${filter.orgId}) || '%')` : undefined,
  )!;
  const [{ total }] = (await ctx.db.select({ total: sql<number>`count(*)::int` }).from(caseClock).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select({ clock: caseClock, title: visible.titleSql.mapWith(String), orgName: orgUnit.name })
    .from(caseClock)
    .leftJoin(orgUnit, eq(orgUnit.id, caseClock.orgId))
    .where(where)
    .orderBy(asc(caseClock.dueDate), asc(caseClock.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items: await shape(ctx, rows, today) };
};

const shape = async (
  ctx: Ctx,
  rows: { clock: typeof caseClock.$inferSelect; title: string | null; orgName: string | null }[],
  today: string,
): Promise<OpenDeadline[]> => {
  const registry = ctx.services.registry;
  const calendar = await ctx.services.calendar.get();
  const entities = new Map(registry.entityTypes().map((e) => [e.type, e]));
  return rows.map(({ clock, title, orgName }) => {
    const entity = entities.get(clock.entityType);
    const view = toDeadlineView(clock, calendar, today, registry.clockDef(clock.entityType, clock.clockKey)?.dueSoonWorkingDays);
    return {
      ...view,
      module: clock.module,
      moduleLabel: registry.get(clock.module)?.manifest.label ?? clock.module,
      entityType: clock.entityType,
      entityId: clock.entityId,
      title,
      link: entity ? `/${entity.module}/${entity.def.path}/${clock.entityId}` : '',
      orgId: clock.orgId,
      orgName,
    };
  });
};

/** One open deadline the actor may see, by clock id; anything else is not found. */
export const getOpenDeadlineInScope = async (ctx: Ctx, clockId: number): Promise<OpenDeadline> => {
  const visible = visibleClocks(ctx);
  if (!visible) throw notFound('期限');
  const rows = await ctx.db
    .select({ clock: caseClock, title: visible.titleSql.mapWith(String), orgName: orgUnit.name })
    .from(caseClock)
    .leftJoin(orgUnit, eq(orgUnit.id, caseClock.orgId))
    .where(and(eq(caseClock.id, clockId), visible.cond, sql`${caseClock.status} <> 'stopped'`));
  if (rows.length === 0) throw notFound('期限');
  return (await shape(ctx, rows, toLocalDate(ctx.now)))[0]!;
};

/**
 * The deadline a list shows beside each record of a page, in one indexed query: the record's open clock
 * `clockKey` (running before paused); with `includeStopped`, a record without one shows its latest stopped
 * clock (so a closed record reads 已结束 rather than nothing).
 */
export const pageDeadlines = async (
  ctx: Ctx,
  machine: MachineDef,
  clockKey: string,
  ids: readonly number[],
  opts: { includeStopped?: boolean } = {},
): Promise<Map<number, DeadlineView>> => {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectDistinctOn([caseClock.entityId])
    .from(caseClock)
    .where(
      and(
        eq(caseClock.entityType, machine.entity),
        inArray(caseClock.entityId, [...ids]),
        eq(caseClock.clockKey, clockKey),
        opts.includeStopped ? undefined : ne(caseClock.status, 'stopped'),
      ),
    )
    .orderBy(caseClock.entityId, sql`case ${caseClock.status} when 'running' then 0 when 'paused' then 1 else 2 end`, desc(caseClock.id));
  const calendar = await ctx.services.calendar.get();
  const today = toLocalDate(ctx.now);
  const dueSoon = machine.clocks[clockKey]?.dueSoonWorkingDays;
  return new Map(rows.map((c) => [c.entityId, toDeadlineView(c, calendar, today, dueSoon)]));
};
