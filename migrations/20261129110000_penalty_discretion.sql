-- 行政处罚自由裁量: the enforcement departments' published benchmarks (裁量基准, 行政处罚法 第三十四条) and their
-- penalty decisions, so the county's discipline office can screen for 畸轻畸重, 类案不同罚, 应罚未罚 and
-- 处罚执行不到位. unit_id is the department (data scope: a department sees its own; the CDI sees all).

-- One benchmark item: a violation with its legal basis, per department. `demo` marks invented example text.
create table penalty_benchmark_items (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  code text not null,
  violation text not null,
  legal_basis text not null,
  penalty_basis text not null,
  demo boolean not null default false,
  created_by uuid,
  created_at timestamptz not null default now(),
  unique (unit_id, code)
);

-- The item's tiers: the fine band in yuan (fine_basis 'amount') or in multiples of 违法所得 ('multiple'), and the
-- other kinds of penalty the tier applies. 不予处罚 has a band of 0–0.
create table penalty_benchmark_tiers (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references penalty_benchmark_items(id) on delete cascade,
  tier text not null check (tier in ('none','mitigated','lenient','ordinary','aggravated')),
  fine_basis text not null check (fine_basis in ('amount','multiple')),
  fine_min numeric(14,2) not null check (fine_min >= 0),
  fine_max numeric(14,2) not null,
  kinds text[] not null default '{}',
  circumstances text,
  check (fine_max >= fine_min),
  unique (item_id, tier)
);

-- A decision (outcome 'penalty') or a case closed without penalty ('closed', 立案不处罚, with its reason).
create table penalty_decisions (
  id uuid primary key default gen_random_uuid(),
  county_code text not null,
  unit_id uuid not null references units(id),
  outcome text not null check (outcome in ('penalty','closed')),
  doc_no text not null,
  decided_on date not null,
  party_type text not null check (party_type in ('individual','organisation')),
  party_name text not null,
  item_id uuid references penalty_benchmark_items(id),
  tier text check (tier in ('none','mitigated','lenient','ordinary','aggravated')),
  tier_reason text,
  fine_amount numeric(14,2) not null default 0 check (fine_amount >= 0),
  kinds text[] not null default '{}',
  illegal_gains numeric(14,2) check (illegal_gains >= 0),
  first_offence boolean not null default false,
  legal_review_on date,
  due_on date,
  paid_on date,
  officers text[] not null default '{}',
  closure_reason text,
  created_by uuid,
  created_at timestamptz not null default now(),
  unique (unit_id, doc_no),
  check (outcome = 'closed' or (item_id is not null and tier is not null))
);
create index penalty_decisions_county_idx on penalty_decisions (county_code, decided_on);
create index penalty_decisions_item_idx on penalty_decisions (item_id, tier);
