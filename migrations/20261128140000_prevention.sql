-- Corruption prevention (预防腐败): the county's register of prevention rules (制度建设) and the integrity risk
-- points (廉政风险点) of each unit's posts with their control measures (廉政风险防控).
-- Every business row carries county_code and the owning unit_id (the data scope): a rule belongs to the county's
-- CDI (rules are county-level documents, written only with a scope that holds the CDI), a risk point to the unit
-- whose post it concerns. township_code is the township whose subtree holds that unit (null: county level).

create table prevention_rules (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  title text not null,
  doc_no text not null,
  issuing_unit text not null,
  issued_on date not null,
  area text not null check (area in ('partyAffairs','construction','funds','personnel','approval','other')),
  status text not null default 'current' check (status in ('current','revised','repealed')),
  summary text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index prevention_rules_doc_no_idx on prevention_rules (county_code, doc_no);
create index prevention_rules_county_idx on prevention_rules (county_code, issued_on);

create table prevention_risk_points (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  township_code text,
  post text not null,
  description text not null,
  level text not null check (level in ('high','medium','low')),
  measures text not null,
  responsible_person text not null,
  reviewed_on date not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index prevention_risk_points_county_idx on prevention_risk_points (county_code, reviewed_on);
create index prevention_risk_points_unit_idx on prevention_risk_points (unit_id);
