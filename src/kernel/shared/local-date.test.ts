import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addMonthsClamped,
  assertLocalDate,
  compareLocalDate,
  daysInMonth,
  diffDays,
  fromEpochDay,
  isLeapYear,
  isLocalDate,
  localDateToInstantStart,
  toEpochDay,
  toLocalDate,
  weekday,
  yearOf,
} from './local-date';

describe('isLocalDate', () => {
  test('accepts real YYYY-MM-DD dates, including 29 February of a leap year', () => {
    for (const s of ['2024-02-29', '2025-12-31', '2026-01-01', '0001-01-01', '9999-12-31']) {
      assert.equal(isLocalDate(s), true, s);
    }
  });

  test('rejects impossible dates, other formats and non-strings', () => {
    const bad: unknown[] = [
      '2025-02-29', // 2025 is not a leap year
      '1900-02-29', // century not divisible by 400
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-2-1',
      '2024/02/01',
      '2024-02-01T00:00:00Z',
      ' 2024-02-01',
      '0000-01-01',
      '',
      20240201,
      null,
      undefined,
      new Date('2024-02-01'),
    ];
    for (const s of bad) assert.equal(isLocalDate(s), false, String(s));
  });

  test('assertLocalDate throws a RangeError naming the bad value', () => {
    assert.throws(() => assertLocalDate('2025-02-30'), (e: unknown) => e instanceof RangeError && /2025-02-30/.test(e.message));
    assert.doesNotThrow(() => assertLocalDate('2025-02-28'));
  });
});

describe('leap years and month lengths', () => {
  test('Gregorian leap-year rule', () => {
    assert.deepEqual([1900, 2000, 2023, 2024, 2100].map(isLeapYear), [false, true, false, true, false]);
  });

  test('days in each month', () => {
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2025, 2), 28);
    assert.equal(daysInMonth(2025, 4), 30);
    assert.equal(daysInMonth(2025, 9), 30);
    assert.equal(daysInMonth(2025, 12), 31);
    assert.equal(daysInMonth(2025, 7), 31);
  });
});

describe('toLocalDate / localDateToInstantStart (Asia/Shanghai, UTC+8)', () => {
  test('the local date changes at 16:00 UTC', () => {
    assert.equal(toLocalDate(new Date('2024-09-30T15:59:59.999Z')), '2024-09-30');
    assert.equal(toLocalDate(new Date('2024-09-30T16:00:00.000Z')), '2024-10-01');
    assert.equal(toLocalDate(new Date('2024-12-31T16:00:00.000Z')), '2025-01-01');
    assert.equal(toLocalDate(new Date('2024-12-31T23:59:59+08:00')), '2024-12-31');
  });

  test('instants before 1970 map correctly (floor, not truncation)', () => {
    assert.equal(toLocalDate(new Date('1969-12-31T15:59:59.999Z')), '1969-12-31');
    assert.equal(toLocalDate(new Date('1969-12-31T16:00:00.000Z')), '1970-01-01');
  });

  test('an invalid Date is rejected', () => {
    assert.throws(() => toLocalDate(new Date('not a date')), RangeError);
  });

  test('start of a local day is 16:00 UTC of the previous day', () => {
    assert.equal(localDateToInstantStart('2024-10-01').toISOString(), '2024-09-30T16:00:00.000Z');
    assert.equal(localDateToInstantStart('2025-01-01').toISOString(), '2024-12-31T16:00:00.000Z');
  });

  test('round trip: the start instant of a date lies on that date, one millisecond earlier does not', () => {
    for (const d of ['2024-02-29', '2025-10-01', '2026-12-31', '1970-01-01']) {
      const start = localDateToInstantStart(d);
      assert.equal(toLocalDate(start), d);
      assert.equal(toLocalDate(new Date(start.getTime() - 1)), addDays(d, -1));
    }
  });
});

