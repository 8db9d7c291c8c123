import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import cd from 'chinese-days';
import { addDays, weekday } from '../shared/local-date';
import { seedDaysFromChineseDays } from './chinese-days-seed';
import { type CalendarDay, WorkingCalendar } from './working-calendar';

// Holiday data from chinese-days 1.5.7 (国务院办公厅关于2024/2025/2026年部分节假日安排的通知).
const seed = seedDaysFromChineseDays([2023, 2024, 2025, 2026, 2027]);
const cal = new WorkingCalendar(seed.days, seed.coveredYears);

/** Asserts every date in [from, to] is a listed holiday (not working). */
const assertHolidayRange = (from: string, to: string, name: string): void => {
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const info = cal.dayInfo(d);
    assert.equal(info.working, false, `${d} 应为休息日`);
    assert.equal(info.kind, 'holiday', `${d} 应在节假日表中`);
    assert.equal(info.name, name, `${d} 的名称`);
  }
};

/** Asserts `d` is a weekend day listed as a 调休上班日. */
const assertSwapWorkday = (d: string, expectedWeekday: 0 | 6, name: string): void => {
  assert.equal(weekday(d), expectedWeekday, `${d} 的星期`);
  assert.deepEqual(cal.dayInfo(d), { date: d, working: true, kind: 'workday', name });
  assert.equal(cal.isWorkingDay(d), true);
};

describe('chinese-days 节假日数据导入', () => {
  test('只有有数据的年份才算已覆盖：2027 年不覆盖', () => {
    assert.deepEqual(seed.coveredYears, [2023, 2024, 2025, 2026]);
    assert.equal(cal.coversYear(2026), true);
    assert.equal(cal.coversYear(2027), false);
    const only2027 = seedDaysFromChineseDays([2027]);
    assert.deepEqual(only2027, { days: [], coveredYears: [] });
  });

  test('2026 年：33 个放假日、6 个调休上班日，均为明确列出的日期，不含普通周末', () => {
    const y2026 = seedDaysFromChineseDays([2026]);
    assert.deepEqual(y2026.coveredYears, [2026]);
    assert.equal(y2026.days.filter((d) => d.kind === 'holiday').length, 33);
    assert.deepEqual(
      y2026.days.filter((d) => d.kind === 'workday'),
      [
        { date: '2026-01-04', kind: 'workday', name: '元旦' },
        { date: '2026-02-14', kind: 'workday', name: '春节' },
        { date: '2026-02-28', kind: 'workday', name: '春节' },
        { date: '2026-05-09', kind: 'workday', name: '劳动节' },
        { date: '2026-09-20', kind: 'workday', name: '国庆节' },
        { date: '2026-10-10', kind: 'workday', name: '国庆节' },
      ],
    );
    // An ordinary weekend (2026-03-07 Sat) is not in the table; the calendar applies the weekday rule.
    assert.equal(y2026.days.some((d) => d.date === '2026-03-07'), false);
    assert.deepEqual(cal.dayInfo('2026-03-07'), { date: '2026-03-07', working: false, kind: 'weekend' });
    assert.ok(y2026.days.every((d) => d.date.startsWith('2026-')));
  });

  test('节日名称为中文正式名称（清明节、端午节、中秋节）', () => {
    assert.equal(cal.dayInfo('2025-04-04').name, '清明节');
    assert.equal(cal.dayInfo('2025-05-31').name, '端午节');
    assert.equal(cal.dayInfo('2025-10-06').name, '中秋节');
    assert.equal(cal.dayInfo('2026-01-01').name, '元旦');
  });
});

