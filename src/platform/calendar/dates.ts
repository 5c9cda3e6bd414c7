/**
 * Plain calendar-date arithmetic on 'YYYY-MM-DD' strings.
 *
 * Why day numbers: a statutory date is a civil date in Asia/Shanghai, not an instant. Building dates from
 * Y/M/D parts with Date.UTC and only ever reading UTC fields means the server's own TZ (and DST in other
 * zones) can never shift a deadline by a day. Nothing here depends on the holiday data, so identifiers and
 * other modules can use it without loading the calendar.
 */

/** A civil date 'YYYY-MM-DD'. Kept as a string alias so it serialises to JSON and SQL `date` unchanged. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this month; UTC keeps it TZ-free.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses 'YYYY-MM-DD' and checks it is a real calendar date; returns null otherwise. */
export function tryParseIsoDate(value: string): DateParts | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  return tryParseIsoDate(value) !== null;
}

export function parseIsoDate(value: string): DateParts {
  const parts = tryParseIsoDate(value);
  if (!parts) throw new RangeError(`Not a valid calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return parts;
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (can be negative). Integer arithmetic on these is the core of every calculation. */
export function toDayNumber(value: IsoDate): number {
  const { year, month, day } = parseIsoDate(value);
  return dayNumberFromParts(year, month, day);
}

export function dayNumberFromParts(year: number, month: number, day: number): number {
  // setUTCFullYear avoids Date.UTC's 0..99 → 1900s mapping for very early years.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function weekdayOf(value: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(value));
}

export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4). The double modulo keeps negative day numbers in 0..6.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(value: IsoDate): boolean {
  const w = weekdayOf(value);
  return w === 0 || w === 6;
}

export function addCalendarDays(value: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return fromDayNumber(toDayNumber(value) + days);
}

/** Signed number of calendar days from `a` to `b` (b − a). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Same day-of-month `months` later; if the end month is shorter, its last day.
 * This is the 实施条例 285 "对应日 / 没有对应日的，以到期月的最后一日" rule, without holiday roll-over.
 */
export function addCalendarMonths(value: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months');
  const { year, month, day } = parseIsoDate(value);
  const zeroBased = year * 12 + (month - 1) + months;
  const endYear = Math.floor(zeroBased / 12);
  const endMonth = zeroBased - endYear * 12 + 1;
  return formatIsoDate({ year: endYear, month: endMonth, day: Math.min(day, daysInMonth(endYear, endMonth)) });
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

const shanghaiFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// China has kept UTC+8 all year since 1992 (summer time ran 1986–1991), so from then on the civil date is plain
// arithmetic. Intl's formatter costs tens of microseconds a call, a visible share of a public submission.
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's civil date in China, whatever TZ the server runs in. `now` is injectable for tests. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  const t = now.getTime();
  if (t >= FIXED_OFFSET_FROM) return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  const parts = shanghaiFormatter.formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function yearOf(value: IsoDate): number {
  return parseIsoDate(value).year;
}

function assertInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be an integer, got ${n}`);
}
