import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { bandText, checkTiers, loadItems, order, type BenchmarkItem, type TiersInput } from './benchmarkService';
import { tierWords } from './rules';
import { screenInTransaction, type PenaltyScreeningRun } from './screeningService';

/**
 * A department revises an item's tiers (a new 裁量基准 text). The bands are replaced whole, the audit keeps the
 * bands before, and the county is screened again in the same transaction, so a decision now outside (or back
 * inside) its band is flagged (or cleared) at once. A tier that recorded decisions declare cannot be dropped:
 * those decisions would lose the band they are measured against.
 */
export async function updateBenchmarkTiers(ctx: AppContext, actor: Actor, id: string, tiersIn: TiersInput): Promise<BenchmarkItem & { screening: PenaltyScreeningRun }> {
  const item = await ctx.db.selectFrom('penalty_benchmark_items').select(['id', 'unit_id', 'code']).where('id', '=', id).where('county_code', '=', actor.countyCode).executeTakeFirst();
  if (!item || !(await unitInScope(ctx.db, actor, item.unit_id))) throw AppError.notFound('what.penaltyBenchmarkItem');
  checkTiers(tiersIn);
  const kept = new Set(tiersIn.map((t) => t.tier));
  const screening = await ctx.db.transaction().execute(async (trx) => {
    // Checked inside the transaction, so a decision recorded meanwhile under a dropped tier is seen.
    const used = await trx.selectFrom('penalty_decisions').select(['tier', (eb) => eb.fn.countAll<string>().as('n')]).where('item_id', '=', id).where('outcome', '=', 'penalty')
      .where('tier', 'is not', null).groupBy('tier').execute();
    const dropped = used.find((u) => u.tier && !kept.has(u.tier));
    if (dropped) throw AppError.field('body.tiers', 'penaltyDiscretion.tierInUse', { tier: tierWords[dropped.tier!], n: Number(dropped.n) });
    const before = await trx.selectFrom('penalty_benchmark_tiers').selectAll().where('item_id', '=', id).execute();
    await trx.deleteFrom('penalty_benchmark_tiers').where('item_id', '=', id).execute();
    await trx.insertInto('penalty_benchmark_tiers').values(tiersIn.map((t) => ({
      item_id: id, tier: t.tier, fine_basis: t.fineBasis, fine_min: t.fineMin, fine_max: t.fineMax, kinds: t.penaltyKinds, circumstances: t.circumstances || null,
    }))).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'penaltyDiscretion.benchmark.updateTiers', objectType: 'penaltyBenchmarkItem', objectId: id,
      detail: { itemCode: item.code, before: before.sort((a, b) => order(a.tier) - order(b.tier)).map((t) => bandText({ ...t, fineBasis: t.fine_basis, fineMin: t.fine_min, fineMax: t.fine_max })),
        after: tiersIn.map(bandText) } });
    return screenInTransaction(trx, actor.countyCode);
  });
  return { ...(await loadItems(ctx.db, actor.countyCode, { itemId: id }))[0], screening };
}

