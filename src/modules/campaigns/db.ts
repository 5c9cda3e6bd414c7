import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/20261128110000_campaigns.sql, merged into the query layer's DB. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric: read as a string (exact money), written as a number or string. */
type Numeric = ColumnType<string, number | string, number | string>;

export const campaignKinds = ['constructionProjects', 'efficiency', 'other'] as const;
export type CampaignKind = (typeof campaignKinds)[number];
export const findingCategories = ['constructionProcedure', 'landAcquisition', 'tendering', 'supervision', 'other'] as const;
export type FindingCategory = (typeof findingCategories)[number];
export const findingStatuses = ['open', 'rectifying', 'rectified', 'signedOff'] as const;
export type FindingStatus = (typeof findingStatuses)[number];
export type FindingAction = 'found' | 'assigned' | 'rectified' | 'signedOff' | 'reopened';

export interface CampaignsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  name: string;
  kind: CampaignKind;
  period_start: string;
  period_end: string;
  threshold_yuan: ColumnType<string, number | string | undefined, number | string>;
  status: ColumnType<'active' | 'closed', 'active' | 'closed' | undefined, 'active' | 'closed'>;
  description: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CampaignObjectsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  campaign_id: string;
  name: string;
  township_code: string | null;
  contract_amount: Numeric | null;
  contractor: string | null;
  inspected_on: string;
  inspected_by: string | null;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CampaignFindingsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  campaign_id: string;
  object_id: string;
  category: FindingCategory;
  description: string;
  found_on: string;
  owner_name: string | null;
  owner_post: string | null;
  due_on: string | null;
  status: ColumnType<FindingStatus, FindingStatus | undefined, FindingStatus>;
  evidence: string | null;
  doc_no: string | null;
  rectified_on: string | null;
  rectified_by: string | null;
  signed_off_on: string | null;
  signed_off_by: string | null;
  sign_off_note: string | null;
  reopen_reason: string | null;
  reopened_on: string | null;
  reopen_count: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CampaignFindingEventsTable {
  id: Generated<string>;
  seq: Generated<number>;
  county_code: string;
  unit_id: string;
  finding_id: string;
  action: FindingAction;
  to_status: FindingStatus;
  happened_on: string;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

declare module '../../platform/db/schema' {
  interface DB {
    campaigns: CampaignsTable;
    campaign_objects: CampaignObjectsTable;
    campaign_findings: CampaignFindingsTable;
    campaign_finding_events: CampaignFindingEventsTable;
  }
}