describe('法定节假日与调休（国务院办公厅节假日安排通知）', () => {
  test('2024 国庆节：10月1日至7日放假，9月29日（周日）、10月12日（周六）上班', () => {
    assertHolidayRange('2024-10-01', '2024-10-07', '国庆节');
    assertSwapWorkday('2024-09-29', 0, '国庆节');
    assertSwapWorkday('2024-10-12', 6, '国庆节');
    assert.equal(cal.isWorkingDay('2024-09-30'), true);
    assert.equal(cal.isWorkingDay('2024-10-08'), true);
  });

  test('2024 春节：2月10日至17日放假，2月4日（周日）、2月18日（周日）上班', () => {
    assertHolidayRange('2024-02-10', '2024-02-17', '春节');
    assertSwapWorkday('2024-02-04', 0, '春节');
    assertSwapWorkday('2024-02-18', 0, '春节');
    assert.equal(cal.isWorkingDay('2024-02-09'), true);
  });

  test('2025 春节：1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班', () => {
    assertHolidayRange('2025-01-28', '2025-02-04', '春节');
    assertSwapWorkday('2025-01-26', 0, '春节');
    assertSwapWorkday('2025-02-08', 6, '春节');
    assert.equal(cal.isWorkingDay('2025-02-05'), true);
  });

  test('2025 国庆节、中秋节：10月1日至8日放假，9月28日（周日）、10月11日（周六）上班', () => {
    for (let d = '2025-10-01'; d <= '2025-10-08'; d = addDays(d, 1)) {
      assert.equal(cal.isWorkingDay(d), false, d);
    }
    assert.equal(cal.dayInfo('2025-10-06').name, '中秋节');
    assert.equal(cal.dayInfo('2025-10-08').name, '国庆节');
    assertSwapWorkday('2025-09-28', 0, '国庆节');
    assertSwapWorkday('2025-10-11', 6, '国庆节');
    assert.equal(cal.isWorkingDay('2025-10-09'), true);
  });

  test('2026 国庆节：10月1日至7日放假，9月20日（周日）、10月10日（周六）上班；中秋节9月25日至27日', () => {
    assertHolidayRange('2026-10-01', '2026-10-07', '国庆节');
    assertHolidayRange('2026-09-25', '2026-09-27', '中秋节');
    assertSwapWorkday('2026-09-20', 0, '国庆节');
    assertSwapWorkday('2026-10-10', 6, '国庆节');
    assert.equal(cal.isWorkingDay('2026-10-08'), true);
  });

  test('2026 春节：2月15日至23日放假，2月14日（周六）、2月28日（周六）上班', () => {
    assertHolidayRange('2026-02-15', '2026-02-23', '春节');
    assertSwapWorkday('2026-02-14', 6, '春节');
    assertSwapWorkday('2026-02-28', 6, '春节');
    // 5 working days from Thu 2026-02-12: 13, 14 (Sat, 调休), then 24, 25, 26.
    assert.deepEqual(cal.addPeriod('2026-02-12', 5, 'working_day'), { due: '2026-02-26', missingYears: [] });
  });

  test('2026 劳动节：5月1日至5日放假，5月9日（周六）上班', () => {
    assertHolidayRange('2026-05-01', '2026-05-05', '劳动节');
    assertSwapWorkday('2026-05-09', 6, '劳动节');
    // 5 working days from Wed 2026-04-29: 30, then 6, 7, 8 and the 调休 Saturday 9.
    assert.deepEqual(cal.addPeriod('2026-04-29', 5, 'working_day'), { due: '2026-05-09', missingYears: [] });
  });

  test('dayInfo 区分普通工作日与普通周末', () => {
    assert.deepEqual(cal.dayInfo('2025-06-10'), { date: '2025-06-10', working: true, kind: 'weekday' });
    assert.deepEqual(cal.dayInfo('2025-06-08'), { date: '2025-06-08', working: false, kind: 'weekend' });
  });
});

