import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { emptyScope } from '../../platform/scope/actor';
import type { Period } from './periods';

/** Counting units of the analysis (glossary: 件 / 件次 / 人 / 人次 / 万元, plus 个 and 名 used in the speech). */
export type MetricUnit = '件' | '件次' | '人' | '人次' | '万元' | '个' | '名';

export interface MetricQuery {
  db: Kysely<DB>;
  /** Whose data scope applies; a county-wide actor for the quarterly report. */
  actor: Pick<Actor, 'scope' | 'userId'>;
  countyCode: string;
  period: Period;
}

export interface MetricValue {
  value: number;
  /** The ids of the records behind the value, so every published number can be opened. */
  recordIds: string[];
  /** Optional split by one of the metric's dimensions (e.g. township, rank, channel). */
  breakdown?: Record<string, Array<{ key: string; label: string; value: number; recordIds: string[] }>>;
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

/** The county-wide view used by the quarterly report: everything in the county, nothing outside it. */
export function countyActor(): Pick<Actor, 'scope' | 'userId'> {
  return { userId: '00000000-0000-0000-0000-000000000000', scope: { ...emptyScope(), all: true } };
}
