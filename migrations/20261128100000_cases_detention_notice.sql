-- 留置: the start time to the minute (the 24-hour notice of 监察法（2024） 第五十条 runs from it), the notices to the
-- detained person's unit and family, and, on 复审/复核 applications, the applicant's statement and the staff who
-- handle the review (who may not have been on the original case's team).

-- When the 留置 began. Rows recorded before this migration only know the day: midnight China time (UTC+8, no DST)
-- is the earliest possible start, so the notice limit derived from it is never later than the real one.
alter table case_measures add column started_at timestamptz;
update case_measures set started_at = (started_on::text || ' 00:00:00+08')::timestamptz where kind = 'detention';

-- One row per notified party. Either the notice was given (time and method), or a reason why it was withheld is
-- recorded; a later notice may complete a withheld row when the reason has gone.
create table case_detention_notices (
  measure_id uuid not null references case_measures(id) on delete cascade,
  party text not null check (party in ('unit','family')),
  notified_at timestamptz,
  method text,
  note text,
  withheld_reason text,
  recorded_by uuid,
  recorded_at timestamptz not null default now(),
  primary key (measure_id, party),
  check ((notified_at is not null and method is not null) or withheld_reason is not null)
);

alter table case_reviews add column statement text;
alter table case_reviews add column handler_ids jsonb not null default '[]';
