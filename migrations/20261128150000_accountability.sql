-- Accountability (问责) decisions under 《中国共产党问责条例》: a person (an official on record) or a party
-- organisation / unit is held accountable in one of the regulation's forms. Forms for leading cadres: 通报, 诫勉,
-- 组织调整或者组织处理, 纪律处分; for party organisations: 检查, 通报, 改组 (the check below keeps them apart).
-- unit_id is the owning unit for the data scope: the official's unit, or the unit held accountable.
-- leader_responsibility marks a leader held accountable for a subordinate's conduct (领导责任).

create table accountability_decisions (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  target_type text not null check (target_type in ('person','organisation')),
  official_id uuid references officials(id),
  target_unit_id uuid references units(id),
  -- the target as named when decided (an official's name and post change later)
  target_name text not null,
  target_post text,
  township_code text,
  form text not null check (form in ('notice','admonition','organisationalAdjustment','disciplinarySanction','inspection','reorganisation')),
  reason text not null,
  basis_kind text check (basis_kind in ('case','finding','text')),
  basis_case_id uuid references cases(id),
  basis_finding_id uuid references campaign_findings(id),
  basis_text text,
  decided_by_unit_id uuid not null references units(id),
  decided_on date not null,
  doc_no text not null,
  leader_responsibility boolean not null default false,
  created_by uuid,
  created_at timestamptz not null default now(),
  check ((target_type = 'person' and official_id is not null and form in ('notice','admonition','organisationalAdjustment','disciplinarySanction'))
      or (target_type = 'organisation' and target_unit_id is not null and form in ('inspection','notice','reorganisation') and not leader_responsibility))
);
create index accountability_decisions_county_idx on accountability_decisions (county_code, decided_on);
create index accountability_decisions_official_idx on accountability_decisions (official_id);
