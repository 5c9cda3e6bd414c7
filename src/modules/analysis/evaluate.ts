import { expectedMetrics } from './catalogue';
import type { Period } from './periods';
import { metricDefinition, registeredMetrics, type MetricQuery, type MetricUnit } from './registry';

export type MetricResult =
  | { key: string; label: string; labelEn: string; unit: MetricUnit; value: number; recordIds: string[]; breakdown?: unknown }
  | { key: string; label: string; labelEn: string; unit: MetricUnit; unavailable: true };

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
  for (const key of keys) {
    const def = metricDefinition(key);
    if (!def) {
      const expected = expectedMetrics.find((m) => m.key === key);
      out[key] = { key, label: expected?.labelZh ?? key, labelEn: expected?.labelEn ?? key, unit: expected?.unit ?? '件', unavailable: true };
      continue;
    }
    // Sequential on purpose: the embedded engine has one connection, and the report must be repeatable.
    const v = await def.compute({ ...q, period });
    out[key] = { key, label: def.labelZh, labelEn: def.labelEn, unit: def.unit, value: v.value, recordIds: v.recordIds, ...(v.breakdown ? { breakdown: v.breakdown } : {}) };
  }
  return out;
}
