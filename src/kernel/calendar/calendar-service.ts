import { asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { appSetting, caseClock, holiday, holidayYear } from '../db/schema';
import { WorkingCalendar, type CalendarDay } from './working-calendar';
import { seedDaysFromChineseDays } from './chinese-days-seed';

const VERSION_KEY = 'calendar_version';

/**
 * The working-day calendar backed by the `holiday` table. Each process caches it and reloads when
 * the version stamp in `app_setting` changes, so an edit made by one process reaches all of them.
 */
export class CalendarService {
  private cached: { version: number; calendar: WorkingCalendar; checkedAt: number } | undefined;
  /** How long a process trusts its cached calendar before re-reading the version (edits made in this process apply at once). */
  static readonly RECHECK_MS = 5_000;

  constructor(private readonly db: Db) {}

  /** The current calendar (one cheap version query when cached). */
  async get(db: DbOrTx = this.db): Promise<WorkingCalendar> {
    if (this.cached && Date.now() - this.cached.checkedAt < CalendarService.RECHECK_MS) return this.cached.calendar;
    const version = await this.version(db);
    if (this.cached && this.cached.version === version) {
      this.cached.checkedAt = Date.now();
      return this.cached.calendar;
    }
    const days = await db.select().from(holiday).orderBy(asc(holiday.date));
    const years = await db.select({ year: holidayYear.year }).from(holidayYear);
    const calendar = new WorkingCalendar(
      days.map((d): CalendarDay => ({ date: d.date, kind: d.kind, name: d.name })),
      years.map((y) => y.year),
    );
    // A calendar read inside a transaction may hold an edit that is later rolled back: don't cache it.
    if (db === this.db) this.cached = { version, calendar, checkedAt: Date.now() };
    return calendar;
  }

  private async version(db: DbOrTx): Promise<number> {
    const [row] = await db.select({ value: appSetting.value }).from(appSetting).where(eq(appSetting.key, VERSION_KEY));
    return typeof row?.value === 'number' ? row.value : 0;
  }

  /** Marks the calendar changed; call inside the transaction that edits `holiday`. */
  async bump(tx: DbOrTx): Promise<void> {
    this.cached = undefined;
    await tx
      .insert(appSetting)
      .values({ key: VERSION_KEY, value: 1 })
      .onConflictDoUpdate({ target: appSetting.key, set: { value: sql`to_jsonb((${appSetting.value})::int + 1)`, updatedAt: sql`now()` } });
  }
}

/** Seeds the holiday table for `years` from the chinese-days package, if the table is empty. */
export const seedHolidayTable = async (db: DbOrTx, years: number[]): Promise<number> => {
  const existing = await db.select({ year: holidayYear.year }).from(holidayYear).limit(1);
  if (existing.length > 0) return 0;
  const { days, coveredYears } = seedDaysFromChineseDays(years);
  if (days.length > 0) {
    await db.insert(holiday).values(days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: 'seed' as const })));
  }
  if (coveredYears.length > 0) {
    await db.insert(holidayYear).values(coveredYears.map((year) => ({ year, source: 'seed' as const, note: 'chinese-days 1.5.7' })));
  }
  return days.length;
};

/** Open clocks whose due date must be recomputed after a calendar change. */
export const openClocksFilter = sql`${caseClock.status} <> 'stopped'`;
