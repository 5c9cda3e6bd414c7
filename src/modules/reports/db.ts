import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ManagedBy, Rank } from '../../platform/db/schema';

/** Table types of migrations/20261126130000_reports.sql, merged into the query layer's DB. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const channels = ['letter', 'visit', 'phone', 'online', '12388', 'referral', 'inspection', 'monitoringPoint'] as const;
export type Channel = (typeof channels)[number];
export const reportKinds = ['accusation', 'suggestion', 'appeal', 'outOfRemit', 'noSubstance', 'efficiency'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportStatuses = ['received', 'accepted', 'handling', 'closed', 'notAccepted'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const satisfactions = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof satisfactions)[number];
export const eventTypes = [
  'received', 'triage', 'accepted', 'notAccepted', 'transfer', 'assignment', 'supervision', 'receiptConfirmed', 'reportBack',
  'action', 'extensionRequested', 'extensionApproved', 'extensionRejected', 'reply', 'closure', 'acceptanceNotice',
  'resultNotice', 'feedback', 'reopen', 'reviewRequested', 'repeatLinked', 'identityRevealed',
] as const;
export type EventType = (typeof eventTypes)[number];

export interface ReportsTable {
  id: string;
  county_code: string;
  unit_id: string;
  serial: string;
  channel: Channel;
  kind: ReportKind;
  category: string | null;
  efficiency_category: string | null;
  /** 领域: a code of the county's report_sectors dictionary. */
  sector: string | null;
  title: string;
  content: string;
  township_code: string | null;
  village_code: string | null;
  accused_name: string | null;
  accused_unit: string | null;
  accused_post: string | null;
  accused_official_id: string | null;
  accused_rank: Rank | null;
  accused_managed_by: ManagedBy | null;
  identified: boolean;
  identity_cipher: string | null;
  data_key_wrapped: string | null;
  key_id: string | null;
  caller_consent: boolean | null;
  referral_doc_no: string | null;
  receipt_hash: string | null;
  status: Generated<ReportStatus>;
  repeat_of: string | null;
  matter_group: string;
  received_at: Generated<Date>;
  received_on: string;
  route_due: string;
  accept_notice_due: string | null;
  accept_notified_at: Date | null;
  accepted_on: string | null;
  handle_due: string | null;
  extended_due: string | null;
  closed_on: string | null;
  result_notice_due: string | null;
  result_notified_at: Date | null;
  review_kind: 'recheck' | 'review' | null;
  review_due: string | null;
  answer: string | null;
  result: string | null;
  satisfaction: Satisfaction | null;
  /** The classifier's category suggestion at intake (20261126170000_reports_classifier.sql). */
  suggested_category: string | null;
  suggestion_confidence: number | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReportAttachmentsTable {
  id: Generated<string>;
  report_id: string;
  county_code: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  stored_path: string;
  created_at: CreatedAt;
}

export interface ReportEventsTable {
  id: Generated<string>;
  report_id: string;
  county_code: string;
  type: EventType;
  from_unit_id: string | null;
  to_unit_id: string | null;
  due_date: string | null;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  note: string | null;
  detail: unknown;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ReportMessagesTable {
  id: Generated<string>;
  report_id: string;
  county_code: string;
  author: 'reporter' | 'office';
  body: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ReportRoutingRulesTable {
  id: Generated<string>;
  county_code: string;
  category: string | null;
  township_code: string | null;
  accused_rank: Rank | null;
  handling_unit_id: string;
  priority: Generated<number>;
  active: Generated<boolean>;
  note: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReportEfficiencyCategoriesTable {
  county_code: string;
  code: string;
  name: string;
  counts_as_drift: Generated<boolean>;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  updated_at: Timestamp;
}

export interface ReportSectorsTable {
  county_code: string;
  code: string;
  name: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema' {
  interface DB {
    reports: ReportsTable;
    report_sectors: ReportSectorsTable;
    report_attachments: ReportAttachmentsTable;
    report_events: ReportEventsTable;
    report_messages: ReportMessagesTable;
    report_routing_rules: ReportRoutingRulesTable;
    report_efficiency_categories: ReportEfficiencyCategoriesTable;
  }
}

export type Report = Selectable<ReportsTable>;

/** Table types of migrations/20261126170000_reports_classifier.sql (category suggestion at intake). */
export interface ReportClassifierModelsTable {
  id: Generated<string>;
  county_code: string;
  model_json: string;
  labels: string[];
  examples: number;
  macro_f1: number | null;
  trained_at: Generated<Date>;
  trained_by: string | null;
  data_mark: Date | null;
}

export type ClassifierJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ReportClassifierJobsTable {
  id: Generated<string>;
  county_code: string;
  status: Generated<ClassifierJobStatus>;
  progress: Generated<number>;
  stage: string | null;
  error: string | null;
  model_id: string | null;
  requested_by: string | null;
  started_at: Generated<Date>;
  finished_at: Date | null;
}

declare module '../../platform/db/schema' {
  interface DB {
    report_classifier_models: ReportClassifierModelsTable;
    report_classifier_jobs: ReportClassifierJobsTable;
  }
}
