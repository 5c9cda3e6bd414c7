-- 领域 (sector) of the matter a report raises: 乡村振兴, 征地拆迁, 工程建设, 教育, 医疗卫生 ... County
-- reports break 信访举报 down by it. The list is each county's own dictionary (seeded with common sectors the
-- first time the county's list is read); a report keeps the code, so renaming an entry renames it everywhere.
create table report_sectors (
  county_code text not null,
  code text not null,
  name text not null,
  sort_order int not null default 0,
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  primary key (county_code, code)
);

alter table reports add column sector text;
