import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/20261129110000_penalty_discretion.sql, merged into the query layer's DB. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** numeric columns come back as strings from both engines; written as numbers. */
type Numeric = ColumnType<string, number | string, number | string>;
type NumericNull = ColumnType<string | null, number | string | null | undefined, number | string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** 裁量阶次: 不予处罚, 减轻, 从轻, 一般, 从重 (行政处罚法 第三十二、三十三条; 国办发〔2022〕27号). */
export const tiers = ['none', 'mitigated', 'lenient', 'ordinary', 'aggravated'] as const;
export type Tier = (typeof tiers)[number];
/** Kinds of penalty besides the fine (行政处罚法 第九条): 警告, 没收违法所得, 责令停产停业, 暂扣许可证, 吊销许可证. */
export const penaltyKinds = ['warning', 'confiscation', 'suspension', 'licenceSuspended', 'licenceRevoked'] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];
export const fineBases = ['amount', 'multiple'] as const;
export type FineBasis = (typeof fineBases)[number];
export const partyTypes = ['individual', 'organisation'] as const;
export type PartyType = (typeof partyTypes)[number];
export const outcomes = ['penalty', 'closed'] as const;
export type Outcome = (typeof outcomes)[number];

export interface PenaltyBenchmarkItemsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  code: string;
  violation: string;
  legal_basis: string;
  penalty_basis: string;
  demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PenaltyBenchmarkTiersTable {
  id: Generated<string>;
  item_id: string;
  tier: Tier;
  fine_basis: FineBasis;
  fine_min: Numeric;
  fine_max: Numeric;
  kinds: TextArray;
  circumstances: string | null;
}

export interface PenaltyDecisionsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  outcome: Outcome;
  doc_no: string;
  decided_on: string;
  party_type: PartyType;
  party_name: string;
  item_id: string | null;
  tier: Tier | null;
  tier_reason: string | null;
  fine_amount: ColumnType<string, number | string | undefined, number | string>;
  kinds: TextArray;
  illegal_gains: NumericNull;
  first_offence: ColumnType<boolean, boolean | undefined, boolean>;
  legal_review_on: string | null;
  due_on: string | null;
  paid_on: string | null;
  officers: TextArray;
  closure_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

declare module '../../platform/db/schema' {
  interface DB {
    penalty_benchmark_items: PenaltyBenchmarkItemsTable;
    penalty_benchmark_tiers: PenaltyBenchmarkTiersTable;
    penalty_decisions: PenaltyDecisionsTable;
  }
}
