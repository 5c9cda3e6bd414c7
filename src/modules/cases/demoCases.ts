import type { Kysely } from 'kysely';
import { addCalendarDays, type IsoDate } from '../../platform/calendar/dates';
import type { StatutoryCalendar } from '../../platform/calendar/statutoryCalendar';
import type { DB, ManagedBy, Rank } from '../../platform/db/schema';
import { type Sanction, type SubjectOutcome, addDuringRunningPeriod, caseTypeSeed, checkOutcome, computeDue, defaultDeadlineRules, findRule, isEconomicType, sanctionEffect } from './rules';

/** One demo case from opening to wherever its dates reach by today (used by ./demo). Rules come from the library. */
export interface DemoPeople { cdiUnit: string; handler: string; approver: string; reviewers: string[]; townshipUsers: Map<string, string> }
interface DemoOfficial { id: string; unit_id: string; rank: Rank; managed_by: ManagedBy; post: string | null; party_member: boolean; kind: string; parent_id: string | null }
interface DemoCaseInput { countyCode: string; clueId: string; title: string; openedOn: IsoDate; today: IsoDate; official: DemoOfficial; docNo: string; year: number }

const economicTypes = caseTypeSeed.filter((t) => t.parentCode === 'economic').map((t) => t.code);
const otherTypes = caseTypeSeed.filter((t) => t.parentCode && !t.economic).map((t) => t.code);

function pickWeighted<T>(rand: () => number, table: Array<[T, number]>): T {
  const total = table.reduce((a, [, w]) => a + w, 0);
  let x = rand() * total;
  for (const [v, w] of table) { x -= w; if (x < 0) return v; }
  return table[table.length - 1][0];
}

/** The outcomes of one subject: mostly light party sanctions, fewer heavy ones, a few transfers, exemptions and organisational handling. */
export function outcomesFor(rand: () => number, village: boolean, holdsPost: boolean, party: boolean): SubjectOutcome[] {
  const form = pickWeighted(rand, [['light', 55], ['heavy', 21], ['crime', 12], ['exempt', 6], ['org', 6]] as Array<[string, number]>);
  const s = (sanction: Sanction): SubjectOutcome => ({ type: 'sanction', sanction });
  if (form === 'exempt') return [{ type: 'exempted', track: 'party', dueSanction: 'warning', mitigating: ['volunteered'], measures: ['criticism'], writtenConclusion: true }];
  if (form === 'org') return [{ type: 'organisational', measure: pickWeighted(rand, [['postAdjusted', 3], ['removedFromOffice', 1], ['orderedToResign', 1]]) }];
  if (form === 'crime') return [...(party ? [s({ track: 'party', kind: 'expulsion' })] : []), ...(village ? [] : [s({ track: 'admin', kind: 'expulsion' })]), { type: 'prosecutionTransfer' }];
  const out: SubjectOutcome[] = [];
  if (form === 'heavy') {
    if (party) out.push(s({ track: 'party', kind: holdsPost && rand() < 0.5 ? 'removalFromPartyPost' : rand() < 0.6 ? 'probation' : 'expulsion', probationMonths: 12 }));
    if (!village && rand() < 0.6) out.push(s({ track: 'admin', kind: rand() < 0.5 ? 'demotion' : 'dismissalFromPost' }));
    if (village && (!party || rand() < 0.4)) out.push(s({ track: 'admin', kind: 'majorDemerit' }));
  } else {
    if (party) out.push(s({ track: 'party', kind: rand() < 0.65 ? 'warning' : 'seriousWarning' }));
    if (!party || rand() < 0.35) out.push(s({ track: 'admin', kind: pickWeighted(rand, [['warning', 3], ['demerit', 3], ['majorDemerit', 1]]) }));
  }
  return out;
}

