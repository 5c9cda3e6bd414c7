-- Analysis and lists at province scale (one database holding many counties, millions of rows).

-- Document numbers are issued per county (case_doc_counters is keyed by county), and two counties of one
-- province can share the first character their numbers start with (宜良县, 宜威市 → 宜纪立〔2026〕1号):
-- the numbers are unique within a county, not across counties.
alter table clues drop constraint clues_serial_key;
create unique index clues_county_serial_uq on clues (county_code, serial);
alter table cases drop constraint cases_doc_no_key;
create unique index cases_county_doc_no_uq on cases (county_code, doc_no);

-- Metric queries select a county's rows by the date that places them in a period (see each module's
-- metrics.ts); with many counties and years in one table these must be index range scans, not scans.
create index reports_county_received_on_idx on reports (county_code, received_on);
create index reports_county_accepted_on_idx on reports (county_code, accepted_on) where accepted_on is not null;
create index reports_county_closed_on_idx on reports (county_code, closed_on) where closed_on is not null;
-- A province-wide period (analysis over all counties) ranges over the codes, which a (county_code, date) index can
-- only walk in full: the dates alone pick the quarter's rows directly.
create index reports_received_on_idx on reports (received_on);
create index reports_accepted_on_idx on reports (accepted_on) where accepted_on is not null;
create index reports_closed_on_idx on reports (closed_on) where closed_on is not null;
create index clues_county_outcome_on_idx on clues (county_code, outcome_on) where outcome_on is not null;
-- The four forms read a period's clues by disposal date OR outcome date: two plain date indexes let the planner
-- combine both (BitmapOr) for a county or a whole province instead of scanning every clue.
create index clues_disposal_on_idx on clues (disposal_on);
create index clues_outcome_on_idx on clues (outcome_on) where outcome_on is not null;
create index case_outcomes_case_idx on case_outcomes (case_id);
create index case_recoveries_case_idx on case_recoveries (case_id);
create index case_recoveries_recovered_on_idx on case_recoveries (recovered_on);
create index case_violations_case_idx on case_violations (case_id);

-- The case list pages newest first: reading the index backwards stops after one page.
create index cases_opened_seq_idx on cases (opened_on desc, seq desc);

-- The case search is a substring match on title or document number (LIKE '%…%'). On PostgreSQL, trigram
-- indexes answer it without reading every case; where pg_trgm cannot be installed (the embedded engine, or a
-- role without the privilege) the search keeps scanning, which stays fast at a county's size.
do $$
begin
  begin
    create extension if not exists pg_trgm;
  exception when others then
    raise notice 'pg_trgm is not available: case search scans the table';
  end;
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    execute 'create index cases_title_trgm_idx on cases using gin (title gin_trgm_ops)';
    execute 'create index cases_doc_no_trgm_idx on cases using gin (doc_no gin_trgm_ops)';
  end if;
end $$;
