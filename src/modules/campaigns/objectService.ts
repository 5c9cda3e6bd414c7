import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { escapeLike } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { checkDate, requireTownship, requireUnit, townshipOf, visibleCampaign, yuanNumber } from './access';
import type { objectCreate, objectListQuery, objectUpdate } from './schema';

/**
 * The inspected objects of a campaign (the project register): list, register, correct, and remove one registered
 * by mistake while nothing was found on it (with findings it is part of the campaign's figures and stays).
 */
type ObjectFilter = z.infer<typeof objectListQuery>;

async function listObjects(db: Kysely<DB>, actor: Actor, campaignId: string, f: ObjectFilter & { id?: string }) {
  await visibleCampaign(db, actor, campaignId);
  let q = db.selectFrom('campaign_objects as o').innerJoin('units as u', 'u.id', 'o.unit_id').where('o.campaign_id', '=', campaignId)
    .where(scopeCondition(actor, 'o.unit_id', 'o.created_by'));
  if (f.id) q = q.where('o.id', '=', f.id);
  if (f.township) q = q.where('o.township_code', '=', f.township);
  if (f.q) q = q.where((eb) => eb.or([eb('o.name', 'like', `%${escapeLike(f.q!)}%`), eb('o.contractor', 'like', `%${escapeLike(f.q!)}%`)]));
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q.leftJoin('units as t', (j) => j.onRef('t.code', '=', 'o.township_code').onRef('t.county_code', '=', 'o.county_code'))
    .select(['o.id', 'o.name', 'o.unit_id', 'u.name as unitName', 'o.township_code', 't.name as townshipName', 'o.contract_amount', 'o.contractor', 'o.inspected_on',
      'o.inspected_by', 'o.note',
      sql<number>`(select count(*)::int from campaign_findings f where f.object_id = o.id and ${scopeCondition(actor, 'f.unit_id', 'f.created_by')})`.as('findings'),
      sql<number>`(select count(*)::int from campaign_findings f where f.object_id = o.id and f.status in ('open','rectifying') and ${scopeCondition(actor, 'f.unit_id', 'f.created_by')})`.as('rectifying')])
    .orderBy('o.inspected_on', 'desc').orderBy('o.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return {
    items: rows.map((r) => ({
      id: r.id, projectName: r.name, unitId: r.unit_id, unitName: r.unitName, townshipCode: r.township_code, townshipName: r.townshipName,
      contractAmount: yuanNumber(r.contract_amount), contractor: r.contractor, inspectedOn: r.inspected_on, inspectedBy: r.inspected_by, note: r.note,
      findings: r.findings, rectifying: r.rectifying,
    })),
    total, page: f.page, pageSize: f.pageSize,
  };
}

type Campaign = Awaited<ReturnType<typeof visibleCampaign>>;
type ObjectInput = z.infer<typeof objectCreate>;

/**
 * What a registered object must satisfy: an owner unit in the writer's scope; in a construction-project campaign a
 * contract amount from the threshold up (e.g. 100万元以上); inspected within the campaign. Returns the owner and township.
 */
async function checkObject(db: Kysely<DB>, actor: Actor, c: Campaign, input: ObjectInput) {
  const unit = await requireUnit(db, actor, input.ownerUnitId, 'body.ownerUnitId');
  if (c.kind === 'constructionProjects') {
    if (input.contractAmount === undefined) throw AppError.field('body.contractAmount', 'campaigns.amountRequired');
    const threshold = Number(c.threshold_yuan);
    if (input.contractAmount < threshold) {
      throw AppError.field('body.contractAmount', 'campaigns.belowThreshold', { amount: input.contractAmount.toLocaleString('zh-CN'), threshold: threshold.toLocaleString('zh-CN') });
    }
  }
  checkDate('body.inspectedOn', input.inspectedOn, { date: c.period_start, label: '专项治理开始日期' });
  // The township follows the owner unit; a county department's project names the township it lies in, if any.
  let township = await townshipOf(db, unit);
  if (!township && input.townshipCode) {
    await requireTownship(db, actor.countyCode, input.townshipCode, 'body.townshipCode');
    township = input.townshipCode;
  }
  return { unit, township };
}

