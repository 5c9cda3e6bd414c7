import { todayInShanghai } from '../../platform/calendar/dates';
import { parsePeriod, PeriodError, previousPeriod, type Period } from '../analysis/periods';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { periodHotspots } from './text/hotspotPeriod';

/**
 * 热点、难点问题 of a period for the analysis dashboard: the caller's in-scope reports of the period and of
 * the period before (环比, for growth) are clustered by text; clusters of the chosen period are returned,
 * largest first. Membership is by the date received (received_on), the date the statistics count.
 */
export interface HotspotQuery { period: string; cumulative: boolean; limit: number; minSize: number }

/** Midnight in Beijing time: received_on is a calendar date there. */
const dayStart = (d: string) => `${d}T00:00:00+08:00`;

export async function hotspots(ctx: AppContext, actor: Actor, q: HotspotQuery) {
  let period: Period;
  try { period = parsePeriod(q.period, { cumulative: q.cumulative }); } catch (err) {
    if (err instanceof PeriodError) throw AppError.field('query.period', 'field.invalidFormat');
    throw err;
  }
  // A cumulative period compares with the same-length span just before it, which previousPeriod gives too.
  const previous = previousPeriod(period);
  const rows = await ctx.db.selectFrom('reports as r').leftJoin('units as t', (j) => j.onRef('t.code', '=', 'r.township_code'))
    .select(['r.id', 'r.serial', 'r.title', 'r.content', 'r.received_on', 'r.township_code', 't.name as township_name', 'r.status', 'r.category'])
    .where('r.county_code', '=', actor.countyCode)
    .where('r.received_on', '>=', previous.from).where('r.received_on', '<', period.to)
    .where(scopeCondition(actor, 'r.unit_id', 'r.created_by'))
    .execute();
  const clusters = periodHotspots(rows.map((r) => ({
    id: r.id, title: r.title, body: r.content, receivedAt: dayStart(r.received_on), township: r.township_name ?? r.township_code,
  })), { from: dayStart(period.from), to: dayStart(period.to), previousFrom: dayStart(previous.from), minSize: q.minSize, limit: q.limit });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const day = (iso: string) => todayInShanghai(new Date(iso));
  return {
    period: { key: period.key, from: period.from, to: period.to, labelZh: period.labelZh, labelEn: period.labelEn },
    previous: { from: previous.from, to: previous.to },
    reportsInPeriod: rows.filter((r) => r.received_on >= period.from).length,
    items: clusters.map((c) => ({
      id: c.id, title: c.title, size: c.size, previousSize: c.previousSize, growth: c.growth, growthRate: c.growthRate,
      townships: c.places, firstReceivedOn: day(c.firstReceivedAt), lastReceivedOn: day(c.lastReceivedAt), memberIds: c.memberIds,
      members: c.memberIds.map((id) => {
        const r = byId.get(id)!;
        return { id, serial: r.serial, title: r.title, receivedOn: r.received_on, township: r.township_name ?? null, status: r.status, category: r.category };
      }),
    })),
  };
}
