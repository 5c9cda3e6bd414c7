import type { Kysely } from 'kysely';
import { areaCondition, sharedRows, type MetricDefinition, type MetricQuery, type MetricUnit, type MetricValue, type RecordSummary } from '../analysis/registry';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { caseAccess } from './caseAccess';
import { economicCaseTypeCodes } from './caseTypeService';
import { handlingsInPeriod } from './handlings';
import { countForms, type Form } from './rules';

/**
 * The figures of clues, cases and sanctions for the situation analysis. Period semantics: an event counts when
 * its date falls in [period.from, period.to): clues by disposal date, cases by opening date, outcomes by decision
 * date, recoveries by recovery date. Persons are case subjects (one person in one case): a person with both a
 * party and an administrative sanction is counted once. Data scope: the handling unit of the clue or case.
 */
type Row = { id: string; key?: string | null };
type Scope = Pick<Actor, 'scope' | 'userId'>;
const RANKS = ['provincial', 'bureau', 'county', 'township', 'general', 'other'] as const;
const RANK_ZH: Record<string, string> = { provincial: '省部级', bureau: '厅局级', county: '县处级', township: '乡科级', general: '一般干部', other: '其他人员' };

function tally(rows: Row[], dimension?: string, label: (k: string) => string = (k) => k): MetricValue {
  const ids = [...new Set(rows.map((r) => r.id))];
  if (!dimension) return { value: ids.length, recordIds: ids };
  const groups = new Map<string, Set<string>>();
  for (const r of rows) groups.set(r.key ?? '', (groups.get(r.key ?? '') ?? new Set()).add(r.id));
  return { value: ids.length, recordIds: ids, breakdown: { [dimension]: [...groups].map(([key, s]) => ({ key, label: label(key), value: s.size, recordIds: [...s] })) } };
}

const casesIn = ({ db, actor, countyCode, period }: MetricQuery) => db.selectFrom('cases as c').where(areaCondition(countyCode, 'c.county_code'))
  .where('c.opened_on', '>=', period.from).where('c.opened_on', '<', period.to).where(scopeCondition(actor, 'c.unit_id', 'c.created_by'));

const outcomesIn = ({ db, actor, countyCode, period }: MetricQuery) => db.selectFrom('case_outcomes as o').innerJoin('case_subjects as s', 's.id', 'o.subject_id')
  .innerJoin('cases as c', 'c.id', 'o.case_id').where(areaCondition(countyCode, 'c.county_code'))
  .where('o.decided_on', '>=', period.from).where('o.decided_on', '<', period.to).where(scopeCondition(actor, 'c.unit_id', 'c.created_by'))
  // A changed outcome counts once, as its replacement (same decision date); a revoked one no longer counts.
  .where('o.superseded_by', 'is', null).where('o.revoked_on', 'is', null);

const cluesIn = ({ db, actor, countyCode, period }: MetricQuery) => db.selectFrom('clues as c').where(areaCondition(countyCode, 'c.county_code'))
  .where('c.disposal_on', '>=', period.from).where('c.disposal_on', '<', period.to).where(scopeCondition(actor, 'c.unit_id', 'c.created_by'));

/**
 * Drill-down lists name cases and people, so they follow need-to-know (caseAccess: data scope AND team membership
 * or 案件监督管理), while the counts above stay on data scope alone: a published total is an aggregate over the
 * office's work and must not change with who looks at it, but opening the records behind it is reading case
 * files. The caller's permissions come with the route's actor; an actor without them sees no case records.
 */
function caseVisible(actor: Scope) {
  const permissions = (actor as Scope & Partial<Pick<Actor, 'permissions'>>).permissions ?? new Set<string>();
  return caseAccess({ scope: actor.scope, userId: actor.userId, permissions: permissions as Actor['permissions'] });
}

/** Clue records need the clue permission on top of the data scope (the drill-down route asks only analysis.read). */
const mayReadClues = (actor: Scope) => (actor as Scope & Partial<Pick<Actor, 'permissions'>>).permissions?.has('cases.clue.read') ?? false;

async function describeCases(db: Kysely<DB>, actor: Scope, ids: string[]): Promise<RecordSummary[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('cases').select(['cases.id', 'cases.doc_no', 'cases.title', 'cases.opened_on']).where('cases.id', 'in', ids)
    .where(caseVisible(actor)).orderBy('cases.opened_on').execute();
  return rows.map((r) => ({ id: r.id, title: r.doc_no, subtitle: r.title, at: r.opened_on, link: `/cases/cases/${r.id}` }));
}

async function describeSubjects(db: Kysely<DB>, actor: Scope, ids: string[]): Promise<RecordSummary[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('case_subjects as s').innerJoin('cases', 'cases.id', 's.case_id').innerJoin('officials as o', 'o.id', 's.official_id')
    .select(['s.id', 'o.name', 'cases.id as caseId', 'cases.doc_no', 's.rank_at_time']).where('s.id', 'in', ids).where(caseVisible(actor)).execute();
  return rows.map((r) => ({ id: r.id, title: r.name, subtitle: `${r.doc_no} · ${RANK_ZH[r.rank_at_time]}`, link: `/cases/cases/${r.caseId}` }));
}