async function createObject(ctx: AppContext, actor: Actor, campaignId: string, input: ObjectInput) {
  const c = await visibleCampaign(ctx.db, actor, campaignId);
  const { unit, township } = await checkObject(ctx.db, actor, c, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('campaign_objects').values({
      county_code: actor.countyCode, unit_id: unit.id, campaign_id: campaignId, name: input.projectName, township_code: township,
      contract_amount: input.contractAmount ?? null, contractor: input.contractor ?? null, inspected_on: input.inspectedOn, inspected_by: input.inspectedBy ?? null,
      note: input.note ?? null, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'campaigns.object.create', objectType: 'campaignObject', objectId: row.id,
      detail: { campaignId, name: input.projectName, contractAmount: input.contractAmount ?? null } });
    return row.id;
  });
  return (await listObjects(ctx.db, actor, campaignId, { page: 1, pageSize: 1, id })).items[0];
}

/** The object as the writer's scope reaches it, locked for the change (another township's is not found). */
async function objectForUpdate(trx: Kysely<DB>, actor: Actor, id: string) {
  const o = await trx.selectFrom('campaign_objects').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
    .where(scopeCondition(actor, 'unit_id', 'created_by')).forUpdate().executeTakeFirst();
  if (!o) throw AppError.notFound('what.campaignObject');
  return o;
}

/** Correct a registered object: the same checks as registering it; the audit entry keeps the values before. */
async function updateObject(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof objectUpdate>) {
  const campaignId = await ctx.db.transaction().execute(async (trx) => {
    const before = await objectForUpdate(trx, actor, id);
    const c = await visibleCampaign(trx, actor, before.campaign_id);
    const { unit, township } = await checkObject(trx, actor, c, input);
    await trx.updateTable('campaign_objects').set({
      unit_id: unit.id, name: input.projectName, township_code: township, contract_amount: input.contractAmount ?? null, contractor: input.contractor ?? null,
      inspected_on: input.inspectedOn, inspected_by: input.inspectedBy ?? null, note: input.note ?? null,
    }).where('id', '=', id).execute();
    // Findings on the object follow its owner and township (their scope and the figures' breakdown read them).
    if (before.unit_id !== unit.id) await trx.updateTable('campaign_findings').set({ unit_id: unit.id }).where('object_id', '=', id).where('unit_id', '=', before.unit_id).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'campaigns.object.update', objectType: 'campaignObject', objectId: id, detail: {
      before: { name: before.name, unitId: before.unit_id, townshipCode: before.township_code, contractAmount: yuanNumber(before.contract_amount), contractor: before.contractor,
        inspectedOn: before.inspected_on, inspectedBy: before.inspected_by, note: before.note },
      after: { name: input.projectName, unitId: unit.id, townshipCode: township, contractAmount: input.contractAmount ?? null, contractor: input.contractor ?? null,
        inspectedOn: input.inspectedOn, inspectedBy: input.inspectedBy ?? null, note: input.note ?? null },
    } });
    return before.campaign_id;
  });
  return (await listObjects(ctx.db, actor, campaignId, { page: 1, pageSize: 1, id })).items[0];
}

/** Remove an object registered by mistake; one with findings is refused (they count in the campaign's figures). */
async function deleteObject(ctx: AppContext, actor: Actor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const o = await objectForUpdate(trx, actor, id);
    const findings = await trx.selectFrom('campaign_findings').select(sql<number>`count(*)::int`.as('n')).where('object_id', '=', id).executeTakeFirstOrThrow();
    if (findings.n > 0) throw new AppError('CONFLICT', { issues: [{ field: 'params.id', key: 'campaigns.objectHasFindings', params: { n: findings.n } }] });
    await trx.deleteFrom('campaign_objects').where('id', '=', id).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'campaigns.object.delete', objectType: 'campaignObject', objectId: id,
      detail: { campaignId: o.campaign_id, name: o.name, unitId: o.unit_id, contractAmount: yuanNumber(o.contract_amount), inspectedOn: o.inspected_on } });
  });
}

export const objectService = { listObjects, createObject, updateObject, deleteObject };
