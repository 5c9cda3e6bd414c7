import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addCalendarMonths,
  daysInMonth,
  diffDays,
  fromDayNumber,
  isIsoDate,
  parseIsoDate,
  toDayNumber,
  todayInShanghai,
  tryParseIsoDate,
  weekdayOf,
} from './dates';

// Run the whole file in far-off time zones: the arithmetic must not depend on the server's TZ.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
});
afterAll(() => {
  process.env.TZ = originalTz;
});

const isoDateArb = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('parsing', () => {
  it('accepts real dates and rejects impossible ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false); // century, not a leap year
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-4-1')).toBe(false);
    expect(isIsoDate('2025-04-01T00:00')).toBe(false);
    expect(tryParseIsoDate('2025-10-01')).toEqual({ year: 2025, month: 10, day: 1 });
    expect(() => parseIsoDate('nope')).toThrow(RangeError);
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
  });
});

describe('day numbers and weekdays', () => {
  it('round-trips through day numbers', () => {
    fc.assert(fc.property(isoDateArb, (d) => fromDayNumber(toDayNumber(d)) === d));
  });

  it('matches known weekdays', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(weekdayOf('1970-01-01')).toBe(4); // Thursday
    expect(weekdayOf('2025-10-01')).toBe(3); // Wednesday
    expect(weekdayOf('2026-02-28')).toBe(6); // Saturday
    expect(weekdayOf('1949-10-01')).toBe(6); // Saturday, negative day number
  });

  it('adds and diffs days consistently', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => diffDays(d, addCalendarDays(d, n)) === n),
    );
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(() => addCalendarDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('addCalendarMonths (corresponding day, else month end)', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-10-15', 3, '2026-01-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-11-30', -9, '2025-02-28'],
    ['2025-05-31', 0, '2025-05-31'],
  ])('%s + %i months = %s', (start, n, expected) => {
    expect(addCalendarMonths(start, n)).toBe(expected);
  });

  it('keeps the day when it exists, otherwise takes the month end', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 0, max: 240 }), (d, n) => {
        const start = parseIsoDate(d);
        const end = parseIsoDate(addCalendarMonths(d, n));
        const monthsApart = (end.year - start.year) * 12 + (end.month - start.month);
        const expectedDay = Math.min(start.day, daysInMonth(end.year, end.month));
        return monthsApart === n && end.day === expectedDay;
      }),
    );
  });
});

describe('todayInShanghai', () => {
  it('uses the China civil date, not UTC or the server TZ', () => {
    // 2025-09-30T16:30Z is already 00:30 on 1 October in Beijing.
    expect(todayInShanghai(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
    expect(todayInShanghai(new Date('2025-09-30T15:59:59Z'))).toBe('2025-09-30');
  });

  it('agrees with the time-zone database at every instant, also across midnight and in the summer-time years', () => {
    const tzdb = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
      expect(todayInShanghai(new Date(t))).toBe(tzdb.format(new Date(t)));
    }), { numRuns: 2000 });
    for (const iso of ['2026-11-26T15:59:59.999Z', '2026-11-26T16:00:00.000Z', '2026-12-31T16:00:00Z', '1991-12-31T15:59:59Z', '1991-12-31T16:00:00Z', '1988-07-01T15:30:00Z']) {
      expect(todayInShanghai(new Date(iso)), iso).toBe(tzdb.format(new Date(iso)));
    }
  });
});
