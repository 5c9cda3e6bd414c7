import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/20261127110000_risk.sql, merged into the query layer's DB. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Num = number | null;
type Text = string | null;

export const hitStatuses = ['new', 'dismissed', 'clued'] as const;
export type HitStatus = (typeof hitStatuses)[number];
export const hitSources = ['signal', 'screen', 'cardinal', 'rule'] as const;
export type HitSource = (typeof hitSources)[number];
/** Which screening produced a hit (procurement first; the other domains write through hitStore.replaceDomainHits). */
export const hitDomains = ['procurement', 'spending', 'penaltyDiscretion', 'villageAssets'] as const;
export type HitDomain = (typeof hitDomains)[number];
export type BatchPhase = 'parse' | 'write' | 'screen' | 'done';
export interface BatchError { sheet?: string; row?: number; column?: string; line?: number; message: string }

export interface RiskImportBatchesTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  source: 'ocds' | 'excel';
  file_name: string;
  sha256: string;
  status: ColumnType<'running' | 'done' | 'failed', 'running' | 'done' | 'failed' | undefined, 'running' | 'done' | 'failed'>;
  phase: ColumnType<BatchPhase, BatchPhase | undefined, BatchPhase>;
  total: ColumnType<number, number | undefined, number>;
  processed: ColumnType<number, number | undefined, number>;
  counts: Json<Record<string, number> | null> | null;
  errors: JsonDefault<BatchError[]>;
  created_by: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface RiskProcessesTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  batch_id: string | null;
  ocid: string;
  release_id: Text;
  release_date: Text;
  tags: TextArray;
  buyer_id: Text;
  buyer_name: Text;
  tender_id: Text;
  title: Text;
  status: Text;
  procurement_method: Text;
  procurement_method_details: Text;
  main_category: Text;
  award_criteria: Text;
  value_amount: Num;
  value_currency: Text;
  period_start: Text;
  period_end: Text;
  number_of_tenderers: Num;
  tenderers: JsonDefault<Array<{ id: Text; name: Text }>>;
  procuring_entity_id: Text;
  procuring_entity_name: Text;
  items: JsonDefault<unknown[]>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface RiskLotsTable { id: Generated<string>; process_id: string; seq: number; lot_id: Text; title: Text; status: Text; value_amount: Num; value_currency: Text }

export interface RiskPanelExpertsTable { id: Generated<string>; process_id: string; seq: number; expert_id: Text; employer_id: Text; title: Text; age: Num; drawn_at: Text }

export interface RiskBidsTable {
  id: Generated<string>;
  process_id: string;
  seq: number;
  bid_id: Text;
  status: Text;
  bid_date: Text;
  value_amount: Num;
  value_currency: Text;
  tenderer_ids: TextArray;
  tenderer_names: TextArray;
  related_lots: TextArray;
  credit_code: Text;
  company_id: string | null;
  contact_person: Text;
  phone: Text;
  email: Text;
  address: Text;
  legal_representative: Text;
  project_manager: Text;
  bond_account: Text;
  bond_payer_name: Text;
  bond_paid_at: Text;
  ip: Text;
  mac: Text;
  ca_serial: Text;
  ca_issued_at: Text;
  machine_code: Text;
  uploaded_at: Text;
  document_hash: Text;
  document_author: Text;
}

export interface RiskExpertScoresTable { id: Generated<string>; bid_row_id: string; seq: number; expert_id: Text; score: Num }

export interface RiskAwardsTable {
  id: Generated<string>;
  process_id: string;
  seq: number;
  award_id: Text;
  status: Text;
  award_date: Text;
  value_amount: Num;
  value_currency: Text;
  supplier_ids: TextArray;
  supplier_names: TextArray;
  related_lots: TextArray;
  related_bid: Text;
  items: JsonDefault<unknown[]>;
}

export interface RiskContractsTable {
  id: Generated<string>;
  process_id: string;
  seq: number;
  contract_id: Text;
  award_ref: Text;
  status: Text;
  date_signed: Text;
  value_amount: Num;
  value_currency: Text;
  period_start: Text;
  period_end: Text;
  items: JsonDefault<unknown[]>;
}

export interface RiskAmendmentsTable {
  id: Generated<string>; contract_row_id: string; seq: number; amendment_id: Text; amend_date: Text; description: Text; rationale: Text; value_amount: Num; value_currency: Text;
}

export interface RiskPaymentsTable {
  id: Generated<string>; contract_row_id: string; seq: number; payment_id: Text; pay_date: Text; value_amount: Num; value_currency: Text;
  payer_id: Text; payer_name: Text; payee_id: Text; payee_name: Text; kind: Text;
}

export interface RiskMilestonesTable {
  id: Generated<string>; contract_row_id: string; seq: number; milestone_id: Text; title: Text; type: Text; status: Text; due_date: Text; date_met: Text;
  description: Text; progress: Num;
}

export interface RiskHitsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  hit_key: string;
  code: string;
  source: HitSource;
  subject_id: string;
  process_id: string | null;
  process_ids: ColumnType<string[], string[] | undefined, string[]>;
  ocids: TextArray;
  strength: 'strong' | 'medium' | 'weak';
  score: Num;
  threshold: JsonDefault<Record<string, unknown>>;
  hit_values: JsonDefault<Record<string, unknown>>;
  evidence: Json<Record<string, unknown>>;
  buyer_name: Text;
  supplier_names: TextArray;
  status: ColumnType<HitStatus, HitStatus | undefined, HitStatus>;
  dismiss_reason: Text;
  decided_by: string | null;
  decided_at: Timestamp | null;
  clue_id: string | null;
  created_at: CreatedAt;
  domain: ColumnType<HitDomain, HitDomain | undefined, HitDomain>;
  subject_title: Text;
}

declare module '../../platform/db/schema' {
  interface DB {
    risk_import_batches: RiskImportBatchesTable;
    risk_processes: RiskProcessesTable;
    risk_lots: RiskLotsTable;
    risk_panel_experts: RiskPanelExpertsTable;
    risk_bids: RiskBidsTable;
    risk_expert_scores: RiskExpertScoresTable;
    risk_awards: RiskAwardsTable;
    risk_contracts: RiskContractsTable;
    risk_amendments: RiskAmendmentsTable;
    risk_payments: RiskPaymentsTable;
    risk_milestones: RiskMilestonesTable;
    risk_hits: RiskHitsTable;
  }
}
