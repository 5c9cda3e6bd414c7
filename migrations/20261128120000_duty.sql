-- 党风廉政建设责任制 (duty): the county's task list (责任分解), the meetings at which township party secretaries
-- report on their 一岗双责 (履职情况汇报), and the appraisal (评议) of those secretaries by appraisers.
-- Every business row carries county_code and the owning unit_id (the data scope): a task belongs to its responsible
-- unit (one row per unit), a meeting and a round to the organising unit, a report, an appraisal subject and a
-- rating to the secretary's township.

create table duty_tasks (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  -- rows created together for several responsible units share a batch id
  batch_id uuid not null,
  year int not null check (year between 2000 and 2100),
  title text not null,
  content text,
  lead_leader text,
  assigned_on date not null,
  deadline date not null,
  status text not null default 'pending' check (status in ('pending','done')),
  completion_note text,
  completed_on date,
  completed_by uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (deadline >= assigned_on),
  check ((status = 'done') = (completed_on is not null))
);
create index duty_tasks_county_idx on duty_tasks (county_code, year, deadline);
create index duty_tasks_unit_idx on duty_tasks (unit_id);

create table duty_meetings (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  name text not null,
  held_on date not null,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index duty_meetings_county_idx on duty_meetings (county_code, held_on);

-- A secretary's report at a meeting; name and post are kept as they were when the report was heard.
create table duty_reports (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  meeting_id uuid not null references duty_meetings(id),
  official_id uuid not null references officials(id),
  official_name text not null,
  official_post text,
  summary text not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  unique (meeting_id, official_id)
);
create index duty_reports_official_idx on duty_reports (official_id);

create table duty_appraisal_rounds (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  meeting_id uuid references duty_meetings(id),
  name text not null,
  held_on date not null,
  status text not null default 'open' check (status in ('open','closed')),
  closed_at timestamptz,
  closed_by uuid,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index duty_appraisal_rounds_county_idx on duty_appraisal_rounds (county_code, held_on);

-- The secretaries a round appraises (one per township, fixed when the round is created).
create table duty_appraisal_subjects (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  round_id uuid not null references duty_appraisal_rounds(id),
  official_id uuid not null references officials(id),
  official_name text not null,
  official_post text,
  unique (round_id, official_id)
);

-- One rating per appraiser, secretary and round: the unique key is what refuses a second rating.
create table duty_appraisals (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  round_id uuid not null references duty_appraisal_rounds(id),
  subject_id uuid not null references duty_appraisal_subjects(id),
  appraiser_id uuid not null references users(id),
  rating text not null check (rating in ('good','fairlyGood','average','poor')),
  created_at timestamptz not null default now(),
  unique (round_id, subject_id, appraiser_id)
);
create index duty_appraisals_subject_idx on duty_appraisals (subject_id);
