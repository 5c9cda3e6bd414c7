-- Case types as the office's dictionary, measures (留置 and other 措施) per case subject, 复审/复核 of decided
-- outcomes, and the outcome written back to a clue's sources when the case ends.

-- 案件类别: one dictionary per database (like the roles). Built-in rows can be disabled, never deleted; the office
-- adds types and subtypes. `economic` marks 经济类 (a subtype of an economic type counts as economic too).
create table case_types (
  code text primary key check (code ~ '^[a-z][A-Za-z0-9.]{1,63}$'),
  parent_code text references case_types(code),
  label_zh text not null,
  label_en text not null,
  discipline text,
  economic boolean not null default false,
  builtin boolean not null default false,
  active boolean not null default true,
  sort int not null default 0,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parent_code is null or parent_code <> code)
);
create index case_types_parent_idx on case_types (parent_code);

insert into case_types (code, parent_code, label_zh, label_en, discipline, economic, sort) values
  ('economic', null, '经济类', 'Economic', null, true, 10),
  ('economic.embezzlement', 'economic', '贪污', 'Embezzlement', 'dutyCrime', true, 20),
  ('economic.bribeTaking', 'economic', '受贿', 'Taking bribes', 'dutyCrime', true, 30),
  ('economic.bribeGiving', 'economic', '行贿', 'Giving bribes', 'dutyCrime', true, 40),
  ('economic.misappropriation', 'economic', '挪用公款', 'Misappropriating public funds', 'dutyCrime', true, 50),
  ('economic.villageAssets', 'economic', '侵占、挪用村集体“三资”', 'Misusing village collective assets', 'integrity', true, 60),
  ('economic.falseClaims', 'economic', '虚报冒领、截留挪用惠民惠农资金', 'False claims on benefit funds', 'masses', true, 70),
  ('economic.giftsAndMoney', 'economic', '违规收受礼品礼金、消费卡', 'Accepting gifts or money in breach of rules', 'integrity', true, 80),
  ('economic.businessActivity', 'economic', '违规经商办企业、利益输送', 'Illicit business activity, benefit transfer', 'integrity', true, 90),
  ('eightRules', null, '违反中央八项规定精神', 'Breach of the Eight-point Rules', null, false, 100),
  ('eightRules.hedonism', 'eightRules', '享乐主义、奢靡之风', 'Hedonism and extravagance', null, false, 110),
  ('eightRules.hedonism.gifts', 'eightRules.hedonism', '违规收送名贵特产和礼品礼金', 'Giving or taking valuable local products, gifts or money', 'integrity', false, 120),
  ('eightRules.hedonism.dining', 'eightRules.hedonism', '违规吃喝', 'Improper banqueting', 'integrity', false, 130),
  ('eightRules.hedonism.allowances', 'eightRules.hedonism', '违规发放津贴补贴或福利', 'Improper allowances or benefits', 'integrity', false, 140),
  ('eightRules.hedonism.travel', 'eightRules.hedonism', '公款旅游以及违规接受管理和服务对象等旅游活动安排', 'Publicly funded or client-paid tourism', 'integrity', false, 150),
  ('eightRules.hedonism.ceremonies', 'eightRules.hedonism', '违规操办婚丧喜庆事宜', 'Lavish weddings or funerals', 'integrity', false, 160),
  ('eightRules.hedonism.officialCars', 'eightRules.hedonism', '违规配备使用公务用车', 'Misuse of official cars', 'integrity', false, 170),
  ('eightRules.hedonism.buildings', 'eightRules.hedonism', '楼堂馆所违规问题', 'Office buildings in breach of rules', 'integrity', false, 180),
  ('eightRules.hedonism.reception', 'eightRules.hedonism', '提供或接受超标准接待', 'Receptions above the standard', 'integrity', false, 190),
  ('eightRules.hedonism.privateClubs', 'eightRules.hedonism', '违规出入私人会所', 'Frequenting private clubs', 'integrity', false, 200),
  ('eightRules.hedonism.other', 'eightRules.hedonism', '其他享乐主义、奢靡之风问题', 'Other hedonism and extravagance', null, false, 210),
  ('eightRules.formalism', 'eightRules', '形式主义、官僚主义', 'Formalism and bureaucratism', 'work', false, 220),
  ('eightRules.formalism.policyImplementation', 'eightRules.formalism', '贯彻党中央重大决策部署有令不行、有禁不止，表态多调门高、行动少落实差', 'Not implementing major central decisions, empty pledges', 'work', false, 230),
  ('eightRules.formalism.dutyPerformance', 'eightRules.formalism', '在履职尽责、服务经济社会发展和生态环境保护方面不担当、不作为、乱作为、假作为', 'Inaction or misconduct in duties and development', 'work', false, 240),
  ('eightRules.formalism.servingMasses', 'eightRules.formalism', '在联系服务群众中消极应付、冷硬横推、效率低下', 'Cold, obstructive or slow service to the public', 'masses', false, 250),
  ('eightRules.formalism.meetingsAndPaperwork', 'eightRules.formalism', '文山会海反弹回潮，督查检查考核过多过频、过度留痕，给基层造成负担', 'Excess meetings, documents and inspections burdening grassroots', 'work', false, 260),
  ('discipline.political', null, '违反政治纪律', 'Political discipline', 'political', false, 270),
  ('discipline.organisational', null, '违反组织纪律', 'Organisational discipline', 'organisational', false, 280),
  ('discipline.masses', null, '侵害群众利益（群众纪律）', 'Harming the public (discipline towards the masses)', 'masses', false, 290),
  ('discipline.work', null, '违反工作纪律', 'Work discipline', 'work', false, 300),
  ('discipline.life', null, '违反生活纪律', 'Life discipline', 'life', false, 310),
  ('duty.abuseOfPower', null, '滥用职权', 'Abuse of power', 'dutyViolation', false, 320),
  ('duty.neglect', null, '玩忽职守', 'Neglect of duty', 'dutyViolation', false, 330),
  ('duty.favouritism', null, '徇私舞弊', 'Favouritism and fraud', 'dutyViolation', false, 340);
