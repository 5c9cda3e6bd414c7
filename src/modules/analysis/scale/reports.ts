import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { addCalendarDays, type IsoDate } from '../../../platform/calendar/dates';
import type { StatutoryCalendar } from '../../../platform/calendar/statutoryCalendar';
import type { Config } from '../../../platform/config';
import type { DB } from '../../../platform/db/schema';
import { intakeDeadlines, resultNoticeDue, settleDue } from '../../reports/deadlines';
import { answers, demoSector, efficiencyTitles, fill, issues, otherTitles, things } from '../../reports/demoText';
import { defaultEfficiencyCategories } from '../../reports/dictionaries';
import { sealIdentity } from '../../reports/vault';
import { bulkInsert, weighted, type Column } from './bulk';
import type { ScaleCounty, ScaleOfficial } from './organisation';

/**
 * A county's reports over the span, with the demo reports' shares (see reports/demo.ts: channels, kinds, who is
 * accused, categories, ≈ 25 % real-name, ≈ 10 % repeats, efficiency complaints ≈ 17 % of intake) and the same
 * walk through decision, routing and closure. Identities of real-name reporters are sealed as intake seals them.
 */
export interface ScaleReport { id: string; receivedOn: IsoDate; official: ScaleOfficial; title: string; unitId: string }

const channelShares = [['letter', 21], ['visit', 29], ['online', 38], ['phone', 4], ['12388', 2], ['referral', 4], ['inspection', 1], ['monitoringPoint', 1]] as const;
const kindShares = [['accusation', 66], ['outOfRemit', 22], ['noSubstance', 6], ['suggestion', 3], ['appeal', 3]] as const;
const targetShares = [['village', 77], ['township', 17], ['general', 4], ['department', 2]] as const;
const categoryShares = [['职务违法', 34], ['违反廉洁纪律', 26], ['违反群众纪律', 26], ['违反组织纪律', 8], ['违反工作纪律', 4], ['违反生活纪律', 2]] as const;

const reportColumns: Column[] = [['id', 'uuid'], ['county_code', 'text'], ['unit_id', 'uuid'], ['serial', 'text'], ['channel', 'text'], ['kind', 'text'], ['category', 'text'],
  ['efficiency_category', 'text'], ['sector', 'text'], ['title', 'text'], ['content', 'text'], ['township_code', 'text'], ['village_code', 'text'], ['accused_name', 'text'], ['accused_unit', 'text'],
  ['accused_post', 'text'], ['accused_official_id', 'uuid'], ['accused_rank', 'text'], ['accused_managed_by', 'text'], ['identified', 'boolean'], ['identity_cipher', 'text'],
  ['data_key_wrapped', 'text'], ['key_id', 'text'], ['caller_consent', 'boolean'], ['referral_doc_no', 'text'], ['status', 'text'], ['repeat_of', 'uuid'], ['matter_group', 'uuid'],
  ['received_at', 'timestamptz'], ['received_on', 'date'], ['route_due', 'date'], ['accept_notice_due', 'date'], ['accept_notified_at', 'timestamptz'], ['accepted_on', 'date'],
  ['handle_due', 'date'], ['closed_on', 'date'], ['result_notice_due', 'date'], ['result_notified_at', 'timestamptz'], ['answer', 'text'], ['result', 'text'], ['satisfaction', 'text']];
const eventColumns: Column[] = [['report_id', 'uuid'], ['county_code', 'text'], ['type', 'text'], ['from_unit_id', 'uuid'], ['to_unit_id', 'uuid'], ['due_date', 'date'], ['note', 'text'], ['created_at', 'timestamptz']];

export interface ReportsSpan { from: IsoDate; today: IsoDate; perYear: number }