describe('期间计算', () => {
  test('政府信息公开条例第33条: 20个工作日答复期跨2024国庆长假，计入9月29日和10月12日调休上班日', () => {
    // Received Fri 2024-09-27: 9/29(1) 9/30(2) 10/8–11(6) 10/12 Sat(7) 10/14–18(12) 10/21–25(17) 10/28–30(20).
    assert.deepEqual(cal.addPeriod('2024-09-27', 20, 'working_day'), { due: '2024-10-30', missingYears: [] });
    assert.deepEqual(cal.addPeriod('2024-09-20', 20, 'working_day'), { due: '2024-10-23', missingYears: [] });
  });

  test('政府信息公开条例第33条: 20个工作日答复期跨2025国庆中秋长假', () => {
    // Received Fri 2025-09-26: 9/28 Sun(1) 9/29–30(3) 10/9–10(5) 10/11 Sat(6) 10/13–17(11) 10/20–24(16) 10/27–30(20).
    assert.deepEqual(cal.addPeriod('2025-09-26', 20, 'working_day'), { due: '2025-10-30', missingYears: [] });
  });

  test('政府信息公开条例第33条: 20个工作日答复期跨2026中秋国庆，计入9月20日（周日）调休上班日', () => {
    // Received Fri 2026-09-18: 9/20 Sun(1) 9/21–24(5) 9/28–30(8) 10/8–10(11) 10/12–16(16) 10/19–22(20).
    assert.deepEqual(cal.addPeriod('2026-09-18', 20, 'working_day'), { due: '2026-10-22', missingYears: [] });
  });

  test('政府信息公开条例第33条第2款: 征求第三方意见的时间不计算在答复期内', () => {
    // Consultation letter sent 2024-09-26, reply received 2024-10-14: working days in (9/26, 10/14].
    const paused = cal.countWorkingDays('2024-09-26', '2024-10-14');
    assert.equal(paused, 9); // 9/27, 9/29(调休), 9/30, 10/8–11, 10/12(调休), 10/14
    const base = cal.addPeriod('2024-09-20', 20, 'working_day').due;
    assert.equal(base, '2024-10-23');
    assert.equal(cal.addPeriod(base, paused, 'working_day').due, '2024-11-05');
  });

  test('政府信息公开条例第30条: 补正告知7个工作日跨2024春节', () => {
    // Received Mon 2024-02-05: 2/6–9(4) 2/18 Sun 调休(5) 2/19(6) 2/20(7).
    assert.deepEqual(cal.addPeriod('2024-02-05', 7, 'working_day'), { due: '2024-02-20', missingYears: [] });
  });

  test('政府信息公开条例第30条: 补正告知7个工作日跨2025春节，计入1月26日与2月8日', () => {
    // Received Fri 2025-01-24: 1/26 Sun(1) 1/27(2) 2/5–7(5) 2/8 Sat(6) 2/10(7).
    assert.deepEqual(cal.addPeriod('2025-01-24', 7, 'working_day'), { due: '2025-02-10', missingYears: [] });
  });

  test('行政复议法第30条、第88条: 受理审查5个工作日，国庆前收到申请', () => {
    // Received Mon 2024-09-30: 10/8–11(4), 10/12 Sat 调休(5).
    assert.deepEqual(cal.addPeriod('2024-09-30', 5, 'working_day'), { due: '2024-10-12', missingYears: [] });
    // Received Tue 2025-09-30: 10/9, 10/10, 10/11 Sat 调休, 10/13, 10/14.
    assert.deepEqual(cal.addPeriod('2025-09-30', 5, 'working_day'), { due: '2025-10-14', missingYears: [] });
    // Received Wed 2026-09-30: 10/8, 10/9, 10/10 Sat 调休, 10/12, 10/13.
    assert.deepEqual(cal.addPeriod('2026-09-30', 5, 'working_day'), { due: '2026-10-13', missingYears: [] });
  });

  test('行政处罚法第60条、民法典第203条: 立案后90日末日为国庆节，顺延至节后第一个工作日', () => {
    // 2024-07-03 + 90 days = 2024-10-01 (国庆节) → 2024-10-08.
    assert.deepEqual(cal.addPeriod('2024-07-03', 90, 'calendar_day'), { due: '2024-10-08', missingYears: [] });
    // 2025-07-03 + 90 days = 2025-10-01; 国庆中秋 lasts until 10-08 → 2025-10-09.
    assert.deepEqual(cal.addPeriod('2025-07-03', 90, 'calendar_day'), { due: '2025-10-09', missingYears: [] });
    // 2026-07-03 + 90 days = 2026-10-01 → 2026-10-08.
    assert.deepEqual(cal.addPeriod('2026-07-03', 90, 'calendar_day'), { due: '2026-10-08', missingYears: [] });
  });

  test('行政处罚法第60条: 末日为普通工作日时不顺延，末日为普通周日时顺延到周一', () => {
    // 2025-11-01 + 90 = 2026-01-30 (Fri, working).
    assert.equal(cal.addPeriod('2025-11-01', 90, 'calendar_day').due, '2026-01-30');
    // 2025-03-10 + 90 = 2025-06-08 (Sun) → Mon 2025-06-09.
    assert.equal(addDays('2025-03-10', 90), '2025-06-08');
    assert.equal(cal.addPeriod('2025-03-10', 90, 'calendar_day').due, '2025-06-09');
  });

  test('民法典第202条: 2025-01-31起1个月，到期月无对应日，以2月28日（周五，工作日）为末日', () => {
    assert.equal(weekday('2025-02-28'), 5);
    assert.deepEqual(cal.addPeriod('2025-01-31', 1, 'month'), { due: '2025-02-28', missingYears: [] });
  });

  test('民法典第202条: 2024闰年，1月31日起1个月为2月29日，12月31日起2个月亦为2月29日', () => {
    assert.deepEqual(cal.addPeriod('2024-01-31', 1, 'month'), { due: '2024-02-29', missingYears: [] });
    assert.deepEqual(cal.addPeriod('2023-12-31', 2, 'month'), { due: '2024-02-29', missingYears: [] });
    assert.deepEqual(cal.addPeriod('2025-03-31', 1, 'month'), { due: '2025-04-30', missingYears: [] });
  });

  test('民法典第202条、第203条: 按月计算的末日落在国庆假期，顺延至节后第一个工作日', () => {
    assert.deepEqual(cal.addPeriod('2024-09-01', 1, 'month'), { due: '2024-10-08', missingYears: [] });
    assert.deepEqual(cal.addPeriod('2025-09-01', 1, 'month'), { due: '2025-10-09', missingYears: [] });
  });

  test('民事诉讼法第85条: 期间开始的当日不计入，周五起算1个工作日为下周一', () => {
    assert.equal(weekday('2025-06-06'), 5);
    assert.deepEqual(cal.addPeriod('2025-06-06', 1, 'working_day'), { due: '2025-06-09', missingYears: [] });
    // The start day itself is not counted even when it is a working day.
    assert.equal(cal.addPeriod('2025-06-10', 1, 'working_day').due, '2025-06-11');
    // Fri 2025-05-30 before 端午 (5/31–6/2): next working day is Tue 6/3.
    assert.equal(cal.addPeriod('2025-05-30', 1, 'working_day').due, '2025-06-03');
    // Fri 2024-05-10: the next day, Sat 5/11, is a 调休上班日.
    assert.equal(cal.addPeriod('2024-05-10', 1, 'working_day').due, '2024-05-11');
  });

  test('民法典第201条: 按日计算不计入开始当日，1日期间末日为次日', () => {
    assert.equal(cal.addPeriod('2025-06-10', 1, 'calendar_day').due, '2025-06-11');
    assert.equal(cal.addPeriod('2025-06-10', 10, 'calendar_day').due, '2025-06-20');
  });

  test('期间为0：工作日为起算日本身，自然日末日为休息日时顺延（民法典第203条）', () => {
    assert.deepEqual(cal.addPeriod('2024-09-28', 0, 'working_day'), { due: '2024-09-28', missingYears: [] });
    // Sat 2024-09-28 is not working; the next day Sun 9/29 is a 调休上班日.
    assert.deepEqual(cal.addPeriod('2024-09-28', 0, 'calendar_day'), { due: '2024-09-29', missingYears: [] });
    assert.deepEqual(cal.addPeriod('2024-10-01', 0, 'month'), { due: '2024-10-08', missingYears: [] });
    assert.deepEqual(cal.addPeriod('2025-06-10', 0, 'calendar_day'), { due: '2025-06-10', missingYears: [] });
  });

  test('拒绝负数、小数期间和无效日期', () => {
    assert.throws(() => cal.addPeriod('2025-06-10', -1, 'working_day'), RangeError);
    assert.throws(() => cal.addPeriod('2025-06-10', 1.5, 'calendar_day'), RangeError);
    assert.throws(() => cal.addPeriod('2025-02-29', 1, 'calendar_day'), RangeError);
    assert.throws(() => cal.addPeriod('2025-06-10', 1, 'week' as never), RangeError);
  });
});

