import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { scopeCondition } from '../../platform/scope/dataScope';
import { aggregateMetric } from '../analysis/aggregate';
import { areaCondition, sharedRows, type MetricDefinition, type MetricQuery, type MetricValue, type RecordSummary } from '../analysis/registry';
import './db';

/**
 * Intake figures of the quarterly analysis. Every count returns the report ids behind it. 件次 counts every
 * report; 件 counts a matter group (a report and its repeats) once, by its first report in the period.
 */
type Row = { id: string; matter_group: string; channel: string; kind: string; township_code: string | null; identified: boolean;
  accused_rank: string | null; category: string | null; efficiency_category: string | null; sector: string | null; drift: boolean | null };

/** The breakdowns (named as in the analysis vocabulary, see ./dimensions.ts) and the column each reads. */
const column = {
  channel: 'channel', kind: 'kind', township: 'township_code', identified: 'identified', accusedRank: 'accused_rank',
  category: 'category', efficiencyCategory: 'efficiency_category', sector: 'sector',
} as const satisfies Record<string, keyof Row>;
type Dim = keyof typeof column;

type DateColumn = 'received_on' | 'accepted_on' | 'closed_on';

async function rows(q: MetricQuery, dateColumn: DateColumn, extra?: (r: Row) => boolean): Promise<Row[]> {
  // The period's reports by one date column, read once per evaluation for every metric built on them.
  const found = await sharedRows(q, `reports.${dateColumn}`, () => q.db.selectFrom('reports as r')
    .leftJoin('report_efficiency_categories as ec', (j) => j.onRef('ec.county_code', '=', 'r.county_code').onRef('ec.code', '=', 'r.efficiency_category'))
    .select(['r.id', 'r.matter_group', 'r.channel', 'r.kind', 'r.township_code', 'r.identified', 'r.accused_rank', 'r.category', 'r.efficiency_category', 'r.sector', 'ec.counts_as_drift as drift'])
    .where(areaCondition(q.countyCode, 'r.county_code')).where(`r.${dateColumn}`, '>=', q.period.from).where(`r.${dateColumn}`, '<', q.period.to)
    .where(scopeCondition(q.actor, 'r.unit_id', 'r.created_by')).orderBy('r.received_at').orderBy('r.id').execute());
  return extra ? found.filter(extra) : found;
}

function value(found: Row[], dims: Dim[]): MetricValue {
  const breakdown: NonNullable<MetricValue['breakdown']> = {};
  for (const d of dims) {
    const groups = new Map<string, string[]>();
    for (const r of found) {
      const key = String(r[column[d]] ?? 'unknown');
      // Appended in place: copying the list per row made a quarter's breakdown quadratic at province scale.
      const ids = groups.get(key);
      if (ids) ids.push(r.id); else groups.set(key, [r.id]);
    }
    breakdown[d] = [...groups].map(([key, ids]) => ({ key, label: key, value: ids.length, recordIds: ids }));
  }
  return { value: found.length, recordIds: found.map((r) => r.id), breakdown };
}

async function describe({ db, actor }: Omit<MetricQuery, 'period'>, ids: string[]): Promise<RecordSummary[]> {
  if (ids.length === 0) return [];
  const found = await db.selectFrom('reports as r').innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.serial', 'r.title', 'r.received_on', 'u.name as unitName'])
    .where('r.id', 'in', ids).where(scopeCondition(actor, 'r.unit_id', 'r.created_by')).orderBy('r.received_on').execute();
  return found.map((r) => ({ id: r.id, title: r.title, subtitle: `${r.serial} · ${r.unitName}`, at: r.received_on, link: `/reports/${r.id}` }));
}

/** The same selection in SQL: the date column that places a report in the period, and the metric's own condition. */
interface Selection { date: DateColumn; where?: (q: MetricQuery) => RawBuilder<SqlBool> }

/**
 * A province (or prefecture) has tens of thousands of reports a quarter: there the figures are counted by the
 * database (aggregateMetric) from the same selection, with the first ids for drill-down; a county's stay row by row.
 */
function aggregated(q: MetricQuery, s: Selection, dims: Dim[]): Promise<MetricValue> {
  return aggregateMetric(q.db, {
    from: sql`reports r left join report_efficiency_categories ec on ec.county_code = r.county_code and ec.code = r.efficiency_category`,
    where: sql<SqlBool>`${areaCondition(q.countyCode, 'r.county_code')} and ${sql.ref(`r.${s.date}`)} >= ${q.period.from} and ${sql.ref(`r.${s.date}`)} < ${q.period.to}
      and ${scopeCondition(q.actor, 'r.unit_id', 'r.created_by')} and ${s.where ? s.where(q) : sql<SqlBool>`true`}`,
    idColumn: 'r.id', order: sql`r.received_at, r.id`, dims: Object.fromEntries(dims.map((d) => [d, `r.${column[d]}`])),
  });
}

