// Local calendar dates in Asia/Shanghai (UTC+8, no daylight saving), as 'YYYY-MM-DD' strings.
// Universal module: no Node imports, no dependence on the process time zone. All arithmetic is done
// on whole days since 1970-01-01 (the "epoch day") through UTC, so the host TZ never matters.

/** A local date in Asia/Shanghai written as 'YYYY-MM-DD' (years 0001–9999). */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai is UTC+8 all year round (China has not observed DST since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Whether the given year is a leap year in the proleptic Gregorian calendar. */
export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Number of days in the given month (1–12) of the given year. */
export const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

const parseParts = (s: string): [number, number, number] | null => {
  const m = LOCAL_DATE_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
};

const partsOf = (d: LocalDate): [number, number, number] => {
  const parts = parseParts(d);
  if (!parts) throw new RangeError(`不是有效的日期（应为 YYYY-MM-DD）：${String(d)}`);
  return parts;
};

/** Milliseconds of 00:00 UTC on the given civil date; setUTCFullYear avoids Date.UTC's 0–99 → 19xx quirk. */
const utcMidnight = (y: number, m: number, d: number): number => {
  const t = new Date(Date.UTC(2000, 0, 1));
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
};

/** Whether `s` is a real calendar date written as 'YYYY-MM-DD' (rejects e.g. '2025-02-29'). */
export const isLocalDate = (s: unknown): s is LocalDate => typeof s === 'string' && parseParts(s) !== null;

/** Throws a RangeError unless `s` is a valid LocalDate. */
export function assertLocalDate(s: unknown): asserts s is LocalDate {
  if (!isLocalDate(s)) throw new RangeError(`不是有效的日期（应为 YYYY-MM-DD）：${String(s)}`);
}

/** Whole days from 1970-01-01 to the given date (negative before 1970). */
export const toEpochDay = (d: LocalDate): number => {
  const [y, m, day] = partsOf(d);
  return Math.round(utcMidnight(y, m, day) / MS_PER_DAY);
};

/** The LocalDate that is `epochDay` whole days after 1970-01-01. */
export const fromEpochDay = (epochDay: number): LocalDate => {
  if (!Number.isInteger(epochDay)) throw new RangeError(`天数必须是整数：${epochDay}`);
  const t = new Date(epochDay * MS_PER_DAY);
  const y = t.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`日期超出支持范围（0001–9999 年）：${epochDay}`);
  return `${pad(y, 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
};

/** The calendar year of an epoch day (see toEpochDay). */
export const yearOfEpochDay = (epochDay: number): number => new Date(epochDay * MS_PER_DAY).getUTCFullYear();

/** Day of week of an epoch day: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOfEpochDay = (epochDay: number): number => (((epochDay + 4) % 7) + 7) % 7;

/** The calendar year of a LocalDate. */
export const yearOf = (d: LocalDate): number => partsOf(d)[0];

/** The local date in Asia/Shanghai at the given instant. */
export const toLocalDate = (instant: Date): LocalDate => {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('无效的时间');
  return fromEpochDay(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
};

/** The instant of 00:00 Asia/Shanghai at the start of the given local date. */
export const localDateToInstantStart = (d: LocalDate): Date =>
  new Date(toEpochDay(d) * MS_PER_DAY - SHANGHAI_OFFSET_MS);

/** The date `n` days after `d` (`n` may be negative). */
export const addDays = (d: LocalDate, n: number): LocalDate => {
  if (!Number.isInteger(n)) throw new RangeError(`天数必须是整数：${n}`);
  return fromEpochDay(toEpochDay(d) + n);
};

/**
 * The same-numbered day `n` months after `d`, or the last day of that month when it has no such day
 * (民法典第二百零二条：按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日).
 */
export const addMonthsClamped = (d: LocalDate, n: number): LocalDate => {
  if (!Number.isInteger(n)) throw new RangeError(`月数必须是整数：${n}`);
  const [y, m, day] = partsOf(d);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  if (ny < MIN_YEAR || ny > MAX_YEAR) throw new RangeError(`日期超出支持范围（0001–9999 年）：${d} + ${n} 个月`);
  return `${pad(ny, 4)}-${pad(nm, 2)}-${pad(Math.min(day, daysInMonth(ny, nm)), 2)}`;
};

/** Day of week of `d`: 0 = Sunday … 6 = Saturday. */
export const weekday = (d: LocalDate): number => weekdayOfEpochDay(toEpochDay(d));

/** Orders two dates: negative if a < b, 0 if equal, positive if a > b. */
export const compareLocalDate = (a: LocalDate, b: LocalDate): number => {
  const da = toEpochDay(a);
  const db = toEpochDay(b);
  return da < db ? -1 : da > db ? 1 : 0;
};

/** Number of days from `a` to `b` (b − a); negative when b is before a. */
export const diffDays = (a: LocalDate, b: LocalDate): number => toEpochDay(b) - toEpochDay(a);
