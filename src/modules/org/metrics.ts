import { sql, type SqlBool } from 'kysely';
import { aggregateMetric } from '../analysis/aggregate';
import { areaCondition, type MetricDefinition } from '../analysis/registry';
import { scopeCondition } from '../../platform/scope/dataScope';

/**
 * Organisation figures for the dashboard's county overview. Officials are a stock, not a flow: the value
 * for a period is everyone on record (active) at its end.
 */
export const orgMetrics: MetricDefinition[] = [
  {
    key: 'org.officials', module: 'org', labelZh: '在册干部', labelEn: 'Officials on record', unit: '人', recordType: 'official',
    definitionZh: '期末在册（未注销）的干部人数，按所在单位的数据范围统计。',
    definitionEn: 'Officials on record (not removed) at the end of the period, within the data scope of their unit.',
    dimensions: ['rank'],
    async compute({ db, actor, countyCode, period }) {
      // A province holds tens of thousands of officials: counted by the database, first ids kept for drill-down.
      if (countyCode.length < 6) {
        return aggregateMetric(db, { from: sql`officials o`, idColumn: 'o.id', order: sql`o.id`, dims: { rank: 'o.rank' },
          where: sql<SqlBool>`${areaCondition(countyCode, 'o.county_code')} and o.active and o.created_at < ${period.to}::date and ${scopeCondition(actor, 'o.unit_id', 'o.created_by')}` });
      }
      const rows = await db.selectFrom('officials as o').select(['o.id', 'o.rank'])
        .where(areaCondition(countyCode, 'o.county_code')).where('o.active', '=', true)
        .where('o.created_at', '<', sql<Date>`${period.to}::date`)
        .where(scopeCondition(actor, 'o.unit_id', 'o.created_by'))
        .orderBy('o.id').execute();
      const byRank = new Map<string, string[]>();
      // Appended in place: copying per row made the breakdown quadratic (a province has tens of thousands).
      for (const r of rows) { const ids = byRank.get(r.rank); if (ids) ids.push(r.id); else byRank.set(r.rank, [r.id]); }
      return {
        value: rows.length, recordIds: rows.map((r) => r.id),
        breakdown: { rank: [...byRank].map(([key, ids]) => ({ key, label: key, value: ids.length, recordIds: ids })) },
      };
    },
    async describe({ db, actor }, ids) {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id')
        .select(['o.id', 'o.name', 'o.post', 'u.name as unitName'])
        .where('o.id', 'in', ids).where(scopeCondition(actor, 'o.unit_id', 'o.created_by')).orderBy('u.code').orderBy('o.name').execute();
      return rows.map((r) => ({ id: r.id, title: r.name, subtitle: [r.unitName, r.post].filter(Boolean).join(' · '), link: `/org/officials?q=${encodeURIComponent(r.name)}` }));
    },
  },
];
