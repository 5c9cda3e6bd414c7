import { sql, type Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { loadSettings as loadDisclosureSettings } from '../disclosure/access';
import { auditActor } from '../org/unitService';
import { replaceDomainHits } from '../risk/hitStore';
import { screenVillageAssets } from './assetRules';
import type { ScreeningInput } from './ruleTypes';
import { loadThresholds } from './settings';

/**
 * Screening of a county's village ledgers: every fund row, contract and disposal with the county's thresholds and
 * the villages' 村务公开 records, into the shared hit store (domain villageAssets; undecided hits replaced, decided
 * ones kept). A county-wide judgement (rents are compared across a township), so it reads without data scope;
 * each hit belongs to its village, and what a user sees of the hits is scoped on read.
 */
export interface VillageScreeningRun { entries: number; contracts: number; disposals: number; hits: number; kept: number; byCode: Record<string, number> }

export async function loadScreeningInput(db: Kysely<DB>, countyCode: string, today = todayInShanghai()): Promise<ScreeningInput> {
  const [entries, contracts, disposals, disclosed, thresholds, disclosure] = await Promise.all([
    db.selectFrom('village_fund_entries as e').innerJoin('units as u', 'u.id', 'e.unit_id')
      .select(['e.id', 'e.unit_id', 'u.name', 'e.township_code', 'e.entry_date', 'e.voucher_no', 'e.direction', 'e.amount', 'e.counterparty', 'e.payment_method', 'e.category',
        'e.decision_date', 'e.published']).where('e.county_code', '=', countyCode).orderBy('e.entry_date').orderBy('e.id').execute(),
    db.selectFrom('village_contracts as c').innerJoin('units as u', 'u.id', 'c.unit_id').select(['c.id', 'c.unit_id', 'u.name', 'c.township_code', 'c.contract_no', 'c.object_type',
      'c.object_name', 'c.area', 'c.area_unit', 'c.counterparty', 'c.start_on', 'c.end_on', 'c.annual_rent', 'c.award_method', 'c.decision_date'])
      .where('c.county_code', '=', countyCode).orderBy('c.start_on').orderBy('c.id').execute(),
    db.selectFrom('village_disposals as d').innerJoin('units as u', 'u.id', 'd.unit_id').select(['d.id', 'd.unit_id', 'u.name', 'd.township_code', 'd.asset_name', 'd.disposed_on',
      'd.appraised_value', 'd.sale_price', 'd.buyer', 'd.method', 'd.decision_date']).where('d.county_code', '=', countyCode).orderBy('d.disposed_on').orderBy('d.id').execute(),
    db.selectFrom('disclosure_records').select(['unit_id', 'period']).where('county_code', '=', countyCode).where('kind', '=', 'village')
      .where(sql<boolean>`'finance' = any(items)`).execute(),
    loadThresholds(db, countyCode),
    loadDisclosureSettings(db, countyCode),
  ]);
  const financeDisclosed = new Map<string, Set<string>>();
  for (const r of disclosed) financeDisclosed.set(r.unit_id, (financeDisclosed.get(r.unit_id) ?? new Set()).add(r.period));
  const own = (r: { id: string; unit_id: string; name: string; township_code: string | null }) => ({ id: r.id, villageId: r.unit_id, villageName: r.name, townshipCode: r.township_code });
  return {
    entries: entries.map((r) => ({ ...own(r), date: r.entry_date, voucherNo: r.voucher_no, direction: r.direction, amount: Number(r.amount), counterparty: r.counterparty,
      paymentMethod: r.payment_method, category: r.category, decisionDate: r.decision_date, published: r.published })),
    contracts: contracts.map((r) => ({ ...own(r), contractNo: r.contract_no, objectType: r.object_type, objectName: r.object_name, area: Number(r.area), areaUnit: r.area_unit,
      counterparty: r.counterparty, startOn: r.start_on, endOn: r.end_on, annualRent: Number(r.annual_rent), awardMethod: r.award_method, decisionDate: r.decision_date })),
    disposals: disposals.map((r) => ({ ...own(r), assetName: r.asset_name, disposedOn: r.disposed_on, appraisedValue: Number(r.appraised_value), salePrice: Number(r.sale_price),
      buyer: r.buyer, method: r.method, decisionDate: r.decision_date })),
    financeDisclosed, today, dueDays: disclosure.dueDays, thresholds,
  };
}

/** One run inside the caller's transaction. */
export async function screenInTransaction(trx: Kysely<DB>, countyCode: string): Promise<VillageScreeningRun> {
  const input = await loadScreeningInput(trx, countyCode);
  const hits = screenVillageAssets(input);
  const stored = await replaceDomainHits(trx, countyCode, 'villageAssets', hits);
  const byCode: Record<string, number> = {};
  for (const h of hits) byCode[h.code] = (byCode[h.code] ?? 0) + 1;
  return { entries: input.entries.length, contracts: input.contracts.length, disposals: input.disposals.length, ...stored, byCode };
}

/** The run after an import or form entry, and on demand (重新筛查): one transaction with its audit entry. */
export async function screenCounty(ctx: Pick<AppContext, 'db' | 'audit'>, actor: Actor): Promise<VillageScreeningRun> {
  return ctx.db.transaction().execute(async (trx) => {
    const run = await screenInTransaction(trx, actor.countyCode);
    await ctx.audit.record(trx, auditActor(actor), { action: 'villageAssets.screening.run', objectType: 'villageScreening', objectId: actor.countyCode,
      detail: { entries: run.entries, contracts: run.contracts, disposals: run.disposals, hits: run.hits, kept: run.kept } });
    return run;
  });
}
