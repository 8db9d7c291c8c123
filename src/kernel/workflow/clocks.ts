import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { AppError } from '../errors/app-error';
import type { DbOrTx } from '../db/client';
import { caseClock } from '../db/schema';
import type { ClockDef, ClockEffect } from '../shared/define-machine';
import { deadlineTone, type DeadlineView } from '../shared/deadline';
import { addDays, addMonthsClamped, diffDays, toLocalDate, type LocalDate } from '../shared/local-date';
import type { WorkingCalendar } from '../calendar/working-calendar';

type ClockRow = typeof caseClock.$inferSelect;

export interface ClockOwner {
  module: string;
  entityType: string;
  entityId: number;
  orgId: number;
}

/** The due date of a clock: period + extension + excluded (paused) days from the start, start day not counted. */
export const computeDue = (
  calendar: WorkingCalendar,
  c: Pick<ClockRow, 'startDate' | 'period' | 'unit' | 'extensionDays' | 'excludedDays'>,
): { due: LocalDate; missingYears: number[] } => {
  if (c.unit === 'fixed_date') {
    // An assigned date: exactly the date set (plus extensions and pauses), never rolled over rest days.
    return { due: addDays(c.startDate, c.period + c.extensionDays + c.excludedDays), missingYears: [] };
  }
  if (c.unit === 'month') {
    // The period's own last day (the corresponding day of the month), then the days added by extensions
    // and pauses, and only then one roll-over to a working day (民法典第二百零一条、第二百零三条): rolling
    // the month's end first and adding the days to the rolled date would count the rest days twice.
    return calendar.addPeriod(addMonthsClamped(c.startDate, c.period), c.extensionDays + c.excludedDays, 'calendar_day');
  }
  return calendar.addPeriod(c.startDate, c.period + c.extensionDays + c.excludedDays, c.unit);
};

/** Days (in the clock's unit) between a pause and its end: (pausedSince, resumedOn]. */
const pausedDays = (calendar: WorkingCalendar, unit: ClockRow['unit'], pausedSince: LocalDate, resumedOn: LocalDate): number =>
  unit === 'working_day' ? calendar.countWorkingDays(pausedSince, resumedOn) : Math.max(0, diffDays(pausedSince, resumedOn));

const openClock = async (tx: DbOrTx, owner: ClockOwner, key: string): Promise<ClockRow | undefined> => {
  const [row] = await tx
    .select()
    .from(caseClock)
    .where(
      and(
        eq(caseClock.entityType, owner.entityType),
        eq(caseClock.entityId, owner.entityId),
        eq(caseClock.clockKey, key),
        ne(caseClock.status, 'stopped'),
      ),
    );
  return row;
};

export interface ApplyClockEffectArgs {
  tx: DbOrTx;
  calendar: WorkingCalendar;
  owner: ClockOwner;
  clocks: Record<string, ClockDef>;
  effect: ClockEffect;
  /** The date the effect takes place (the input date named by `effect.from`, or today). */
  on: LocalDate;
  /** For `extend`: the days to add. */
  days?: number;
  /** For starting a `fixed_date` clock: the due date set by the assigning office. */
  due?: LocalDate;
}

