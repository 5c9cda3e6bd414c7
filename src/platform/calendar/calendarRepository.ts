import type { Kysely } from 'kysely';
import type { AuditActor, AuditLog } from '../audit/auditLog';
import type { DB } from '../db/schema';
import { StatutoryCalendar, type CalendarOverride } from './statutoryCalendar';

/**
 * The office's calendar: the packaged State Council schedule plus the overrides kept in `calendar_overrides`.
 * Deadlines are computed on nearly every case request, so the calendar is built once per database handle and
 * process and rebuilt after this process writes. Other processes on the same PostgreSQL server see a write
 * after at most MAX_AGE_MS, which bounds how long a stale holiday can affect a computed deadline.
 */
const MAX_AGE_MS = 60_000;

interface Cached { calendar: Promise<StatutoryCalendar>; loadedAt: number }

// Keyed by the Kysely instance so several databases in one process (tests, tools) never share a calendar.
const cache = new WeakMap<object, Cached>();

export async function listOverrides(db: Kysely<DB>, year?: number): Promise<CalendarOverride[]> {
  let q = db.selectFrom('calendar_overrides').select(['date', 'kind', 'name']).orderBy('date');
  if (year !== undefined) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  const rows = await q.execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind, ...(r.name ? { name: r.name } : {}) }));
}

export function loadCalendar(db: Kysely<DB>, now = Date.now()): Promise<StatutoryCalendar> {
  const hit = cache.get(db);
  if (hit && now - hit.loadedAt < MAX_AGE_MS) return hit.calendar;
  const calendar = listOverrides(db).then((overrides) => new StatutoryCalendar({ overrides }));
  const entry = { calendar, loadedAt: now };
  cache.set(db, entry);
  // A failed load is not cached: the next request tries again instead of failing for a minute.
  calendar.catch(() => { if (cache.get(db) === entry) cache.delete(db); });
  return calendar;
}

export function invalidateCalendar(db: Kysely<DB>): void {
  cache.delete(db);
}

/**
 * Replace one year's overrides in one transaction, audited with the before and after lists so the trail
 * shows exactly which days changed. The cache is dropped after the commit, never before it.
 */
export async function replaceYearOverrides(
  deps: { db: Kysely<DB>; audit: AuditLog }, actor: AuditActor, year: number, overrides: CalendarOverride[],
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await listOverrides(trx, year);
    await trx.deleteFrom('calendar_overrides').where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute();
    if (overrides.length > 0) {
      await trx.insertInto('calendar_overrides').values(overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.name ?? null }))).execute();
    }
    await deps.audit.record(trx, actor, {
      action: 'system.calendar.replace', objectType: 'calendarYear', objectId: String(year),
      detail: { year, before, after: overrides },
    });
  });
  invalidateCalendar(deps.db);
}
