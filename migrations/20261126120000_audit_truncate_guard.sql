-- Row triggers do not fire on TRUNCATE: forbid it on the audit log with a statement trigger.
create function audit_log_truncate_guard() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_truncate_guard before truncate on audit_log for each statement execute function audit_log_truncate_guard();