describe('epoch days', () => {
  test('1970-01-01 is day 0 and neighbours are ±1', () => {
    assert.equal(toEpochDay('1970-01-01'), 0);
    assert.equal(toEpochDay('1970-01-02'), 1);
    assert.equal(fromEpochDay(-1), '1969-12-31');
    assert.equal(toEpochDay('2000-03-01'), 11017);
    assert.equal(fromEpochDay(11017), '2000-03-01');
  });

  test('years below 100 are not shifted into the 1900s', () => {
    assert.equal(addDays('0099-12-31', 1), '0100-01-01');
    assert.equal(yearOf(fromEpochDay(toEpochDay('0050-06-15'))), 50);
  });

  test('dates outside 0001–9999 cannot be produced', () => {
    assert.throws(() => addDays('9999-12-31', 1), RangeError);
    assert.throws(() => fromEpochDay(1.5), RangeError);
  });
});

describe('addDays', () => {
  test('crosses month, leap-day and year boundaries', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-02-28', 1), '2025-03-01');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2024-07-03', 90), '2024-10-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2025-01-01', -366), '2024-01-01'); // 2024 has 366 days
    assert.equal(addDays('2025-06-15', 0), '2025-06-15');
  });

  test('rejects a non-integer count and an invalid date', () => {
    assert.throws(() => addDays('2025-01-01', 0.5), RangeError);
    assert.throws(() => addDays('2025-02-30', 1), RangeError);
  });
});

describe('addMonthsClamped (民法典第202条：没有对应日的，月末日为期间的最后一日)', () => {
  test('same-numbered day when it exists', () => {
    assert.equal(addMonthsClamped('2025-01-15', 1), '2025-02-15');
    assert.equal(addMonthsClamped('2025-11-30', 2), '2026-01-30');
    assert.equal(addMonthsClamped('2025-03-31', 12), '2026-03-31');
  });

  test('clamps to the last day of a shorter month', () => {
    assert.equal(addMonthsClamped('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonthsClamped('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonthsClamped('2025-03-31', 1), '2025-04-30');
    assert.equal(addMonthsClamped('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonthsClamped('2023-12-31', 2), '2024-02-29');
  });

  test('negative months and zero', () => {
    assert.equal(addMonthsClamped('2025-03-31', -1), '2025-02-28');
    assert.equal(addMonthsClamped('2025-01-10', -1), '2024-12-10');
    assert.equal(addMonthsClamped('2025-01-10', -13), '2023-12-10');
    assert.equal(addMonthsClamped('2025-05-31', 0), '2025-05-31');
  });

  test('rejects a non-integer month count', () => {
    assert.throws(() => addMonthsClamped('2025-01-31', 1.5), RangeError);
  });
});

describe('weekday', () => {
  test('known days of week (0 = Sunday … 6 = Saturday)', () => {
    assert.equal(weekday('1970-01-01'), 4);
    assert.equal(weekday('2000-02-29'), 2);
    assert.equal(weekday('2024-09-29'), 0);
    assert.equal(weekday('2024-10-12'), 6);
    assert.equal(weekday('2025-01-31'), 5);
    assert.equal(weekday('2026-10-01'), 4);
    assert.equal(weekday('1969-12-28'), 0);
  });
});

describe('compareLocalDate / diffDays', () => {
  test('orders dates', () => {
    assert.ok(compareLocalDate('2024-09-30', '2024-10-01') < 0);
    assert.ok(compareLocalDate('2025-01-01', '2024-12-31') > 0);
    assert.equal(compareLocalDate('2025-01-01', '2025-01-01'), 0);
    assert.deepEqual(['2025-10-08', '2024-02-29', '2025-01-01'].sort(compareLocalDate), ['2024-02-29', '2025-01-01', '2025-10-08']);
  });

  test('diffDays is b − a, counting the leap day', () => {
    assert.equal(diffDays('2024-01-01', '2025-01-01'), 366);
    assert.equal(diffDays('2025-01-01', '2026-01-01'), 365);
    assert.equal(diffDays('2024-10-08', '2024-10-01'), -7);
    assert.equal(diffDays('2024-07-03', '2024-10-01'), 90);
    assert.equal(diffDays('2024-07-03', '2024-07-03'), 0);
  });
});
