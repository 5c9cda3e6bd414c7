import { sql, type Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { TOWNSHIP_KINDS } from '../campaigns/access';

/**
 * The summary page's figures for a year, in the caller's scope: anomalies (undismissed hits dated in the year) by
 * township and by rule, and per village the cash share of its payments — where cash is common, the books are hard to check.
 */
export const hitDate = sql<string>`risk_hits.evidence->'values'->>'记录日期'`;

async function summary(db: Kysely<DB>, actor: Actor, year = Number(todayInShanghai().slice(0, 4))) {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const towns = await db.selectFrom('units').select(['code', 'name', 'path']).where('county_code', '=', actor.countyCode).where('kind', 'in', [...TOWNSHIP_KINDS]).orderBy('code').execute();
  const townOf = (path: string) => towns.find((t) => path.startsWith(t.path));
  const hits = await db.selectFrom('risk_hits').innerJoin('units as u', 'u.id', 'risk_hits.unit_id').select(['risk_hits.id', 'risk_hits.code', 'risk_hits.status', 'u.path'])
    .where('risk_hits.county_code', '=', actor.countyCode).where('risk_hits.domain', '=', 'villageAssets').where('risk_hits.status', '<>', 'dismissed')
    .where(hitDate, '>=', from).where(hitDate, '<', to).where(scopeCondition(actor, 'risk_hits.unit_id')).execute();
  const byTownship = new Map<string, { code: string; name: string; hits: number }>();
  const byRule = new Map<string, number>();
  for (const h of hits) {
    const t = townOf(h.path);
    const k = t?.code ?? '';
    byTownship.set(k, { code: k, name: t?.name ?? '', hits: (byTownship.get(k)?.hits ?? 0) + 1 });
    byRule.set(h.code, (byRule.get(h.code) ?? 0) + 1);
  }
  const villages = await db.selectFrom('village_fund_entries as e').innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.unit_id', 'u.name', 'u.path', sql<number>`count(*)::int`.as('entries'), sql<string>`sum(e.amount)`.as('total'),
      sql<string>`coalesce(sum(e.amount) filter (where e.payment_method = 'cash'), 0)`.as('cash')])
    .where('e.county_code', '=', actor.countyCode).where('e.direction', '=', 'expense').where('e.entry_date', '>=', from).where('e.entry_date', '<', to)
    .where(scopeCondition(actor, 'e.unit_id', 'e.created_by')).groupBy(['e.unit_id', 'u.name', 'u.path']).execute();
  const cashShare = villages.map((v) => ({
    villageId: v.unit_id, villageName: v.name, townshipName: townOf(v.path)?.name ?? '', expenses: v.entries, total: Number(v.total), cash: Number(v.cash),
    share: Number(v.total) > 0 ? Math.round((Number(v.cash) / Number(v.total)) * 1000) / 1000 : 0,
  })).sort((a, b) => b.share - a.share || a.villageName.localeCompare(b.villageName));
  return {
    year, hits: hits.length, undecided: hits.filter((h) => h.status === 'new').length,
    byTownship: [...byTownship.values()].sort((a, b) => b.hits - a.hits || a.code.localeCompare(b.code)),
    byRule: [...byRule].map(([code, n]) => ({ code, hits: n })).sort((a, b) => b.hits - a.hits || a.code.localeCompare(b.code)),
    cashShare,
  };
}

export const summaryService = { summary };
