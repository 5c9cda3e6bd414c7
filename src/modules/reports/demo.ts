import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import { addCalendarDays, todayInShanghai, type IsoDate } from '../../platform/calendar';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import type { Config } from '../../platform/config';
import type { DB } from '../../platform/db/schema';
import type { Channel, ReportEventsTable, ReportKind, ReportsTable, Satisfaction } from './db';
import { intakeDeadlines, resultNoticeDue, settleDue } from './deadlines';
import { accusationText, answers, demoSector, efficiencyTitles, fill, otherTitles, things } from './demoText';
import { ensureReportRoles } from './permissions';
import { newReceipt, receiptHash } from './receipts';
import { defaultEfficiencyCategories, ensureDictionary } from './dictionaries';
import { sealIdentity } from './vault';

/**
 * A demo history of reports from January of last year to today. Shares follow published county profiles
 * (numbers only): about 71 reports a quarter; channels ≈ letters 22%, visits 30%, online 38%, with calls,
 * 12388, referrals from above, inspections and monitoring points making up the rest; ≈ 66% accuse village
 * officials, 17% township cadres; ≈ 66% are accusations in remit, ≈ 22% outside remit; ≈ 10% repeats;
 * ≈ 25% real-name. Efficiency complaints (no published profile) come on top at about 5 a month.
 */
export interface DemoReportsOptions { config: Config; today?: IsoDate; from?: IsoDate; perQuarter?: number; seed?: number }
export interface DemoReportsResult { reports: number; open: number; sampleReceipt: string | null }

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** Knuth's method; fine for the small daily rates here. */
function poisson(rand: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rand(); p > limit; p *= rand()) k++;
  return k;
}

function weighted<T extends string>(rand: () => number, table: Array<[T, number]>): T {
  const total = table.reduce((a, [, w]) => a + w, 0);
  let x = rand() * total;
  for (const [v, w] of table) { x -= w; if (x < 0) return v; }
  return table[table.length - 1][0];
}

const channelShares: Array<[Channel, number]> = [['letter', 21], ['visit', 29], ['online', 38], ['phone', 4], ['12388', 2], ['referral', 4], ['inspection', 1], ['monitoringPoint', 1]];
const kindShares: Array<[ReportKind, number]> = [['accusation', 66], ['outOfRemit', 22], ['noSubstance', 6], ['suggestion', 3], ['appeal', 3]];
const targetShares: Array<['village' | 'township' | 'general' | 'department', number]> = [['village', 77], ['township', 17], ['general', 4], ['department', 2]];
/** Categories as an office types them (问题类别), with shares calibrated on county breakdowns by violated discipline. */
const categoryShares: Array<[string, number]> = [['职务违法', 34], ['违反廉洁纪律', 26], ['违反群众纪律', 26], ['违反组织纪律', 8], ['违反工作纪律', 4], ['违反生活纪律', 2]];

