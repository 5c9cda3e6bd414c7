import { sql, type Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { demoReleases } from './demoData';
import { ensureRiskRoles } from './permissions';
import { screenCounty } from './screeningService';
import { loadStoreMaps, storeRelease, type StoreCounts } from './store';

/**
 * Demo procurement for the demo county: generated processes (demoData.ts) whose buyers are the county's township
 * governments and departments and whose bidders are the demo companies, stored as an import batch, then screened
 * so the hits page has something to show. Skipped when the county already has processes.
 */
export interface DemoRiskResult { processes: number; hits: number }

export async function createDemoRisk(db: Kysely<DB>, countyCode: string, opts: { year?: number } = {}): Promise<DemoRiskResult> {
  await ensureRiskRoles(db);
  const existing = await db.selectFrom('risk_processes').select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', countyCode).executeTakeFirstOrThrow();
  if (existing.n > 0) return { processes: existing.n, hits: 0 };
  const cdi = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('kind', '=', 'cdi').executeTakeFirstOrThrow();
  const companies = await db.selectFrom('companies').select(['id', 'name', 'credit_code', 'legal_representative', 'address']).where('county_code', '=', countyCode)
    .orderBy('credit_code').limit(30).execute();
  const buyers = await db.selectFrom('units').select(['name']).where('county_code', '=', countyCode).where('kind', 'in', ['town', 'township', 'subdistrict', 'department'])
    .where('active', '=', true).orderBy('code').limit(12).execute();
  if (companies.length < 12 || buyers.length < 2) return { processes: 0, hits: 0 };
  const year = opts.year ?? Number(todayInShanghai().slice(0, 4));
  const releases = demoReleases(countyCode, year, companies.map((c) => ({ id: c.id, name: c.name, creditCode: c.credit_code, legalRepresentative: c.legal_representative, address: c.address })), buyers);
  const maps = await loadStoreMaps(db, countyCode);
  const counts: StoreCounts = { processes: 0, bids: 0, awards: 0, contracts: 0, payments: 0 };
  await db.transaction().execute(async (trx) => {
    const batch = await trx.insertInto('risk_import_batches').values({
      county_code: countyCode, unit_id: cdi.id, source: 'ocds', file_name: '演示数据（生成）', sha256: '', status: 'done', phase: 'done', finished_at: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    const target = { countyCode, unitId: cdi.id, batchId: batch.id, createdBy: null, ...maps };
    for (const r of releases) await storeRelease(trx, target, r, counts);
    await trx.updateTable('risk_import_batches').set({ total: releases.length, processed: releases.length, counts: JSON.stringify(counts) }).where('id', '=', batch.id).execute();
  });
  const run = await screenCounty(db, countyCode);
  return { processes: counts.processes, hits: run.hits };
}

export function printDemoRisk(r: DemoRiskResult): void {
  process.stdout.write(`招投标演示数据 Demo procurement: ${r.processes} processes, ${r.hits} red-flag hits\n`);
}
