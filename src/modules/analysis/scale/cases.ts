import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addCalendarDays, type IsoDate } from '../../../platform/calendar/dates';
import type { StatutoryCalendar } from '../../../platform/calendar/statutoryCalendar';
import type { DB } from '../../../platform/db/schema';
import { outcomesFor } from '../../cases/demoCases';
import { formatDocNo } from '../../cases/numbering';
import { addDuringRunningPeriod, caseTypeSeed, checkOutcome, computeDue, defaultDeadlineRules, findRule, isEconomicType, sanctionEffect } from '../../cases/rules';
import { bulkInsert, weighted, type Column } from './bulk';
import type { ScaleCounty, ScaleOfficial } from './organisation';
import type { ScaleReport } from './reports';

/**
 * A county's clues and cases, with the demo's calibration (cases/demo.ts, cases/demoCases.ts): clues from
 * accusations naming an official plus inspections, referrals, audits and risk hits; disposals 20/58/5/17 %;
 * ≈ 85 % of verifications become cases; outcomes drawn by the demo's `outcomesFor` and checked by the rules
 * library; influence periods merged per official as the workflow merges them. Rows are collected and written in bulk.
 */
const disposalShares = [['inquiry', 20], ['verification', 58], ['shelved', 5], ['closed', 17]] as const;
const otherSources = [['inspection', 4], ['referral', 3], ['audit', 2], ['riskHit', 1]] as const;
const otherTitles = { inspection: '巡察移交问题线索', referral: '上级转办问题线索', audit: '审计移送问题线索', riskHit: '风险筛查发现异常' };
const economicTypes = caseTypeSeed.filter((t) => t.parentCode === 'economic').map((t) => t.code);
const otherTypes = caseTypeSeed.filter((t) => t.parentCode && !t.economic).map((t) => t.code);
/** Share of clues that end as cases (58 % verification × 85 %), used to size the clue stream from a case target. */
export const CASES_PER_CLUE = 0.58 * 0.85;

const T = {
  clues: [['id', 'uuid'], ['county_code', 'text'], ['unit_id', 'uuid'], ['serial', 'text'], ['year', 'int'], ['seq', 'int'], ['title', 'text'], ['received_on', 'date'], ['disposal_due', 'date'],
    ['disposal', 'text'], ['disposal_opinion', 'text'], ['disposal_on', 'date'], ['approval_level', 'text'], ['approved_by', 'uuid'], ['higher_approval_ref', 'text'], ['inquiry_served_on', 'date'],
    ['inquiry_reply_due', 'date'], ['inquiry_replied_on', 'date'], ['outcome', 'text'], ['outcome_measure', 'text'], ['outcome_on', 'date'], ['case_id', 'uuid'], ['created_by', 'uuid']],
  sources: [['clue_id', 'uuid'], ['county_code', 'text'], ['source_type', 'text'], ['source_id', 'text'], ['outcome', 'text'], ['outcome_on', 'date']],
  accused: [['clue_id', 'uuid'], ['official_id', 'uuid'], ['rank_at_time', 'text'], ['managed_by_at_time', 'text']],
  cases: [['id', 'uuid'], ['county_code', 'text'], ['unit_id', 'uuid'], ['doc_no', 'text'], ['year', 'int'], ['seq', 'int'], ['title', 'text'], ['clue_id', 'uuid'], ['case_type_code', 'text'],
    ['economic', 'boolean'], ['opened_on', 'date'], ['approved_by', 'uuid'], ['stage', 'text'], ['stage_since', 'date'], ['investigation_report_filed', 'boolean'],
    ['review_report_filed', 'boolean'], ['execution_complete', 'boolean'], ['closed_on', 'date'], ['created_by', 'uuid']],
  subjects: [['id', 'uuid'], ['case_id', 'uuid'], ['official_id', 'uuid'], ['rank_at_time', 'text'], ['managed_by_at_time', 'text'], ['unit_id_at_time', 'uuid'], ['post_at_time', 'text'],
    ['person_category', 'text'], ['party_member', 'boolean'], ['holds_party_post', 'boolean'], ['village_secretary', 'text'], ['village_director', 'text']],
  members: [['case_id', 'uuid'], ['user_id', 'uuid'], ['role', 'text'], ['added_on', 'date']],
  deadlines: [['case_id', 'uuid'], ['rule_key', 'text'], ['started_on', 'date'], ['due_on', 'date'], ['fulfilled_on', 'date']],
  events: [['case_id', 'uuid'], ['kind', 'text'], ['on_date', 'date'], ['from_stage', 'text'], ['to_stage', 'text'], ['created_by', 'uuid']],
  outcomes: [['case_id', 'uuid'], ['subject_id', 'uuid'], ['official_id', 'uuid'], ['type', 'text'], ['track', 'text'], ['kind', 'text'], ['decided_on', 'date'], ['effect_until', 'date'],
    ['permanent', 'boolean'], ['detail', 'jsonb'], ['created_by', 'uuid']],
  recoveries: [['case_id', 'uuid'], ['subject_id', 'uuid'], ['amount_fen', 'bigint'], ['recovered_on', 'date']],
} satisfies Record<string, Column[]>;