update case_types set builtin = true;

-- 措施 per case subject. due_on is recomputed from the rule table (period, approved extensions); measures without
-- a statutory period (查询、搜查、调取) have none.
create table case_measures (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  subject_id uuid not null references case_subjects(id) on delete cascade,
  kind text not null check (kind in ('detention','inquiry','freezing','search','retrieval','sealing','seizure','technicalInvestigation','exitRestriction')),
  rule_key text,
  started_on date not null,
  approved_by uuid references users(id),
  approval_ref text not null,
  due_on date,
  extensions jsonb not null default '[]',
  ended_on date,
  end_reason text,
  note text,
  created_by uuid,
  created_at timestamptz not null default now(),
  check (ended_on is null or ended_on >= started_on)
);
create index case_measures_case_idx on case_measures (case_id, started_on);
create index case_measures_open_idx on case_measures (due_on) where ended_on is null;

-- 复审 (at the deciding organ) and 复核 (at the next-higher organ) of a decided outcome.
create table case_reviews (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  subject_id uuid not null references case_subjects(id) on delete cascade,
  outcome_id uuid not null references case_outcomes(id),
  level text not null check (level in ('reexamination','recheck')),
  decision_received_on date not null,
  application_due date not null,
  applied_on date not null,
  accepted_on date not null,
  decision_due date not null,
  decision text check (decision in ('upheld','changed','revoked')),
  decided_on date,
  reason text,
  new_outcome_id uuid references case_outcomes(id),
  created_by uuid,
  created_at timestamptz not null default now(),
  check (applied_on >= decision_received_on and accepted_on >= applied_on),
  check (decided_on is null or decided_on >= accepted_on),
  unique (outcome_id, level)
);
create index case_reviews_case_idx on case_reviews (case_id);

-- History of outcomes: a changed outcome points at the one replacing it; a revoked one keeps its row.
alter table case_outcomes add column superseded_by uuid references case_outcomes(id);
alter table case_outcomes add column revoked_on date;

-- What the reporter may be told, composed when the clue or its case moves on (no names, no sanctions).
alter table clue_sources add column outcome_text text;

-- The reports module reads its reports' outcomes here by report id, without knowing the cases tables.
create view report_clue_outcomes as
  select s.source_id as report_id, c.serial as clue_serial, s.outcome, s.outcome_on, s.outcome_text, c.county_code
  from clue_sources s join clues c on c.id = s.clue_id
  where s.source_type = 'report' and s.source_id is not null;
