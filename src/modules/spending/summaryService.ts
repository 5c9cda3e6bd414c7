import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { OVER_AMOUNT_KEY, overStandardCodes } from './rules';

/**
 * The summary page's figures for one year in the caller's scope: records, over-standard records and the amount over
 * standard by category, by unit and by month. Over standard as in the metric (metrics.ts): a not-dismissed hit of
 * an over-standard rule names the record; its amount over is the largest such hit's.
 */
interface Bucket { key: string; name?: string; records: number; amount: number; over: number; overAmount: number }

export async function spendingSummary(db: Kysely<DB>, actor: Actor, year: number) {
  const rows = await db.selectFrom('spending_expenses as e').innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.id', 'e.category', 'e.unit_id', 'u.name', 'e.spent_on', 'e.amount', sql<string | null>`(select max((h.evidence->'values'->>${OVER_AMOUNT_KEY})::numeric) from risk_hits h
      where h.domain = 'spending' and h.status <> 'dismissed' and h.county_code = e.county_code and h.code in (${sql.join([...overStandardCodes])})
      and h.evidence->'records' @> jsonb_build_array(jsonb_build_object('id', e.id::text)))`.as('over')])
    .where('e.county_code', '=', actor.countyCode).where('e.spent_on', '>=', `${year}-01-01`).where('e.spent_on', '<', `${year + 1}-01-01`)
    .where(scopeCondition(actor, 'e.unit_id', 'e.created_by')).execute();
  const group = (keyOf: (r: (typeof rows)[number]) => string, nameOf?: (r: (typeof rows)[number]) => string) => {
    const m = new Map<string, Bucket>();
    for (const r of rows) {
      const k = keyOf(r);
      const b = m.get(k) ?? { key: k, ...(nameOf ? { name: nameOf(r) } : {}), records: 0, amount: 0, over: 0, overAmount: 0 };
      b.records++;
      b.amount += Number(r.amount);
      if (r.over !== null) { b.over++; b.overAmount += Number(r.over); }
      m.set(k, b);
    }
    return [...m.values()].map((b) => ({ ...b, amount: Math.round(b.amount * 100) / 100, overAmount: Math.round(b.overAmount * 100) / 100 }));
  };
  const months = group((r) => r.spent_on.slice(0, 7));
  const byMonth = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
    .map((k) => months.find((m) => m.key === k) ?? { key: k, records: 0, amount: 0, over: 0, overAmount: 0 });
  const total = group(() => 'all')[0] ?? { key: 'all', records: 0, amount: 0, over: 0, overAmount: 0 };
  return {
    year, total,
    byCategory: group((r) => r.category).sort((a, b) => b.over - a.over || b.records - a.records),
    byUnit: group((r) => r.unit_id, (r) => r.name).sort((a, b) => b.over - a.over || b.overAmount - a.overAmount || a.key.localeCompare(b.key)),
    byMonth,
  };
}
