import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/20261128150000_accountability.sql, merged into the query layer's DB. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const targetTypes = ['person', 'organisation'] as const;
export type TargetType = (typeof targetTypes)[number];
/**
 * 问责方式 of 《中国共产党问责条例》: for leading cadres 通报、诫勉、组织调整或者组织处理、纪律处分; for party
 * organisations 检查、通报、改组. 通报 is one form of both lists, so it is one code valid for both targets.
 */
export const personForms = ['notice', 'admonition', 'organisationalAdjustment', 'disciplinarySanction'] as const;
export const organisationForms = ['inspection', 'notice', 'reorganisation'] as const;
export const accountabilityForms = ['notice', 'admonition', 'organisationalAdjustment', 'disciplinarySanction', 'inspection', 'reorganisation'] as const;
export type AccountabilityForm = (typeof accountabilityForms)[number];
export const formsFor: Record<TargetType, readonly AccountabilityForm[]> = { person: personForms, organisation: organisationForms };
export const basisKinds = ['case', 'finding', 'text'] as const;
export type BasisKind = (typeof basisKinds)[number];

export interface AccountabilityDecisionsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  target_type: TargetType;
  official_id: string | null;
  target_unit_id: string | null;
  target_name: string;
  target_post: string | null;
  township_code: string | null;
  form: AccountabilityForm;
  reason: string;
  basis_kind: BasisKind | null;
  basis_case_id: string | null;
  basis_finding_id: string | null;
  basis_text: string | null;
  decided_by_unit_id: string;
  decided_on: string;
  doc_no: string;
  leader_responsibility: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

declare module '../../platform/db/schema' {
  interface DB {
    accountability_decisions: AccountabilityDecisionsTable;
  }
}
