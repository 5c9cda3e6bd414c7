-- The quarter a 形势分析会 analyses: the first-quarter meeting is held in April, yet its secretaries' reports belong
-- to the first quarter's figures. Empty for meetings recorded before: those count by the day they were held.
alter table duty_meetings add column reviewed_quarter text check (reviewed_quarter ~ '^[0-9]{4}Q[1-4]$');
