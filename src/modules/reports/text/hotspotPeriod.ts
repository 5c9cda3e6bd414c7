import { clusterIndexes, defaultHotspotOptions, type HotspotOptions } from './hotspots';

/**
 * Hot spots of a period for the dashboard panel: the reports of the chosen period and of the period just
 * before it are clustered together, so a matter is recognised across the boundary and its growth can be
 * measured; only clusters with reports in the chosen period are returned, ranked by size, then growth.
 */
export interface PeriodReport {
  id: string;
  title: string;
  body: string;
  receivedAt: Date | string;
  /** Township (乡镇) name or code, when known. */
  township?: string | null;
}

export interface PeriodHotspot {
  /** Id of the representative report. */
  id: string;
  /** Reports in the chosen period. */
  size: number;
  /** Reports of the same matter in the previous period. */
  previousSize: number;
  growth: number;
  /** growth / previousSize; null when the matter is new in this period. */
  growthRate: number | null;
  title: string;
  /** Townships named by the period's reports, most frequent first. */
  places: { township: string; count: number }[];
  firstReceivedAt: string;
  lastReceivedAt: string;
  memberIds: string[];
}

export interface PeriodQuery {
  /** Start of the chosen period (inclusive). */
  from: Date | string;
  /** End of the chosen period (exclusive). */
  to: Date | string;
  /** Start of the comparison period; by default a period of the same length ending at `from`. */
  previousFrom?: Date | string;
  /** Leave out clusters smaller than this in the chosen period (a single report is no hot spot). */
  minSize?: number;
  limit?: number;
}

const time = (d: Date | string) => (d instanceof Date ? d : new Date(d)).getTime();

export function periodHotspots(reports: PeriodReport[], query: PeriodQuery, options: HotspotOptions = defaultHotspotOptions): PeriodHotspot[] {
  const from = time(query.from);
  const to = time(query.to);
  if (!(to > from)) throw new Error('period end must be after its start');
  const previousFrom = query.previousFrom === undefined ? from - (to - from) : time(query.previousFrom);
  const inWindow = reports
    .map((r) => ({ r, t: time(r.receivedAt) }))
    .filter(({ t }) => t >= previousFrom && t < to);
  const clusters = clusterIndexes(inWindow.map(({ r }) => ({ id: r.id, title: r.title, body: r.body })), options);

  const out: PeriodHotspot[] = [];
  for (const { members, representative } of clusters) {
    const current = members.filter((m) => inWindow[m].t >= from);
    if (current.length < (query.minSize ?? 2)) continue;
    const previousSize = members.length - current.length;
    const places = new Map<string, number>();
    for (const m of current) {
      const township = inWindow[m].r.township;
      if (township) places.set(township, (places.get(township) ?? 0) + 1);
    }
    const times = current.map((m) => inWindow[m].t);
    // Prefer a title from the chosen period: the panel describes what is being reported now.
    const rep = current.includes(representative) ? representative : current[0];
    out.push({
      id: inWindow[rep].r.id,
      size: current.length,
      previousSize,
      growth: current.length - previousSize,
      growthRate: previousSize > 0 ? (current.length - previousSize) / previousSize : null,
      title: inWindow[rep].r.title || inWindow[rep].r.body.slice(0, 40),
      places: [...places].map(([township, count]) => ({ township, count })).sort((a, b) => b.count - a.count || a.township.localeCompare(b.township)),
      firstReceivedAt: new Date(Math.min(...times)).toISOString(),
      lastReceivedAt: new Date(Math.max(...times)).toISOString(),
      memberIds: current.map((m) => inWindow[m].r.id),
    });
  }
  out.sort((a, b) => b.size - a.size || b.growth - a.growth || a.firstReceivedAt.localeCompare(b.firstReceivedAt));
  return query.limit === undefined ? out : out.slice(0, query.limit);
}
