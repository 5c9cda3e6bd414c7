/**
 * Reporting periods of the situation analysis: a quarter, the first half, January–September, a year, or a
 * custom range; single or cumulative from January (累计); compared year on year (同比, the same cumulative
 * span a year earlier) and quarter on quarter (环比, the preceding span of the same length).
 * Ranges are half-open [from, to) on calendar dates.
 */
export interface Period {
  /** Stable text form: 2026Q1, 2026H1, 2026M01-09, 2026, 2026-01-05..2026-02-10 (plus ':ytd' when cumulative). */
  key: string;
  from: string;
  to: string;
  labelZh: string;
  labelEn: string;
  cumulative: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const date = (y: number, m: number, d = 1) => `${y}-${pad(m)}-${pad(d)}`;

function monthRange(year: number, first: number, last: number): { from: string; to: string } {
  const endYear = last === 12 ? year + 1 : year;
  return { from: date(year, first), to: date(endYear, last === 12 ? 1 : last + 1) };
}

const quarterZh = ['第一季度', '第二季度', '第三季度', '第四季度'];

export class PeriodError extends Error {}

export function parsePeriod(text: string, opts: { cumulative?: boolean } = {}): Period {
  const raw = text.trim();
  const cumulative = opts.cumulative === true || raw.endsWith(':ytd');
  const key = raw.replace(/:ytd$/, '');
  let m: RegExpMatchArray | null;
  let p: Omit<Period, 'cumulative' | 'key'>;
  if ((m = key.match(/^(\d{4})Q([1-4])$/))) {
    const y = Number(m[1]); const q = Number(m[2]);
    p = { ...monthRange(y, q * 3 - 2, q * 3), labelZh: `${y}年${quarterZh[q - 1]}`, labelEn: `Q${q} ${y}` };
  } else if ((m = key.match(/^(\d{4})H([12])$/))) {
    const y = Number(m[1]); const h = Number(m[2]);
    p = { ...monthRange(y, h === 1 ? 1 : 7, h === 1 ? 6 : 12), labelZh: `${y}年${h === 1 ? '上半年' : '下半年'}`, labelEn: `${h === 1 ? 'H1' : 'H2'} ${y}` };
  } else if ((m = key.match(/^(\d{4})M(\d{2})-(\d{2})$/))) {
    const y = Number(m[1]); const a = Number(m[2]); const b = Number(m[3]);
    if (a < 1 || b > 12 || a > b) throw new PeriodError(`Invalid month range: ${key}`);
    p = { ...monthRange(y, a, b), labelZh: `${y}年${a}—${b}月`, labelEn: `${y} months ${a}–${b}` };
  } else if ((m = key.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    p = { ...monthRange(y, 1, 12), labelZh: `${y}年`, labelEn: `${y}` };
  } else if ((m = key.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/))) {
    if (!isDate(m[1]) || !isDate(m[2]) || m[1] > m[2]) throw new PeriodError(`Invalid date range: ${key}`);
    p = { from: m[1], to: addDay(m[2]), labelZh: `${m[1]}至${m[2]}`, labelEn: `${m[1]} to ${m[2]}` };
  } else {
    throw new PeriodError(`Unknown period: ${text} (use 2026Q1, 2026H1, 2026M01-09, 2026 or 2026-01-01..2026-03-31)`);
  }
  if (cumulative) {
    const year = Number(p.from.slice(0, 4));
    const lastMonth = Number(addDay(p.to, -1).slice(5, 7));
    const ytdZh = lastMonth === 12 ? `${year}年` : `${year}年1—${lastMonth}月`;
    p = { ...p, from: date(year, 1), labelZh: `${ytdZh}（累计）`, labelEn: `${year} to date (cumulative)` };
  }
  return { ...p, key: cumulative ? `${key}:ytd` : key, cumulative };
}

/** 同比: the same span one year earlier (cumulative stays cumulative). */
export function yearOnYear(p: Period): Period {
  const shift = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`.replace(/-02-29$/, '-02-28');
  const from = shift(p.from); const to = shift(p.to);
  const key = p.key.includes('..') ? `${from}..${addDay(to, -1)}` : p.key.replace(/^(\d{4})/, (y) => String(Number(y) - 1));
  return { ...p, key, from, to, labelZh: p.labelZh.replace(/^(\d{4})/, (y) => String(Number(y) - 1)), labelEn: p.labelEn.replace(/(\d{4})/, (y) => String(Number(y) - 1)) };
}

/** 环比: the span of the same number of months right before (for a quarter, the previous quarter). */
export function previousPeriod(p: Period): Period {
  const months = monthsBetween(p.from, p.to);
  if (months > 0) {
    const to = p.from;
    const [y, m] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
    const total = y * 12 + (m - 1) - months;
    const from = date(Math.floor(total / 12), (total % 12) + 1);
    return { key: `${from}..${addDay(to, -1)}`, from, to, labelZh: `${from}至${addDay(to, -1)}`, labelEn: `${from} to ${addDay(to, -1)}`, cumulative: false };
  }
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000;
  const from = addDay(p.from, -days);
  return { key: `${from}..${addDay(p.from, -1)}`, from, to: p.from, labelZh: `${from}至${addDay(p.from, -1)}`, labelEn: `${from} to ${addDay(p.from, -1)}`, cumulative: false };
}

/** Whole months between two first-of-month dates, or 0 when either is not a month start. */
function monthsBetween(from: string, to: string): number {
  if (!from.endsWith('-01') || !to.endsWith('-01')) return 0;
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

function isDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function addDay(d: string, n = 1): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