async function describeClues(db: Kysely<DB>, actor: Scope, ids: string[]): Promise<RecordSummary[]> {
  if (!ids.length || !mayReadClues(actor)) return [];
  const rows = await db.selectFrom('clues as c').select(['c.id', 'c.serial', 'c.title', 'c.disposal_on']).where('c.id', 'in', ids)
    .where(scopeCondition(actor, 'c.unit_id', 'c.created_by')).execute();
  return rows.map((r) => ({ id: r.id, title: r.serial, subtitle: r.title, at: r.disposal_on ?? undefined, link: `/cases/clues/${r.id}` }));
}

/** Handlings are case subjects or clue accused rows; show whichever the id is. */
async function describeHandlings(db: Kysely<DB>, actor: Scope, ids: string[]): Promise<RecordSummary[]> {
  if (!ids.length) return [];
  const subjects = await describeSubjects(db, actor, ids);
  if (!mayReadClues(actor)) return subjects;
  const rows = await db.selectFrom('clue_accused as a').innerJoin('clues as c', 'c.id', 'a.clue_id').innerJoin('officials as o', 'o.id', 'a.official_id')
    .select(['a.id', 'o.name', 'c.id as clueId', 'c.serial']).where('a.id', 'in', ids).where(scopeCondition(actor, 'c.unit_id', 'c.created_by')).execute();
  return [...subjects, ...rows.map((r) => ({ id: r.id, title: r.name, subtitle: r.serial, link: `/cases/clues/${r.clueId}` }))];
}

const def = (key: string, labelZh: string, labelEn: string, unit: MetricUnit, definitionZh: string, definitionEn: string, recordType: string,
  compute: (q: MetricQuery) => Promise<MetricValue>, describe: (db: Kysely<DB>, actor: Scope, ids: string[]) => Promise<RecordSummary[]>, dimensions?: string[]): MetricDefinition =>
  ({ key, module: 'cases', labelZh, labelEn, unit, definitionZh, definitionEn, recordType, dimensions, compute, describe: ({ db, actor }, ids) => describe(db, actor, ids) });

const rankOrder = (r: string) => RANKS.indexOf(r as (typeof RANKS)[number]);

async function casesByTopRank(q: MetricQuery): Promise<Row[]> {
  const rows = await casesIn(q).innerJoin('case_subjects as s', 's.case_id', 'c.id').select(['c.id', 's.rank_at_time']).execute();
  const top = new Map<string, string>();
  for (const r of rows) if (!top.has(r.id) || rankOrder(r.rank_at_time) < rankOrder(top.get(r.id)!)) top.set(r.id, r.rank_at_time);
  return [...top].map(([id, key]) => ({ id, key }));
}

/** The period's sanctions, read once per evaluation for every sanction metric (total, by track, by rank). */
const sanctionRows = async (q: MetricQuery, track?: 'party' | 'admin') => {
  const all = await sharedRows(q, 'cases.sanctions', () => outcomesIn(q).where('o.type', '=', 'sanction').select(['s.id', 's.rank_at_time as key', 'o.track']).execute());
  return track ? all.filter((r) => r.track === track) : all;
};

const FORM_KEYS: Record<Form, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth' };

