import { scopeCondition } from '../../platform/scope/dataScope';
import { areaCondition, type MetricDefinition, type MetricQuery, type MetricValue } from '../analysis/registry';
import { tallyRecords } from '../analysis/tally';
import { FLAGGED_CODES } from './consistencyService';
import { flagsOf } from './decisionService';
import { tierWords } from './rules';

/**
 * The penalty-discretion figures (二(六) of the speech: 应罚未罚、随意裁量、处罚执行不到位 … 执罚尺度不一).
 * `decisions` counts penalty decisions dated in the period; `flagged` those of them with an open (not dismissed) hit
 * of 畸轻畸重, 类案不同罚 or 处罚执行不到位 — counted once per decision, broken down by each rule that flags it.
 * Scope follows the deciding department.
 */
const inPeriod = ({ db, actor, countyCode, period }: MetricQuery) => db.selectFrom('penalty_decisions as d').innerJoin('units as u', 'u.id', 'd.unit_id')
  .where(areaCondition(countyCode, 'd.county_code')).where('d.outcome', '=', 'penalty')
  .where('d.decided_on', '>=', period.from).where('d.decided_on', '<', period.to).where(scopeCondition(actor, 'd.unit_id'));

const describe: MetricDefinition['describe'] = async ({ db, actor }, ids) => {
  if (!ids.length) return [];
  const rows = await db.selectFrom('penalty_decisions as d').innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.doc_no', 'd.party_name', 'd.decided_on', 'd.tier', 'd.fine_amount', 'u.name as unitName'])
    .where('d.id', 'in', ids).where(scopeCondition(actor, 'd.unit_id')).execute();
  return rows.map((r) => ({ id: r.id, title: `${r.unitName} ${r.doc_no}`, subtitle: `${r.party_name} · ${r.tier ? tierWords[r.tier] : ''} · 罚款 ${Number(r.fine_amount)} 元`,
    at: r.decided_on, link: `/penalty/decisions?decision=${r.id}` }));
};

const decisions: MetricDefinition = {
  key: 'penaltyDiscretion.decisions', module: 'penaltyDiscretion', labelZh: '行政处罚决定', labelEn: 'Administrative penalty decisions', unit: '件', recordType: 'penaltyDecision',
  dimensions: ['penaltyDepartment', 'penaltyTier'],
  definitionZh: '决定日期在统计期内的行政处罚决定数（不含立案不处罚的结案），按执法部门和裁量阶次分列。',
  definitionEn: 'Administrative penalty decisions dated in the period (cases closed without penalty excluded), by department and discretion tier.',
  compute: async (q): Promise<MetricValue> => {
    const rows = await inPeriod(q).select(['d.id', 'u.code', 'd.tier']).orderBy('d.decided_on').orderBy('d.id').execute();
    return tallyRecords(rows, { penaltyDepartment: (r) => r.code, penaltyTier: (r) => r.tier });
  },
  describe,
};

const flagged: MetricDefinition = {
  key: 'penaltyDiscretion.flagged', module: 'penaltyDiscretion', labelZh: '裁量异常处罚决定', labelEn: 'Flagged penalty decisions', unit: '件', recordType: 'penaltyDecision',
  dimensions: ['penaltyDepartment', 'penaltyRule'],
  definitionZh: '统计期内的行政处罚决定中，筛查提示畸轻畸重（罚款超出基准幅度）、类案不同罚（罚款或处罚种类偏离类案）或处罚执行不到位（罚款逾期未缴）且预警未被排除的件数；一件决定只计1次，按执法部门和预警规则分列（一件命中多条规则的在各规则下分别列出）。',
  definitionEn: 'Penalty decisions in the period flagged, and not dismissed, as outside the benchmark band, out of line with similar cases (amount or kinds) or unpaid after the due date; each decision once, by department and by rule (a decision under each rule that flags it).',
  compute: async (q): Promise<MetricValue> => {
    const rows = await inPeriod(q).select(['d.id', 'u.code', flagsOf('d.id').as('flags')]).orderBy('d.decided_on').orderBy('d.id').execute();
    const hit = rows.map((r) => ({ ...r, flags: r.flags.filter((c) => FLAGGED_CODES.includes(c)) })).filter((r) => r.flags.length > 0);
    return tallyRecords(hit, { penaltyDepartment: (r) => r.code, penaltyRule: (r) => r.flags });
  },
  describe,
};

export const penaltyDiscretionMetrics: MetricDefinition[] = [decisions, flagged];
