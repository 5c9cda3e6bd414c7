import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types for the typed query layer. They mirror `migrations/*.sql` by hand: a migration changes the
 * database, this file tells the compiler. Columns with defaults are `Generated`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type UnitKind =
  | 'county' | 'subdistrict' | 'town' | 'township' | 'townshipOther' | 'community' | 'village'
  | 'cdi' | 'department' | 'stationedTeam' | 'enterprise' | 'other';
export type Rank = 'provincial' | 'bureau' | 'county' | 'township' | 'general' | 'other';
export type ManagedBy = 'province' | 'city' | 'county' | 'township' | 'department' | 'village';
export type DataScope = 'all' | 'custom' | 'unit' | 'unitAndBelow' | 'self';

export interface UnitsTable {
  id: Generated<string>;
  county_code: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  parent_id: string | null;
  path: string;
  depth: number;
  sort_order: Generated<number>;
  division_vintage: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OfficialsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string | null;
  citizen_id: string | null;
  party_member: Generated<boolean>;
  post: string | null;
  rank: Rank;
  managed_by: ManagedBy;
  phone: string | null;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CompaniesTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  name: string;
  credit_code: string;
  credit_code_check_overridden: Generated<boolean>;
  legal_representative: string | null;
  address: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RolesTable {
  id: Generated<string>;
  code: string;
  name: string;
  permissions: Generated<string[]>;
  data_scope: DataScope;
  custom_unit_ids: Generated<string[]>;
  require_totp: Generated<boolean>;
  builtin: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  unit_id: string;
  password_hash: string;
  password_changed_at: Timestamp;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  locale: Generated<string>;
  active: Generated<boolean>;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UserRolesTable { user_id: string; role_id: string }

export interface SessionsTable {
  id: string;
  user_id: string;
  mfa_passed: Generated<boolean>;
  client_ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  client_ip: string | null;
  detail: unknown;
  chain_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
  hash_alg: string | null;
}

export interface CalendarOverridesTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  created_at: CreatedAt;
}

export interface SettingsTable { key: string; value: unknown; updated_at: Timestamp }

export interface DB {
  units: UnitsTable;
  officials: OfficialsTable;
  companies: CompaniesTable;
  roles: RolesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  calendar_overrides: CalendarOverridesTable;
  settings: SettingsTable;
}

export type Unit = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type Official = Selectable<OfficialsTable>;
export type NewOfficial = Insertable<OfficialsTable>;
export type OfficialUpdate = Updateable<OfficialsTable>;
export type Company = Selectable<CompaniesTable>;
export type Role = Selectable<RolesTable>;
export type User = Selectable<UsersTable>;
