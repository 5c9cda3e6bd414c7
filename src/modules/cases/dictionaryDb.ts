import type { ColumnType, Generated } from 'kysely';
import type { StoredExtension } from './db';
import type { CaseMeasureKind } from './rules/measures';

/** Table types of migrations/20261127100000_cases_dictionary_measures.sql, merged into the query layer's DB. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface CaseTypesTable {
  code: string;
  parent_code: string | null;
  label_zh: string;
  label_en: string;
  discipline: string | null;
  economic: Generated<boolean>;
  builtin: Generated<boolean>;
  active: Generated<boolean>;
  sort: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export { caseMeasureKinds as measureKinds } from './rules/measures';
export type MeasureKind = CaseMeasureKind;

export interface CaseMeasuresTable {
  id: Generated<string>;
  case_id: string;
  subject_id: string;
  kind: MeasureKind;
  rule_key: string | null;
  started_on: string;
  approved_by: string | null;
  approval_ref: string;
  due_on: string | null;
  extensions: ColumnType<StoredExtension[], string | undefined, string>;
  ended_on: string | null;
  end_reason: string | null;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export const reviewLevels = ['reexamination', 'recheck'] as const;
export type ReviewLevel = (typeof reviewLevels)[number];
export const reviewDecisions = ['upheld', 'changed', 'revoked'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export interface CaseReviewsTable {
  id: Generated<string>;
  case_id: string;
  subject_id: string;
  outcome_id: string;
  level: ReviewLevel;
  decision_received_on: string;
  application_due: string;
  applied_on: string;
  accepted_on: string;
  decision_due: string;
  decision: ReviewDecision | null;
  decided_on: string | null;
  reason: string | null;
  new_outcome_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ReportClueOutcomesView {
  report_id: string;
  clue_serial: string;
  outcome: string | null;
  outcome_on: string | null;
  outcome_text: string | null;
  county_code: string;
}

declare module '../../platform/db/schema' {
  interface DB {
    case_types: CaseTypesTable;
    case_measures: CaseMeasuresTable;
    case_reviews: CaseReviewsTable;
    report_clue_outcomes: ReportClueOutcomesView;
  }
}
