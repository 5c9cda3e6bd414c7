/**
 * Statutory working-day calendar: the State Council holiday schedule (with 调休 make-up working days) from
 * the `chinese-days` package, corrected or extended by office-maintained overrides, and the period arithmetic
 * of 监察法实施条例 第二百八十五条:
 *   - the start day is not counted;
 *   - month/year periods end on the corresponding day of the end month, or its last day if there is none;
 *   - if the last day is a 节假日 (public holiday or weekend rest day) the period ends on the next working day,
 *     except for 留置 periods (pass `{ rollOver: false }`).
 * For a year with no official schedule we fall back to weekends-only and record a warning, because a silently
 * wrong deadline is worse than a flagged estimate.
 */
import {
  type IsoDate,
  addCalendarMonths,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  todayInShanghai,
  weekdayOfDayNumber,
  yearOf,
} from './dates';
import { type HolidayData, packageHolidayData } from './holidayData';

export interface CalendarOverride {
  date: IsoDate;
  kind: 'holiday' | 'workday';
  name?: string;
}

export interface StatutoryCalendarOptions {
  /** Office-loaded corrections; they win over the package. For one date the last entry wins. */
  overrides?: readonly CalendarOverride[];
  /** Years whose official schedule the office has loaded (in addition to years with overrides). */
  coveredYears?: Iterable<number>;
  /** Replaces the package data (tests, or a future data source). */
  data?: HolidayData;
}

export interface PeriodOptions {
  /** Move a last day that is a rest day to the next working day. Default true; false for 留置 periods. */
  rollOver?: boolean;
}

export type DayKind = 'workday' | 'makeUpWorkday' | 'weekend' | 'publicHoliday';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** Holiday or make-up name (Chinese for package data, as entered for overrides). */
  name?: string;
  source: 'override' | 'package' | 'weekday';
}

export interface CalendarWarning {
  code: 'calendar.yearNotCovered';
  /** Message key for i18n; see ./messages. */
  messageKey: 'calendar.yearNotCovered';
  params: { year: number };
}

// Guards against runaway loops from absurd inputs; 100k working days is ~400 years.
const MAX_STEPS = 100_000;

export class StatutoryCalendar {
  private readonly data: HolidayData;
  private readonly overrides = new Map<string, CalendarOverride>();
  private readonly extraCoveredYears = new Set<number>();
  private readonly touchedUncovered = new Set<number>();

  constructor(options: StatutoryCalendarOptions = {}) {
    this.data = options.data ?? packageHolidayData();
    for (const o of options.overrides ?? []) {
      if (!isIsoDate(o.date)) throw new RangeError(`Calendar override has an invalid date: ${JSON.stringify(o.date)}`);
      if (o.kind !== 'holiday' && o.kind !== 'workday') throw new RangeError(`Calendar override kind: ${String(o.kind)}`);
      this.overrides.set(o.date, o);
      this.extraCoveredYears.add(Number(o.date.slice(0, 4)));
    }
    for (const y of options.coveredYears ?? []) this.extraCoveredYears.add(y);
  }

  /** Today in Asia/Shanghai. */
  static today(now?: Date): IsoDate {
    return todayInShanghai(now);
  }

  /** Whether an official schedule exists for the year (package data, overrides or declared coverage). */
  yearCovered(year: number): boolean {
    return this.data.years.has(year) || this.extraCoveredYears.has(year);
  }

