import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/20261129100000_spending.sql, merged into the query layer's DB. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** 公务接待, 会议费, 差旅费, 公务用车运行, 培训费, 津贴补贴. */
export const spendingCategories = ['reception', 'meeting', 'travel', 'vehicle', 'training', 'allowance'] as const;
export type SpendingCategory = (typeof spendingCategories)[number];
export const travellerRanks = ['provincial', 'bureau', 'county', 'township', 'general', 'other'] as const;
export type TravellerRank = (typeof travellerRanks)[number];
export type ImportPhase = 'parse' | 'write' | 'screen' | 'done';
export interface ImportError { sheet?: string; row?: number; column?: string; message: string }

export interface SpendingStandardsTable {
  county_code: string;
  code: string;
  /** numeric: read as a string (exact), written as a number. */
  value: ColumnType<string | null, number | null | undefined, number | null>;
  words: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  basis: string;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SpendingImportsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  file_name: string;
  sha256: string;
  status: ColumnType<'running' | 'done' | 'failed', 'running' | 'done' | 'failed' | undefined, 'running' | 'done' | 'failed'>;
  phase: ColumnType<ImportPhase, ImportPhase | undefined, ImportPhase>;
  total: ColumnType<number, number | undefined, number>;
  processed: ColumnType<number, number | undefined, number>;
  counts: ColumnType<Record<string, number> | null, string | undefined, string>;
  errors: ColumnType<ImportError[], string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
  finished_at: ColumnType<Date | null, Date | undefined, Date>;
}

export interface SpendingExpensesTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  township_code: string | null;
  spent_on: string;
  category: SpendingCategory;
  amount: ColumnType<string, number, number>;
  persons: number | null;
  accompanying: number | null;
  days: number | null;
  nights: number | null;
  class_level: number | null;
  traveller_rank: TravellerRank | null;
  payee: string | null;
  venue: string | null;
  has_letter: boolean | null;
  approval_no: string | null;
  voucher_no: string | null;
  description: string | null;
  import_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

declare module '../../platform/db/schema' {
  interface DB {
    spending_standards: SpendingStandardsTable;
    spending_imports: SpendingImportsTable;
    spending_expenses: SpendingExpensesTable;
  }
}
