import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addCalendarMonths, compareIsoDates, diffDays } from './dates';
import { type CalendarOverride, StatutoryCalendar } from './statutoryCalendar';

// Dates from the package's first year into an uncovered year, so both the data path and the
// weekends-only fallback are exercised.
const dateArb = fc
  .date({ min: new Date(Date.UTC(2004, 0, 1)), max: new Date(Date.UTC(2027, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const overridesArb: fc.Arbitrary<CalendarOverride[]> = fc.array(
  fc.record({ date: dateArb, kind: fc.constantFrom<'holiday' | 'workday'>('holiday', 'workday') }),
  { maxLength: 40 },
);

const calendarArb = overridesArb.map((overrides) => new StatutoryCalendar({ overrides }));
const plain = new StatutoryCalendar();

describe('addWorkingDays', () => {
  it('lands on a working day exactly n working days later', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 1, max: 400 }), (cal, d, n) => {
        const r = cal.addWorkingDays(d, n);
        expect(cal.isWorkingDay(r)).toBe(true);
        expect(cal.workingDaysBetween(d, r)).toBe(n);
        // Nothing working is skipped: the day before r still had only n − 1 working days.
        expect(cal.workingDaysBetween(d, addCalendarDays(r, -1))).toBe(n - 1);
      }),
      { numRuns: 200 },
    );
  });

  it('is strictly monotonic in n', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 60 }), (d, n, k) => {
        expect(compareIsoDates(plain.addWorkingDays(d, n), plain.addWorkingDays(d, n + k))).toBeLessThan(0);
      }),
    );
  });

  it('counts backwards symmetrically', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 300 }), (d, n) => {
        const r = plain.addWorkingDays(d, -n);
        expect(plain.isWorkingDay(r)).toBe(true);
        // r is the n-th working day before d, so (r, d] holds n − 1 working days plus d itself if working.
        expect(plain.workingDaysBetween(r, d)).toBe(n - 1 + (plain.isWorkingDay(d) ? 1 : 0));
        // Going forward n working days from r reaches the first working day on or after d.
        expect(plain.addWorkingDays(r, n)).toBe(plain.nextWorkingDay(d));
      }),
    );
  });
});

describe('workingDaysBetween', () => {
  it('is additive and antisymmetric', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (a, b, c) => {
        expect(plain.workingDaysBetween(a, b) + plain.workingDaysBetween(b, c)).toBe(plain.workingDaysBetween(a, c));
        expect(plain.workingDaysBetween(b, a)).toBe(0 - plain.workingDaysBetween(a, b));
      }),
      { numRuns: 60 },
    );
  });
});

describe('calendar-day and month periods', () => {
  it('with roll-over end on the first working day on or after the raw end', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 400 }), (cal, d, m, n) => {
        for (const [raw, result] of [
          [addCalendarMonths(d, m), cal.addMonths(d, m)],
          [addCalendarDays(d, n), cal.addDays(d, n)],
        ] as const) {
          expect(cal.isWorkingDay(result)).toBe(true);
          expect(compareIsoDates(result, raw)).toBeGreaterThanOrEqual(0);
          // Minimal roll-over: every day from the raw end up to the result is a rest day.
          for (let i = 0; i < diffDays(raw, result); i++) expect(cal.isWorkingDay(addCalendarDays(raw, i))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('without roll-over are pure calendar arithmetic (留置)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 400 }), (d, m, n) => {
        expect(plain.addMonths(d, m, { rollOver: false })).toBe(addCalendarMonths(d, m));
        expect(plain.addDays(d, n, { rollOver: false })).toBe(addCalendarDays(d, n));
      }),
    );
  });

  it('month-end rule: the 29th–31st map to the end month’s last day when it is shorter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2004, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 36 }), (y, mo, n) => {
        const start = `${y}-${String(mo).padStart(2, '0')}-01`;
        const monthEnd = addCalendarDays(addCalendarMonths(start, 1), -1);
        const raw = addCalendarMonths(monthEnd, n);
        const endMonthLast = addCalendarDays(addCalendarMonths(`${raw.slice(0, 7)}-01`, 1), -1);
        // A month-end start always ends on or before the end month's last day, and on it when shorter.
        expect(compareIsoDates(raw, endMonthLast)).toBeLessThanOrEqual(0);
        if (Number(monthEnd.slice(8)) >= Number(endMonthLast.slice(8))) expect(raw).toBe(endMonthLast);
        expect(plain.addMonths(monthEnd, n)).toBe(plain.nextWorkingDay(raw));
      }),
    );
  });
});

describe('overrides', () => {
  it('always win, last entry per date', () => {
    fc.assert(
      fc.property(overridesArb, (overrides) => {
        const cal = new StatutoryCalendar({ overrides });
        const last = new Map(overrides.map((o) => [o.date, o.kind]));
        for (const [date, kind] of last) expect(cal.isWorkingDay(date)).toBe(kind === 'workday');
      }),
    );
  });
});
