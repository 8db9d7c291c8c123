// Seeds the holiday table from the data shipped in the `chinese-days` package (国务院办公厅
// 部分节假日安排通知, 2004–2026 in version 1.5.7). Server-only: reads the package's JSON file.
import { createRequire } from 'node:module';
import { isLocalDate } from '../shared/local-date';
import type { CalendarDay } from './working-calendar';

/** Shape of chinese-days/dist/chinese-days.json: date → "English name,中文名,days in lieu". */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Official Chinese names as used in the State Council notices (the package abbreviates some). */
const OFFICIAL_NAMES: Record<string, string> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

let cached: ChineseDaysData | undefined;

const loadData = (): ChineseDaysData => {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const raw: unknown = require('chinese-days/dist/chinese-days.json');
  const isMap = (v: unknown): v is Record<string, string> =>
    typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
  if (typeof raw !== 'object' || raw === null) throw new Error('chinese-days 数据格式无法识别');
  const { holidays, workdays } = raw as Record<string, unknown>;
  if (!isMap(holidays) || !isMap(workdays)) throw new Error('chinese-days 数据格式无法识别');
  cached = { holidays, workdays };
  return cached;
};

/** Chinese name from a package value such as "National Day,国庆节,3". */
const chineseName = (value: string): string => {
  const zh = (value.split(',')[1] ?? '').trim() || value.trim();
  return OFFICIAL_NAMES[zh] ?? zh;
};

/**
 * Listed holidays (kind 'holiday', incl. 调休 rest days) and 调休 workdays (kind 'workday') of the
 * requested years from chinese-days; a year is covered only if the package has data for it.
 * Ordinary weekends are not listed: the calendar applies the weekday rule itself.
 */
export function seedDaysFromChineseDays(years: number[]): { days: CalendarDay[]; coveredYears: number[] } {
  const data = loadData();
  const wanted = new Set(years);
  const days: CalendarDay[] = [];
  const present = new Set<number>();
  const collect = (map: Record<string, string>, kind: CalendarDay['kind']): void => {
    for (const [date, value] of Object.entries(map)) {
      if (!isLocalDate(date)) continue;
      const year = Number(date.slice(0, 4));
      if (!wanted.has(year)) continue;
      present.add(year);
      days.push({ date, kind, name: chineseName(value) });
    }
  };
  collect(data.holidays, 'holiday');
  collect(data.workdays, 'workday');
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const coveredYears = [...wanted].filter((y) => present.has(y)).sort((a, b) => a - b);
  return { days, coveredYears };
}
