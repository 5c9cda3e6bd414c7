/**
 * Date handling for OCDS strings. Cardinal parses RFC 3339 only and compares some dates as strings; the
 * extended mode needs instants, so this accepts RFC 3339 / ISO 8601 date-times with an offset or `Z`, and
 * bare dates (read as midnight UTC, the way OCDS publishers that omit the time mean the whole day).
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
};
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/**
 * The common shape `YYYY-MM-DDTHH:MM:SS(.sss)?Z` (what JavaScript's toISOString writes), read without a regex or
 * Date.parse; anything else (offsets, other fractions, days past the 28th, years before 100 that Date.UTC would shift) returns null and takes the general path.
 */
function parseUtcMillis(s: string): number | null {
  const n = s.length;
  if ((n !== 20 && n !== 24) || s.charCodeAt(n - 1) !== 90 /* Z */ || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return null;
  const y = two(s, 0) * 100 + two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  let ms = 0;
  if (n === 24) {
    if (s[19] !== '.') return null;
    ms = digit(s, 20) * 100 + two(s, 21);
  }
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > 28 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0) return null;
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms);
}

/** Milliseconds since the epoch for an RFC 3339 date-time (strict, as Cardinal's chrono parse), else null. */
export function parseRfc3339(s: string | null): number | null {
  if (s === null) return null;
  const fast = parseUtcMillis(s);
  if (fast !== null) return fast;
  if (!RFC3339.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

/** Milliseconds since the epoch for a date-time or a bare date; null when neither. */
export function parseInstant(s: string | null): number | null {
  if (s === null) return null;
  const strict = parseRfc3339(s);
  if (strict !== null) return strict;
  if (DATE_ONLY.test(s)) {
    const t = Date.parse(`${s}T00:00:00Z`);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

const DAY_MS = 86_400_000;

/**
 * Whole days between two instants, truncated toward zero: chrono's `Duration::num_days()`, which Cardinal's
 * R003 uses (so 14 days 23 hours is 14 days).
 */
export function wholeDaysBetween(startMs: number, endMs: number): number {
  return Math.trunc((endMs - startMs) / DAY_MS) + 0; // + 0 turns -0 into 0
}
