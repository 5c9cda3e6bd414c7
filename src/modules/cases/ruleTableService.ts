import type { Kysely } from 'kysely';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import type { StatutoryCalendar } from '../../platform/calendar/statutoryCalendar';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { type DeadlineRule, type RuleOverride, defaultDeadlineRules, mergeRuleOverrides } from './rules';
import { auditActor } from './support';

/**
 * The office's version of the time-limit table: the built-in rules plus the overrides it stored (confirm a rule,
 * change a period or an extension), kept per county in `settings`. Every deadline of the workflow is computed on
 * this table and the office's statutory calendar, so a confirmed change needs no code.
 */
export interface Clock { calendar: StatutoryCalendar; rules: readonly DeadlineRule[] }

const key = (countyCode: string) => `cases.deadlineRuleOverrides.${countyCode}`;

export async function storedOverrides(db: Kysely<DB>, countyCode: string): Promise<RuleOverride[]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key(countyCode)).executeTakeFirst();
  return Array.isArray(row?.value) ? (row.value as RuleOverride[]) : [];
}

export async function loadRules(db: Kysely<DB>, countyCode: string): Promise<readonly DeadlineRule[]> {
  const merged = mergeRuleOverrides(await storedOverrides(db, countyCode));
  // Stored overrides were checked when saved; if a later code change made one invalid, the built-in table applies.
  return merged.ok ? merged.rules : defaultDeadlineRules;
}

export async function loadClock(db: Kysely<DB>, countyCode: string): Promise<Clock> {
  return { calendar: await loadCalendar(db), rules: await loadRules(db, countyCode) };
}

export const ruleTableService = {
  async view(db: Kysely<DB>, actor: Actor) {
    return { rules: await loadRules(db, actor.countyCode), overrides: await storedOverrides(db, actor.countyCode) };
  },

  /** Replaces the office's overrides as a whole; an invalid set is refused entirely (nothing half-changed). */
  async replace(ctx: AppContext, actor: Actor, overrides: RuleOverride[]) {
    const merged = mergeRuleOverrides(overrides);
    if (!merged.ok) {
      throw new AppError('VALIDATION_FAILED', { issues: merged.errors.map((e) => ({ field: 'body.overrides', key: e.code, params: { key: e.key, detail: e.detail ?? '' } })) });
    }
    await ctx.db.transaction().execute(async (trx) => {
      const before = await storedOverrides(trx, actor.countyCode);
      const value = JSON.stringify(overrides);
      await trx.insertInto('settings').values({ key: key(actor.countyCode), value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() })).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.rules.replace', objectType: 'deadlineRules', objectId: actor.countyCode, detail: { before, after: overrides } });
    });
    return this.view(ctx.db, actor);
  },
};
