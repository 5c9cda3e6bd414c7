import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { MetricValue } from './registry';

/** The most ids an aggregated metric returns (its first, in the given order); `recordCount` says how many there are. */
export const AGGREGATE_ID_LIMIT = 1_000;

/**
 * A metric's value and breakdowns counted by the database: one pass with GROUPING SETS over the matching rows
 * (one set per dimension plus the total), and the first ids by a second, limited query. Used where an area holds
 * tens of thousands of records (a province's quarter), so the figures do not depend on pulling every row into JS.
 * Breakdown keys are the dimension's value as text, 'unknown' for null, exactly as the row-by-row path names them.
 */
export async function aggregateMetric(db: Kysely<DB>, opts: {
  from: RawBuilder<unknown>; where: RawBuilder<SqlBool>; idColumn: string; order: RawBuilder<unknown>; dims: Record<string, string>;
}): Promise<MetricValue> {
  const names = Object.keys(opts.dims);
  const col = (d: string) => sql.ref(opts.dims[d]);
  const which = names.length
    ? sql`case ${sql.join(names.map((d) => sql`when grouping(${col(d)}) = 0 then ${d}`), sql` `)} else '' end`
    : sql`''`;
  const key = names.length
    ? sql`case ${sql.join(names.map((d) => sql`when grouping(${col(d)}) = 0 then coalesce(${col(d)}::text, 'unknown')`), sql` `)} else '' end`
    : sql`''`;
  const sets = sql.join([sql`()`, ...names.map((d) => sql`(${col(d)})`)]);
  const counts = await sql<{ dim: string; key: string; n: number }>`select ${which} as dim, ${key} as key, count(*)::int as n
    from ${opts.from} where ${opts.where} group by grouping sets (${sets})`.execute(db);
  const ids = await sql<{ id: string }>`select ${sql.ref(opts.idColumn)} as id from ${opts.from} where ${opts.where}
    order by ${opts.order} limit ${AGGREGATE_ID_LIMIT}`.execute(db);
  const total = counts.rows.find((r) => r.dim === '')?.n ?? 0;
  const breakdown: NonNullable<MetricValue['breakdown']> = {};
  for (const d of names) {
    breakdown[d] = counts.rows.filter((r) => r.dim === d).map((r) => ({ key: r.key, label: r.key, value: r.n, recordIds: [], recordCount: r.n }));
  }
  return { value: total, recordIds: ids.rows.map((r) => r.id), recordCount: total, ...(names.length ? { breakdown } : {}) };
}
