import type { Kysely } from 'kysely';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { auditActor } from '../org/unitService';
import { replaceDomainHits } from '../risk/hitStore';
import { screenExpenses, type DayInfoOf, type ExpenseFacts } from './rules';
import { loadStandards } from './standardService';
import type { Standards } from './standards';

/**
 * Screening of a county's expense records into the shared hit store (domain 'spending'): every rule over every
 * record, then the county's undecided spending hits replaced (dismissed and clued ones keep their decision). The
 * judgement is county-wide (splitting looks across records), so it reads without data scope; each user sees the
 * hits of their scope on read. Standards and the calendar are read before the transaction opens (PGlite hands
 * out one connection in turn), the records inside it (an import's rows are not committed yet).
 */
export interface SpendingScreening { records: number; hits: number; kept: number; byCode: Record<string, number> }
export interface ScreeningInputs { standards: Standards; dayInfo: DayInfoOf }

export async function screeningInputs(db: Kysely<DB>, countyCode: string): Promise<ScreeningInputs> {
  const [standards, calendar] = await Promise.all([loadStandards(db, countyCode), loadCalendar(db)]);
  return { standards, dayInfo: (d) => calendar.dayInfo(d) };
}

export async function loadFacts(db: Kysely<DB>, countyCode: string): Promise<ExpenseFacts[]> {
  const rows = await db.selectFrom('spending_expenses as e').innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(['e.id', 'e.unit_id', 'u.name as unitName', 'e.spent_on', 'e.category', 'e.amount', 'e.persons', 'e.accompanying', 'e.days', 'e.nights', 'e.class_level',
      'e.traveller_rank', 'e.payee', 'e.venue', 'e.has_letter', 'e.approval_no', 'e.description'])
    .where('e.county_code', '=', countyCode).orderBy('e.spent_on').orderBy('e.id').execute();
  return rows.map((r) => ({
    id: r.id, unitId: r.unit_id, unitName: r.unitName, spentOn: r.spent_on, category: r.category, amount: Number(r.amount), persons: r.persons, accompanying: r.accompanying,
    days: r.days, nights: r.nights, classLevel: r.class_level, travellerRank: r.traveller_rank, payee: r.payee, venue: r.venue, hasLetter: r.has_letter,
    approvalNo: r.approval_no, description: r.description,
  }));
}

/** Screens inside the caller's transaction (an import or an entry screens with its own writes). */
export async function screenIn(trx: Kysely<DB>, countyCode: string, inputs: ScreeningInputs): Promise<SpendingScreening> {
  const facts = await loadFacts(trx, countyCode);
  const hits = screenExpenses(facts, inputs.standards, inputs.dayInfo);
  const stored = await replaceDomainHits(trx, countyCode, 'spending', hits);
  const byCode: Record<string, number> = {};
  for (const h of hits) byCode[h.code] = (byCode[h.code] ?? 0) + 1;
  return { records: facts.length, hits: stored.hits, kept: stored.kept, byCode };
}

/** The on-demand run (重新筛查): the caller's county, one transaction with its audit entry. */
export async function runScreening(ctx: AppContext, actor: Actor): Promise<SpendingScreening> {
  const inputs = await screeningInputs(ctx.db, actor.countyCode);
  return ctx.db.transaction().execute(async (trx) => {
    const run = await screenIn(trx, actor.countyCode, inputs);
    await ctx.audit.record(trx, auditActor(actor), { action: 'spending.screening.run', objectType: 'spendingScreening', objectId: actor.countyCode,
      detail: { records: run.records, hits: run.hits, kept: run.kept } });
    return run;
  });
}
