import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { auditActor } from './intakeService';
import { reportRepository } from './reportRepository';
import type { routingRuleInput, routingRuleUpdate } from './schema';

/**
 * Routing rules (category × township × accused rank → handling unit), per county and edited by administrators. The suggestion takes the most specific matching rule; with
 * none, it follows cadre management authority (分级负责、归口办理): township-managed officials and village
 * matters go to the township, everything else stays with the county CDI.
 */
type RuleInput = z.infer<typeof routingRuleInput>;

async function checkUnit(db: Kysely<DB>, countyCode: string, unitId: string) {
  const u = await db.selectFrom('units').select('id').where('id', '=', unitId).where('county_code', '=', countyCode).executeTakeFirst();
  if (!u) throw AppError.field('body.handlingUnitId', 'field.unitNotFound');
}

/** Township-level unit kinds (乡、镇、街道、其他乡级单位): what a report's townshipCode names. */
const townshipKinds = ['township', 'town', 'subdistrict', 'townshipOther'] as const;

/** A rule naming a township outside the county would never match a report of this county: refuse it. */
async function checkTownship(db: Kysely<DB>, countyCode: string, code: string | null | undefined) {
  if (!code) return;
  const u = await db.selectFrom('units').select('id').where('code', '=', code).where('county_code', '=', countyCode)
    .where('kind', 'in', townshipKinds).executeTakeFirst();
  if (!u) throw AppError.field('body.townshipCode', 'field.notCountyTownship');
}

const ruleColumns = ['rr.id', 'rr.category', 'rr.township_code as townshipCode', 'rr.accused_rank as accusedRank', 'rr.handling_unit_id as handlingUnitId',
  'u.name as handlingUnitName', 'rr.priority', 'rr.active', 'rr.note'] as const;

export const routingService = {
  async listRules(ctx: AppContext, actor: Actor) {
    const items = await ctx.db.selectFrom('report_routing_rules as rr').innerJoin('units as u', 'u.id', 'rr.handling_unit_id').select(ruleColumns)
      .where('rr.county_code', '=', actor.countyCode).orderBy('rr.priority').orderBy('rr.created_at').execute();
    return { items };
  },

  async createRule(ctx: AppContext, actor: Actor, input: RuleInput) {
    return ctx.db.transaction().execute(async (trx) => {
      await checkUnit(trx, actor.countyCode, input.handlingUnitId);
      await checkTownship(trx, actor.countyCode, input.townshipCode);
      const row = await trx.insertInto('report_routing_rules').values({
        county_code: actor.countyCode, category: input.category ?? null, township_code: input.townshipCode ?? null, accused_rank: input.accusedRank ?? null,
        handling_unit_id: input.handlingUnitId, priority: input.priority ?? 100, active: input.active ?? true, note: input.note ?? null,
      }).returning('id').executeTakeFirstOrThrow();
      await ctx.audit.record(trx, auditActor(actor), { action: 'reports.routing.create', objectType: 'routingRule', objectId: row.id, detail: input });
      return { id: row.id };
    });
  },

  async updateRule(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof routingRuleUpdate>) {
    return ctx.db.transaction().execute(async (trx) => {
      const rule = await trx.selectFrom('report_routing_rules').select('id').where('id', '=', id).where('county_code', '=', actor.countyCode).executeTakeFirst();
      if (!rule) throw AppError.notFound('what.routingRule');
      if (input.handlingUnitId) await checkUnit(trx, actor.countyCode, input.handlingUnitId);
      await checkTownship(trx, actor.countyCode, input.townshipCode);
      await trx.updateTable('report_routing_rules').set({
        ...(input.category !== undefined ? { category: input.category } : {}), ...(input.townshipCode !== undefined ? { township_code: input.townshipCode } : {}),
        ...(input.accusedRank !== undefined ? { accused_rank: input.accusedRank } : {}), ...(input.handlingUnitId ? { handling_unit_id: input.handlingUnitId } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}), ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}), updated_at: new Date(),
      }).where('id', '=', id).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'reports.routing.update', objectType: 'routingRule', objectId: id, detail: input });
      return { id };
    });
  },

  async deleteRule(ctx: AppContext, actor: Actor, id: string) {
    await ctx.db.transaction().execute(async (trx) => {
      const rule = await trx.selectFrom('report_routing_rules').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode).executeTakeFirst();
      if (!rule) throw AppError.notFound('what.routingRule');
      await trx.deleteFrom('report_routing_rules').where('id', '=', id).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'reports.routing.delete', objectType: 'routingRule', objectId: id, detail: { ...rule, created_at: undefined, updated_at: undefined } });
    });
  },

  async suggest(ctx: AppContext, actor: Actor, reportId: string) {
    const r = await reportRepository.findById(ctx.db, actor, reportId);
    if (!r) throw AppError.notFound('what.report');
    const rules = await ctx.db.selectFrom('report_routing_rules as rr').innerJoin('units as u', 'u.id', 'rr.handling_unit_id').select(ruleColumns)
      .where('rr.county_code', '=', r.countyCode).where('rr.active', '=', true).execute();
    const matches = rules.filter((x) => (!x.category || x.category === r.category) && (!x.townshipCode || x.townshipCode === r.townshipCode)
      && (!x.accusedRank || x.accusedRank === r.accusedRank));
    const specificity = (x: (typeof rules)[number]) => Number(!!x.category) + Number(!!x.townshipCode) + Number(!!x.accusedRank);
    matches.sort((a, b) => specificity(b) - specificity(a) || a.priority - b.priority);
    if (matches[0]) return { unitId: matches[0].handlingUnitId, unitName: matches[0].handlingUnitName, ruleId: matches[0].id, basis: 'rule' as const };
    const townshipManaged = r.accusedManagedBy === 'township' || r.accusedManagedBy === 'village' || r.accusedRank === 'other';
    if (townshipManaged && r.townshipCode) {
      const t = await ctx.db.selectFrom('units').select(['id', 'name']).where('code', '=', r.townshipCode).executeTakeFirst();
      if (t) return { unitId: t.id, unitName: t.name, ruleId: null, basis: 'managedBy' as const };
    }
    const cdi = await ctx.db.selectFrom('units').select(['id', 'name']).where('county_code', '=', r.countyCode).where('kind', '=', 'cdi').orderBy('depth').executeTakeFirst();
    return { unitId: cdi?.id ?? null, unitName: cdi?.name ?? null, ruleId: null, basis: 'default' as const };
  },
};