  dayInfo(date: IsoDate): DayInfo {
    return this.infoForDayNumber(toDayNumber(date));
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).working;
  }

  /** A 节假日 in the sense of 实施条例 285: any rest day, i.e. a public holiday or an ordinary weekend. */
  isHoliday(date: IsoDate): boolean {
    return !this.isWorkingDay(date);
  }

  /** Only the named statutory holidays (春节, 国庆 …), not ordinary weekends. */
  isPublicHoliday(date: IsoDate): boolean {
    return this.dayInfo(date).kind === 'publicHoliday';
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let dn = toDayNumber(date);
    for (let i = 0; i < MAX_STEPS; i++, dn++) if (this.infoForDayNumber(dn).working) return fromDayNumber(dn);
    throw new RangeError('No working day found');
  }

  /**
   * The n-th working day after `start` (start excluded), e.g. a 15-工作日 reply deadline.
   * Negative n counts back: the n-th working day before `start` (实施条例 206 "届满7个工作日前").
   */
  addWorkingDays(start: IsoDate, n: number): IsoDate {
    assertCount(n, 'n', true);
    let dn = toDayNumber(start);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    for (let i = 0; remaining > 0; i++) {
      if (i >= MAX_STEPS) throw new RangeError('Working-day count too large');
      dn += step;
      if (this.infoForDayNumber(dn).working) remaining--;
    }
    return fromDayNumber(dn);
  }

  /**
   * Working days in the interval (a, b]: a excluded, b included, so that
   * workingDaysBetween(d, addWorkingDays(d, n)) === n. If b is before a the count is negative.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    if (hi - lo > MAX_STEPS * 2) throw new RangeError('Date range too large');
    let count = 0;
    for (let dn = lo + 1; dn <= hi; dn++) if (this.infoForDayNumber(dn).working) count++;
    return count === 0 ? 0 : sign * count; // no -0 in results
  }

  /** A period of n calendar days (日): start excluded; last day rolls to the next working day unless told not to. */
  addDays(start: IsoDate, n: number, options: PeriodOptions = {}): IsoDate {
    assertCount(n, 'n', false);
    return this.finish(fromDayNumber(toDayNumber(start) + n), options);
  }

  /** A period of n months: corresponding day, else month end; then holiday roll-over unless told not to. */
  addMonths(start: IsoDate, n: number, options: PeriodOptions = {}): IsoDate {
    assertCount(n, 'n', false);
    return this.finish(addCalendarMonths(start, n), options);
  }

  /** A period of n years (e.g. the 1-year investigation period of 实施条例 185); 02-29 ends on 02-28. */
  addYears(start: IsoDate, n: number, options: PeriodOptions = {}): IsoDate {
    assertCount(n, 'n', false);
    return this.finish(addCalendarMonths(start, n * 12), options);
  }

  /** Warnings for every year between the two dates (inclusive) that has no official schedule. */
  warningsFor(from: IsoDate, to: IsoDate): CalendarWarning[] {
    const a = yearOf(from);
    const b = yearOf(to);
    const out: CalendarWarning[] = [];
    for (let y = Math.min(a, b); y <= Math.max(a, b); y++) if (!this.yearCovered(y)) out.push(yearWarning(y));
    return out;
  }

  /** Uncovered years this instance has looked at so far (weekends-only fallback was used for them). */
  get warnings(): CalendarWarning[] {
    return [...this.touchedUncovered].sort((x, y) => x - y).map(yearWarning);
  }

  private finish(end: IsoDate, options: PeriodOptions): IsoDate {
    return options.rollOver === false ? end : this.nextWorkingDay(end);
  }

  private infoForDayNumber(dn: number): DayInfo {
    const date = fromDayNumber(dn);
    const override = this.overrides.get(date);
    if (override) {
      const working = override.kind === 'workday';
      const weekend = isWeekendDayNumber(dn);
      const kind: DayKind = working ? (weekend ? 'makeUpWorkday' : 'workday') : 'publicHoliday';
      return { date, working, kind, name: override.name, source: 'override' };
    }
    const makeUp = this.data.workdays.get(date);
    if (makeUp) return { date, working: true, kind: 'makeUpWorkday', name: makeUp.zh, source: 'package' };
    const holiday = this.data.holidays.get(date);
    if (holiday) return { date, working: false, kind: 'publicHoliday', name: holiday.zh, source: 'package' };
    const year = Number(date.slice(0, 4));
    if (!this.yearCovered(year)) this.touchedUncovered.add(year);
    const weekend = isWeekendDayNumber(dn);
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', source: 'weekday' };
  }
}

function isWeekendDayNumber(dn: number): boolean {
  const w = weekdayOfDayNumber(dn);
  return w === 0 || w === 6;
}

function yearWarning(year: number): CalendarWarning {
  return { code: 'calendar.yearNotCovered', messageKey: 'calendar.yearNotCovered', params: { year } };
}

function assertCount(n: number, name: string, allowNegative: boolean): void {
  if (!Number.isSafeInteger(n) || (!allowNegative && n < 0)) {
    throw new RangeError(`${name} must be a ${allowNegative ? '' : 'non-negative '}integer, got ${n}`);
  }
}
