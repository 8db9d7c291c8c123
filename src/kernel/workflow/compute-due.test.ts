/**
 * 按月计算的期间 with days added by an extension or a pause: the days are added to the period's own last
 * day (the corresponding day of the month) and the result is rolled over rest days once — not added to
 * an already rolled due date, which would count the holiday twice.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDaysFromChineseDays } from '../calendar/chinese-days-seed';
import { WorkingCalendar } from '../calendar/working-calendar';
import { computeDue } from './clocks';

const seed = seedDaysFromChineseDays([2025, 2026]);
const cal = new WorkingCalendar(seed.days, seed.coveredYears);
const month = (startDate: string, period: number, excludedDays = 0, extensionDays = 0) => computeDue(cal, { startDate, period, unit: 'month', excludedDays, extensionDays }).due;

describe('按月计算的期限（民法典第二百零一条、第二百零三条）', () => {
  test('民法典第二百零三条：2026-06-03 起四个月届满于 10-03（国庆假期），扣除中止的 2 日为 10-05，仍在假期，顺延至 10-08（不是 10-10）', () => {
    assert.equal(month('2026-06-03', 4), '2026-10-08');
    assert.equal(month('2026-06-03', 4, 2), '2026-10-08');
  });

  test('民法典第二百零三条：延长 5 日自本来的届满日起算：2026-06-03 起四个月 + 5 日 = 10-08，为工作日不顺延', () => {
    assert.equal(month('2026-06-03', 4, 0, 5), '2026-10-08');
    assert.equal(month('2026-06-03', 4, 2, 5), '2026-10-10'); // 10-10 is the Saturday 调休上班日
  });

  test('民法典第二百零一条：到期月没有对应日的，以月末日为届满日：2026-01-31 起一个月为 02-28（周六，春节调休上班日，不顺延）', () => {
    assert.equal(month('2026-01-31', 1), '2026-02-28');
    // One more day of pause moves it to Sunday 03-01, a rest day: rolled to Monday 03-02.
    assert.equal(month('2026-01-31', 1, 1), '2026-03-02');
  });
});
