import { sql } from 'kysely';
import { scopeCondition } from '../../platform/scope/dataScope';
import { areaCondition, sharedRows, type MetricDefinition, type MetricQuery, type MetricValue } from '../analysis/registry';
import { tallyRecords } from '../analysis/tally';
import { TOWNSHIP_KINDS } from '../campaigns/access';
import { villageAssetsHitCodes } from './hitCodes';
import { directionWords, fundCategoryWords } from './words';
import { hitDate } from './summaryService';

/**
 * The village collective funds figures (加大村务公开、“三资”监管工作力度): ledger rows and their amount dated in the
 * period, and the anomalies the screening found on records dated in the period (undismissed hits: a dismissed
 * one was judged unfounded). Scope follows the village; breakdowns by township, direction and rule.
 */
const entryRows = (q: MetricQuery) => sharedRows(q, 'villageAssets.entries', () => q.db.selectFrom('village_fund_entries as e')
  .select(['e.id', 'e.township_code', 'e.direction', 'e.amount']).where(areaCondition(q.countyCode, 'e.county_code'))
  .where('e.entry_date', '>=', q.period.from).where('e.entry_date', '<', q.period.to).where(scopeCondition(q.actor, 'e.unit_id')).orderBy('e.entry_date').orderBy('e.id').execute());

const describeEntries: MetricDefinition['describe'] = async ({ db, actor }, ids) => {
  if (!ids.length) return [];
  const rows = await db.selectFrom('village_fund_entries as e').innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.id', 'e.unit_id', 'u.name', 'e.entry_date', 'e.voucher_no', 'e.direction', 'e.amount', 'e.counterparty', 'e.category'])
    .where('e.id', 'in', ids).where(scopeCondition(actor, 'e.unit_id')).execute();
  return rows.map((r) => ({ id: r.id, title: `${r.name} ${directionWords[r.direction][0]} ¥${Number(r.amount).toLocaleString('zh-CN')}`,
    subtitle: `${r.voucher_no} · ${fundCategoryWords[r.category][0]} · ${r.counterparty}`, at: r.entry_date, link: `/village-assets/ledger?village=${r.unit_id}&tab=funds&ids=${r.id}` }));
};

const entries: MetricDefinition = {
  key: 'villageAssets.fundEntries', module: 'villageAssets', labelZh: '村级资金收支笔数', labelEn: 'Village ledger entries', unit: '件', recordType: 'villageFundEntry',
  dimensions: ['township', 'fundDirection'],
  definitionZh: '日期在统计期内的村集体资金收支记录笔数（收入和支出），按乡镇和收支分列。',
  definitionEn: 'Village collective fund entries (income and expense) dated in the period, by township and direction.',
  compute: async (q) => tallyRecords(await entryRows(q), { township: (r) => r.township_code, fundDirection: (r) => r.direction }),
  describe: describeEntries,
};

const amount: MetricDefinition = {
  key: 'villageAssets.fundAmountWan', module: 'villageAssets', labelZh: '村级资金收支金额', labelEn: 'Village ledger amount', unit: '万元', recordType: 'villageFundEntry',
  dimensions: ['township', 'fundDirection'],
  definitionZh: '日期在统计期内的村集体资金收支金额合计（收入与支出相加，万元，保留两位小数），按乡镇和收支分列。',
  definitionEn: 'Sum of village collective fund entries dated in the period (income plus expense, in 10,000 yuan, two decimals), by township and direction.',
  compute: async (q): Promise<MetricValue> => {
    const rows = await entryRows(q);
    const wan = (rs: typeof rows) => Math.round(rs.reduce((s, r) => s + Number(r.amount), 0) / 100) / 100;
    const split = (key: (r: (typeof rows)[number]) => string) => {
      const m = new Map<string, typeof rows>();
      for (const r of rows) { const k = key(r); const l = m.get(k); if (l) l.push(r); else m.set(k, [r]); }
      return [...m].map(([k, rs]) => ({ key: k, label: k, value: wan(rs), recordIds: rs.map((r) => r.id) })).sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
    };
    return { value: wan(rows), recordIds: rows.map((r) => r.id), breakdown: { township: split((r) => r.township_code ?? 'unknown'), fundDirection: split((r) => r.direction) } };
  },
  describe: describeEntries,
};

const anomalies: MetricDefinition = {
  key: 'villageAssets.anomalies', module: 'villageAssets', labelZh: '村级三资异常', labelEn: 'Village ledger anomalies', unit: '个', recordType: 'riskHit',
  dimensions: ['township', 'villageRule'],
  definitionZh: '三资异常筛查发现的预警条数：所涉记录（最晚一条）日期在统计期内、未被排除的预警，按乡镇和规则分列；预警是需核查的线索提示，不是违纪违法认定。',
  definitionEn: 'Hits of the village ledger screening whose (latest) record is dated in the period, excluding dismissed ones; by township and rule. A hit is a prompt to check, not a finding.',
  compute: async ({ db, actor, countyCode, period }): Promise<MetricValue> => {
    const rows = await db.selectFrom('risk_hits').innerJoin('units as u', 'u.id', 'risk_hits.unit_id')
      .select(['risk_hits.id', 'risk_hits.code', sql<string | null>`(select t.code from units t where t.county_code = u.county_code and t.kind in (${sql.join([...TOWNSHIP_KINDS])})
        and u.path like t.path || '%' order by t.depth limit 1)`.as('township')])
      .where(areaCondition(countyCode, 'risk_hits.county_code')).where('risk_hits.domain', '=', 'villageAssets').where('risk_hits.status', '<>', 'dismissed')
      .where(hitDate, '>=', period.from).where(hitDate, '<', period.to).where(scopeCondition(actor, 'risk_hits.unit_id')).orderBy('risk_hits.id').execute();
    return tallyRecords(rows, { township: (r) => r.township, villageRule: (r) => r.code });
  },
  describe: async ({ db, actor }, ids) => {
    if (!ids.length) return [];
    const rows = await db.selectFrom('risk_hits').select(['id', 'code', 'subject_title', hitDate.as('day')]).where('id', 'in', ids).where(scopeCondition(actor, 'risk_hits.unit_id')).execute();
    return rows.map((r) => ({ id: r.id, title: villageAssetsHitCodes[r.code]?.zh ?? r.code, subtitle: r.subject_title ?? undefined, at: r.day, link: `/risk/hits/${r.id}` }));
  },
};

export const villageAssetsMetrics: MetricDefinition[] = [entries, amount, anomalies];
