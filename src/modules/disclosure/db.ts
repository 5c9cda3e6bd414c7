import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/20261128130000_disclosure.sql, merged into the query layer's DB. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const disclosureKinds = ['party', 'government', 'village', 'service'] as const;
export type DisclosureKind = (typeof disclosureKinds)[number];
export const checkResults = ['passed', 'incomplete', 'notUpdated', 'fake', 'partial'] as const;
export type CheckResult = (typeof checkResults)[number];
export const siteStatuses = ['cultivating', 'named', 'revoked'] as const;
export type SiteStatus = (typeof siteStatuses)[number];
export const channels = ['noticeBoard', 'website', 'wechat'] as const;

export interface DisclosureRecordsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  township_code: string | null;
  kind: DisclosureKind;
  period: string;
  items: string[];
  published_on: string;
  channels: ColumnType<string[], string[] | undefined, string[]>;
  evidence: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  corrected_at: ColumnType<Date | null, never, Date>;
  corrected_by: ColumnType<string | null, never, string>;
  correction_reason: ColumnType<string | null, never, string>;
}

export interface DisclosureChecksTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  township_code: string | null;
  kind: DisclosureKind;
  period: string | null;
  checked_on: string;
  inspector: string;
  result: CheckResult;
  problem: string | null;
  due_on: string | null;
  status: 'open' | 'rectified' | null;
  rectified_on: string | null;
  rectification_note: string | null;
  rectified_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DisclosureDemoSitesTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  township_code: string | null;
  kind: DisclosureKind;
  name: string;
  status: SiteStatus;
  designated_on: string | null;
  revoked_on: string | null;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema' {
  interface DB {
    disclosure_records: DisclosureRecordsTable;
    disclosure_checks: DisclosureChecksTable;
    disclosure_demo_sites: DisclosureDemoSitesTable;
  }
}
