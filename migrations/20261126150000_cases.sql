-- Clues (问题线索), cases (立案审查调查), their subjects, outcomes and time limits, and the relations that
-- make a handler recuse. unit_id is always the HANDLING unit: data scope follows who handles the matter.
-- Sources point at other modules by (source_type, source_id) text, never by foreign key, so this module and
-- the reports module can land in either order; the reports module reads clue_sources.outcome back.

-- Document numbers per county, kind and year (宜纪线〔2026〕12号, 宜纪立〔2026〕3号); the row is locked by the
-- upsert, so two openings never get the same number.
create table case_doc_counters (
  county_code text not null,
  kind text not null check (kind in ('clue','case')),
  year int not null,
  last int not null,
  primary key (county_code, kind, year)
);

create table clues (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  serial text not null unique,
  year int not null,
  seq int not null,
  title text not null,
  summary text,
  received_on date not null,
  disposal_due date not null,
  disposal text check (disposal in ('inquiry','verification','shelved','closed')),
  disposal_opinion text,
  disposal_on date,
  approval_level text check (approval_level in ('higherOrgan','cdiSecretary','cdiDeputy')),
  approved_by uuid references users(id),
  higher_approval_ref text,
  inquiry_served_on date,
  inquiry_reply_due date,
  inquiry_replied_on date,
  outcome text check (outcome in ('caseOpened','education','organisational','closedUntrue','closedUncheckable','parked','transferred')),
  outcome_measure text,
  outcome_on date,
  case_id uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (disposal_on is null or disposal_on >= received_on),
  check (outcome_on is null or outcome_on >= received_on)
);
create index clues_unit_idx on clues (unit_id, received_on desc);
create index clues_county_idx on clues (county_code, disposal_on);

create table clue_sources (
  id uuid primary key default gen_random_uuid(),
  clue_id uuid not null references clues(id) on delete cascade,
  county_code text not null,
  source_type text not null check (source_type in ('report','inspection','riskHit','audit','referral')),
  source_id text,
  note text,
  outcome text,
  outcome_on date
);
create index clue_sources_clue_idx on clue_sources (clue_id);
create index clue_sources_source_idx on clue_sources (source_type, source_id);

create table clue_accused (
  id uuid primary key default gen_random_uuid(),
  clue_id uuid not null references clues(id) on delete cascade,
  official_id uuid not null references officials(id),
  rank_at_time text not null check (rank_at_time in ('provincial','bureau','county','township','general','other')),
  managed_by_at_time text not null check (managed_by_at_time in ('province','city','county','township','department','village')),
  unique (clue_id, official_id)
);
create index clue_accused_official_idx on clue_accused (official_id);

create table cases (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  doc_no text not null unique,
  year int not null,
  seq int not null,
  title text not null,
  summary text,
  clue_id uuid references clues(id),
  case_type_code text not null,
  economic boolean not null default false,
  opened_on date not null,
  approved_by uuid not null references users(id),
  stage text not null default 'investigation' check (stage in ('investigation','review','decision','execution','closed')),
  stage_since date not null,
  suspended_since date,
  investigation_report_filed boolean not null default false,
  review_report_filed boolean not null default false,
  execution_complete boolean not null default false,
  withdrawn boolean not null default false,
  closed_on date,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index cases_unit_idx on cases (unit_id, opened_on desc);
create index cases_county_idx on cases (county_code, opened_on);

create table case_subjects (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  official_id uuid not null references officials(id),
  rank_at_time text not null check (rank_at_time in ('provincial','bureau','county','township','general','other')),
  managed_by_at_time text not null check (managed_by_at_time in ('province','city','county','township','department','village')),
  unit_id_at_time uuid not null references units(id),
  post_at_time text,
  person_category text not null check (person_category in ('civilServant','publicInstitution','soeManager','villageCommitteeManager','otherPublicDuty')),
  party_member boolean not null,
  holds_party_post boolean not null default false,
  village_secretary text check (village_secretary in ('current','former')),
  village_director text check (village_director in ('current','former')),
  unique (case_id, official_id)
);
create index case_subjects_official_idx on case_subjects (official_id);

create table case_members (
  case_id uuid not null references cases(id) on delete cascade,
  user_id uuid not null references users(id),
  role text not null check (role in ('investigator','reviewer')),
  added_on date not null,
  primary key (case_id, user_id, role)
);
create index case_members_user_idx on case_members (user_id);

-- Every stage change, suspension, resumption, extension and fulfilment, in order: the case's timeline.
create table case_events (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  kind text not null,
  on_date date not null,
  from_stage text,
  to_stage text,
  rule_key text,
  detail jsonb,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index case_events_case_idx on case_events (case_id, on_date);

-- Running time limits of a case; due_on is recomputed from the rule table whenever the inputs change.
create table case_deadlines (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  rule_key text not null,
  started_on date not null,
  due_on date,
  suspensions jsonb not null default '[]',
  extensions jsonb not null default '[]',
  fulfilled_on date,
  unique (case_id, rule_key)
);

create table case_violations (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  subject_id uuid not null references case_subjects(id) on delete cascade,
  discipline text not null,
  regulation text not null,
  article int not null,
  case_type_code text not null,
  economic boolean not null,
  description text
);

create table case_outcomes (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  subject_id uuid not null references case_subjects(id) on delete cascade,
  official_id uuid not null references officials(id),
  type text not null check (type in ('sanction','exempted','organisational','education','prosecutionTransfer','cleared')),
  track text check (track in ('party','admin')),
  kind text,
  decided_on date not null,
  effect_until date,
  permanent boolean not null default false,
  merged boolean not null default false,
  detail jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index case_outcomes_decided_idx on case_outcomes (decided_on);
create index case_outcomes_official_idx on case_outcomes (official_id);

create table case_recoveries (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  subject_id uuid references case_subjects(id) on delete cascade,
  amount_fen bigint not null check (amount_fen > 0),
  recovered_on date not null,
  note text
);

-- Recorded relations between officials and staff users (spouse, relative, interest ...) for recusal.
create table official_relations (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  official_id uuid not null references officials(id),
  user_id uuid not null references users(id),
  kind text not null check (kind in ('spouse','closeRelative','relative','formerColleague','interest','witness','other')),
  note text,
  created_by uuid,
  created_at timestamptz not null default now(),
  unique (official_id, user_id, kind)
);
create index official_relations_user_idx on official_relations (user_id);