/** 期限: starts, restarts, pauses, resumes, extends or stops one clock of a record. */
export const applyClockEffect = async (args: ApplyClockEffectArgs): Promise<void> => {
  const { tx, calendar, owner, effect, on } = args;
  const def = args.clocks[effect.clock];
  if (!def) throw new Error(`未声明的期限 ${effect.clock}`);
  if (effect.action === 'stop') {
    // One statement: stopping needs nothing from the row.
    await tx
      .update(caseClock)
      .set({ status: 'stopped', stoppedOn: on, stopReason: 'completed' })
      .where(
        and(
          eq(caseClock.entityType, owner.entityType),
          eq(caseClock.entityId, owner.entityId),
          eq(caseClock.clockKey, effect.clock),
          ne(caseClock.status, 'stopped'),
        ),
      );
    return;
  }
  const current = await openClock(tx, owner, effect.clock);

  const stop = async (row: ClockRow, reason: string) => {
    await tx.update(caseClock).set({ status: 'stopped', stoppedOn: on, stopReason: reason }).where(eq(caseClock.id, row.id));
  };

  switch (effect.action) {
    case 'start':
    case 'restart': {
      if (current) {
        if (effect.action === 'start') throw new AppError('INVALID_STATE', `${def.label}已在计算中`);
        await stop(current, 'restarted');
      }
      let period = def.period;
      if (def.unit === 'fixed_date') {
        if (!args.due) throw new Error(`期限 ${effect.clock} 为交办限期，启动时须给出到期日（due）`);
        if (args.due < on) {
          throw new AppError('VALIDATION_FAILED', '完成时限不能早于交办日期', {
            details: { fields: [{ path: effect.due ?? 'dueDate', message: `不能早于 ${on}` }] },
          });
        }
        period = diffDays(on, args.due);
      }
      const base = { startDate: on, period, unit: def.unit, extensionDays: 0, excludedDays: 0 };
      const { due, missingYears } = computeDue(calendar, base);
      await tx.insert(caseClock).values({
        ...owner,
        clockKey: effect.clock,
        label: def.label,
        basis: def.basis,
        status: 'running',
        dueDate: due,
        missingYears,
        ...base,
      });
      return;
    }
    case 'pause':
      if (!current) return;
      if (current.status === 'paused') throw new AppError('INVALID_STATE', `${def.label}已暂停`);
      await tx.update(caseClock).set({ status: 'paused', pausedSince: on }).where(eq(caseClock.id, current.id));
      return;
    case 'resume': {
      if (!current || current.status !== 'paused' || !current.pausedSince) return;
      if (on < current.pausedSince) {
        throw new AppError('VALIDATION_FAILED', '恢复日期不能早于暂停日期', {
          details: { fields: [{ path: effect.from ?? 'date', message: `不能早于 ${current.pausedSince}` }] },
        });
      }
      const excludedDays = current.excludedDays + pausedDays(calendar, current.unit, current.pausedSince, on);
      const { due, missingYears } = computeDue(calendar, { ...current, excludedDays });
      await tx
        .update(caseClock)
        .set({ status: 'running', pausedSince: null, excludedDays, dueDate: due, missingYears })
        .where(eq(caseClock.id, current.id));
      return;
    }
    case 'extend': {
      if (!current) throw new AppError('INVALID_STATE', `${def.label}未在计算中，不能延长`);
      const days = args.days ?? 0;
      const maxTimes = def.maxExtensions ?? 0;
      if (current.extensionCount >= maxTimes) {
        throw new AppError('INVALID_STATE', `${def.label}已延长过${current.extensionCount}次，依法不能再延长`, {
          details: { reason: 'extension_limit' },
        });
      }
      if (days < 1 || (def.maxExtension !== undefined && days > def.maxExtension)) {
        throw new AppError('VALIDATION_FAILED', `延长期限须为 1 至 ${def.maxExtension ?? days} 天`, {
          details: { fields: [{ path: effect.days ?? 'days', message: `延长不得超过${def.maxExtension}${def.unit === 'working_day' ? '个工作日' : '日'}（${def.basis}）` }] },
        });
      }
      const extensionDays = current.extensionDays + days;
      const { due, missingYears } = computeDue(calendar, { ...current, extensionDays });
      await tx
        .update(caseClock)
        .set({ extensionDays, extensionCount: current.extensionCount + 1, dueDate: due, missingYears })
        .where(eq(caseClock.id, current.id));
      return;
    }
  }
};

/** Recomputes the due date of every open clock, after the holiday table changed. Returns how many changed. */
export const recomputeOpenClocks = async (tx: DbOrTx, calendar: WorkingCalendar): Promise<number> => {
  const open = await tx.select().from(caseClock).where(ne(caseClock.status, 'stopped'));
  let changed = 0;
  for (const c of open) {
    const { due, missingYears } = computeDue(calendar, c);
    if (due !== c.dueDate || JSON.stringify(missingYears) !== JSON.stringify(c.missingYears)) {
      await tx.update(caseClock).set({ dueDate: due, missingYears }).where(eq(caseClock.id, c.id));
      changed += 1;
    }
  }
  return changed;
};

/** A record's latest clock of one key (by default only an open one: running or paused), or undefined. */
export const latestClock = async (db: DbOrTx, entityType: string, entityId: number, clockKey: string, opts: { openOnly?: boolean } = {}): Promise<ClockRow | undefined> => {
  const [c] = await db
    .select()
    .from(caseClock)
    .where(and(eq(caseClock.entityType, entityType), eq(caseClock.entityId, entityId), eq(caseClock.clockKey, clockKey), opts.openOnly === false ? undefined : ne(caseClock.status, 'stopped')))
    .orderBy(desc(caseClock.id))
    .limit(1);
  return c;
};

/** The deadlines of a record, newest first, with tone and remaining working days as of `now`. */
export const deadlinesOf = async (
  db: DbOrTx,
  calendar: WorkingCalendar,
  entityType: string,
  entityId: number,
  now: Date,
  defs: Record<string, ClockDef>,
): Promise<DeadlineView[]> => {
  const rows = await db
    .select()
    .from(caseClock)
    .where(and(eq(caseClock.entityType, entityType), eq(caseClock.entityId, entityId)))
    .orderBy(sql`${caseClock.id} desc`);
  const today = toLocalDate(now);
  return rows.map((c) => toDeadlineView(c, calendar, today, defs[c.clockKey]?.dueSoonWorkingDays));
};

/** Shapes a clock row for the API. */
export const toDeadlineView = (c: ClockRow, calendar: WorkingCalendar, today: LocalDate, dueSoon?: number): DeadlineView => {
  const remaining = c.status === 'running' && c.dueDate ? calendar.workingDaysUntil(today, c.dueDate) : null;
  return {
    clockId: c.id,
    clockKey: c.clockKey,
    label: c.label,
    basis: c.basis,
    status: c.status,
    startDate: c.startDate,
    period: c.period,
    unit: c.unit,
    extensionDays: c.extensionDays,
    extensionCount: c.extensionCount,
    excludedDays: c.excludedDays,
    dueDate: c.dueDate,
    remainingWorkingDays: remaining,
    // Past the due date is overdue even when only rest days have passed since.
    tone: c.status === 'running' && c.dueDate && today > c.dueDate ? 'red' : deadlineTone(c.status, remaining, dueSoon),
    missingYears: c.missingYears,
    stoppedOn: c.stoppedOn,
  };
};
