import { sql } from 'kysely';
import { scopeCondition } from '../../platform/scope/dataScope';
import { areaCondition, sharedRows, type MetricDefinition, type MetricQuery, type MetricValue } from '../analysis/registry';
import { tallyRecords } from '../analysis/tally';
import { OVER_AMOUNT_KEY, overStandardCodes } from './rules';
import { categoryWords, yuan } from './words';

/**
 * The spending figures (超标准支出 of the mission's data screens), by the date of the expense. A record is over
 * standard when a not-dismissed spending hit of an over-standard rule (per-person cost of receptions, meetings,
 * training, lodging; 陪餐 over limit) names it: a dismissed hit is an official's judgement that the record is in
 * order. The amount over standard of a record is the largest such hit's amount (the rules overlap: a reception
 * over both per person and in 陪餐 is over once). Scope follows the spending unit.
 */
interface Row { id: string; category: string; township_code: string | null; unit_id: string; over: number | null }

function expenseRows(q: MetricQuery): Promise<Row[]> {
  return sharedRows(q, 'spending.expenses', async () => {
    const { db, actor, countyCode, period } = q;
    const rows = await db.selectFrom('spending_expenses as e')
      .select(['e.id', 'e.category', 'e.township_code', 'e.unit_id', sql<string | null>`(select max((h.evidence->'values'->>${OVER_AMOUNT_KEY})::numeric) from risk_hits h
        where h.domain = 'spending' and h.status <> 'dismissed' and h.county_code = e.county_code and h.code in (${sql.join([...overStandardCodes])})
        and h.evidence->'records' @> jsonb_build_array(jsonb_build_object('id', e.id::text)))`.as('over')])
      .where(areaCondition(countyCode, 'e.county_code')).where('e.spent_on', '>=', period.from).where('e.spent_on', '<', period.to)
      .where(scopeCondition(actor, 'e.unit_id', 'e.created_by')).orderBy('e.spent_on').orderBy('e.id').execute();
    return rows.map((r) => ({ ...r, over: r.over === null ? null : Number(r.over) }));
  });
}

const dims = { spendingCategory: (r: Row) => r.category, township: (r: Row) => r.township_code, spendingUnit: (r: Row) => r.unit_id };
const dimensions = Object.keys(dims);
const common = { module: 'spending', recordType: 'spendingExpense', dimensions };

const describe: MetricDefinition['describe'] = async ({ db, actor }, ids) => {
  if (!ids.length) return [];
  const rows = await db.selectFrom('spending_expenses as e').innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.id', 'u.name', 'e.spent_on', 'e.category', 'e.amount', 'e.payee', 'e.description']).where('e.id', 'in', ids).where(scopeCondition(actor, 'e.unit_id', 'e.created_by')).execute();
  return rows.map((r) => ({ id: r.id, title: `${r.name} ${categoryWords[r.category][0]} ${yuan(Number(r.amount))}`, subtitle: [r.payee, r.description].filter(Boolean).join(' · ').slice(0, 60),
    at: r.spent_on, link: `/spending/records?record=${r.id}` }));
};

/** A sum per record (万元, two decimals) with the same breakdowns as the counts. */
function sumRecords(rows: Row[], amount: (r: Row) => number): MetricValue {
  const wan = (yuanTotal: number) => Math.round(yuanTotal / 100) / 100;
  const counted = tallyRecords(rows, dims);
  const byId = new Map(rows.map((r) => [r.id, amount(r)]));
  const breakdown = Object.fromEntries(Object.entries(counted.breakdown ?? {}).map(([dim, items]) => [dim,
    items.map((b) => ({ ...b, value: wan(b.recordIds.reduce((n, id) => n + (byId.get(id) ?? 0), 0)) })).sort((a, b) => b.value - a.value)]));
  return { value: wan(rows.reduce((n, r) => n + amount(r), 0)), recordIds: counted.recordIds, breakdown };
}

const overStandard: MetricDefinition = {
  ...common, key: 'spending.overStandard', labelZh: '超标准支出', labelEn: 'Spending over standard', unit: '件',
  definitionZh: '支出日期在统计期内、至少有一条未被排除的超标准预警（公务接待、会议、培训、差旅住宿人均超标准，陪餐人数超标）的支出记录数，按支出类别、乡镇和支出单位分列。',
  definitionEn: 'Expense records dated in the period with at least one not-dismissed over-standard hit (per-person cost of receptions, meetings, training or lodging; too many accompanying persons), by category, township and unit.',
  compute: async (q) => tallyRecords((await expenseRows(q)).filter((r) => r.over !== null), dims),
  describe,
};

const overAmount: MetricDefinition = {
  ...common, key: 'spending.overStandardAmountWan', labelZh: '超标准金额', labelEn: 'Amount over standard', unit: '万元',
  definitionZh: '统计期内超标准支出记录超出标准的金额合计（每条记录取其超标准预警中最大的超标金额，元合计后以万元显示，保留两位小数）。',
  definitionEn: 'The amount by which over-standard records exceed their standards (per record the largest over-standard amount of its hits), in 10,000 yuan.',
  compute: async (q) => sumRecords((await expenseRows(q)).filter((r) => r.over !== null), (r) => r.over ?? 0),
  describe,
};

const checked: MetricDefinition = {
  ...common, key: 'spending.recordsChecked', labelZh: '筛查支出记录', labelEn: 'Expense records screened', unit: '件',
  definitionZh: '支出日期在统计期内、已登记或导入并经筛查的支出记录数（每次登记和导入后全县重新筛查）。',
  definitionEn: 'Expense records dated in the period (every record is screened when entered or imported).',
  compute: async (q) => tallyRecords(await expenseRows(q), dims),
  describe,
};

export const spendingMetrics: MetricDefinition[] = [overStandard, overAmount, checked];
