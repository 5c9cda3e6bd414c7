-- 超标准支出 (official spending over standard): the county's spending standards, the units' expense records and
-- their Excel imports. Screening results live in risk_hits (domain 'spending'); nothing here stores a flag.
--
-- spending_standards: one row per county and standard code (the catalogue of codes, defaults and their basis is
-- in the application); a limit in yuan or a count (value), or a word list (words), each with its basis document.
create table spending_standards (
  county_code text not null,
  code text not null,
  value numeric(12,2),
  words text[],
  basis text not null,
  updated_by uuid,
  updated_at timestamptz not null default now(),
  primary key (county_code, code)
);

create table spending_imports (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  file_name text not null,
  sha256 text not null,
  status text not null default 'running' check (status in ('running','done','failed')),
  phase text not null default 'parse' check (phase in ('parse','write','screen','done')),
  total int not null default 0,
  processed int not null default 0,
  counts jsonb,
  errors jsonb not null default '[]',
  created_by uuid,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index spending_imports_unit_idx on spending_imports (unit_id, created_at desc);

-- unit_id is the spending unit (a department or a township, or a unit under one): the data scope follows it.
create table spending_expenses (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  -- the township (乡镇/街道) whose subtree holds the unit, null for county-level units: the metrics' breakdown
  township_code text,
  spent_on date not null,
  category text not null check (category in ('reception','meeting','travel','vehicle','training','allowance')),
  amount numeric(14,2) not null check (amount >= 0),
  persons int check (persons > 0),
  accompanying int check (accompanying >= 0),
  days int check (days > 0),
  nights int check (nights >= 0),
  class_level smallint check (class_level between 1 and 4),
  traveller_rank text check (traveller_rank in ('provincial','bureau','county','township','general','other')),
  payee text,
  venue text,
  has_letter boolean,
  approval_no text,
  voucher_no text,
  description text,
  import_id uuid references spending_imports(id) on delete set null,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index spending_expenses_county_idx on spending_expenses (county_code, spent_on);
create index spending_expenses_unit_idx on spending_expenses (unit_id, spent_on);
