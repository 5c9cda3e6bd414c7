-- Special campaigns (专项治理/专项整治): a campaign, the objects it inspects (for construction projects: the
-- project register), the problems found on them, and their rectification to sign-off (销号).
-- Every business row carries county_code and the owning unit_id (the data scope): a campaign belongs to the
-- organising unit, an object to the unit responsible for it (township or department), a finding to the unit
-- responsible for rectifying it. Amounts are numeric yuan (exact money).

create table campaigns (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  name text not null,
  kind text not null check (kind in ('constructionProjects','efficiency','other')),
  period_start date not null,
  period_end date not null,
  threshold_yuan numeric(16,2) not null default 0 check (threshold_yuan >= 0),
  status text not null default 'active' check (status in ('active','closed')),
  description text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end >= period_start)
);
create index campaigns_county_idx on campaigns (county_code, period_start desc);

create table campaign_objects (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  campaign_id uuid not null references campaigns(id),
  name text not null,
  -- the township the object lies in (unit code); null for county-level (县直) objects
  township_code text,
  contract_amount numeric(16,2),
  contractor text,
  inspected_on date not null,
  inspected_by text,
  note text,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index campaign_objects_campaign_idx on campaign_objects (campaign_id, inspected_on);
create index campaign_objects_county_idx on campaign_objects (county_code, inspected_on);

create table campaign_findings (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  campaign_id uuid not null references campaigns(id),
  object_id uuid not null references campaign_objects(id),
  category text not null check (category in ('constructionProcedure','landAcquisition','tendering','supervision','other')),
  description text not null,
  found_on date not null,
  owner_name text,
  owner_post text,
  due_on date,
  status text not null default 'open' check (status in ('open','rectifying','rectified','signedOff')),
  evidence text,
  doc_no text,
  rectified_on date,
  rectified_by uuid,
  signed_off_on date,
  signed_off_by uuid,
  sign_off_note text,
  reopen_reason text,
  reopened_on date,
  reopen_count int not null default 0,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (due_on is null or due_on >= found_on)
);
create index campaign_findings_campaign_idx on campaign_findings (campaign_id, status);
create index campaign_findings_county_idx on campaign_findings (county_code, found_on);

-- The history of each finding's status, with the business date of each step: the analysis reads a
-- finding's status as of a period's end from here (the last step dated before it).
create table campaign_finding_events (
  id uuid primary key default gen_random_uuid(),
  -- order of steps on the same date
  seq bigserial not null,
  county_code text not null,
  unit_id uuid not null references units(id),
  finding_id uuid not null references campaign_findings(id),
  action text not null check (action in ('found','assigned','rectified','signedOff','reopened')),
  to_status text not null check (to_status in ('open','rectifying','rectified','signedOff')),
  happened_on date not null,
  note text,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index campaign_finding_events_finding_idx on campaign_finding_events (finding_id, happened_on, seq);
