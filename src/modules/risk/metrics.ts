import { sql } from 'kysely';
import type { MetricDefinition, MetricQuery, MetricValue } from '../analysis/registry';
import { scopeCondition } from '../../platform/scope/dataScope';
import { townshipName } from './hitService';
import { codeLabel } from './labels';

/**
 * `risk.hits`: red-flag hits whose (first) process's tender date (tender period end, else release date) falls in
 * [period.from, period.to), dismissed ones excluded (a person judged them unfounded), in the data scope of the
 * hit's unit. Broken down by indicator code and by township (县直 for county-level units).
 */
async function compute({ db, actor, countyCode, period }: MetricQuery): Promise<MetricValue> {
  const day = sql<string>`left(coalesce(p.period_end, p.release_date), 10)`;
  const rows = await db.selectFrom('risk_hits').innerJoin('risk_processes as p', 'p.id', 'risk_hits.process_id').innerJoin('units', 'units.id', 'risk_hits.unit_id')
    .select(['risk_hits.id', 'risk_hits.code', townshipName.as('township')])
    .where('risk_hits.county_code', '=', countyCode).where('risk_hits.status', '<>', 'dismissed')
    .where(sql<boolean>`${day} >= ${period.from}`).where(sql<boolean>`${day} < ${period.to}`)
    .where(scopeCondition(actor, 'risk_hits.unit_id')).execute();
  const group = (key: (r: (typeof rows)[number]) => string, label: (k: string) => string) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r.id]);
    return [...m].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([k, ids]) => ({ key: k, label: label(k), value: ids.length, recordIds: ids }));
  };
  return {
    value: rows.length, recordIds: rows.map((r) => r.id),
    breakdown: { indicator: group((r) => r.code, codeLabel), township: group((r) => r.township ?? '县直', (k) => k) },
  };
}

export const riskMetrics: MetricDefinition[] = [{
  key: 'risk.hits', module: 'risk', labelZh: '招投标风险预警', labelEn: 'Procurement red-flag hits', unit: '个',
  definitionZh: '招投标风险预警条数：项目开标（或发布）日期在统计期内、未被排除的预警，按指标和乡镇分列；预警是需核查的线索提示，不是违纪违法认定。',
  definitionEn: 'Red-flag hits on processes whose tender date falls in the period, excluding dismissed ones; by indicator and township. A hit is a prompt to check, not a finding.',
  dimensions: ['indicator', 'township'], recordType: 'riskHit', compute,
  describe: async ({ db, actor }, ids) => {
    if (!ids.length) return [];
    const rows = await db.selectFrom('risk_hits').leftJoin('risk_processes as p', 'p.id', 'risk_hits.process_id')
      .select(['risk_hits.id', 'risk_hits.code', 'p.title', 'p.period_end']).where('risk_hits.id', 'in', ids).where(scopeCondition(actor, 'risk_hits.unit_id')).execute();
    return rows.map((r) => ({ id: r.id, title: codeLabel(r.code), subtitle: r.title ?? undefined, at: r.period_end?.slice(0, 10), link: `/risk/hits/${r.id}` }));
  },
}];