describe('节假日数据未覆盖的年份', () => {
  test('政府信息公开条例第33条: 2026-12-20起20个工作日进入2027年，报告2027年缺少节假日数据并按周一至周五计算', () => {
    // 12/21–25(5) 12/28–31(9) 2027-01-01 Fri (10, weekday rule) 1/4–8(15) 1/11–15(20).
    assert.deepEqual(cal.addPeriod('2026-12-20', 20, 'working_day'), { due: '2027-01-15', missingYears: [2027] });
  });

  test('未覆盖年份按普通周末规则：周五上班、周六周日休息', () => {
    assert.equal(cal.coversYear(2027), false);
    assert.deepEqual(cal.dayInfo('2027-01-01'), { date: '2027-01-01', working: true, kind: 'weekday' });
    assert.deepEqual(cal.dayInfo('2027-01-02'), { date: '2027-01-02', working: false, kind: 'weekend' });
    assert.equal(cal.nextWorkingDay('2027-01-02'), '2027-01-04');
  });

  test('民法典第203条: 自然日期间末日落入未覆盖年份时同样报告缺失年份', () => {
    // 2026-12-25 + 15 = 2027-01-09 (Sat) → Mon 2027-01-11 by the weekday rule.
    assert.deepEqual(cal.addPeriod('2026-12-25', 15, 'calendar_day'), { due: '2027-01-11', missingYears: [2027] });
    assert.deepEqual(cal.addPeriod('2026-12-31', 1, 'calendar_day'), { due: '2027-01-01', missingYears: [2027] });
    // Only the years actually consulted are reported: a period inside 2026 reports nothing.
    assert.deepEqual(cal.addPeriod('2026-12-01', 20, 'calendar_day').missingYears, []);
  });

  test('只报告实际用到的年份：跨越多个未覆盖年份时全部列出', () => {
    const bare = new WorkingCalendar([], [2025]);
    // 2025-12-31 + 400 days = 2027-02-04 (Thu): only that day is consulted.
    assert.deepEqual(bare.addPeriod('2025-12-31', 400, 'calendar_day'), { due: '2027-02-04', missingYears: [2027] });
    // 300 working days walk through all of 2026 and into 2027.
    assert.deepEqual(bare.addPeriod('2025-12-31', 300, 'working_day').missingYears, [2026, 2027]);
  });
});

