-- Report intake (信访举报 and 效能投诉). A report's unit_id is its current handling unit: data scope follows it,
-- so routing a report to a township hands it (and only it) to that township's discipline committee.
-- Reporter identity is never stored in clear: one ciphertext under a per-report data key, which is itself
-- wrapped by the master key (key_id names which one, so rotation can re-wrap and resume).

-- Ledger numbers (第十四条: each handler keeps a numbered ledger); a sequence never hands out one twice.
create sequence report_serial_seq;

create table reports (
  id uuid primary key,
  county_code text not null,
  unit_id uuid not null references units(id),
  serial text not null unique,
  channel text not null check (channel in ('letter','visit','phone','online','12388','referral','inspection','monitoringPoint')),
  kind text not null check (kind in ('accusation','suggestion','appeal','outOfRemit','noSubstance','efficiency')),
  category text,
  efficiency_category text,
  title text not null,
  content text not null,
  township_code text,
  village_code text,
  accused_name text,
  accused_unit text,
  accused_post text,
  accused_official_id uuid references officials(id),
  accused_rank text check (accused_rank in ('provincial','bureau','county','township','general','other')),
  accused_managed_by text check (accused_managed_by in ('province','city','county','township','department','village')),
  identified boolean not null,
  identity_cipher text,
  data_key_wrapped text,
  key_id text,
  caller_consent boolean,
  referral_doc_no text,
  receipt_hash text unique,
  status text not null default 'received' check (status in ('received','accepted','handling','closed','notAccepted')),
  repeat_of uuid references reports(id),
  matter_group uuid not null,
  received_at timestamptz not null default now(),
  received_on date not null,
  route_due date not null,
  accept_notice_due date,
  accept_notified_at timestamptz,
  accepted_on date,
  handle_due date,
  extended_due date,
  closed_on date,
  result_notice_due date,
  result_notified_at timestamptz,
  review_kind text check (review_kind in ('recheck','review')),
  review_due date,
  answer text,
  result text,
  satisfaction text check (satisfaction in ('satisfied','basicallySatisfied','dissatisfied')),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Identity columns come as a set: all three or none.
  check ((identity_cipher is null) = (data_key_wrapped is null) and (data_key_wrapped is null) = (key_id is null))
);
create index reports_unit_idx on reports (unit_id, received_at desc);
create index reports_county_idx on reports (county_code, received_at desc);
create index reports_group_idx on reports (matter_group);
create index reports_accused_idx on reports (county_code, accused_name) where accused_name is not null;
create index reports_open_idx on reports (county_code, status) where status <> 'closed';

create table report_attachments (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports(id),
  county_code text not null,
  file_name text not null,
  media_type text not null,
  size_bytes int not null,
  sha256 text not null,
  stored_path text not null,
  created_at timestamptz not null default now()
);
create index report_attachments_report_idx on report_attachments (report_id);

-- The handling record: every step, with due dates and receipt confirmation for transfers and assignments.
create table report_events (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports(id),
  county_code text not null,
  type text not null check (type in ('received','triage','accepted','notAccepted','transfer','assignment','supervision',
    'receiptConfirmed','reportBack','action','extensionRequested','extensionApproved','extensionRejected','reply',
    'closure','acceptanceNotice','resultNotice','feedback','reopen','reviewRequested','repeatLinked','identityRevealed')),
  from_unit_id uuid references units(id),
  to_unit_id uuid references units(id),
  due_date date,
  confirmed_at timestamptz,
  confirmed_by uuid,
  note text,
  detail jsonb,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index report_events_report_idx on report_events (report_id, created_at);

create table report_messages (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports(id),
  county_code text not null,
  author text not null check (author in ('reporter','office')),
  body text not null,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index report_messages_report_idx on report_messages (report_id, created_at);

-- Routing: category × township × accused rank → handling unit. Null matches anything; the most specific
-- active rule wins, then the lowest priority number.
create table report_routing_rules (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  category text,
  township_code text,
  accused_rank text,
  handling_unit_id uuid not null references units(id),
  priority int not null default 100,
  active boolean not null default true,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index report_routing_rules_county_idx on report_routing_rules (county_code) where active;

-- 效能投诉 categories, editable per county; counts_as_drift marks 作风漂浮、工作疲沓 for the quarterly count.
create table report_efficiency_categories (
  county_code text not null,
  code text not null,
  name text not null,
  counts_as_drift boolean not null default false,
  sort_order int not null default 0,
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  primary key (county_code, code)
);
