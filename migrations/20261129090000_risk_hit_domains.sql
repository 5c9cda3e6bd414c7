-- Red-flag hits of every screening in one store: procurement (the first), spending over standard, administrative
-- penalty consistency and village collective funds. A domain re-screens only its own undecided hits; the dismiss
-- and clue workflow is shared. Domain hits name their subject in one line (procurement hits name processes instead).
alter table risk_hits add column domain text not null default 'procurement'
  check (domain in ('procurement','spending','penaltyDiscretion','villageAssets'));
alter table risk_hits add column subject_title text;
alter table risk_hits drop constraint risk_hits_source_check;
alter table risk_hits add constraint risk_hits_source_check check (source in ('signal','screen','cardinal','rule'));
create index risk_hits_domain_idx on risk_hits (county_code, domain, status);
