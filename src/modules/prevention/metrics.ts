import { scopeCondition } from '../../platform/scope/dataScope';
import { areaCondition, type MetricDefinition, type MetricValue } from '../analysis/registry';
import { riskLevelWords } from './dimensions';
import { tallyRecords } from '../analysis/tally';

/**
 * The prevention figures. 一(五) of the speech: 先后制定出台了…等7个预防腐败制度 — rules issued in the period, by area.
 * Rules are county-level documents every reader of the module sees, so that figure is not narrowed by the caller's
 * unit scope (a township's dashboard shows the county's rules too); risk points follow the data scope.
 */

const ruleIssued: MetricDefinition = {
  key: 'prevention.rulesIssued', module: 'prevention', labelZh: '预防腐败制度', labelEn: 'Corruption prevention rules issued', unit: '个', recordType: 'preventionRule',
  dimensions: ['ruleArea'],
  definitionZh: '印发日期在统计期内的预防腐败制度个数（含此后已修订或废止的），按制度领域（党务公开、工程建设、资金监管、选人用人、行政审批、其他）分列。制度为县级文件，不按单位数据范围缩小。',
  definitionEn: 'Corruption prevention rules with an issue date in the period (including those later revised or repealed), by area. Rules are county-level documents, not narrowed by the caller\'s unit scope.',
  compute: async ({ db, countyCode, period }): Promise<MetricValue> => {
    const rows = await db.selectFrom('prevention_rules').select(['id', 'area']).where(areaCondition(countyCode, 'county_code'))
      .where('issued_on', '>=', period.from).where('issued_on', '<', period.to).orderBy('issued_on').orderBy('id').execute();
    return tallyRecords(rows, { ruleArea: (r) => r.area });
  },
  describe: async ({ db }, ids) => {
    if (!ids.length) return [];
    const rows = await db.selectFrom('prevention_rules').select(['id', 'title', 'doc_no', 'issuing_unit', 'issued_on']).where('id', 'in', ids).execute();
    return rows.map((r) => ({ id: r.id, title: r.title, subtitle: `${r.doc_no} · ${r.issuing_unit}`, at: r.issued_on, link: `/prevention/rules?rule=${r.id}` }));
  },
};

const riskPoints: MetricDefinition = {
  key: 'prevention.riskPoints', module: 'prevention', labelZh: '排查廉政风险点', labelEn: 'Integrity risk points reviewed', unit: '个', recordType: 'riskPoint',
  dimensions: ['riskLevel', 'township'],
  definitionZh: '评估日期在统计期内的廉政风险点个数（各单位岗位的风险点及防控措施），按风险等级和乡镇（县直单位单列）分列。',
  definitionEn: 'Integrity risk points of units\' posts with a review date in the period, by risk level and township (county-level units apart).',
  compute: async ({ db, actor, countyCode, period }): Promise<MetricValue> => {
    const rows = await db.selectFrom('prevention_risk_points').select(['id', 'level', 'township_code']).where(areaCondition(countyCode, 'county_code'))
      .where('reviewed_on', '>=', period.from).where('reviewed_on', '<', period.to).where(scopeCondition(actor, 'unit_id')).orderBy('reviewed_on').orderBy('id').execute();
    return tallyRecords(rows, { riskLevel: (r) => r.level, township: (r) => r.township_code });
  },
  describe: async ({ db, actor }, ids) => {
    if (!ids.length) return [];
    const rows = await db.selectFrom('prevention_risk_points as r').innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['r.id', 'r.post', 'r.description', 'r.level', 'r.reviewed_on', 'u.name']).where('r.id', 'in', ids).where(scopeCondition(actor, 'r.unit_id')).execute();
    return rows.map((r) => ({ id: r.id, title: `${r.name} · ${r.post}（${riskLevelWords[r.level][0]}）`, subtitle: r.description.slice(0, 60), at: r.reviewed_on,
      link: `/prevention/risk-points?riskPoint=${r.id}` }));
  },
};

export const preventionMetrics: MetricDefinition[] = [ruleIssued, riskPoints];
