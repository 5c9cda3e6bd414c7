import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/20261129120000_village_assets.sql, merged into the query layer's DB. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric(14,2): read as a string by both engines, written as a number. */
type Money = ColumnType<string, number | string, number | string>;
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export const directions = ['income', 'expense'] as const;
export type Direction = (typeof directions)[number];
export const paymentMethods = ['cash', 'transfer'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const fundCategories = ['works', 'office', 'subsidy', 'reception', 'labour', 'other'] as const;
export type FundCategory = (typeof fundCategories)[number];
export const objectTypes = ['land', 'pond', 'forest', 'building', 'shop'] as const;
export type ObjectType = (typeof objectTypes)[number];
export const areaUnits = ['mu', 'sqm'] as const;
export type AreaUnit = (typeof areaUnits)[number];
export const awardMethods = ['bidding', 'negotiation'] as const;
export type AwardMethod = (typeof awardMethods)[number];
export const batchPhases = ['parse', 'write', 'screen', 'done'] as const;
export type BatchPhase = (typeof batchPhases)[number];
export interface BatchError { sheet?: string; row?: number; column?: string; message: string }

export interface VillageImportBatchesTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
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

interface Owned {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  township_code: string | null;
  decision_date: string | null;
  decision_meeting: string | null;
  batch_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface VillageFundEntriesTable extends Owned {
  entry_date: string;
  voucher_no: string;
  direction: Direction;
  amount: Money;
  counterparty: string;
  payment_method: PaymentMethod;
  category: FundCategory;
  summary: string | null;
  handled_by: string | null;
  approved_by: string | null;
  published: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface VillageContractsTable extends Owned {
  contract_no: string;
  object_type: ObjectType;
  object_name: string;
  area: Money;
  area_unit: AreaUnit;
  counterparty: string;
  start_on: string;
  end_on: string;
  annual_rent: Money;
  award_method: AwardMethod;
}

export interface VillageDisposalsTable extends Owned {
  asset_name: string;
  disposed_on: string;
  appraised_value: Money;
  sale_price: Money;
  buyer: string;
  method: AwardMethod;
}

declare module '../../platform/db/schema' {
  interface DB {
    village_import_batches: VillageImportBatchesTable;
    village_fund_entries: VillageFundEntriesTable;
    village_contracts: VillageContractsTable;
    village_disposals: VillageDisposalsTable;
  }
}
