-- 村集体三资 (village collective funds, assets and resources): the books a township's 三资 agency office (村账乡管)
-- keeps for each village — fund receipts and payments, resource and asset contracts (发包/租赁), asset disposals —
-- imported from the office's Excel ledgers or entered by hand, then screened by the module's anomaly rules into the
-- shared red-flag store (risk_hits, domain villageAssets). Every row belongs to its village (unit_id: the data
-- scope), township_code is the holding township's unit code for the breakdowns. Amounts are yuan, numeric(14,2).
-- A 四议两公开 decision is referenced by its date and meeting type (村民会议/村民代表会议 …) when one was held.

create table village_import_batches (
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
create index village_import_batches_unit_idx on village_import_batches (unit_id, created_at desc);

create table village_fund_entries (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  township_code text,
  entry_date date not null,
  voucher_no text not null,
  direction text not null check (direction in ('income','expense')),
  amount numeric(14,2) not null check (amount > 0),
  counterparty text not null,
  payment_method text not null check (payment_method in ('cash','transfer')),
  category text not null check (category in ('works','office','subsidy','reception','labour','other')),
  summary text,
  handled_by text,
  approved_by text,
  decision_date date,
  decision_meeting text,
  published boolean not null default false,
  batch_id uuid references village_import_batches(id),
  created_by uuid,
  created_at timestamptz not null default now()
);
create index village_fund_entries_unit_idx on village_fund_entries (unit_id, entry_date);
create index village_fund_entries_county_idx on village_fund_entries (county_code, entry_date);

create table village_contracts (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  township_code text,
  contract_no text not null,
  object_type text not null check (object_type in ('land','pond','forest','building','shop')),
  object_name text not null,
  area numeric(14,2) not null check (area > 0),
  area_unit text not null check (area_unit in ('mu','sqm')),
  counterparty text not null,
  start_on date not null,
  end_on date not null check (end_on > start_on),
  annual_rent numeric(14,2) not null check (annual_rent >= 0),
  award_method text not null check (award_method in ('bidding','negotiation')),
  decision_date date,
  decision_meeting text,
  batch_id uuid references village_import_batches(id),
  created_by uuid,
  created_at timestamptz not null default now()
);
create index village_contracts_unit_idx on village_contracts (unit_id, start_on);
create index village_contracts_county_idx on village_contracts (county_code, start_on);

create table village_disposals (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  township_code text,
  asset_name text not null,
  disposed_on date not null,
  appraised_value numeric(14,2) not null check (appraised_value > 0),
  sale_price numeric(14,2) not null check (sale_price >= 0),
  buyer text not null,
  method text not null check (method in ('bidding','negotiation')),
  decision_date date,
  decision_meeting text,
  batch_id uuid references village_import_batches(id),
  created_by uuid,
  created_at timestamptz not null default now()
);
create index village_disposals_unit_idx on village_disposals (unit_id, disposed_on);
create index village_disposals_county_idx on village_disposals (county_code, disposed_on);
