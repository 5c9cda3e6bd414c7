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
  /** 留置 only: when it began, to the minute (migration 20261128100000); the 24-hour notice runs from it. */
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export const detentionNoticeParties = ['unit', 'family'] as const;
export type DetentionNoticeParty = (typeof detentionNoticeParties)[number];

/** The notice of a 留置 to the person's unit or family (监察法（2024） 第五十条), or why it was withheld. */
export interface CaseDetentionNoticesTable {
  measure_id: string;
  party: DetentionNoticeParty;
  notified_at: Date | null;
  method: string | null;
  note: string | null;
  withheld_reason: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
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
  /** The applicant's statement (申请理由, 复审复核申请书要点). */
  statement: ColumnType<string | null, string | null | undefined, string | null>;
  /** Users handling the review; none of them may have been on the original case's team. */
  handler_ids: ColumnType<string[], string | undefined, string>;
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
    case_detention_notices: CaseDetentionNoticesTable;
    report_clue_outcomes: ReportClueOutcomesView;
  }
}
