// Formatting helpers: times shown in Asia/Shanghai whatever the browser's zone, dates as YYYY-MM-DD.
import dayjs, { type Dayjs } from 'dayjs';
import { isLocalDate, toLocalDate, type LocalDate } from '../../kernel/shared/local-date';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** '2026-03-05 14:07:09' (Asia/Shanghai) from an ISO instant; '' for empty values. */
export const formatDateTime = (value: string | number | Date | null | undefined): string => {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
};

/** Today in Asia/Shanghai as 'YYYY-MM-DD'. */
export const todayLocal = (): LocalDate => toLocalDate(new Date());

/** Today as a dayjs value for DatePicker defaults. */
export const todayDayjs = (): Dayjs => dayjs(todayLocal());

/** DatePicker value → 'YYYY-MM-DD' (null when empty). */
export const toDateString = (value: Dayjs | null | undefined): string | null => (value && value.isValid() ? value.format('YYYY-MM-DD') : null);

/** 'YYYY-MM-DD' → DatePicker value. */
export const fromDateString = (value: string | null | undefined): Dayjs | undefined => (value && isLocalDate(value) ? dayjs(value) : undefined);

/** '1.2 MB' */
export const formatSize = (bytes: number | null | undefined): string => {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
};

/** The label of a value in an option list, or the value itself. */
export const labelOf = (options: readonly { value: string; label: string }[], value: string | null | undefined): string => {
  if (value === null || value === undefined || value === '') return '';
  return options.find((o) => o.value === value)?.label ?? value;
};
