import { scopeCondition } from '../../platform/scope/dataScope';
import { areaCondition, type MetricDefinition, type MetricQuery, type MetricValue } from '../analysis/registry';
import { accountabilityFormWords } from './dimensions';
import { tallyRecords } from '../analysis/tally';

/**
 * The accountability figures (三(四) of the speech: 不断加大工作问责力度 … 不仅要追究当事人的责任，而且要追究相关领导的责任).
 * `decisions` counts every decision dated in the period (人次: a person held accountable twice counts twice; a party
 * organisation counts once per decision); `leaders` counts persons held accountable as leaders for a subordinate's
 * conduct (领导责任), each once. Scope follows the target's unit.
 */

const inPeriod = ({ db, actor, countyCode, period }: MetricQuery) => db.selectFrom('accountability_decisions as d').where(areaCondition(countyCode, 'd.county_code'))
  .where('d.decided_on', '>=', period.from).where('d.decided_on', '<', period.to).where(scopeCondition(actor, 'd.unit_id'));

const decisions: MetricDefinition = {
  key: 'accountability.decisions', module: 'accountability', labelZh: '问责', labelEn: 'Accountability decisions', unit: '人次', recordType: 'accountabilityDecision',
  dimensions: ['accountabilityForm', 'accountabilityTarget', 'township'],
  definitionZh: '决定日期在统计期内的问责决定数（按人次计：同一人多次被问责的分别计算；对党组织的问责每个决定计1次），按问责方式（通报、诫勉、组织调整或者组织处理、纪律处分；检查、改组）、问责对象类型和乡镇分列。',
  definitionEn: 'Accountability decisions dated in the period (person-times: a person held accountable twice counts twice; a decision on a party organisation counts once), by form, target type and township.',
  compute: async (q): Promise<MetricValue> => {
    const rows = await inPeriod(q).select(['d.id', 'd.form', 'd.target_type', 'd.township_code']).orderBy('d.decided_on').orderBy('d.id').execute();
    return tallyRecords(rows, { accountabilityForm: (r) => r.form, accountabilityTarget: (r) => r.target_type, township: (r) => r.township_code });
  },
  describe: async ({ db, actor }, ids) => {
    if (!ids.length) return [];
    const rows = await db.selectFrom('accountability_decisions as d').select(['d.id', 'd.target_name', 'd.form', 'd.doc_no', 'd.decided_on', 'd.reason'])
      .where('d.id', 'in', ids).where(scopeCondition(actor, 'd.unit_id')).execute();
    return rows.map((r) => ({ id: r.id, title: `${r.target_name}（${accountabilityFormWords[r.form][0]}）`, subtitle: `${r.doc_no} · ${r.reason.slice(0, 40)}`,
      at: r.decided_on, link: `/accountability?decision=${r.id}` }));
  },
};

const leaders: MetricDefinition = {
  key: 'accountability.leaders', module: 'accountability', labelZh: '追究领导责任', labelEn: 'Leaders held accountable', unit: '人', recordType: 'official',
  dimensions: ['township'],
  definitionZh: '统计期内因下属或分管领域问题被追究领导责任的领导干部人数（决定日期在期内且标记为领导责任的对个人问责；同一人多次只计1人）。',
  definitionEn: 'Leading cadres held accountable in the period for a subordinate\'s conduct (decisions on persons flagged as leader responsibility dated in the period); each person once.',
  compute: async (q): Promise<MetricValue> => {
    const rows = await inPeriod(q).select(['d.official_id', 'd.township_code']).where('d.leader_responsibility', '=', true).where('d.target_type', '=', 'person')
      .orderBy('d.decided_on').orderBy('d.id').execute();
    const persons = new Map<string, string | null>();
    for (const r of rows) if (r.official_id && !persons.has(r.official_id)) persons.set(r.official_id, r.township_code);
    return tallyRecords([...persons].map(([id, township]) => ({ id, township })), { township: (i) => i.township });
  },
  describe: async ({ db, actor }, ids) => {
    if (!ids.length) return [];
    const rows = await db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id').select(['o.id', 'o.name', 'o.post', 'u.name as unitName'])
      .where('o.id', 'in', ids).where(scopeCondition(actor, 'o.unit_id')).execute();
    return rows.map((r) => ({ id: r.id, title: r.name, subtitle: [r.unitName, r.post].filter(Boolean).join(' · '), link: `/accountability?official=${r.id}` }));
  },
};

export const accountabilityMetrics: MetricDefinition[] = [decisions, leaders];
