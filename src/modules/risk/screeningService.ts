import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { auditActor } from '../org/unitService';
import { lockScreening } from './hitStore';
import { loadReleases } from './loadReleases';
import { screenReleases } from './screening';

/**
 * Runs the engine over every stored process of a county and replaces the undecided hits. Idempotent: the `new`
 * hits are deleted and the fresh ones inserted; a hit whose key someone already dismissed or turned into a
 * clue is not inserted again (its decision stands), but its process links are refreshed. The engine is a
 * county-wide judgement (markets are calibrated on all the county's tenders), so it reads without data scope;
 * what each user then sees of the hits is scoped on read.
 */
export interface ScreeningRun { processes: number; hits: number; kept: number; byCode: Record<string, number>; notApplicable: Record<string, number> }

export async function screenCounty(db: Kysely<DB>, countyCode: string): Promise<ScreeningRun> {
  const stored = await loadReleases(db, countyCode);
  const { hits, notApplicable } = screenReleases(stored);
  const unitOf = new Map(stored.map((s) => [s.processId, s.unitId]));
  const buyerOf = new Map(stored.map((s) => [s.processId, s.release.buyer?.name ?? null]));
  const ocidOf = new Map(stored.map((s) => [s.processId, s.release.ocid]));
  // A hit with no process (e.g. an indicator over a buyer with no stored tender) cannot be scoped: the county's root unit owns it.
  const root = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('kind', '=', 'county').executeTakeFirst();
  return db.transaction().execute(async (trx) => {
    await lockScreening(trx, countyCode, 'procurement');
    // Other domains' hits (spending, penalties, village funds) are theirs to replace.
    await trx.deleteFrom('risk_hits').where('county_code', '=', countyCode).where('domain', '=', 'procurement').where('status', '=', 'new').execute();
    const decided = new Set((await trx.selectFrom('risk_hits').select('hit_key').where('county_code', '=', countyCode).where('domain', '=', 'procurement').execute()).map((r) => r.hit_key));
    const byCode: Record<string, number> = {};
    let kept = 0;
    const rows = [];
    for (const h of hits) {
      const pids = [...h.processIds].sort((a, b) => (ocidOf.get(a) ?? '').localeCompare(ocidOf.get(b) ?? ''));
      if (decided.has(h.key)) {
        kept++;
        await trx.updateTable('risk_hits').set({ process_id: pids[0] ?? null, process_ids: pids }).where('county_code', '=', countyCode).where('hit_key', '=', h.key).execute();
        continue;
      }
      const unitId = (pids[0] && unitOf.get(pids[0])) || root?.id;
      if (!unitId) continue;
      byCode[h.code] = (byCode[h.code] ?? 0) + 1;
      rows.push({
        county_code: countyCode, unit_id: unitId, hit_key: h.key, code: h.code, source: h.source, subject_id: h.subjectId,
        process_id: pids[0] ?? null, process_ids: pids, ocids: pids.map((p) => ocidOf.get(p)!),
        strength: h.strength, score: h.score !== null && Number.isFinite(h.score) ? h.score : null,
        threshold: JSON.stringify(h.evidence.threshold), hit_values: JSON.stringify(h.evidence.values), evidence: JSON.stringify(h.evidence),
        buyer_name: pids[0] ? buyerOf.get(pids[0]) ?? null : null, supplier_names: h.supplierNames,
      });
    }
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('risk_hits').values(rows.slice(i, i + 500)).onConflict((oc) => oc.columns(['county_code', 'hit_key']).doNothing()).execute();
    return { processes: stored.length, hits: rows.length, kept, byCode, notApplicable };
  });
}

/** The on-demand run (POST /screening): the caller's county, audited. */
export async function runScreening(ctx: AppContext, actor: Actor): Promise<ScreeningRun> {
  const run = await screenCounty(ctx.db, actor.countyCode);
  await ctx.audit.record(ctx.db, auditActor(actor), { action: 'risk.screening.run', objectType: 'riskScreening', detail: { processes: run.processes, hits: run.hits, kept: run.kept } });
  return run;
}

export const countHits = (db: Kysely<DB>, countyCode: string) =>
  db.selectFrom('risk_hits').select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', countyCode).executeTakeFirstOrThrow();
