import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/scope/actor';
import { auditActor } from '../org/unitService';
import { screenInTransaction, type PenaltyScreeningRun } from './screeningService';
import { loadSettings, settingsKey, type PenaltySettings } from './settings';

/** Saving screens the county again in the same transaction, so the hits follow the new thresholds at once. */
export async function saveSettings(ctx: AppContext, actor: Actor, s: PenaltySettings): Promise<PenaltySettings & { screening: PenaltyScreeningRun }> {
  const before = await loadSettings(ctx.db, actor.countyCode);
  const screening = await ctx.db.transaction().execute(async (trx) => {
    const value = JSON.stringify(s);
    await trx.insertInto('settings').values({ key: settingsKey(actor.countyCode), value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() })).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'penaltyDiscretion.settings.update', objectType: 'penaltySettings', objectId: actor.countyCode, detail: { before: { ...before }, after: { ...s } } });
    return screenInTransaction(trx, actor.countyCode);
  });
  return { ...(await loadSettings(ctx.db, actor.countyCode)), screening };
}
