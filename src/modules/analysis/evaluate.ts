import { AGGREGATE_ID_LIMIT } from './aggregate';
import { expectedMetrics } from './catalogue';
import { labelBreakdown } from './dimensions';
import type { Period } from './periods';
import { metricDefinition, registeredMetrics, type MetricQuery, type MetricUnit } from './registry';

export type MetricResult =
  | { key: string; label: string; labelEn: string; unit: MetricUnit; value: number; recordIds: string[]; breakdown?: unknown;
      /** Present only when the id list was capped (RECORD_ID_CAP): how many records are behind the value in all. */
      recordCount?: number }
  | { key: string; label: string; labelEn: string; unit: MetricUnit; unavailable: true };

/**
 * The most record ids kept per figure when the area is larger than a county. A county's lists are always complete
 * (a quarter has hundreds of records). A province's quarter has tens of thousands per figure, and freezing every id
 * of every breakdown would make one stored report tens of megabytes: there a list keeps its first ids, each
 * dimension of a breakdown shares the same budget, and `recordCount` says how many records there are in all.
 */
export const RECORD_ID_CAP = AGGREGATE_ID_LIMIT;

function cap<T extends { recordIds: string[]; recordCount?: number }>(x: T, limit: number): T & { recordCount?: number } {
  return x.recordCount === undefined && x.recordIds.length > limit ? { ...x, recordIds: x.recordIds.slice(0, limit), recordCount: x.recordIds.length } : x;
}

/** Metrics evaluated at the same time (on PostgreSQL; the embedded engine serialises them on its one connection). */
const EVALUATION_CONCURRENCY = 4;

/** Every key the analysis knows: the expected catalogue plus whatever modules registered beyond it. */
export function knownMetricKeys(): string[] {
  return [...new Set([...expectedMetrics.map((m) => m.key), ...registeredMetrics().map((m) => m.key)])];
}

/**
 * Evaluate metrics for one period. A key whose module has not registered it answers `unavailable`,
 * so a missing module can never masquerade as a zero in a published report.
 */
export async function evaluateMetrics(q: Omit<MetricQuery, 'period'>, period: Period, keys = knownMetricKeys()): Promise<Record<string, MetricResult>> {
  const out: Record<string, MetricResult> = {};
  const shared = new Map<string, Promise<unknown>>();
  const one = async (key: string) => {
    const def = metricDefinition(key);
    if (!def) {
      const expected = expectedMetrics.find((m) => m.key === key);
      out[key] = { key, label: expected?.labelZh ?? key, labelEn: expected?.labelEn ?? key, unit: expected?.unit ?? '件', unavailable: true };
      return;
    }
    const v = await def.compute({ ...q, period, shared });
    const limit = q.countyCode.length >= 6 ? Infinity : RECORD_ID_CAP;
    const share = (items: number) => Math.max(1, Math.floor(limit / Math.max(1, items)));
    const labelled = await labelBreakdown({ ...q, shared }, v.breakdown);
    const breakdown = labelled && Object.fromEntries(Object.entries(labelled).map(([dim, items]) => [dim, items.map((b) => cap(b, share(items.length)))]));
    const ids = v.recordCount !== undefined ? { recordIds: v.recordIds, recordCount: v.recordCount } : cap({ recordIds: v.recordIds }, limit);
    out[key] = { key, label: def.labelZh, labelEn: def.labelEn, unit: def.unit, value: v.value, ...ids, ...(breakdown ? { breakdown } : {}) };
  };
  // A few metrics at a time: on PostgreSQL their queries overlap on the pool's connections; the embedded engine
  // hands out its one connection in turn, so there it is sequential anyway. Each value is computed from its own
  // read-only queries, so the order they finish in changes nothing; the result keeps the order of `keys`.
  const queue = [...keys];
  await Promise.all(Array.from({ length: Math.min(EVALUATION_CONCURRENCY, queue.length) }, async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) await one(key);
  }));
  return Object.fromEntries(keys.map((k) => [k, out[k]]));
}
