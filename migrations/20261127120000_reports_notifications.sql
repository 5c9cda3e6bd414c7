-- In-app notifications (generic: any module may write them; reports' deadline reminders are the first).
-- One row per recipient. dedupe_key makes a writer idempotent: the same reminder for the same user is
-- stored once however often a sweep runs (e.g. 'reports:<id>:route:<due>:overdue').
create table notifications (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  -- The recipient's unit when the notification was written (the owning unit, as on every business row).
  unit_id uuid not null references units(id),
  user_id uuid not null references users(id) on delete cascade,
  -- Dotted kind, e.g. 'reports.deadline.dueSoon'; the UI renders it with params in the reader's language.
  kind text not null,
  dedupe_key text not null,
  object_type text,
  object_id text,
  -- A short subject that needs no translation (e.g. a serial number and title), and the page to open.
  subject text not null,
  link text,
  params jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create unique index notifications_dedupe_uq on notifications (user_id, dedupe_key);
create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;