describe('管理员编辑节假日表', () => {
  const extra = (days: CalendarDay[], covered: number[] = seed.coveredYears): WorkingCalendar =>
    new WorkingCalendar([...seed.days, ...days], covered);

  test('将工作日（2027-01-01 周五）设为元旦假日后，20个工作日期限顺延一天', () => {
    const edited = extra([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    assert.equal(edited.isWorkingDay('2027-01-01'), false);
    assert.deepEqual(edited.addPeriod('2026-12-20', 20, 'working_day'), { due: '2027-01-18', missingYears: [2027] });
  });

  test('再将周日（2027-01-03）设为调休上班日并标记2027年已覆盖后，期限回到1月15日且不再报缺失', () => {
    const edited = extra(
      [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-03', kind: 'workday', name: '元旦' },
      ],
      [...seed.coveredYears, 2027],
    );
    assert.equal(weekday('2027-01-03'), 0);
    assert.deepEqual(edited.dayInfo('2027-01-03'), { date: '2027-01-03', working: true, kind: 'workday', name: '元旦' });
    assert.deepEqual(edited.addPeriod('2026-12-20', 20, 'working_day'), { due: '2027-01-15', missingYears: [] });
  });

  test('后加入的记录覆盖导入的记录：取消2026-10-10调休上班后，答复期顺延一天', () => {
    const edited = extra([{ date: '2026-10-10', kind: 'holiday', name: '国庆节' }]);
    assert.deepEqual(edited.dayInfo('2026-10-10'), { date: '2026-10-10', working: false, kind: 'holiday', name: '国庆节' });
    assert.equal(edited.addPeriod('2026-09-18', 20, 'working_day').due, '2026-10-23');
    assert.equal(cal.addPeriod('2026-09-18', 20, 'working_day').due, '2026-10-22');
  });

  test('节假日表中的无效日期或类型被拒绝', () => {
    assert.throws(() => new WorkingCalendar([{ date: '2026-02-30', kind: 'holiday', name: 'x' }], []), RangeError);
    assert.throws(
      () => new WorkingCalendar([{ date: '2026-02-03', kind: 'rest' as never, name: 'x' }], []),
      RangeError,
    );
  });
});

describe('countWorkingDays / nextWorkingDay / workingDaysUntil', () => {
  test('政府信息公开条例第33条第2款: 跨国庆中秋长假的征求意见时间只计工作日', () => {
    // (2025-09-26, 2025-10-13]: 9/28 Sun, 9/29, 9/30, 10/9, 10/10, 10/11 Sat, 10/13.
    assert.equal(cal.countWorkingDays('2025-09-26', '2025-10-13'), 7);
    // (2026-09-24, 2026-10-12]: 9/28, 9/29, 9/30, 10/8, 10/9, 10/10 Sat, 10/12.
    assert.equal(cal.countWorkingDays('2026-09-24', '2026-10-12'), 7);
    // Entirely inside the holiday.
    assert.equal(cal.countWorkingDays('2025-09-30', '2025-10-08'), 0);
  });

  test('区间为空或倒置时为0，起始日不计入、截止日计入', () => {
    assert.equal(cal.countWorkingDays('2025-06-10', '2025-06-10'), 0);
    assert.equal(cal.countWorkingDays('2025-06-12', '2025-06-10'), 0);
    assert.equal(cal.countWorkingDays('2025-06-09', '2025-06-10'), 1);
    assert.equal(cal.countWorkingDays('2025-06-08', '2025-06-14'), 5);
  });

  test('countWorkingDays 与 addPeriod 互逆', () => {
    for (const start of ['2024-09-20', '2025-01-20', '2025-09-26', '2026-02-10', '2026-09-18']) {
      for (const n of [1, 5, 7, 20]) {
        const due = cal.addPeriod(start, n, 'working_day').due;
        assert.equal(cal.countWorkingDays(start, due), n, `${start} + ${n}`);
        assert.equal(cal.countWorkingDays(start, addDays(due, -1)), n - 1, `${start} + ${n}`);
      }
    }
  });

  test('nextWorkingDay：工作日返回自身，节假日返回节后第一个工作日', () => {
    assert.equal(cal.nextWorkingDay('2025-06-10'), '2025-06-10');
    assert.equal(cal.nextWorkingDay('2025-10-01'), '2025-10-09');
    assert.equal(cal.nextWorkingDay('2024-09-28'), '2024-09-29');
    assert.equal(cal.nextWorkingDay('2026-02-15'), '2026-02-24');
  });

  test('workingDaysUntil：剩余工作日为正数、当天为0、逾期为负数', () => {
    // Due 2024-10-12 (Sat 调休): from 9/30 the remaining working days are 10/8–12 = 5.
    assert.equal(cal.workingDaysUntil('2024-09-30', '2024-10-12'), 5);
    assert.equal(cal.workingDaysUntil('2024-10-12', '2024-10-12'), 0);
    // Due 2025-09-30; on 2025-10-10 the working days overdue are 10/9 and 10/10.
    assert.equal(cal.workingDaysUntil('2025-10-10', '2025-09-30'), -2);
    assert.equal(cal.workingDaysUntil('2025-10-13', '2025-09-30'), -4);
    // Overdue only by holidays: still 0 working days overdue.
    assert.equal(cal.workingDaysUntil('2025-10-05', '2025-09-30'), 0);
  });
});

describe('与 chinese-days 自带的 findWorkday 交叉核对', () => {
  // chinese-days formats dates with local getters; the test runner pins TZ=Asia/Shanghai.
  test('2024-01-01 至 2026-11-30 每一天起算的 1/5/7/20 个工作日期限一致', () => {
    let checked = 0;
    for (let d = '2024-01-01'; d <= '2026-11-30'; d = addDays(d, 1)) {
      for (const n of [1, 5, 7, 20]) {
        assert.equal(cal.addPeriod(d, n, 'working_day').due, cd.findWorkday(n, d), `${d} + ${n}`);
        checked++;
      }
      assert.equal(cal.isWorkingDay(d), cd.isWorkday(d), d);
    }
    assert.equal(checked, 1065 * 4);
  });
});

describe('性能', () => {
  test('每秒可计算数千个期限（10000 个20工作日期限在2秒内）', () => {
    const started = performance.now();
    let last = '';
    for (let i = 0; i < 10_000; i++) last = cal.addPeriod(addDays('2025-01-01', i % 700), 20, 'working_day').due;
    assert.equal(last, cal.addPeriod(addDays('2025-01-01', 9_999 % 700), 20, 'working_day').due);
    assert.ok(performance.now() - started < 2000);
  });
});
