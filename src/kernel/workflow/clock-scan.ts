import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { queryRows } from '../db/client';
import { permissionCode } from '../shared/define-manifest';
import { toLocalDate } from '../shared/local-date';

// One process at a time: the scan runs under this transaction-scoped advisory lock and others skip.
const SCAN_LOCK = 7_201_002;

export interface ScanResult {
  ran: boolean;
  dueSoon: number;
  overdue: number;
  closed: number;
}

/**
 * 期限扫描: raises a to-do for each running clock that is due soon or overdue, and closes to-dos whose
 * clock stopped. Idempotent (a partial unique index keeps one open to-do per record and kind); when
 * several processes share a database only the one holding the lock does the work.
 */
export const scanClocks = async (ctx: Ctx, defaultDueSoonWorkingDays = 3): Promise<ScanResult> => {
  const calendar = await ctx.services.calendar.get();
  const today = toLocalDate(ctx.now);
  const limitFor = (days: number) => calendar.addPeriod(today, days, 'working_day').due;
  const registry = ctx.services.registry;
  // Each clock turns "due soon" at its own declared threshold, the same one the deadline badge uses.
  const soonLimitSql = (entityType: string) => {
    const keys = registry.clockKeys(entityType);
    if (keys.length === 0) return sql`${limitFor(defaultDueSoonWorkingDays)}`;
    const cases = keys.map((k) => sql`when ${k} then ${limitFor(registry.clockDef(entityType, k)?.dueSoonWorkingDays ?? defaultDueSoonWorkingDays)}`);
    return sql`(case c.clock_key ${sql.join(cases, sql` `)} else ${limitFor(defaultDueSoonWorkingDays)} end)::date`;
  };
  const maxSoon = Math.max(defaultDueSoonWorkingDays, ...registry.entityTypes().flatMap(({ type }) => registry.clockKeys(type).map((k) => registry.clockDef(type, k)?.dueSoonWorkingDays ?? 0)));
  const soonLimit = limitFor(maxSoon);
  return ctx.db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SCAN_LOCK}) as ok`);
    if (!lock?.ok) return { ran: false, dueSoon: 0, overdue: 0, closed: 0 };
    let dueSoon = 0;
    let overdue = 0;
    for (const { type, module, def } of ctx.services.registry.entityTypes()) {
      const permission = permissionCode(module, def.handlerPermission);
      const title = sql.raw(def.titleSql);
      const table = sql.identifier(def.table);
      const insert = async (kind: 'overdue' | 'due_soon', cond: ReturnType<typeof sql>, word: string) => {
        const rows = await queryRows<{ id: number }>(
          tx,
          sql`insert into todo (module, entity_type, entity_id, org_id, kind, permission, title, link, due_date)
              select c.module, c.entity_type, c.entity_id, c.org_id, ${kind}, ${permission},
                     c.label || ${word} || '：' || coalesce((select ${title} from ${table} r where r.id = c.entity_id), ''),
                     ${`/${module}/${def.path}/`} || c.entity_id, c.due_date
              from case_clock c
              where c.entity_type = ${type} and c.status = 'running' and ${cond}
              on conflict do nothing
              returning id`,
        );
        return rows.length;
      };
      overdue += await insert('overdue', sql`c.due_date < ${today}`, '已逾期');
      dueSoon += await insert('due_soon', sql`c.due_date >= ${today} and c.due_date <= ${soonLimitSql(type)}`, '即将到期');
    }
    // A record whose clocks no longer run (answered, paused, stopped) has no deadline to-do.
    const closed = await queryRows<{ id: number }>(
      tx,
      sql`update todo t set done_at = ${ctx.now}
          where t.done_at is null and t.kind in ('due_soon', 'overdue')
            and not exists (select 1 from case_clock c where c.entity_type = t.entity_type and c.entity_id = t.entity_id
                            and c.status = 'running' and c.due_date <= ${soonLimit})
          returning t.id`,
    );
    // A due-soon to-do turns into an overdue one.
    await tx.execute(
      sql`update todo t set done_at = ${ctx.now} where t.done_at is null and t.kind = 'due_soon'
          and exists (select 1 from todo o where o.done_at is null and o.kind = 'overdue' and o.entity_type = t.entity_type and o.entity_id = t.entity_id)`,
    );
    return { ran: true, dueSoon, overdue, closed: closed.length };
  });
};