export async function insertDemoCase(trx: Kysely<DB>, cal: StatutoryCalendar, rand: () => number, people: DemoPeople, c: DemoCaseInput): Promise<{ caseId: string; sanctioned: number }> {
  const o = c.official;
  const village = o.rank === 'other' && (o.kind === 'village' || o.kind === 'community');
  const unitId = village && o.parent_id ? o.parent_id : people.cdiUnit;
  const handler = village && o.parent_id && people.townshipUsers.get(o.parent_id) ? people.townshipUsers.get(o.parent_id)! : people.handler;
  const caseType = rand() < 0.45 ? economicTypes[Math.floor(rand() * economicTypes.length)] : otherTypes[Math.floor(rand() * otherTypes.length)];
  const reviewOn = addCalendarDays(c.openedOn, 60 + Math.floor(rand() * 80));
  const decisionOn = addCalendarDays(reviewOn, 12 + Math.floor(rand() * 14));
  const decidedOn = addCalendarDays(decisionOn, 1);
  const execOn = addCalendarDays(decisionOn, 3);
  const closeOn = addCalendarDays(execOn, 25 + Math.floor(rand() * 15));
  const reached = (d: IsoDate) => d < c.today;
  const stage = reached(closeOn) ? 'closed' : reached(execOn) ? 'execution' : reached(decisionOn) ? 'decision' : reached(reviewOn) ? 'review' : 'investigation';
  const since = { closed: closeOn, execution: execOn, decision: decisionOn, review: reviewOn, investigation: c.openedOn }[stage];
  const row = await trx.insertInto('cases').values({
    county_code: c.countyCode, unit_id: unitId, doc_no: c.docNo, year: c.year, seq: Number(c.docNo.match(/〕(\d+)号/)![1]), title: c.title, clue_id: c.clueId,
    case_type_code: caseType, economic: isEconomicType(caseTypeSeed, caseType), opened_on: c.openedOn, approved_by: people.approver, stage, stage_since: since,
    investigation_report_filed: reached(reviewOn), review_report_filed: reached(decisionOn), execution_complete: reached(closeOn), closed_on: stage === 'closed' ? closeOn : null, created_by: handler,
  }).returning('id').executeTakeFirstOrThrow();
  const holdsPost = o.party_member && (o.rank === 'township' || o.rank === 'county') && /党|书记/.test(o.post ?? '');
  const subject = await trx.insertInto('case_subjects').values({
    case_id: row.id, official_id: o.id, rank_at_time: o.rank, managed_by_at_time: o.managed_by, unit_id_at_time: o.unit_id, post_at_time: o.post,
    person_category: village ? 'villageCommitteeManager' : 'civilServant', party_member: o.party_member, holds_party_post: holdsPost,
    village_secretary: village && /书记/.test(o.post ?? '') ? 'current' : null, village_director: village && /(村|居)委会主任/.test(o.post ?? '') ? 'current' : null,
  }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('case_members').values({ case_id: row.id, user_id: handler, role: 'investigator', added_on: c.openedOn }).execute();
  const events: Array<{ kind: string; on: IsoDate; from?: string; to?: string }> = [{ kind: 'opened', on: c.openedOn, to: 'investigation' }];
  const deadline = async (key: string, start: IsoDate, done: IsoDate | null) => {
    const due = computeDue(findRule(defaultDeadlineRules, key)!, start, cal).due;
    await trx.insertInto('case_deadlines').values({ case_id: row.id, rule_key: key, started_on: start, due_on: due, fulfilled_on: done && reached(done) ? done : null }).execute();
  };
  await deadline('investigationDecision', c.openedOn, reviewOn);
  let sanctioned = 0;
  if (reached(reviewOn)) {
    for (const r of people.reviewers) await trx.insertInto('case_members').values({ case_id: row.id, user_id: r, role: 'reviewer', added_on: reviewOn }).execute();
    events.push({ kind: 'stage', on: reviewOn, from: 'investigation', to: 'review' });
    await deadline('caseReview', reviewOn, decisionOn);
  }
  if (reached(decisionOn)) events.push({ kind: 'stage', on: decisionOn, from: 'review', to: 'decision' });
  if (reached(decidedOn)) {
    const subjectFacts = { category: village ? 'villageCommitteeManager' as const : 'civilServant' as const, partyMember: o.party_member, holdsPartyPost: holdsPost };
    const outcomes = outcomesFor(rand, village, holdsPost, o.party_member).filter((x) => checkOutcome(x, subjectFacts, decidedOn).length === 0);
    if (outcomes.length === 0) outcomes.push({ type: 'education', measure: 'admonition' });
    for (const x of outcomes) {
      const effect = x.type === 'sanction' ? sanctionEffect(x.sanction, decidedOn) : null;
      if (x.type === 'sanction' && effect) {
        // A new sanction while an earlier one still runs: merged counting, as the workflow does.
        const running = await trx.selectFrom('case_outcomes').select('effect_until').where('official_id', '=', o.id).where('type', '=', 'sanction')
          .where('track', '=', x.sanction.track).where('effect_until', '>', decidedOn).orderBy('effect_until', 'desc').executeTakeFirst();
        effect.effectUntil = addDuringRunningPeriod(running?.effect_until ?? null, x.sanction, decidedOn).effectUntil;
      }
      await trx.insertInto('case_outcomes').values({
        case_id: row.id, subject_id: subject.id, official_id: o.id, type: x.type, track: x.type === 'sanction' ? x.sanction.track : x.type === 'exempted' ? x.track : null,
        kind: x.type === 'sanction' ? x.sanction.kind : 'measure' in x ? x.measure : null, decided_on: decidedOn, effect_until: effect?.effectUntil ?? null, permanent: effect?.permanent ?? false,
        detail: JSON.stringify({ outcome: x, termEnds: effect?.termEnds ?? null }), created_by: handler,
      }).execute();
    }
    if (outcomes.some((x) => x.type === 'sanction')) sanctioned = 1;
    const economic = isEconomicType(caseTypeSeed, caseType);
    if (economic && reached(addCalendarDays(decidedOn, 10))) {
      await trx.insertInto('case_recoveries').values({ case_id: row.id, subject_id: subject.id, amount_fen: (2 + Math.floor(rand() * 78)) * 1_000_000 + Math.floor(rand() * 1_000_000), recovered_on: addCalendarDays(decidedOn, 10) }).execute();
    }
    if (reached(execOn)) {
      events.push({ kind: 'stage', on: execOn, from: 'decision', to: 'execution' });
      const keys = [
        ...(outcomes.some((x) => x.type === 'sanction' && x.sanction.track === 'party') ? ['partyDecisionAnnouncement'] : []),
        ...(outcomes.some((x) => x.type === 'sanction' && x.sanction.track === 'admin') ? ['adminSanctionService', 'adminSanctionExecution'] : []),
        ...(economic && reached(addCalendarDays(decidedOn, 10)) ? ['recoveryExecution'] : []),
      ];
      for (const k of keys) await deadline(k, execOn, addCalendarDays(execOn, 20));
    }
    if (reached(closeOn)) events.push({ kind: 'stage', on: closeOn, from: 'execution', to: 'closed' });
  }
  await trx.insertInto('case_events').values(events.map((e) => ({ case_id: row.id, kind: e.kind, on_date: e.on, from_stage: e.from ?? null, to_stage: e.to ?? null, created_by: handler }))).execute();
  return { caseId: row.id, sanctioned };
}
