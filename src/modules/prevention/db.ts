import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/20261128140000_prevention.sql, merged into the query layer's DB. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** 党务公开 / 工程建设 / 资金监管 / 选人用人 / 行政审批 / 其他 */
export const ruleAreas = ['partyAffairs', 'construction', 'funds', 'personnel', 'approval', 'other'] as const;
export type RuleArea = (typeof ruleAreas)[number];
/** 现行 / 已修订 / 已废止 */
export const ruleStatuses = ['current', 'revised', 'repealed'] as const;
export type RuleStatus = (typeof ruleStatuses)[number];
/** 高 / 中 / 低 */
export const riskLevels = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof riskLevels)[number];

export interface PreventionRulesTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  title: string;
  doc_no: string;
  issuing_unit: string;
  issued_on: string;
  area: RuleArea;
  status: ColumnType<RuleStatus, RuleStatus | undefined, RuleStatus>;
  summary: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PreventionRiskPointsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  township_code: string | null;
  post: string;
  description: string;
  level: RiskLevel;
  measures: string;
  responsible_person: string;
  reviewed_on: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema' {
  interface DB {
    prevention_rules: PreventionRulesTable;
    prevention_risk_points: PreventionRiskPointsTable;
  }
}
