/**
 * The official holiday schedule shipped by the `chinese-days` package, read from its JSON data file.
 *
 * Why the JSON and not the package's functions: its isWorkday() parses dates with its own Date wrapper in the
 * server's local TZ, so a server outside UTC+8 could shift a day. Reading the plain date-keyed maps keeps all
 * date handling in our TZ-free code. The file maps 'YYYY-MM-DD' to "English name,中文名,n":
 *   holidays   – days off (including weekend days inside a holiday block),
 *   workdays   – 调休 make-up working days on a weekend,
 *   inLieuDays – weekdays given off in exchange for a make-up day (a subset of holidays).
 */
import raw from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export interface HolidayName {
  en: string;
  zh: string;
}

export interface HolidayData {
  holidays: ReadonlyMap<string, HolidayName>;
  workdays: ReadonlyMap<string, HolidayName>;
  /** Years for which the package holds the State Council's schedule. */
  years: ReadonlySet<number>;
}

type RawMap = Record<string, string>;

function parseName(value: string): HolidayName {
  const [en = '', zh = ''] = value.split(',');
  return { en, zh: zh || en };
}

function toMap(source: RawMap | undefined): Map<string, HolidayName> {
  const map = new Map<string, HolidayName>();
  for (const [date, value] of Object.entries(source ?? {})) map.set(date, parseName(value));
  return map;
}

/** Builds the lookup tables from data in the package's shape; exported so tests can feed synthetic data. */
export function buildHolidayData(source: { holidays?: RawMap; workdays?: RawMap }): HolidayData {
  const holidays = toMap(source.holidays);
  const workdays = toMap(source.workdays);
  const years = new Set<number>();
  // A year counts as covered when the package lists at least one holiday in it: every published schedule
  // has 元旦 and 春节, so a year with none is simply absent.
  for (const date of holidays.keys()) years.add(Number(date.slice(0, 4)));
  return { holidays, workdays, years };
}

let cached: HolidayData | undefined;

/** The package's data, parsed once per process. */
export function packageHolidayData(): HolidayData {
  cached ??= buildHolidayData(raw as { holidays?: RawMap; workdays?: RawMap });
  return cached;
}
