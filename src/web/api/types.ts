/** Shapes shared by the shell and several modules, as the v1 API contract defines them. */
export type UnitKind =
  | 'county' | 'subdistrict' | 'town' | 'township' | 'townshipOther' | 'community' | 'village'
  | 'cdi' | 'department' | 'stationedTeam' | 'enterprise' | 'other';

export const unitKinds: readonly UnitKind[] = [
  'county', 'subdistrict', 'town', 'township', 'townshipOther', 'community', 'village',
  'cdi', 'department', 'stationedTeam', 'enterprise', 'other',
];

export type DataScope = 'all' | 'custom' | 'unit' | 'unitAndBelow' | 'self';
export const dataScopes: readonly DataScope[] = ['all', 'custom', 'unit', 'unitAndBelow', 'self'];

export interface RoleRef {
  id: string;
  code: string;
  name: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  locale: 'zh-CN' | 'en';
  unit: { id: string; code: string; name: string; kind: UnitKind };
  permissions: string[];
  dataScope: DataScope;
  roles: RoleRef[];
  totpEnabled: boolean;
  totpRequired: boolean;
  mustChangePassword: boolean;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentId: string | null;
  parentCode: string | null;
  depth: number;
  active: boolean;
  childCount: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}
