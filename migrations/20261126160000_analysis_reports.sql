-- Frozen situation-analysis reports: the numbers, the record ids behind each, the composed text and the
-- document exactly as generated. Later changes to records never alter a stored report.
create table analysis_reports (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  period_key text not null,
  period jsonb not null,
  metrics jsonb not null,
  model jsonb not null,
  docx bytea not null,
  generated_by uuid references users(id),
  generated_at timestamptz not null default now()
);
create index analysis_reports_county_idx on analysis_reports (county_code, generated_at desc);
