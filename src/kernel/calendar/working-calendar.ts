// Working-day calendar and statutory period arithmetic (statute reference §17).
// Pure and universal: no I/O, no Node imports; the holiday table is passed in by the caller.
import {
  type LocalDate,
  addMonthsClamped,
  fromEpochDay,
  isLocalDate,
  toEpochDay,
  weekdayOfEpochDay,
  yearOfEpochDay,
} from '../shared/local-date';

/** How a statutory period is measured: natural days, working days or months. */
export type PeriodUnit = 'calendar_day' | 'working_day' | 'month';

/** All period units, for validation and select lists. */
export const PERIOD_UNITS: readonly PeriodUnit[] = ['calendar_day', 'working_day', 'month'];

/** One explicitly listed day: a 法定节假日/调休休息日 ('holiday') or a 调休上班日 ('workday'). */
export interface CalendarDay {
  date: LocalDate;
  kind: 'holiday' | 'workday';
  name: string;
}

/** The due date of a period, plus the years whose holiday table was needed but is not loaded. */
export interface PeriodResult {
  due: LocalDate;
  /** Years consulted that are not covered by holiday data; weekday rules were used for them. */
  missingYears: number[];
}

/** Why a date is or is not a working day. */
export interface DayInfo {
  date: LocalDate;
  working: boolean;
  /** 'holiday'/'workday' = listed in the table; 'weekend'/'weekday' = ordinary Saturday–Sunday / Monday–Friday rule. */
  kind: 'holiday' | 'workday' | 'weekend' | 'weekday';
  name?: string;
}

/** Throws a RangeError unless `d` is a valid 'YYYY-MM-DD' date, and returns its epoch day. */
const epochOf = (d: LocalDate, what: string): number => {
  if (!isLocalDate(d)) throw new RangeError(`${what}不是有效的日期（应为 YYYY-MM-DD）：${String(d)}`);
  return toEpochDay(d);
};

/** Working-day calendar built from a table of listed holidays and 调休 workdays plus the weekday rule. */
export class WorkingCalendar {
  /** Listed days by epoch day; a later entry for the same date replaces an earlier one (admin edits). */
  private readonly listed = new Map<number, CalendarDay>();
  private readonly covered: ReadonlySet<number>;

  /** Builds the calendar; `coveredYears` are the years whose holiday arrangement is fully loaded. */
  constructor(days: Iterable<CalendarDay>, coveredYears: Iterable<number>) {
    for (const day of days) {
      const epochDay = epochOf(day.date, '节假日表中的日期');
      if (day.kind !== 'holiday' && day.kind !== 'workday') {
        throw new RangeError(`节假日表中的类型无效：${String(day.kind)}（${day.date}）`);
      }
      this.listed.set(epochDay, { date: day.date, kind: day.kind, name: day.name });
    }
    this.covered = new Set(coveredYears);
  }

  /**
   * Working-day rule: a listed 'workday' (调休上班日) works, a listed 'holiday' (法定节假日、调休休息日)
   * does not, otherwise Monday–Friday work and Saturday–Sunday rest
   * (国务院关于职工工作时间的规定第七条; 全国年节及纪念日放假办法).
   */
  private workingAt(epochDay: number): boolean {
    const entry = this.listed.get(epochDay);
    if (entry) return entry.kind === 'workday';
    const wd = weekdayOfEpochDay(epochDay);
    return wd !== 0 && wd !== 6;
  }

  /** Years in the contiguous epoch-day range [from, to] that are not covered by holiday data. */
  private missingBetween(fromEpochDay: number, toEpochDay: number): number[] {
    const missing: number[] = [];
    if (toEpochDay < fromEpochDay) return missing;
    const last = yearOfEpochDay(toEpochDay);
    for (let y = yearOfEpochDay(fromEpochDay); y <= last; y++) {
      if (!this.covered.has(y)) missing.push(y);
    }
    return missing;
  }

