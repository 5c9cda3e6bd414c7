import type { MetricValue } from './registry';

/**
 * A metric's value from the records behind it: every id, and per dimension the ids grouped by key, largest group
 * first ('unknown' for a missing value; a record may fall under several keys, e.g. a project with problems in two
 * areas). Labels are left as the keys: evaluation gives them their words from the vocabulary (dimensions.ts).
 */
export function tallyRecords<T extends { id: string }>(items: readonly T[], dims: Record<string, (item: T) => string | null | readonly string[]>): MetricValue {
  const breakdown: NonNullable<MetricValue['breakdown']> = {};
  for (const [dim, keyOf] of Object.entries(dims)) {
    const groups = new Map<string, string[]>();
    for (const item of items) {
      const k = keyOf(item);
      for (const key of typeof k === 'string' || k === null ? [k ?? 'unknown'] : k) {
        // Appended in place: copying the list per record makes a province's breakdown quadratic.
        const ids = groups.get(key);
        if (ids) ids.push(item.id); else groups.set(key, [item.id]);
      }
    }
    breakdown[dim] = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([key, ids]) => ({ key, label: key, value: ids.length, recordIds: ids }));
  }
  return { value: items.length, recordIds: items.map((i) => i.id), breakdown };
}
