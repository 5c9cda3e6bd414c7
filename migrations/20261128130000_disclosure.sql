-- 党务/政务/村务/办事公开 (disclosure): what each unit published for a period, the 专项检查 spot checks of those
-- disclosures with the rectification of failed ones, and the 示范点 demonstration sites register.
-- Every business row carries county_code and the owning unit_id (the data scope): a record and a check belong
-- to the disclosing unit (a village's disclosure is recorded by its township's committee, whose scope covers
-- the village), a demonstration site to the unit it names. township_code (unit code of the township holding
-- the unit; null for county departments) is kept for the breakdowns by township.
-- Obligations (who must disclose what, per period) are not rows: they follow from the units and the schedule
-- in src/modules/disclosure/schedule.ts and the county's settings (due days, first tracked period).

create table disclosure_records (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  township_code text,
  kind text not null check (kind in ('party','government','village','service')),
  -- the disclosure period, a quarter: 2026Q3
  period text not null check (period ~ '^[0-9]{4}Q[1-4]$'),
  items text[] not null check (cardinality(items) > 0),
  published_on date not null,
  channels text[] not null default '{}',
  evidence text,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index disclosure_records_period_idx on disclosure_records (county_code, kind, period);
create index disclosure_records_published_idx on disclosure_records (county_code, published_on);
create index disclosure_records_unit_idx on disclosure_records (unit_id, kind, period);

create table disclosure_checks (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  township_code text,
  kind text not null check (kind in ('party','government','village','service')),
  period text check (period is null or period ~ '^[0-9]{4}Q[1-4]$'),
  checked_on date not null,
  inspector text not null,
  result text not null check (result in ('passed','incomplete','notUpdated','fake','partial')),
  problem text,
  due_on date,
  -- a failed check is a problem to rectify: open → rectified; null for a passed check
  status text check (status in ('open','rectified')),
  rectified_on date,
  rectification_note text,
  rectified_by uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((result = 'passed') = (status is null)),
  check (due_on is null or due_on >= checked_on)
);
create index disclosure_checks_county_idx on disclosure_checks (county_code, checked_on);

create table disclosure_demo_sites (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  township_code text,
  kind text not null check (kind in ('party','government','village','service')),
  name text not null,
  status text not null check (status in ('cultivating','named','revoked')),
  -- 命名 date; null while the site is being cultivated (培育中)
  designated_on date,
  revoked_on date,
  note text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status = 'cultivating' or designated_on is not null),
  check ((status = 'revoked') = (revoked_on is not null)),
  check (revoked_on is null or revoked_on >= designated_on)
);
create index disclosure_demo_sites_county_idx on disclosure_demo_sites (county_code, designated_on);
