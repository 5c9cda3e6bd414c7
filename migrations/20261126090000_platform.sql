-- Platform foundation: organisation, accounts, sessions, audit chain, calendar overrides, settings.
-- Every business row carries county_code (6-digit division code) as its tenant key, so the same schema
-- can be distributed by county on a multi-node PostgreSQL at province scale.

create table units (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  code text not null unique,
  name text not null,
  short_name text,
  kind text not null check (kind in ('county','subdistrict','town','township','townshipOther','community','village',
                                     'cdi','department','stationedTeam','enterprise','other')),
  parent_id uuid references units(id),
  -- Materialised path of ancestor ids ('/<root>/<child>/.../<self>/'): data scope is a prefix match.
  path text not null,
  depth int not null,
  sort_order int not null default 0,
  division_vintage text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index units_path_idx on units (path text_pattern_ops);
create index units_parent_idx on units (parent_id);
create index units_county_idx on units (county_code, kind);

create table officials (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  name text not null,
  gender text not null check (gender in ('male','female')),
  birth_date date,
  citizen_id text,
  party_member boolean not null default false,
  post text,
  rank text not null check (rank in ('provincial','bureau','county','township','general','other')),
  managed_by text not null check (managed_by in ('province','city','county','township','department','village')),
  phone text,
  active boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index officials_citizen_id_uq on officials (county_code, citizen_id) where citizen_id is not null and active;
create index officials_unit_idx on officials (unit_id);
create index officials_name_idx on officials (county_code, name);

create table companies (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  name text not null,
  credit_code text not null,
  credit_code_check_overridden boolean not null default false,
  legal_representative text,
  address text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index companies_credit_code_uq on companies (county_code, credit_code);
create index companies_unit_idx on companies (unit_id);

create table roles (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  permissions text[] not null default '{}',
  data_scope text not null check (data_scope in ('all','custom','unit','unitAndBelow','self')),
  custom_unit_ids uuid[] not null default '{}',
  require_totp boolean not null default false,
  builtin boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  unit_id uuid not null references units(id),
  password_hash text not null,
  password_changed_at timestamptz not null default now(),
  must_change_password boolean not null default false,
  failed_logins int not null default 0,
  locked_until timestamptz,
  totp_secret text,
  totp_enabled boolean not null default false,
  locale text not null default 'zh-CN',
  active boolean not null default true,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index users_unit_idx on users (unit_id);

create table user_roles (
  user_id uuid not null references users(id) on delete cascade,
  role_id uuid not null references roles(id) on delete cascade,
  primary key (user_id, role_id)
);

create table sessions (
  -- SHA-256 of the cookie token: a stolen table cannot be replayed as cookies.
  id text primary key,
  user_id uuid not null references users(id) on delete cascade,
  mfa_passed boolean not null default false,
  client_ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
create index sessions_user_idx on sessions (user_id);

-- Append-only audit log. Writers only insert (id from a sequence); one linker assigns chain_seq in id order
-- and computes hash = H(prev_hash || canonical entry), so the chain never serialises the application.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default clock_timestamp(),
  actor_id uuid,
  actor_name text,
  action text not null,
  object_type text,
  object_id text,
  client_ip text,
  detail jsonb,
  chain_seq bigint unique,
  prev_hash text,
  hash text,
  hash_alg text
);
create index audit_log_unlinked_idx on audit_log (id) where chain_seq is null;
create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_idx on audit_log (actor_id, at);

-- Deny UPDATE and DELETE on audit rows except the linker's one-time fill of the chain columns.
create function audit_log_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'audit_log is append-only';
  end if;
  if old.chain_seq is not null
     or new.at is distinct from old.at or new.actor_id is distinct from old.actor_id
     or new.actor_name is distinct from old.actor_name or new.action is distinct from old.action
     or new.object_type is distinct from old.object_type or new.object_id is distinct from old.object_id
     or new.client_ip is distinct from old.client_ip or new.detail is distinct from old.detail then
    raise exception 'audit_log is append-only';
  end if;
  return new;
end $$;
create trigger audit_log_guard before update or delete on audit_log for each row execute function audit_log_guard();

create table calendar_overrides (
  date date primary key,
  kind text not null check (kind in ('holiday','workday')),
  name text,
  created_at timestamptz not null default now()
);

create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
