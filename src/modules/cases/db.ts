import type { ColumnType, Generated } from 'kysely';
import type { ManagedBy, Rank } from '../../platform/db/schema';

/** Table types of migrations/20261126150000_cases.sql, merged into the query layer's DB. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
type BigIntCol = ColumnType<number, number, number>;

export const disposals = ['inquiry', 'verification', 'shelved', 'closed'] as const;
export type Disposal = (typeof disposals)[number];
export const clueOutcomes = ['caseOpened', 'education', 'organisational', 'closedUntrue', 'closedUncheckable', 'parked', 'transferred'] as const;
export type ClueOutcome = (typeof clueOutcomes)[number];
export const sourceTypes = ['report', 'inspection', 'riskHit', 'audit', 'referral'] as const;
export type SourceType = (typeof sourceTypes)[number];
export const approvalLevels = ['higherOrgan', 'cdiSecretary', 'cdiDeputy'] as const;
export type ApprovalLevel = (typeof approvalLevels)[number];
export const memberRoles = ['investigator', 'reviewer'] as const;
export type MemberRole = (typeof memberRoles)[number];
export const relationKinds = ['spouse', 'closeRelative', 'relative', 'formerColleague', 'interest', 'witness', 'other'] as const;
export type RelationKind = (typeof relationKinds)[number];
export type CaseStageCol = 'investigation' | 'review' | 'decision' | 'execution' | 'closed';

export interface CaseDocCountersTable { county_code: string; kind: 'clue' | 'case'; year: number; last: number }

export interface CluesTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  serial: string;
  year: number;
  seq: number;
  title: string;
  summary: string | null;
  received_on: string;
  disposal_due: string;
  disposal: Disposal | null;
  disposal_opinion: string | null;
  disposal_on: string | null;
  approval_level: ApprovalLevel | null;
  approved_by: string | null;
  higher_approval_ref: string | null;
  inquiry_served_on: string | null;
  inquiry_reply_due: string | null;
  inquiry_replied_on: string | null;
  outcome: ClueOutcome | null;
  outcome_measure: string | null;
  outcome_on: string | null;
  case_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ClueSourcesTable {
  id: Generated<string>;
  clue_id: string;
  county_code: string;
  source_type: SourceType;
  source_id: string | null;
  note: string | null;
  outcome: string | null;
  outcome_on: string | null;
  /** What a real-name reporter may be told (no names, no sanction details). */
  outcome_text: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ClueAccusedTable {
  id: Generated<string>;
  clue_id: string;
  official_id: string;
  rank_at_time: Rank;
  managed_by_at_time: ManagedBy;
}

export interface CasesTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  doc_no: string;
  year: number;
  seq: number;
  title: string;
  summary: string | null;
  clue_id: string | null;
  case_type_code: string;
  economic: Generated<boolean>;
  opened_on: string;
  approved_by: string;
  stage: Generated<CaseStageCol>;
  stage_since: string;
  suspended_since: string | null;
  investigation_report_filed: Generated<boolean>;
  review_report_filed: Generated<boolean>;
  execution_complete: Generated<boolean>;
  withdrawn: Generated<boolean>;
  closed_on: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CaseSubjectsTable {
  id: Generated<string>;
  case_id: string;
  official_id: string;
  rank_at_time: Rank;
  managed_by_at_time: ManagedBy;
  unit_id_at_time: string;
  post_at_time: string | null;
  person_category: 'civilServant' | 'publicInstitution' | 'soeManager' | 'villageCommitteeManager' | 'otherPublicDuty';
  party_member: boolean;
  holds_party_post: Generated<boolean>;
  village_secretary: 'current' | 'former' | null;
  village_director: 'current' | 'former' | null;
}

export interface CaseMembersTable { case_id: string; user_id: string; role: MemberRole; added_on: string }

export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  on_date: string;
  from_stage: string | null;
  to_stage: string | null;
  rule_key: string | null;
  detail: Json<unknown> | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface StoredSuspension { from: string; to: string | null; kind: 'suspension' | 'supplementaryInvestigation' }
export interface StoredExtension {
  amount?: number; unit?: 'days' | 'workingDays' | 'months' | 'years'; approvedOn: string; approvalRef: string;
  /** A 留置's special further extension (rule detentionSpecialExtension), with the confirmed ≥10-year condition. */
  special?: true; tenYearSentencePossible?: true;
}

export interface CaseDeadlinesTable {
  id: Generated<string>;
  case_id: string;
  rule_key: string;
  started_on: string;
  due_on: string | null;
  suspensions: ColumnType<StoredSuspension[], string | undefined, string>;
  extensions: ColumnType<StoredExtension[], string | undefined, string>;
  fulfilled_on: string | null;
}

export interface CaseViolationsTable {
  id: Generated<string>;
  case_id: string;
  subject_id: string;
  discipline: string;
  regulation: string;
  article: number;
  case_type_code: string;
  economic: boolean;
  description: string | null;
}

export interface CaseOutcomesTable {
  id: Generated<string>;
  case_id: string;
  subject_id: string;
  official_id: string;
  type: 'sanction' | 'exempted' | 'organisational' | 'education' | 'prosecutionTransfer' | 'cleared';
  track: 'party' | 'admin' | null;
  kind: string | null;
  decided_on: string;
  effect_until: string | null;
  permanent: Generated<boolean>;
  merged: Generated<boolean>;
  detail: Json<unknown>;
  created_by: string | null;
  created_at: CreatedAt;
  /** Set when a 复审/复核 changed the outcome: the row that replaces it (history kept). */
  superseded_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when a 复审/复核 revoked the outcome. */
  revoked_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseRecoveriesTable {
  id: Generated<string>;
  case_id: string;
  subject_id: string | null;
  amount_fen: BigIntCol;
  recovered_on: string;
  note: string | null;
}

export interface OfficialRelationsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  official_id: string;
  user_id: string;
  kind: RelationKind;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

declare module '../../platform/db/schema' {
  interface DB {
    case_doc_counters: CaseDocCountersTable;
    clues: CluesTable;
    clue_sources: ClueSourcesTable;
    clue_accused: ClueAccusedTable;
    cases: CasesTable;
    case_subjects: CaseSubjectsTable;
    case_members: CaseMembersTable;
    case_events: CaseEventsTable;
    case_deadlines: CaseDeadlinesTable;
    case_violations: CaseViolationsTable;
    case_outcomes: CaseOutcomesTable;
    case_recoveries: CaseRecoveriesTable;
    official_relations: OfficialRelationsTable;
  }
}

import './dictionaryDb';
