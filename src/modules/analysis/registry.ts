import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { emptyScope } from '../../platform/scope/actor';
import type { Period } from './periods';

/** Counting units of the analysis (glossary: 件 / 件次 / 人 / 人次 / 万元, plus 个, 名 and 项 used in the speech). */
export type MetricUnit = '件' | '件次' | '人' | '人次' | '万元' | '个' | '名' | '项';

export interface MetricQuery {
  db: Kysely<DB>;
  /** Whose data scope applies; a county-wide actor for the quarterly report. */
  actor: Pick<Actor, 'scope' | 'userId'>;
  /** A 6-digit county code, or a 2-digit province (4-digit prefecture) code for the figures of all its counties. */
  countyCode: string;
  period: Period;
  /**
   * Rows several metrics derive from (a quarter's reports, its sanctions, its handlings), loaded once per
   * evaluation: evaluateMetrics creates the map and drops it when done, so nothing is reused across calls.
   */
  shared?: Map<string, Promise<unknown>>;
}

/** Load `key` once per evaluation (same area, period and caller); without a shared map, just load. */
export function sharedRows<T>(q: MetricQuery, key: string, load: () => Promise<T>): Promise<T> {
  if (!q.shared) return load();
  const k = `${key}|${q.countyCode}|${q.period.from}|${q.period.to}`;
  let p = q.shared.get(k) as Promise<T> | undefined;
  if (!p) { p = load(); q.shared.set(k, p); }
  return p;
}

export interface MetricValue {
  value: number;
  /** The ids of the records behind the value, so every published number can be opened. */
  recordIds: string[];
  /** Set when `recordIds` holds only the first of the records (aggregated or capped): how many there are in all. */
  recordCount?: number;
  /** Optional split by one of the metric's dimensions (e.g. township, rank, channel). */
  breakdown?: Record<string, Array<{ key: string; label: string; labelEn?: string; value: number; recordIds: string[]; recordCount?: number }>>;
}

export interface RecordSummary { id: string; title: string; subtitle?: string; at?: string; link?: string }

/**
 * A named, documented count. Defined once, here or in the owning module, as one query that returns the
 * number and the ids behind it; the dashboard, the API and the report all read this definition.
 */
export interface MetricDefinition {
  key: string;
  module: string;
  labelZh: string;
  labelEn: string;
  unit: MetricUnit;
  definitionZh: string;
  definitionEn: string;
  dimensions?: string[];
  /** What kind of record the ids point to (e.g. 'report', 'case', 'official'). */
  recordType: string;
  compute(q: MetricQuery): Promise<MetricValue>;
  /** Rows for the drill-down list, within the same data scope. */
  describe(q: Omit<MetricQuery, 'period'>, ids: string[]): Promise<RecordSummary[]>;
}

const registry = new Map<string, MetricDefinition>();

export function registerMetrics(defs: readonly MetricDefinition[]): void {
  for (const d of defs) {
    if (registry.has(d.key) && registry.get(d.key) !== d) throw new Error(`Metric ${d.key} is defined twice`);
    registry.set(d.key, d);
  }
}

export function metricDefinition(key: string): MetricDefinition | undefined {
  return registry.get(key);
}

export function registeredMetrics(): MetricDefinition[] {
  return [...registry.values()];
}

/**
 * The rows of the area a metric query covers: one county (`=`), or every county whose code starts with a
 * province or prefecture code — as a range on the code, so an index on (county_code, date) still serves it.
 */
export function areaCondition(countyCode: string, column: string): RawBuilder<SqlBool> {
  if (countyCode.length >= 6) return sql<SqlBool>`${sql.ref(column)} = ${countyCode}`;
  if (!/^\d{2}(\d{2})?$/.test(countyCode)) throw new Error(`Not a county, prefecture or province code: ${countyCode}`);
  const upper = String(Number(countyCode) + 1).padStart(countyCode.length, '0');
  return sql<SqlBool>`(${sql.ref(column)} >= ${countyCode} and ${sql.ref(column)} < ${upper})`;
}

/** The county-wide view used by the quarterly report: everything in the county, nothing outside it. */
export function countyActor(): Pick<Actor, 'scope' | 'userId'> {
  return { userId: '00000000-0000-0000-0000-000000000000', scope: { ...emptyScope(), all: true } };
}