export const casesMetrics: MetricDefinition[] = [
  def('clues.handled', '处置问题线索', 'Clues handled', '件', '处置日期在期内的问题线索（谈话函询、初步核实、暂存待查、予以了结），按处置方式细分。', 'Clues disposed of in the period, by disposal.', 'clue',
    async (q) => tally(await cluesIn(q).select(['c.id', 'c.disposal as key']).execute(), 'disposal'), describeClues, ['disposal']),
  def('clues.inquiries', '谈话函询', 'Talks and letter inquiries', '件次', '处置日期在期内、处置方式为谈话函询的问题线索。', 'Clues disposed of by talk or letter inquiry in the period.', 'clue',
    async (q) => tally(await cluesIn(q).where('c.disposal', '=', 'inquiry').select(['c.id']).execute()), describeClues),
  def('cases.opened', '立案', 'Cases opened', '件', '立案日期在期内的案件；按被审查调查人中最高的职级（立案时）细分。', 'Cases opened in the period, by the highest rank of their subjects at the time.', 'case',
    async (q) => tally(await casesByTopRank(q), 'rank', (k) => RANK_ZH[k] ?? k), describeCases, ['rank']),
  def('cases.openedTownshipRank', '科级干部案件', 'Cases of section-level cadres', '件', '期内立案、被审查调查人中有乡科级干部（立案时职级）的案件。', 'Cases opened in the period with a township-rank subject.', 'case',
    async (q) => tally(await casesIn(q).where((eb) => eb.exists(eb.selectFrom('case_subjects as s').select('s.id').whereRef('s.case_id', '=', 'c.id').where('s.rank_at_time', '=', 'township'))).select(['c.id']).execute()), describeCases),
  def('cases.openedEconomic', '经济类案件', 'Economic cases', '件', '期内立案、案件类别或所认定违纪违法行为属经济类的案件。', 'Cases opened in the period whose type or violations are economic.', 'case',
    async (q) => {
      // Read from the office's dictionary at query time, so re-flagging a type changes the figure without touching cases.
      const codes = await economicCaseTypeCodes(q.db);
      if (!codes.length) return tally([], 'caseType');
      const rows = await casesIn(q).where((eb) => eb.or([
        eb('c.case_type_code', 'in', codes),
        eb.exists(eb.selectFrom('case_violations as v').select('v.id').whereRef('v.case_id', '=', 'c.id').where('v.case_type_code', 'in', codes)),
      ])).select(['c.id', 'c.case_type_code as key']).execute();
      return tally(rows, 'caseType');
    }, describeCases, ['caseType']),
  def('cases.prosecutedPersons', '移送司法（刑事处理）', 'Persons transferred for prosecution', '人', '期内决定移送检察机关的被审查调查人（人）。', 'Subjects transferred for prosecution in the period.', 'caseSubject',
    async (q) => tally(await outcomesIn(q).where('o.type', '=', 'prosecutionTransfer').select(['s.id', 's.rank_at_time as key']).execute(), 'rank', (k) => RANK_ZH[k] ?? k), describeSubjects, ['rank']),
  def('cases.lossesRecoveredWan', '挽回经济损失', 'Economic losses recovered', '万元', '期内挽回的经济损失合计（元以分记录，以万元显示，保留两位小数）；记录为所属案件。', 'Losses recovered in the period (stored in fen, shown in 10,000 yuan); records are the cases.', 'case',
    async ({ db, actor, countyCode, period }) => {
      const rows = await db.selectFrom('case_recoveries as r').innerJoin('cases as c', 'c.id', 'r.case_id').select(['c.id', 'r.amount_fen'])
        .where(areaCondition(countyCode, 'c.county_code')).where('r.recovered_on', '>=', period.from).where('r.recovered_on', '<', period.to)
        .where(scopeCondition(actor, 'c.unit_id', 'c.created_by')).execute();
      const fen = rows.reduce((a, r) => a + Number(r.amount_fen), 0);
      return { value: Math.round(fen / 10_000) / 100, recordIds: [...new Set(rows.map((r) => r.id))] };
    }, describeCases),
  def('sanctions.persons', '给予党纪政务处分', 'Persons sanctioned', '人', '期内作出党纪或政务处分决定的被审查调查人；同时受党纪和政务处分的计1人。', 'Subjects given a party or administrative sanction in the period; both counts once.', 'caseSubject',
    async (q) => tally(await sanctionRows(q), 'rank', (k) => RANK_ZH[k] ?? k), describeSubjects, ['rank']),
  def('sanctions.party', '党纪处分', 'Party sanctions', '人', '期内给予党纪处分的人数。', 'Subjects given a party sanction in the period.', 'caseSubject',
    async (q) => tally(await sanctionRows(q, 'party'), 'rank', (k) => RANK_ZH[k] ?? k), describeSubjects, ['rank']),
  def('sanctions.admin', '政务处分', 'Administrative sanctions', '人', '期内给予政务处分的人数。', 'Subjects given an administrative sanction in the period.', 'caseSubject',
    async (q) => tally(await sanctionRows(q, 'admin'), 'rank', (k) => RANK_ZH[k] ?? k), describeSubjects, ['rank']),
  def('sanctions.exempted', '免予处分', 'Exempted from sanction', '人', '期内决定免予处分的人数。', 'Subjects exempted from sanction in the period.', 'caseSubject',
    async (q) => tally(await outcomesIn(q).where('o.type', '=', 'exempted').select(['s.id']).execute()), describeSubjects),
  ...RANKS.map((rank) => def(`sanctions.rank.${rank}`, `处分${RANK_ZH[rank]}`, `Sanctioned: ${rank} rank`, '人', `期内受到党纪政务处分、立案时职级为${RANK_ZH[rank]}的人数。`,
    `Subjects of ${rank} rank (at the time) sanctioned in the period.`, 'caseSubject',
    async (q) => tally((await sanctionRows(q)).filter((r) => r.key === rank)), describeSubjects)),
  ...([1, 2, 3, 4] as Form[]).map((form) => def(`forms.${FORM_KEYS[form]}`, `第${'一二三四'[form - 1]}种形态`, `Form ${form}`, '人次',
    '期内对人的每次处理（案件中一人的处理决定，或线索谈话函询及了结时的处理）按最重的处理归入一种形态，按人次计。', 'Each handling of a person in the period, classified by its heaviest component, counted in person-times.', 'handling',
    async (q) => { const c = await sharedRows(q, 'cases.forms', async () => countForms(await handlingsInPeriod(q))); return { value: c.counts[form], recordIds: c.ids[form] }; }, describeHandlings)),
];