export async function createDemoReports(db: Kysely<DB>, countyCode: string, opts: DemoReportsOptions): Promise<DemoReportsResult> {
  await ensureReportRoles(db);
  await ensureDictionary(db, 'efficiencyCategory', countyCode);
  await ensureDictionary(db, 'sector', countyCode);
  const cal = await loadCalendar(db);
  const rand = rng(opts.seed ?? Number(countyCode) + 7);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const today = opts.today ?? todayInShanghai();
  const from = opts.from ?? `${Number(today.slice(0, 4)) - 1}-01-01`;
  const perDay = (opts.perQuarter ?? 71) / 91;

  const units = await db.selectFrom('units').select(['id', 'code', 'name', 'kind', 'parent_id']).where('county_code', '=', countyCode).where('active', '=', true).execute();
  const cdi = units.find((u) => u.kind === 'cdi');
  if (!cdi) throw new Error(`County ${countyCode} has no CDI unit: create the organisation first`);
  const townships = units.filter((u) => ['township', 'town', 'subdistrict'].includes(u.kind));
  const villages = units.filter((u) => u.kind === 'village' || u.kind === 'community');
  const departments = units.filter((u) => u.kind === 'department');
  const byId = new Map(units.map((u) => [u.id, u]));
  const officials = await db.selectFrom('officials').select(['id', 'name', 'unit_id', 'post', 'rank', 'managed_by']).where('county_code', '=', countyCode).where('active', '=', true).execute();
  const officialsOf = new Map<string, typeof officials>();
  for (const o of officials) officialsOf.set(o.unit_id, [...(officialsOf.get(o.unit_id) ?? []), o]);

  const reports: Insertable<ReportsTable>[] = [];
  const events: Insertable<ReportEventsTable>[] = [];
  let sampleReceipt: string | null = null;
  const at = (d: IsoDate, hour = 10) => new Date(`${d}T${String(hour).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00+08:00`);
  const ev = (r: Insertable<ReportsTable>, type: ReportEventsTable['type'], d: IsoDate, e: Partial<Insertable<ReportEventsTable>> = {}) =>
    events.push({ report_id: r.id, county_code: countyCode, type, created_at: at(d, 9 + Math.floor(rand() * 8)), ...e });

  for (let d = from; d <= today; d = addCalendarDays(d, 1)) {
    const working = cal.isWorkingDay(d);
    // Letters and visits come on working days; online reports any day.
    const n = poisson(rand, perDay * (working ? 1.3 : 0.35));
    const effToday = rand() < 5 / 30 ? 1 : 0;
    for (let i = 0; i < n + effToday; i++) {
      const efficiency = i >= n;
      const id = randomUUID();
      const channel = efficiency ? weighted(rand, [['online', 5], ['phone', 3], ['monitoringPoint', 2]]) : weighted(rand, channelShares.filter(([c]) => working || c === 'online' || c === 'phone'));
      const kind: ReportKind = efficiency ? 'efficiency' : weighted(rand, kindShares);
      const identified = channel !== 'monitoringPoint' && channel !== 'inspection' && rand() < 0.25;
      const target = efficiency ? 'department' : weighted(rand, targetShares);
      const township = pick(townships);
      const villageList = villages.filter((v) => v.parent_id === township.id);
      const village = villageList.length > 0 ? pick(villageList) : null;
      const accusedUnit = target === 'village' && village ? village : target === 'department' ? pick(departments) : township;
      const official = kind === 'accusation' ? pick(officialsOf.get(accusedUnit.id) ?? [null]) : null;
      const who = official ? `${byId.get(official.unit_id)?.name ?? ''}${official.post ?? ''}${official.name[0]}某某` : `${accusedUnit.name}有关人员`;
      const category = kind === 'accusation' ? weighted(rand, categoryShares) : null;
      const effCat = efficiency ? pick(defaultEfficiencyCategories).code : null;
      let title: string; let content: string; let thing: string | null = null;
      if (kind === 'accusation') {
        thing = pick(things);
        ({ title, content } = accusationText(category!, { who, place: village?.name ?? township.name, thing }, rand));
      } else if (efficiency) {
        title = fill(pick(efficiencyTitles[effCat!]), { unit: accusedUnit.name }); content = `${title}，希望有关部门改进作风、提高效率。`;
      } else {
        title = pick(otherTitles[kind as keyof typeof otherTitles]); content = `${township.name}群众来信：${title}。`;
      }
      const due = intakeDeadlines(cal, d, identified);
      const receipt = newReceipt();
      const r: Insertable<ReportsTable> = {
        id, county_code: countyCode, unit_id: cdi.id, serial: '', channel, kind, category, efficiency_category: effCat, sector: demoSector(thing, effCat), title, content,
        township_code: target === 'department' ? null : township.code, village_code: target === 'village' ? village?.code ?? null : null,
        accused_name: official ? `${official.name[0]}某某` : null, accused_unit: accusedUnit.name, accused_post: official?.post ?? null,
        accused_official_id: official?.id ?? null, accused_rank: official?.rank ?? null, accused_managed_by: official?.managed_by ?? null,
        identified, ...(identified ? sealIdentity(opts.config, id, { name: `${pick(['张', '王', '李', '赵', '刘', '陈', '杨', '周'])}某某`, phone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` }) : {}),
        caller_consent: channel === 'phone' ? true : null, referral_doc_no: channel === 'referral' ? `昆纪信转〔${d.slice(0, 4)}〕${1 + Math.floor(rand() * 300)}号` : null,
        receipt_hash: receiptHash(receipt), status: 'received', matter_group: id, received_at: at(d, 8 + Math.floor(rand() * 10)), received_on: d,
        route_due: due.routeDue, accept_notice_due: due.acceptNoticeDue, created_by: null,
      };
      // About one in ten in-remit accusations repeats an earlier matter about the same person.
      if (kind === 'accusation' && official && rand() < 0.1) {
        const earlier = [...reports].reverse().find((p) => p.accused_official_id && p.kind === 'accusation' && rand() < 0.05);
        if (earlier) Object.assign(r, { repeat_of: earlier.id, matter_group: earlier.matter_group, accused_official_id: earlier.accused_official_id, accused_name: earlier.accused_name, accused_unit: earlier.accused_unit, title: `再次${earlier.title}` });
      }
      reports.push(r);
      ev(r, 'received', d, { to_unit_id: cdi.id, due_date: due.routeDue });
      progress(r, d);
      if (!sampleReceipt && r.status === 'closed' && channel === 'online' && d >= addCalendarDays(today, -120)) {
        sampleReceipt = receipt;
        events.push({ report_id: id, county_code: countyCode, type: 'reply', note: r.answer ?? null, created_at: at(r.closed_on!, 16) });
      }
    }
  }

  /** Walk one report through decision, routing, handling, closure, notices and feedback, as far as today allows. */
  function progress(r: Insertable<ReportsTable>, received: IsoDate) {
    const decided = cal.addWorkingDays(received, rand() < 0.05 ? 16 + Math.floor(rand() * 5) : 1 + Math.floor(rand() * 10));
    if (decided > today) return;
    if (r.identified && rand() < 0.93) { r.accept_notified_at = at(cal.addWorkingDays(decided, Math.floor(rand() * 3)), 15); ev(r, 'acceptanceNotice', decided, { detail: JSON.stringify({ method: 'phone' }) }); }
    if (r.kind === 'outOfRemit' || r.kind === 'noSubstance') {
      Object.assign(r, { status: 'notAccepted', closed_on: decided, answer: answers.notAccepted, result: answers.notAccepted, result_notice_due: resultNoticeDue(cal, decided, r.identified!) });
      ev(r, 'notAccepted', decided);
      return;
    }
    Object.assign(r, { status: 'accepted', accepted_on: decided, handle_due: settleDue(cal, decided, r.kind!) });
    ev(r, 'accepted', decided);
    const township = r.township_code ? units.find((u) => u.code === r.township_code) : undefined;
    if (township && (r.accused_rank === 'other' || r.kind === 'suggestion') && rand() < 0.75) {
      const mode = rand() < 0.6 ? 'assignment' : 'transfer';
      Object.assign(r, { unit_id: township.id, status: 'handling' });
      ev(r, mode, decided, { to_unit_id: township.id, from_unit_id: cdi!.id, due_date: cal.addDays(decided, 30), confirmed_at: rand() < 0.92 ? at(cal.addWorkingDays(decided, 1 + Math.floor(rand() * 2))) : null });
    } else if (r.kind === 'efficiency' || rand() < 0.5) {
      r.status = 'handling';
    }
    const closed = addCalendarDays(decided, 15 + Math.floor(rand() * (r.kind === 'appeal' || r.kind === 'efficiency' ? 50 : 80)));
    if (closed > today) return;
    ev(r, 'action', addCalendarDays(decided, 5), { note: '开展调查核实' });
    const answer = r.kind === 'efficiency' ? answers.efficiency : pick([answers.substantiated, answers.partly, answers.unfounded, answers.unfounded]);
    Object.assign(r, { status: 'closed', closed_on: closed, answer, result: answer, result_notice_due: resultNoticeDue(cal, closed, r.identified!) });
    ev(r, 'closure', closed, { note: answer });
    if (r.identified && rand() < 0.9 && cal.addWorkingDays(closed, 3) <= today) { r.result_notified_at = at(cal.addWorkingDays(closed, 3), 15); ev(r, 'resultNotice', cal.addWorkingDays(closed, 3)); }
    if (rand() < 0.5 && addCalendarDays(closed, 7) <= today) {
      r.satisfaction = weighted<Satisfaction>(rand, [['satisfied', 70], ['basicallySatisfied', 20], ['dissatisfied', 10]]);
      ev(r, 'feedback', addCalendarDays(closed, 7), { detail: JSON.stringify({ satisfaction: r.satisfaction, via: r.channel === 'online' ? 'receipt' : 'phone' }) });
    }
  }

  await db.transaction().execute(async (trx) => {
    const seq = await sql<{ n: string }>`select nextval('report_serial_seq')::text as n from generate_series(1, ${reports.length})`.execute(trx);
    reports.forEach((r, i) => { r.serial = `${countyCode}-${String(r.received_on).slice(0, 4)}-${seq.rows[i].n.padStart(6, '0')}`; });
    for (let i = 0; i < reports.length; i += 300) await trx.insertInto('reports').values(reports.slice(i, i + 300)).execute();
    for (let i = 0; i < events.length; i += 1000) await trx.insertInto('report_events').values(events.slice(i, i + 1000)).execute();
    for (const t of townships) {
      await trx.insertInto('report_routing_rules').values({ county_code: countyCode, township_code: t.code, accused_rank: 'other', handling_unit_id: t.id, priority: 50, note: '村（社区）干部问题由乡镇（街道）纪委办理' }).execute();
    }
    await sql`analyze reports`.execute(trx);
  });
  return { reports: reports.length, open: reports.filter((r) => r.status !== 'closed' && r.status !== 'notAccepted').length, sampleReceipt };
}

export function printDemoReports(r: DemoReportsResult): void {
  process.stdout.write(`演示信访举报 Demo reports: ${r.reports} (${r.open} open)${r.sampleReceipt ? `; try the public lookup with receipt 查询码 ${r.sampleReceipt}` : ''}\n`);
}
