/** How a deadline is shown: 绿 on time, 黄 due soon, 红 overdue, 灰 paused or stopped. */
export type DeadlineTone = 'green' | 'yellow' | 'red' | 'paused' | 'done';

export interface DeadlineView {
  clockId: number;
  clockKey: string;
  label: string;
  basis: string;
  status: 'running' | 'paused' | 'stopped';
  startDate: string;
  period: number;
  unit: 'calendar_day' | 'working_day' | 'month' | 'fixed_date';
  extensionDays: number;
  extensionCount: number;
  excludedDays: number;
  dueDate: string | null;
  /** Working days left: positive ahead, 0 on the due day, negative overdue. */
  remainingWorkingDays: number | null;
  tone: DeadlineTone;
  missingYears: number[];
  stoppedOn: string | null;
}

export const DEADLINE_TONE_LABELS: Record<DeadlineTone, string> = {
  green: '正常',
  yellow: '即将到期',
  red: '已逾期',
  paused: '已暂停',
  done: '已结束',
};

export const PERIOD_UNIT_LABELS = { calendar_day: '日', working_day: '个工作日', month: '个月', fixed_date: '日（交办限期）' } as const;

/** The tone of a running deadline from its remaining working days. */
export const deadlineTone = (status: DeadlineView['status'], remaining: number | null, dueSoonWorkingDays = 3): DeadlineTone => {
  if (status === 'stopped') return 'done';
  if (status === 'paused' || remaining === null) return 'paused';
  if (remaining < 0) return 'red';
  if (remaining <= dueSoonWorkingDays) return 'yellow';
  return 'green';
};
