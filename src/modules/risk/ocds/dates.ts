/**
 * Date handling for OCDS strings. Cardinal parses RFC 3339 only and compares some dates as strings; the
 * extended mode needs instants, so this accepts RFC 3339 / ISO 8601 date-times with an offset or `Z`, and
 * bare dates (read as midnight UTC, the way OCDS publishers that omit the time mean the whole day).
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch for an RFC 3339 date-time (strict, as Cardinal's chrono parse), else null. */
export function parseRfc3339(s: string | null): number | null {
  if (s === null || !RFC3339.test(s)) return null;
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
