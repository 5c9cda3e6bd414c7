-- Red-flag screening of procurement (招投标风险预警). One row of risk_processes is one OCDS compiled release
-- (one contracting process); the tender's fields live on that row because OCDS has exactly one tender per
-- process. Dates are kept as published text (OCDS dates, compared as the engine compares them); amounts are
-- double precision in the currency's main unit (元), as the engine computes with JavaScript numbers.
-- Every business row carries county_code and the owning unit_id (the data scope).

create table risk_import_batches (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  source text not null check (source in ('ocds','excel')),
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
create index risk_import_batches_unit_idx on risk_import_batches (unit_id, created_at desc);

create table risk_processes (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  batch_id uuid references risk_import_batches(id) on delete set null,
  ocid text not null,
  release_id text,
  release_date text,
  tags text[] not null default '{}',
  buyer_id text,
  buyer_name text,
  -- tender (1:1 with the process)
  tender_id text,
  title text,
  status text,
  procurement_method text,
  procurement_method_details text,
  main_category text,
  award_criteria text,
  value_amount double precision,
  value_currency text,
  period_start text,
  period_end text,
  number_of_tenderers double precision,
  tenderers jsonb not null default '[]',
  procuring_entity_id text,
  procuring_entity_name text,
  items jsonb not null default '[]',
  created_by uuid,
  created_at timestamptz not null default now(),
  unique (county_code, ocid)
);
create index risk_processes_unit_idx on risk_processes (unit_id);
create index risk_processes_buyer_idx on risk_processes (county_code, buyer_name);

create table risk_lots (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references risk_processes(id) on delete cascade,
  seq int not null,
  lot_id text,
  title text,
  status text,
  value_amount double precision,
  value_currency text
);
create index risk_lots_process_idx on risk_lots (process_id);

create table risk_panel_experts (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references risk_processes(id) on delete cascade,
  seq int not null,
  expert_id text,
  employer_id text,
  title text,
  age double precision,
  drawn_at text
);
create index risk_panel_experts_process_idx on risk_panel_experts (process_id);

create table risk_bids (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references risk_processes(id) on delete cascade,
  seq int not null,
  bid_id text,
  status text,
  bid_date text,
  value_amount double precision,
  value_currency text,
  tenderer_ids text[] not null default '{}',
  tenderer_names text[] not null default '{}',
  related_lots text[] not null default '{}',
  -- lead tenderer: unified social credit code and the matching company of the county, when known
  credit_code text,
  company_id uuid references companies(id) on delete set null,
  -- identity fingerprints (招标投标法实施条例 第四十条)
  contact_person text,
  phone text,
  email text,
  address text,
  legal_representative text,
  project_manager text,
  bond_account text,
  bond_payer_name text,
  bond_paid_at text,
  ip text,
  mac text,
  ca_serial text,
  ca_issued_at text,
  machine_code text,
  uploaded_at text,
  document_hash text,
  document_author text
);
create index risk_bids_process_idx on risk_bids (process_id);
create index risk_bids_credit_idx on risk_bids (credit_code);

create table risk_expert_scores (
  id uuid primary key default gen_random_uuid(),
  bid_row_id uuid not null references risk_bids(id) on delete cascade,
  seq int not null,
  expert_id text,
  score double precision
);
create index risk_expert_scores_bid_idx on risk_expert_scores (bid_row_id);

create table risk_awards (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references risk_processes(id) on delete cascade,
  seq int not null,
  award_id text,
  status text,
  award_date text,
  value_amount double precision,
  value_currency text,
  supplier_ids text[] not null default '{}',
  supplier_names text[] not null default '{}',
  related_lots text[] not null default '{}',
  related_bid text,
  items jsonb not null default '[]'
);
create index risk_awards_process_idx on risk_awards (process_id);

create table risk_contracts (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references risk_processes(id) on delete cascade,
  seq int not null,
  contract_id text,
  award_ref text,
  status text,
  date_signed text,
  value_amount double precision,
  value_currency text,
  period_start text,
  period_end text,
  items jsonb not null default '[]'
);
create index risk_contracts_process_idx on risk_contracts (process_id);

create table risk_amendments (
  id uuid primary key default gen_random_uuid(),
  contract_row_id uuid not null references risk_contracts(id) on delete cascade,
  seq int not null,
  amendment_id text,
  amend_date text,
  description text,
  rationale text,
  value_amount double precision,
  value_currency text
);
create index risk_amendments_contract_idx on risk_amendments (contract_row_id);

create table risk_payments (
  id uuid primary key default gen_random_uuid(),
  contract_row_id uuid not null references risk_contracts(id) on delete cascade,
  seq int not null,
  payment_id text,
  pay_date text,
  value_amount double precision,
  value_currency text,
  payer_id text,
  payer_name text,
  payee_id text,
  payee_name text,
  kind text
);
create index risk_payments_contract_idx on risk_payments (contract_row_id);

create table risk_milestones (
  id uuid primary key default gen_random_uuid(),
  contract_row_id uuid not null references risk_contracts(id) on delete cascade,
  seq int not null,
  milestone_id text,
  title text,
  type text,
  status text,
  due_date text,
  date_met text,
  description text,
  progress double precision
);
create index risk_milestones_contract_idx on risk_milestones (contract_row_id);

-- A hit is an indication for a person to check. hit_key = code + subject + the records involved, so a re-run
-- recognises a hit someone already dismissed or turned into a clue and leaves that decision alone.
create table risk_hits (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  hit_key text not null,
  code text not null,
  source text not null check (source in ('signal','screen','cardinal')),
  subject_id text not null,
  process_id uuid references risk_processes(id) on delete set null,
  process_ids uuid[] not null default '{}',
  ocids text[] not null default '{}',
  strength text not null check (strength in ('strong','medium','weak')),
  score double precision,
  threshold jsonb not null default '{}',
  hit_values jsonb not null default '{}',
  evidence jsonb not null,
  buyer_name text,
  supplier_names text[] not null default '{}',
  status text not null default 'new' check (status in ('new','dismissed','clued')),
  dismiss_reason text,
  decided_by uuid,
  decided_at timestamptz,
  clue_id uuid references clues(id),
  created_at timestamptz not null default now(),
  unique (county_code, hit_key),
  check (status <> 'dismissed' or dismiss_reason is not null),
  check (status <> 'clued' or clue_id is not null)
);
create index risk_hits_unit_idx on risk_hits (unit_id, status);
create index risk_hits_code_idx on risk_hits (county_code, code);
create index risk_hits_process_idx on risk_hits (process_id);