type Rows = Record<keyof typeof T, unknown[][]>;

export async function createScaleCases(db: Kysely<DB>, county: ScaleCounty, cal: StatutoryCalendar, rand: () => number,
  span: { from: IsoDate; today: IsoDate; casesPerYear: number }, accusations: ScaleReport[]): Promise<{ clues: number; cases: number }> {
  const rows: Rows = { clues: [], sources: [], accused: [], cases: [], subjects: [], members: [], deadlines: [], events: [], outcomes: [], recoveries: [] };
  const days = Math.round((Date.parse(span.today) - Date.parse(span.from)) / 86_400_000);
  const clueCount = Math.round((span.casesPerYear * days) / 365 / CASES_PER_CLUE);
  type Seed = { received: IsoDate; title: string; unit: string; official: ScaleOfficial; source: { type: string; id: string | null } };
  const seeds: Seed[] = [];
  const pool = county.officials.filter((o) => o.unitId !== county.cdi.id);
  for (let i = 0; i < clueCount; i++) {
    if (accusations.length && rand() < 0.85) {
      const r = accusations[Math.floor(rand() * accusations.length)];
      seeds.push({ received: addCalendarDays(r.receivedOn, 3 + Math.floor(rand() * 10)), title: r.title, unit: r.unitId, official: r.official, source: { type: 'report', id: r.id } });
    } else {
      const type = weighted(rand, otherSources);
      seeds.push({ received: addCalendarDays(span.from, Math.floor(rand() * days)), title: otherTitles[type], unit: county.cdi.id, official: pool[Math.floor(rand() * pool.length)], source: { type, id: null } });
    }
  }
  seeds.sort((a, b) => a.received.localeCompare(b.received));
  const disposalRule = findRule(defaultDeadlineRules, 'clueDisposalOpinion')!;
  const replyRule = findRule(defaultDeadlineRules, 'inquiryReply')!;
  const counters = new Map<string, number>();
  const next = (kind: 'clue' | 'case', year: number) => { const k = `${kind}:${year}`; counters.set(k, (counters.get(k) ?? 0) + 1); return counters.get(k)!; };
  const running = new Map<string, IsoDate>();
  let cases = 0;
  const today = span.today;
  for (const s of seeds) {
    if (s.received >= today) continue;
    const id = randomUUID();
    const year = Number(s.received.slice(0, 4));
    const seq = next('clue', year);
    const due = computeDue(disposalRule, s.received, cal).due!;
    const disposalOn = addCalendarDays(s.received, 4 + Math.floor(rand() * 22));
    const disposed = disposalOn < today && disposalOn <= due;
    const disposal = weighted(rand, disposalShares);
    const level = ['province', 'city'].includes(s.official.managedBy) ? 'higherOrgan' : s.official.managedBy === 'county' ? 'cdiSecretary' : 'cdiDeputy';
    let inquiry: [IsoDate | null, IsoDate | null, IsoDate | null] = [null, null, null];
    let outcome: string | null = null;
    let measure: string | null = null;
    let outcomeOn = addCalendarDays(disposalOn, 20 + Math.floor(rand() * 40));
    let caseId: string | null = null;
    if (disposed && disposal === 'inquiry') {
      const served = addCalendarDays(disposalOn, 3);
      inquiry = [served, computeDue(replyRule, served, cal).due!, addCalendarDays(served, 10) < today ? addCalendarDays(served, 10) : null];
      [outcome, measure] = rand() < 0.55 ? ['education', weighted(rand, [['reminderTalk', 4], ['criticism', 3], ['admonition', 2], ['inquiryClosedWithEducation', 3]] as const)] : ['closedUntrue', null];
    } else if (disposed && disposal === 'verification') {
      if (rand() < 0.85) {
        const openedOn = addCalendarDays(disposalOn, 10 + Math.floor(rand() * 25));
        if (openedOn < today) {
          caseId = randomUUID();
          addCase(caseId, id, s, openedOn);
          cases++;
          outcome = 'caseOpened';
          outcomeOn = openedOn;
        }
      } else [outcome, measure] = rand() < 0.6 ? ['education', weighted(rand, [['reminderTalk', 3], ['criticism', 2], ['admonition', 2], ['postAdjusted', 1]] as const)] : ['closedUntrue', null];
    } else if (disposed) outcome = disposal === 'shelved' ? 'parked' : weighted(rand, [['closedUntrue', 3], ['closedUncheckable', 1]] as const);
    const hasOutcome = outcome !== null && outcomeOn < today;
    if (hasOutcome && measure === 'postAdjusted') outcome = 'organisational';
    rows.clues.push([id, county.code, s.unit, formatDocNo(county.prefix, 'clue', year, seq), year, seq, s.title, s.received, due,
      disposed ? disposal : null, disposed ? '经研究，提出处置意见' : null, disposed ? disposalOn : null, disposed ? level : null,
      disposed && level !== 'higherOrgan' ? county.leaderId : null, disposed && level === 'higherOrgan' ? '上级批复' : null, ...inquiry,
      hasOutcome ? outcome : null, hasOutcome ? measure : null, hasOutcome ? outcomeOn : null, caseId, county.handlerId]);
    const sourceOutcome = hasOutcome ? [outcome, outcomeOn] : disposed ? [`disposal.${disposal}`, disposalOn] : [null, null];
    rows.sources.push([id, county.code, s.source.type, s.source.id, ...sourceOutcome]);
    rows.accused.push([id, s.official.id, s.official.rank, s.official.managedBy]);
  }

  function addCase(caseId: string, clueId: string, s: Seed, openedOn: IsoDate) {
    const o = s.official;
    // Village cadres' cases are handled by the township's discipline committee, as in the demo.
    const township = county.villageParent.get(o.unitId);
    const village = o.rank === 'other' && township !== undefined;
    const unitId = village ? township : county.cdi.id;
    const handler = county.handlerId;
    const caseYear = Number(openedOn.slice(0, 4));
    const caseSeq = next('case', caseYear);
    const caseType = rand() < 0.45 ? economicTypes[Math.floor(rand() * economicTypes.length)] : otherTypes[Math.floor(rand() * otherTypes.length)];
    const economic = isEconomicType(caseTypeSeed, caseType);
    const reviewOn = addCalendarDays(openedOn, 60 + Math.floor(rand() * 80));
    const decisionOn = addCalendarDays(reviewOn, 12 + Math.floor(rand() * 14));
    const decidedOn = addCalendarDays(decisionOn, 1);
    const execOn = addCalendarDays(decisionOn, 3);
    const closeOn = addCalendarDays(execOn, 25 + Math.floor(rand() * 15));
    const reached = (d: IsoDate) => d < today;
    const stage = reached(closeOn) ? 'closed' : reached(execOn) ? 'execution' : reached(decisionOn) ? 'decision' : reached(reviewOn) ? 'review' : 'investigation';
    const since = { closed: closeOn, execution: execOn, decision: decisionOn, review: reviewOn, investigation: openedOn }[stage];
    rows.cases.push([caseId, county.code, unitId, formatDocNo(county.prefix, 'case', caseYear, caseSeq), caseYear, caseSeq, s.title, clueId, caseType, economic, openedOn,
      county.leaderId, stage, since, reached(reviewOn), reached(decisionOn), reached(closeOn), stage === 'closed' ? closeOn : null, handler]);
    const holdsPost = o.partyMember && (o.rank === 'township' || o.rank === 'county') && /党|书记/.test(o.post);
    const subjectId = randomUUID();
    rows.subjects.push([subjectId, caseId, o.id, o.rank, o.managedBy, o.unitId, o.post, village ? 'villageCommitteeManager' : 'civilServant', o.partyMember, holdsPost,
      village && /书记/.test(o.post) ? 'current' : null, village && /(村|居)委会主任/.test(o.post) ? 'current' : null]);
    rows.members.push([caseId, handler, 'investigator', openedOn]);
    const events: unknown[][] = [[caseId, 'opened', openedOn, null, 'investigation', handler]];
    const deadline = (key: string, start: IsoDate, done: IsoDate | null) =>
      rows.deadlines.push([caseId, key, start, computeDue(findRule(defaultDeadlineRules, key)!, start, cal).due, done && reached(done) ? done : null]);
    deadline('investigationDecision', openedOn, reviewOn);
    if (reached(reviewOn)) {
      rows.members.push([caseId, county.leaderId, 'reviewer', reviewOn]);
      events.push([caseId, 'stage', reviewOn, 'investigation', 'review', handler]);
      deadline('caseReview', reviewOn, decisionOn);
    }
    if (reached(decisionOn)) events.push([caseId, 'stage', decisionOn, 'review', 'decision', handler]);
    if (reached(decidedOn)) {
      const facts = { category: village ? 'villageCommitteeManager' as const : 'civilServant' as const, partyMember: o.partyMember, holdsPartyPost: holdsPost };
      const outcomes = outcomesFor(rand, village, holdsPost, o.partyMember).filter((x) => checkOutcome(x, facts, decidedOn).length === 0);
      if (outcomes.length === 0) outcomes.push({ type: 'education', measure: 'admonition' });
      for (const x of outcomes) {
        const effect = x.type === 'sanction' ? sanctionEffect(x.sanction, decidedOn) : null;
        if (x.type === 'sanction' && effect) {
          const key = `${o.id}:${x.sanction.track}`;
          const prev = running.get(key);
          effect.effectUntil = addDuringRunningPeriod(prev && prev > decidedOn ? prev : null, x.sanction, decidedOn).effectUntil;
          if (effect.effectUntil) running.set(key, effect.effectUntil);
        }
        rows.outcomes.push([caseId, subjectId, o.id, x.type, x.type === 'sanction' ? x.sanction.track : x.type === 'exempted' ? x.track : null,
          x.type === 'sanction' ? x.sanction.kind : 'measure' in x ? x.measure : null, decidedOn, effect?.effectUntil ?? null, effect?.permanent ?? false,
          JSON.stringify({ outcome: x, termEnds: effect?.termEnds ?? null }), handler]);
      }
      if (economic && reached(addCalendarDays(decidedOn, 10))) {
        rows.recoveries.push([caseId, subjectId, (2 + Math.floor(rand() * 78)) * 1_000_000 + Math.floor(rand() * 1_000_000), addCalendarDays(decidedOn, 10)]);
      }
      if (reached(execOn)) {
        events.push([caseId, 'stage', execOn, 'decision', 'execution', handler]);
        const keys = [
          ...(outcomes.some((x) => x.type === 'sanction' && x.sanction.track === 'party') ? ['partyDecisionAnnouncement'] : []),
          ...(outcomes.some((x) => x.type === 'sanction' && x.sanction.track === 'admin') ? ['adminSanctionService', 'adminSanctionExecution'] : []),
          ...(economic && reached(addCalendarDays(decidedOn, 10)) ? ['recoveryExecution'] : []),
        ];
        for (const k of keys) deadline(k, execOn, addCalendarDays(execOn, 20));
      }
      if (reached(closeOn)) events.push([caseId, 'stage', closeOn, 'execution', 'closed', handler]);
    }
    rows.events.push(...events);
  }

  await bulkInsert(db, 'clues', T.clues, rows.clues);
  await bulkInsert(db, 'clue_sources', T.sources, rows.sources);
  await bulkInsert(db, 'clue_accused', T.accused, rows.accused);
  await bulkInsert(db, 'cases', T.cases, rows.cases);
  await bulkInsert(db, 'case_subjects', T.subjects, rows.subjects);
  await bulkInsert(db, 'case_members', T.members, rows.members);
  await bulkInsert(db, 'case_deadlines', T.deadlines, rows.deadlines);
  await bulkInsert(db, 'case_events', T.events, rows.events);
  await bulkInsert(db, 'case_outcomes', T.outcomes, rows.outcomes);
  await bulkInsert(db, 'case_recoveries', T.recoveries, rows.recoveries);
  await bulkInsert(db, 'case_doc_counters', [['county_code', 'text'], ['kind', 'text'], ['year', 'int'], ['last', 'int']],
    [...counters].map(([k, last]) => [county.code, k.split(':')[0], Number(k.split(':')[1]), last]));
  return { clues: rows.clues.length, cases };
}