  /** Rolls forward to the first working day on or after `epochDay` (民法典第二百零三条). */
  private rollForward(epochDay: number): number {
    let e = epochDay;
    while (!this.workingAt(e)) e++;
    return e;
  }

  /** Whether `d` is a working day. */
  isWorkingDay(d: LocalDate): boolean {
    return this.workingAt(epochOf(d, '日期'));
  }

  /** Whether `d` is a working day, and why (listed holiday/workday or ordinary weekend/weekday). */
  dayInfo(d: LocalDate): DayInfo {
    const epochDay = epochOf(d, '日期');
    const entry = this.listed.get(epochDay);
    if (entry) return { date: d, working: entry.kind === 'workday', kind: entry.kind, name: entry.name };
    const wd = weekdayOfEpochDay(epochDay);
    const weekend = wd === 0 || wd === 6;
    return { date: d, working: !weekend, kind: weekend ? 'weekend' : 'weekday' };
  }

  /** Whether the holiday arrangement of year `y` is loaded. */
  coversYear(y: number): boolean {
    return this.covered.has(y);
  }

  /**
   * Due date of a period of `n` units starting on `start`. The start day is not counted
   * (民事诉讼法第八十五条、民法典第二百零一条：开始的当日不计入，自下一日开始计算).
   * 'calendar_day': start + n days; 'working_day': the n-th working day after start;
   * 'month': same-numbered day n months later, else month end (民法典第二百零二条).
   * A calendar_day/month period whose last day is not a working day ends on the next working day
   * (民法典第二百零三条). n = 0 means the start day itself (rolled for calendar_day/month).
   */
  addPeriod(start: LocalDate, n: number, unit: PeriodUnit): PeriodResult {
    const startDay = epochOf(start, '期间起算日');
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`期间长度必须是非负整数：${n}`);
    switch (unit) {
      case 'working_day': {
        if (n === 0) return { due: start, missingYears: [] };
        let e = startDay;
        let remaining = n;
        while (remaining > 0) {
          e++;
          if (this.workingAt(e)) remaining--;
        }
        return { due: fromEpochDay(e), missingYears: this.missingBetween(startDay + 1, e) };
      }
      case 'calendar_day':
      case 'month': {
        const lastDay = unit === 'calendar_day' ? startDay + n : toEpochDay(addMonthsClamped(start, n));
        const due = this.rollForward(lastDay);
        return { due: fromEpochDay(due), missingYears: this.missingBetween(lastDay, due) };
      }
      default: {
        const never: never = unit;
        throw new RangeError(`未知的期间单位：${String(never)}`);
      }
    }
  }

  /**
   * Number of working days d with fromExclusive < d <= toInclusive, 0 if toInclusive <= fromExclusive;
   * used to leave paused time out of a period (政府信息公开条例第三十三条第二款：征求第三方意见所需时间不计算在内).
   */
  countWorkingDays(fromExclusive: LocalDate, toInclusive: LocalDate): number {
    const from = epochOf(fromExclusive, '起始日期');
    const to = epochOf(toInclusive, '截止日期');
    let count = 0;
    for (let e = from + 1; e <= to; e++) if (this.workingAt(e)) count++;
    return count;
  }

  /** `d` itself if it is a working day, otherwise the first working day after it. */
  nextWorkingDay(d: LocalDate): LocalDate {
    const e = epochOf(d, '日期');
    const next = this.rollForward(e);
    return next === e ? d : fromEpochDay(next);
  }

  /**
   * Working days left until `due`: the working days in (today, due]; when overdue, minus the working
   * days in (due, today]. 0 both on the due day and when only rest days have passed since it.
   */
  workingDaysUntil(today: LocalDate, due: LocalDate): number {
    const t = epochOf(today, '当前日期');
    const d = epochOf(due, '期限');
    if (d >= t) return this.countWorkingDays(today, due);
    const overdue = this.countWorkingDays(due, today);
    return overdue === 0 ? 0 : -overdue; // never -0: strict equality and JSON would disagree
  }
}
