-- A disclosure recorded wrongly (items, date, where) is corrected in place with a reason; the record shows that it
-- was corrected, by whom and when, and the audit log keeps the values before the correction.
alter table disclosure_records add column corrected_at timestamptz;
alter table disclosure_records add column corrected_by uuid;
alter table disclosure_records add column correction_reason text;
