import { sql, type Kysely } from 'kysely';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import { addCalendarDays, todayInShanghai, type IsoDate } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { insertDemoCase, type DemoPeople } from './demoCases';
import { countyPrefix, formatDocNo } from './numbering';
import { ensureCasesRoles } from './permissions';
import { computeDue, defaultDeadlineRules, findRule } from './rules';

/**
 * Demo clues and cases on top of the demo county (and its demo reports, when the reports module has made them):
 * accusation reports about a named official become clues, disposed of in the four ways, and some become cases
 * that run through the stages to sanctions. Shares are calibrated on published national figures (2025 Jan–Sep:
 * cases ≈ 40 % of clues handled; of persons sanctioned ≈ 70 % rural/enterprise and other staff, 13 % general
 * cadres, 12 % township rank, 4 % county rank; four forms ≈ 50 / 40 / 5 / 5 %); no data is copied. Deterministic.
 */
export interface DemoCasesResult { clues: number; cases: number; sanctioned: number }

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

export function weighted<T>(rand: () => number, table: Array<[T, number]>): T {
  const total = table.reduce((a, [, w]) => a + w, 0);
  let x = rand() * total;
  for (const [v, w] of table) { x -= w; if (x < 0) return v; }
  return table[table.length - 1][0];
}

const disposalShares: Array<['inquiry' | 'verification' | 'shelved' | 'closed', number]> = [['inquiry', 20], ['verification', 58], ['shelved', 5], ['closed', 17]];
const otherSources: Array<['inspection' | 'riskHit' | 'audit' | 'referral', number]> = [['inspection', 4], ['referral', 3], ['audit', 2], ['riskHit', 1]];