export async function createScaleReports(db: Kysely<DB>, county: ScaleCounty, cal: StatutoryCalendar, config: Config, rand: () => number, span: ReportsSpan): Promise<ScaleReport[]> {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const days = Math.round((Date.parse(span.today) - Date.parse(span.from)) / 86_400_000);
  const total = Math.round((span.perYear * days) / 365);
  const at = (d: IsoDate, hour: number) => new Date(`${d}T${String(hour).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00+08:00`);
  // Letters and visits come on working days: a day is drawn, and a rest day is kept about a quarter as often.
  const drawDay = (): IsoDate => {
    for (;;) {
      const d = addCalendarDays(span.from, Math.floor(rand() * days));
      if (cal.isWorkingDay(d) || rand() < 0.27) return d;
    }
  };
  const dates = Array.from({ length: total }, drawDay).sort();
  const seq = await sql<{ n: string }>`select nextval('report_serial_seq')::text as n from generate_series(1, ${total})`.execute(db);
  const rows: unknown[][] = [];
  const events: unknown[][] = [];
  const accusations: ScaleReport[] = [];
  dates.forEach((d, idx) => {
    const id = randomUUID();
    const efficiency = rand() < 0.17;
    const working = cal.isWorkingDay(d);
    const channel = efficiency ? weighted(rand, [['online', 5], ['phone', 3], ['monitoringPoint', 2]] as const)
      : weighted(rand, channelShares.filter(([c]) => working || c === 'online' || c === 'phone'));
    const kind = efficiency ? 'efficiency' : weighted(rand, kindShares);
    const identified = channel !== 'monitoringPoint' && channel !== 'inspection' && rand() < 0.25;
    const target = efficiency ? 'department' : weighted(rand, targetShares);
    const township = pick(county.townships);
    const villages = county.villagesOf.get(township.id) ?? [];
    const village = villages.length ? pick(villages) : null;
    const accusedUnit = target === 'village' && village ? village : target === 'department' ? pick(county.departments) : township;
    let official = kind === 'accusation' ? pick(county.officialsOf.get(accusedUnit.id) ?? [null]) : null;
    const category = kind === 'accusation' ? weighted(rand, categoryShares) : null;
    const effCat = efficiency ? pick(defaultEfficiencyCategories).code : null;
    let title: string; let content: string; let thing: string | null = null;
    const who = official ? `${accusedUnit.name}${official.post}${official.name[0]}某某` : `${accusedUnit.name}有关人员`;
    if (kind === 'accusation') {
      const issue = issues.find((x) => x.category === category)!;
      thing = pick(things);
      const values = { who, place: village?.name ?? township.name, thing };
      title = fill(pick(issue.titles), values); content = fill(pick(issue.contents), values);
    } else if (efficiency) {
      title = fill(pick(efficiencyTitles[effCat!]), { unit: accusedUnit.name }); content = `${title}，希望有关部门改进作风、提高效率。`;
    } else {
      title = pick(otherTitles[kind as keyof typeof otherTitles]); content = `${township.name}群众来信：${title}。`;
    }
    let repeatOf: string | null = null;
    let group: string = id;
    // About one in ten accusations repeats a recent matter about the same person.
    if (official && accusations.length > 0 && rand() < 0.1) {
      const earlier = accusations[accusations.length - 1 - Math.floor(rand() * Math.min(50, accusations.length))];
      // Only first reports of a matter are kept as candidates, so the earlier report's id is its matter group.
      repeatOf = earlier.id; group = earlier.id; official = earlier.official; title = `再次${earlier.title}`;
    }
    const due = intakeDeadlines(cal, d, identified);
    const sealed = identified ? sealIdentity(config, id, { name: `${pick(['张', '王', '李', '赵', '刘', '陈', '杨', '周'])}某某`, phone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` }) : null;
    const r = {
      unit: county.cdi.id, status: 'received', acceptNotifiedAt: null as Date | null, acceptedOn: null as IsoDate | null, handleDue: null as IsoDate | null, closedOn: null as IsoDate | null,
      resultNoticeDue: null as IsoDate | null, resultNotifiedAt: null as Date | null, answer: null as string | null, satisfaction: null as string | null,
    };
    events.push([id, county.code, 'received', null, county.cdi.id, due.routeDue, null, at(d, 9)]);
    const decided = cal.addWorkingDays(d, rand() < 0.05 ? 16 + Math.floor(rand() * 5) : 1 + Math.floor(rand() * 10));
    if (decided <= span.today) {
      if (identified && rand() < 0.93) r.acceptNotifiedAt = at(cal.addWorkingDays(decided, Math.floor(rand() * 3)), 15);
      if (kind === 'outOfRemit' || kind === 'noSubstance') {
        Object.assign(r, { status: 'notAccepted', closedOn: decided, answer: answers.notAccepted, resultNoticeDue: resultNoticeDue(cal, decided, identified) });
        events.push([id, county.code, 'notAccepted', null, null, null, null, at(decided, 11)]);
      } else {
        Object.assign(r, { status: 'accepted', acceptedOn: decided, handleDue: settleDue(cal, decided, kind) });
        events.push([id, county.code, 'accepted', null, null, null, null, at(decided, 11)]);
        if (official?.rank === 'other' && rand() < 0.75) {
          Object.assign(r, { unit: township.id, status: 'handling' });
          events.push([id, county.code, rand() < 0.6 ? 'assignment' : 'transfer', county.cdi.id, township.id, cal.addDays(decided, 30), null, at(decided, 14)]);
        } else if (kind === 'efficiency' || rand() < 0.5) r.status = 'handling';
        const closed = addCalendarDays(decided, 15 + Math.floor(rand() * (kind === 'appeal' || kind === 'efficiency' ? 50 : 80)));
        if (closed <= span.today) {
          const answer = kind === 'efficiency' ? answers.efficiency : pick([answers.substantiated, answers.partly, answers.unfounded, answers.unfounded]);
          Object.assign(r, { status: 'closed', closedOn: closed, answer, resultNoticeDue: resultNoticeDue(cal, closed, identified) });
          if (identified && rand() < 0.9 && cal.addWorkingDays(closed, 3) <= span.today) r.resultNotifiedAt = at(cal.addWorkingDays(closed, 3), 15);
          if (rand() < 0.5 && addCalendarDays(closed, 7) <= span.today) r.satisfaction = weighted(rand, [['satisfied', 70], ['basicallySatisfied', 20], ['dissatisfied', 10]] as const);
          events.push([id, county.code, 'closure', null, null, null, answer, at(closed, 16)]);
        }
      }
    }
    rows.push([id, county.code, r.unit, `${county.code}-${d.slice(0, 4)}-${seq.rows[idx].n.padStart(6, '0')}`, channel, kind, category, effCat, demoSector(thing, effCat), title, content,
      target === 'department' ? null : township.code, target === 'village' ? village?.code ?? null : null, official ? `${official.name[0]}某某` : null, accusedUnit.name,
      official?.post ?? null, official?.id ?? null, official?.rank ?? null, official?.managedBy ?? null, identified, sealed?.identity_cipher, sealed?.data_key_wrapped, sealed?.key_id,
      channel === 'phone' ? true : null, channel === 'referral' ? `上级纪委信转〔${d.slice(0, 4)}〕${1 + Math.floor(rand() * 300)}号` : null, r.status, repeatOf, group,
      at(d, 8 + Math.floor(rand() * 10)), d, due.routeDue, due.acceptNoticeDue, r.acceptNotifiedAt, r.acceptedOn, r.handleDue, r.closedOn, r.resultNoticeDue, r.resultNotifiedAt,
      r.answer, r.answer, r.satisfaction]);
    if (official && kind === 'accusation' && !repeatOf) accusations.push({ id, receivedOn: d, official, title, unitId: r.unit });
  });
  await bulkInsert(db, 'reports', reportColumns, rows);
  await bulkInsert(db, 'report_events', eventColumns, events);
  await bulkInsert(db, 'report_routing_rules', [['county_code', 'text'], ['township_code', 'text'], ['accused_rank', 'text'], ['handling_unit_id', 'uuid'], ['priority', 'int'], ['note', 'text']],
    county.townships.map((t) => [county.code, t.code, 'other', t.id, 50, '村（社区）干部问题由乡镇（街道）纪委办理']));
  return accusations;
}
