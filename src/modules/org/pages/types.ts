import type { DataScope, RoleRef } from '../../../web/api/types';

/** Org module shapes as the v1 API contract defines them. */
export type Gender = 'male' | 'female';
export type Rank = 'provincial' | 'bureau' | 'county' | 'township' | 'general' | 'other';
export type ManagedBy = 'province' | 'city' | 'county' | 'township' | 'department' | 'village';

export const ranks: readonly Rank[] = ['provincial', 'bureau', 'county', 'township', 'general', 'other'];
export const managedBys: readonly ManagedBy[] = ['province', 'city', 'county', 'township', 'department', 'village'];

export interface OfficialListItem {
  id: string;
  name: string;
  gender: Gender;
  birthDate: string | null;
  citizenIdMasked: string | null;
  partyMember: boolean;
  unitId: string;
  unitName: string;
  post: string | null;
  rank: Rank;
  managedBy: ManagedBy;
  phone: string | null;
}

export interface Official extends OfficialListItem {
  citizenId: string | null;
}

export interface OfficialInput {
  name: string;
  gender: Gender;
  birthDate?: string | null;
  citizenId?: string | null;
  partyMember: boolean;
  unitId: string;
  post?: string | null;
  rank: Rank;
  managedBy: ManagedBy;
  phone?: string | null;
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface Company {
  id: string;
  name: string;
  creditCode: string;
  creditCodeCheckOverridden: boolean;
  unitId: string;
  unitName: string;
  legalRepresentative: string | null;
  address: string | null;
}

export interface SystemUser {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  roles: RoleRef[];
  active: boolean;
  locked: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
}

export interface Role {
  id: string;
  code: string;
  name: string;
  permissions: string[];
  dataScope: DataScope;
  customUnitIds: string[];
  requireTotp: boolean;
  builtin: boolean;
}

export interface Permission {
  code: string;
  group: string;
  labelZh: string;
  labelEn: string;
}
