-- Category suggestion at intake: models trained on the office's own closed reports, training jobs, and the
-- suggestion stored on each report. The newest model of a county is the active one.
create table report_classifier_models (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  model_json text not null,
  labels text[] not null,
  examples integer not null,
  macro_f1 real,
  trained_at timestamptz not null default now(),
  trained_by uuid references users(id),
  -- the newest closed-report change the model saw: the periodic retrain skips when nothing is newer
  data_mark timestamptz
);
create index report_classifier_models_county_idx on report_classifier_models (county_code, trained_at desc);

create table report_classifier_jobs (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  status varchar(16) not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
  progress integer not null default 0 check (progress between 0 and 100),
  stage varchar(32),
  error text,
  model_id uuid references report_classifier_models(id),
  requested_by uuid references users(id),
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index report_classifier_jobs_county_idx on report_classifier_jobs (county_code, started_at desc);

alter table reports add column suggested_category text;
alter table reports add column suggestion_confidence real;
