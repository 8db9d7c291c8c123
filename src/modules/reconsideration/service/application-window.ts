import { addDays } from '../../../kernel';
import type { WorkingCalendar } from '../../../kernel/calendar/working-calendar';

export interface ApplicationWindowInput {
  knewDate: string;
  notInformed: boolean;
  rightsKnownDate: string | null;
  obstacleDays: number;
  actDate: string | null;
  realProperty: boolean;
  receivedDate: string;
}

export interface ApplicationWindow {
  /** Last day to apply (第二十条), rolled to the next working day when it is a rest day. */
  deadline: string;
  late: boolean;
  /** Why the application is late, or a note on how the deadline was set. */
  note: string | null;
}

/**
 * 申请期限 (《行政复议法》第二十条、第二十一条; statutes.md §1.2): 60 calendar days from the day the applicant
 * knew of the act; days lost to an obstacle are added (¶2); if the agency did not inform of the right to
 * apply, the 60 days run from learning of it, but at most one year from knowing the act (¶3); and no
 * application is accepted 5 years (20 for real property) after the act (第二十一条). Only a warning: the
 * office decides.
 */
export const applicationWindow = (calendar: WorkingCalendar, a: ApplicationWindowInput): ApplicationWindow => {
  const start = a.notInformed && a.rightsKnownDate ? a.rightsKnownDate : a.knewDate;
  let deadline = calendar.addPeriod(start, 60 + a.obstacleDays, 'calendar_day').due;
  const notes: string[] = [];
  if (a.obstacleDays > 0) notes.push(`因不可抗力或其他正当理由耽误的 ${a.obstacleDays} 日不计入申请期限（第二十条第二款）`);
  if (a.notInformed) {
    const outer = calendar.addPeriod(addDays(a.knewDate, a.obstacleDays), 12, 'month').due;
    if (outer < deadline) deadline = outer;
    notes.push('行政机关未告知申请权利和期限，申请期限自知道之日起计算，最长不超过一年（第二十条第三款）');
  }
  let late = a.receivedDate > deadline;
  if (late) notes.unshift(`收到申请之日（${a.receivedDate}）已超过申请期限（${deadline}，第二十条）`);
  if (a.actDate) {
    const years = a.realProperty ? 20 : 5;
    const bar = calendar.addPeriod(a.actDate, years * 12, 'month').due;
    if (a.receivedDate > bar) {
      late = true;
      notes.unshift(`自行政行为作出之日起已超过 ${years} 年（${bar}），依法不予受理（第二十一条）`);
    }
  }
  return { deadline, late, note: notes.length ? notes.join('；') : null };
};
