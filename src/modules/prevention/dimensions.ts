import type { DimensionSpec, Words } from '../analysis/dimensions';

/** 预防腐败制度的领域: the areas the speech's rules cover (党务公开、小额工程发包 …) as a fixed list. */
export const ruleAreaWords: Readonly<Record<string, Words>> = {
  partyAffairs: ['党务公开', 'Party affairs disclosure'],
  construction: ['工程建设', 'Construction projects'],
  funds: ['资金监管', 'Funds supervision'],
  personnel: ['选人用人', 'Selection and appointment'],
  approval: ['行政审批', 'Administrative approval'],
  other: ['其他', 'Other'],
};
export const ruleStatusWords: Readonly<Record<string, Words>> = {
  current: ['现行', 'In force'], revised: ['已修订', 'Revised'], repealed: ['已废止', 'Repealed'],
};
/** 廉政风险点等级 */
export const riskLevelWords: Readonly<Record<string, Words>> = {
  high: ['高', 'High'], medium: ['中', 'Medium'], low: ['低', 'Low'],
};

export const preventionDimensions: Record<string, DimensionSpec> = {
  ruleArea: { labelZh: '制度领域', labelEn: 'Rule area', values: ruleAreaWords },
  riskLevel: { labelZh: '风险等级', labelEn: 'Risk level', values: riskLevelWords },
};