function metric(key: string, labelZh: string, labelEn: string, unit: '件' | '件次', definitionZh: string, definitionEn: string,
  dims: Dim[], compute: (q: MetricQuery) => Promise<Row[]>, selection: Selection): MetricDefinition {
  return { key: `reports.${key}`, module: 'reports', labelZh, labelEn, unit, definitionZh, definitionEn, dimensions: dims, recordType: 'report',
    compute: async (q) => (q.countyCode.length < 6 ? aggregated(q, selection, dims) : value(await compute(q), dims)), describe };
}

/** First report of its matter in the period (and in the caller's scope), as firstOfGroup picks it from ordered rows. */
const firstOfMatter = (q: MetricQuery) => sql<SqlBool>`r.id in (select distinct on (r2.matter_group) r2.id from reports r2
  where r2.received_on >= ${q.period.from} and r2.received_on < ${q.period.to} and ${areaCondition(q.countyCode, 'r2.county_code')}
  and ${scopeCondition(q.actor, 'r2.unit_id', 'r2.created_by')} order by r2.matter_group, r2.received_at, r2.id)`;

const firstOfGroup = (found: Row[]) => { const seen = new Set<string>(); return found.filter((r) => !seen.has(r.matter_group) && seen.add(r.matter_group)); };
const onTime = sql<boolean>`(r.handle_due is null or r.closed_on <= coalesce(r.extended_due, r.handle_due)) and (r.accepted_on is null or r.accepted_on <= r.route_due)`;

export const reportMetrics: MetricDefinition[] = [
  metric('received', '接收信访举报', 'Reports received', '件次', '期内收到的信访举报（含重复件），按收件日期统计。', 'Reports received in the period, repeats included, by date received.',
    ['channel', 'kind', 'identified', 'accusedRank', 'category', 'sector', 'township'], (q) => rows(q, 'received_on'), { date: 'received_on' }),
  metric('distinct', '信访举报（去重）', 'Distinct matters', '件', '期内收到的信访举报按同一事项去重（重复件只计一次）。', 'Reports received in the period, each matter (with its repeats) counted once.',
    ['channel', 'kind'], async (q) => firstOfGroup(await rows(q, 'received_on')), { date: 'received_on', where: firstOfMatter }),
  metric('realName', '实名举报', 'Real-name reports', '件次', '期内收到的实名信访举报。', 'Real-name reports received in the period.',
    ['channel'], (q) => rows(q, 'received_on', (r) => r.identified), { date: 'received_on', where: () => sql<SqlBool>`r.identified` }),
  metric('accepted', '受理', 'Accepted', '件', '期内决定受理的信访举报。', 'Reports accepted in the period.', ['kind'], (q) => rows(q, 'accepted_on'), { date: 'accepted_on' }),
  metric('closed', '办结', 'Closed', '件', '期内办结的信访举报（不含不予受理）。', 'Reports closed in the period (not counting those not accepted).',
    ['kind', 'township'], async (q) => rows(q, 'closed_on'), { date: 'closed_on' }),
  metric('closedOnTime', '按期办结', 'Closed on time', '件', '期内办结且按期分办、按期办结（含经批准延期）的信访举报；按期办结率 = 本项 ÷ 办结。',
    'Reports closed in the period that were routed and settled within their statutory periods (approved extensions included); on-time rate = this ÷ closed.',
    ['kind'], async (q) => {
      const ids = new Set((await q.db.selectFrom('reports as r').select('r.id').where(areaCondition(q.countyCode, 'r.county_code')).where('r.closed_on', '>=', q.period.from)
        .where('r.closed_on', '<', q.period.to).where(onTime).execute()).map((r) => r.id));
      return rows(q, 'closed_on', (r) => ids.has(r.id));
    }, { date: 'closed_on', where: () => onTime }),
  metric('efficiencyComplaints', '效能投诉', 'Efficiency complaints', '件', '期内收到的效能投诉，按类别分列。', 'Efficiency complaints received in the period, by category.',
    ['efficiencyCategory', 'channel'], (q) => rows(q, 'received_on', (r) => r.kind === 'efficiency'), { date: 'received_on', where: () => sql<SqlBool>`r.kind = 'efficiency'` }),
  metric('efficiencyConductComplaints', '作风漂浮、工作疲沓', 'Complaints of lax conduct', '件',
    '期内收到的效能投诉中，类别被标记为"作风漂浮、工作疲沓"的（类别字典可由各县维护）。', 'Efficiency complaints in the period whose category is flagged as 作风漂浮、工作疲沓 (editable dictionary).',
    ['efficiencyCategory'], (q) => rows(q, 'received_on', (r) => r.kind === 'efficiency' && r.drift === true),
    { date: 'received_on', where: () => sql<SqlBool>`r.kind = 'efficiency' and ec.counts_as_drift` }),
];
