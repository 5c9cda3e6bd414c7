import { describe, expect, it } from 'vitest';
import { packageHolidayData } from './holidayData';
import { StatutoryCalendar } from './statutoryCalendar';

const cal = new StatutoryCalendar();

describe('package data (chinese-days)', () => {
  it('covers 2004 through at least 2026', () => {
    const years = [...packageHolidayData().years].sort();
    expect(years[0]).toBe(2004);
    for (let y = 2004; y <= 2026; y++) expect(cal.yearCovered(y), String(y)).toBe(true);
  });

  it('has the 2025 National Day / Mid-Autumn block and its two make-up days', () => {
    for (let d = 1; d <= 8; d++) {
      const date = `2025-10-0${d}`;
      expect(cal.isWorkingDay(date), date).toBe(false);
      expect(cal.isPublicHoliday(date), date).toBe(true);
    }
    expect(cal.dayInfo('2025-09-28')).toMatchObject({ working: true, kind: 'makeUpWorkday', source: 'package' });
    expect(cal.dayInfo('2025-10-11')).toMatchObject({ working: true, kind: 'makeUpWorkday', source: 'package' });
    expect(cal.isWorkingDay('2025-10-09')).toBe(true);
    expect(cal.dayInfo('2025-10-12')).toMatchObject({ working: false, kind: 'weekend' });
    expect(cal.isHoliday('2025-10-12')).toBe(true);
    expect(cal.isPublicHoliday('2025-10-12')).toBe(false);
  });

  it('has the 2026 Spring Festival (15–23 Feb) with make-up Saturdays 14 and 28 Feb', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    for (let d = 15; d <= 23; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.dayInfo('2026-02-16').name).toBe('春节');
  });
});

describe('addWorkingDays (start excluded)', () => {
  it.each([
    ['2025-09-30', 1, '2025-10-09'], // over the 8-day holiday
    ['2025-09-26', 1, '2025-09-28'], // Friday → the make-up Sunday
    ['2025-10-10', 1, '2025-10-11'], // Friday → the make-up Saturday
    ['2025-09-20', 15, '2025-10-16'], // 15-工作日 reply period, counted by hand across the holiday
    ['2026-02-14', 1, '2026-02-24'],
    ['2025-10-15', 0, '2025-10-15'],
    ['2025-10-09', -1, '2025-09-30'], // counting back over the holiday
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(cal.addWorkingDays(start, n)).toBe(expected);
  });

  it('counts back over make-up days too', () => {
    // Working days before 2025-10-13: 10-11, 10-10, 10-09, 09-30, 09-29, 09-28 (make-up Sunday), 09-26.
    expect(cal.addWorkingDays('2025-10-13', -6)).toBe('2025-09-28');
    expect(cal.addWorkingDays('2025-10-13', -7)).toBe('2025-09-26');
  });

  it('rejects non-integers', () => {
    expect(() => cal.addWorkingDays('2025-10-01', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (a, b] and is antisymmetric', () => {
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    expect(cal.workingDaysBetween('2025-10-09', '2025-09-30')).toBe(-1);
    expect(cal.workingDaysBetween('2025-10-01', '2025-10-01')).toBe(0);
    expect(cal.workingDaysBetween('2025-09-20', '2025-10-16')).toBe(15);
  });
});

describe('addDays / addMonths / addYears (实施条例 285)', () => {
  it('rolls a period ending on a holiday to the next working day', () => {
    expect(cal.addDays('2025-09-21', 10)).toBe('2025-10-09');
    expect(cal.addMonths('2025-09-01', 1)).toBe('2025-10-09');
    expect(cal.addMonths('2025-12-31', 1)).toBe('2026-02-02'); // 31 Jan 2026 is a Saturday
  });

  it('does not roll 留置 periods', () => {
    expect(cal.addDays('2025-09-21', 10, { rollOver: false })).toBe('2025-10-01');
    expect(cal.addMonths('2025-07-01', 3, { rollOver: false })).toBe('2025-10-01');
  });

  it('uses the month end when the end month has no corresponding day', () => {
    // 28 Feb 2026 is a Saturday but a 春节 make-up working day, so no roll-over is needed.
    expect(cal.addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(cal.addMonths('2026-01-31', 1, { rollOver: false })).toBe('2026-02-28');
    expect(cal.addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(cal.addMonths('2025-08-31', 1)).toBe('2025-09-30');
  });

  it('handles year periods and leap days', () => {
    expect(cal.addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(cal.addYears('2024-10-01', 1)).toBe('2025-10-09');
    expect(cal.addYears('2024-10-01', 1, { rollOver: false })).toBe('2025-10-01');
  });

  it('rejects negative periods', () => {
    expect(() => cal.addDays('2025-01-01', -1)).toThrow(RangeError);
    expect(() => cal.addMonths('2025-01-01', -1)).toThrow(RangeError);
  });
});

describe('overrides', () => {
  const local = new StatutoryCalendar({
    overrides: [
      { date: '2025-10-15', kind: 'holiday', name: '县庆' },
      { date: '2025-10-08', kind: 'workday', name: 'correction' },
      { date: '2025-10-19', kind: 'workday' },
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ],
  });

  it('win over the package and over weekends', () => {
    expect(local.dayInfo('2025-10-15')).toMatchObject({ working: false, kind: 'publicHoliday', source: 'override' });
    expect(local.isWorkingDay('2025-10-08')).toBe(true);
    expect(local.dayInfo('2025-10-19')).toMatchObject({ working: true, kind: 'makeUpWorkday' });
    expect(local.addWorkingDays('2025-09-30', 1)).toBe('2025-10-08');
    expect(local.addDays('2025-10-14', 1)).toBe('2025-10-16');
  });

  it('mark their years as covered', () => {
    expect(cal.yearCovered(2027)).toBe(false);
    expect(local.yearCovered(2027)).toBe(true);
    expect(local.isWorkingDay('2027-01-01')).toBe(false);
    expect(new StatutoryCalendar({ coveredYears: [2030] }).yearCovered(2030)).toBe(true);
  });

  it('reject bad input', () => {
    expect(() => new StatutoryCalendar({ overrides: [{ date: '2025-02-30', kind: 'holiday' }] })).toThrow(RangeError);
    const bad = [{ date: '2025-02-03', kind: 'rest' }] as unknown as [{ date: string; kind: 'holiday' }];
    expect(() => new StatutoryCalendar({ overrides: bad })).toThrow(RangeError);
  });
});

describe('uncovered years', () => {
  it('fall back to weekends only and report a warning', () => {
    const fresh = new StatutoryCalendar();
    expect(fresh.warnings).toEqual([]);
    expect(fresh.isWorkingDay('2099-10-01')).toBe(true); // a Thursday; no schedule known
    expect(fresh.isWorkingDay('2099-10-03')).toBe(false); // Saturday
    expect(fresh.addWorkingDays('2026-12-30', 3)).toBe('2027-01-04');
    expect(fresh.warnings.map((w) => w.params.year)).toEqual([2027, 2099]);
    expect(fresh.warnings[0]).toMatchObject({ code: 'calendar.yearNotCovered', messageKey: 'calendar.yearNotCovered' });
  });

  it('lists warnings for a date range without computing anything', () => {
    expect(cal.warningsFor('2026-06-01', '2028-03-01').map((w) => w.params.year)).toEqual([2027, 2028]);
    expect(cal.warningsFor('2025-01-01', '2026-12-31')).toEqual([]);
  });
});

describe('today', () => {
  it('is the Beijing date', () => {
    expect(StatutoryCalendar.today(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });
});