export async function createDemoCases(db: Kysely<DB>, countyCode: string, opts: { today?: IsoDate; seed?: number } = {}): Promise<DemoCasesResult> {
  await ensureCasesRoles(db);
  const existing = await db.selectFrom('clues').select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', countyCode).executeTakeFirstOrThrow();
  if (existing.n > 0) return { clues: existing.n, cases: 0, sanctioned: 0 };
  const cal = await loadCalendar(db);
  const rand = rng(opts.seed ?? Number(countyCode) + 11);
  const today = opts.today ?? todayInShanghai();
  const from = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const cdi = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('kind', '=', 'cdi').executeTakeFirstOrThrow();
  const users = new Map((await db.selectFrom('users').select(['id', 'username', 'unit_id']).execute()).map((u) => [u.username, u]));
  const people: DemoPeople = { cdiUnit: cdi.id, handler: users.get('cases')!.id, approver: users.get('cdi')!.id, reviewers: [users.get('intake')!.id, users.get('cdi')!.id], townshipUsers: new Map([...users.values()].map((u) => [u.unit_id, u.id])) };
  const officials = await db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id')
    .select(['o.id', 'o.unit_id', 'o.rank', 'o.managed_by', 'o.post', 'o.party_member', 'u.kind', 'u.parent_id']).where('o.county_code', '=', countyCode).where('o.active', '=', true).where('u.kind', '!=', 'cdi').execute();
  const byId = new Map(officials.map((o) => [o.id, o]));
  const hasReports = (await sql<{ t: string | null }>`select to_regclass('public.reports')::text as t`.execute(db)).rows[0]?.t;
  const reports = hasReports
    ? (await sql<{ id: string; unit_id: string; received_on: string; title: string; accused_official_id: string }>`
        select id, unit_id, received_on::text as received_on, title, accused_official_id::text as accused_official_id from reports
        where county_code = ${countyCode} and kind = 'accusation' and accused_official_id is not null and repeat_of is null order by received_on, id`.execute(db)).rows
    : [];
  // Clues: about half of the accusations naming an official, plus inspections, referrals, audits and risk hits.
  type Seed = { received: IsoDate; title: string; unit: string; official: (typeof officials)[number]; source: { type: 'report' | 'inspection' | 'riskHit' | 'audit' | 'referral'; id: string | null } };
  const seeds: Seed[] = [];
  for (const r of reports) {
    const o = byId.get(r.accused_official_id);
    if (o && rand() < 0.5) seeds.push({ received: addCalendarDays(r.received_on, 3 + Math.floor(rand() * 10)), title: r.title, unit: r.unit_id, official: o, source: { type: 'report', id: r.id } });
  }
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000));
  const extra = Math.max(12, Math.round(seeds.length * 0.15) || Math.round(span / 7));
  const pool = officials.filter((o) => o.kind !== 'department' || rand() < 0.5);
  for (let i = 0; i < extra; i++) {
    const o = pool[Math.floor(rand() * pool.length)];
    const type = weighted(rand, otherSources);
    seeds.push({ received: addCalendarDays(from, Math.floor(rand() * span)), title: { inspection: '巡察移交问题线索', referral: '上级转办问题线索', audit: '审计移送问题线索', riskHit: '风险筛查发现异常' }[type], unit: cdi.id, official: o, source: { type, id: null } });
  }
  seeds.sort((a, b) => a.received.localeCompare(b.received));
  const prefix = await countyPrefix(db, countyCode);
  const disposalRule = findRule(defaultDeadlineRules, 'clueDisposalOpinion')!;
  const replyRule = findRule(defaultDeadlineRules, 'inquiryReply')!;
  const counters = new Map<string, number>();
  const next = (kind: 'clue' | 'case', year: number) => { const k = `${kind}${year}`; counters.set(k, (counters.get(k) ?? 0) + 1); return counters.get(k)!; };
  let cases = 0;
  let sanctioned = 0;
  await db.transaction().execute(async (trx) => {
    for (const s of seeds) {
      if (s.received >= today) continue;
      const year = Number(s.received.slice(0, 4));
      const seq = next('clue', year);
      const due = computeDue(disposalRule, s.received, cal).due!;
      const disposalOn = addCalendarDays(s.received, 4 + Math.floor(rand() * 22));
      const disposed = disposalOn < today && disposalOn <= due;
      const disposal = weighted(rand, disposalShares);
      const level = ['province', 'city'].includes(s.official.managed_by) ? 'higherOrgan' : s.official.managed_by === 'county' ? 'cdiSecretary' : 'cdiDeputy';
      const clue = await trx.insertInto('clues').values({
        county_code: countyCode, unit_id: s.unit, serial: formatDocNo(prefix, 'clue', year, seq), year, seq, title: s.title, received_on: s.received, disposal_due: due,
        ...(disposed ? { disposal, disposal_on: disposalOn, disposal_opinion: '经研究，提出处置意见', approval_level: level as never, approved_by: level === 'higherOrgan' ? null : people.approver, higher_approval_ref: level === 'higherOrgan' ? '上级批复' : null } : {}),
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('clue_sources').values({ clue_id: clue.id, county_code: countyCode, source_type: s.source.type, source_id: s.source.id, outcome: disposed ? `disposal.${disposal}` : null, outcome_on: disposed ? disposalOn : null }).execute();
      await trx.insertInto('clue_accused').values({ clue_id: clue.id, official_id: s.official.id, rank_at_time: s.official.rank, managed_by_at_time: s.official.managed_by }).execute();
      if (!disposed) continue;
      let outcome: string | null = null;
      let measure: string | null = null;
      let outcomeOn = addCalendarDays(disposalOn, 20 + Math.floor(rand() * 40));
      if (disposal === 'inquiry') {
        const served = addCalendarDays(disposalOn, 3);
        await trx.updateTable('clues').set({ inquiry_served_on: served, inquiry_reply_due: computeDue(replyRule, served, cal).due!, inquiry_replied_on: addCalendarDays(served, 10) < today ? addCalendarDays(served, 10) : null }).where('id', '=', clue.id).execute();
        [outcome, measure] = rand() < 0.55 ? ['education', weighted(rand, [['reminderTalk', 4], ['criticism', 3], ['admonition', 2], ['inquiryClosedWithEducation', 3]])] : ['closedUntrue', null];
      } else if (disposal === 'verification') {
        if (rand() < 0.85) {
          const openedOn = addCalendarDays(disposalOn, 10 + Math.floor(rand() * 25));
          if (openedOn < today) {
            const caseYear = Number(openedOn.slice(0, 4));
            const result = await insertDemoCase(trx, cal, rand, people, { countyCode, clueId: clue.id, title: s.title, openedOn, today, official: s.official, docNo: formatDocNo(prefix, 'case', caseYear, next('case', caseYear)), year: caseYear });
            cases++;
            sanctioned += result.sanctioned;
            outcome = 'caseOpened';
            outcomeOn = openedOn;
            await trx.updateTable('clues').set({ case_id: result.caseId }).where('id', '=', clue.id).execute();
          }
        } else [outcome, measure] = rand() < 0.6 ? ['education', weighted(rand, [['reminderTalk', 3], ['criticism', 2], ['admonition', 2], ['postAdjusted', 1]])] : ['closedUntrue', null];
      } else outcome = disposal === 'shelved' ? 'parked' : weighted(rand, [['closedUntrue', 3], ['closedUncheckable', 1]]);
      if (outcome && outcomeOn < today) {
        if (measure === 'postAdjusted') outcome = 'organisational';
        await trx.updateTable('clues').set({ outcome: outcome as never, outcome_measure: measure, outcome_on: outcomeOn }).where('id', '=', clue.id).execute();
        await trx.updateTable('clue_sources').set({ outcome, outcome_on: outcomeOn }).where('clue_id', '=', clue.id).execute();
      }
    }
    for (const [k, last] of counters) {
      await trx.insertInto('case_doc_counters').values({ county_code: countyCode, kind: k.slice(0, -4) as 'clue' | 'case', year: Number(k.slice(-4)), last }).execute();
    }
  });
  return { clues: seeds.filter((s) => s.received < today).length, cases, sanctioned };
}

export function printDemoCases(r: DemoCasesResult): void {
  process.stdout.write(`演示问题线索和案件 Demo clues ${r.clues}, cases ${r.cases}, persons sanctioned ${r.sanctioned}\n`);
}
