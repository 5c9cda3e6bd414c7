import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import { escapeLike } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { campaignVisible, checkDate, requireTownship, requireUnit, townshipOf, visibleCampaign, yuanNumber } from './access';
import { findingCategories, type FindingCategory, type FindingStatus } from './db';
import type { campaignCreate, objectCreate, objectListQuery, pageQuery } from './schema';

/** Campaigns and their inspected objects (the project register): list, view with the summary, create. */
const open = ['open', 'rectifying'] as const;
type StatusCounts = Record<FindingStatus, number>;
const zero = (): StatusCounts => ({ open: 0, rectifying: 0, rectified: 0, signedOff: 0 });

const toCampaign = (c: { id: string; name: string; kind: string; unit_id: string; period_start: string; period_end: string; threshold_yuan: string; status: string;
  description: string | null; created_at: Date }) => ({
  id: c.id, title: c.name, kind: c.kind, unitId: c.unit_id, periodStart: c.period_start, periodEnd: c.period_end, thresholdYuan: Number(c.threshold_yuan),
  status: c.status, description: c.description, createdAt: c.created_at,
});

async function list(db: Kysely<DB>, actor: Actor, p: z.infer<typeof pageQuery>) {
  const base = db.selectFrom('campaigns').where('campaigns.county_code', '=', actor.countyCode).where(campaignVisible(actor));
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  // The counts are the caller's share: objects and findings in their own scope.
  const objects = sql<number>`(select count(*)::int from campaign_objects o where o.campaign_id = campaigns.id and ${scopeCondition(actor, 'o.unit_id', 'o.created_by')})`;
  const findings = (statuses: readonly string[]) => sql<number>`(select count(*)::int from campaign_findings f where f.campaign_id = campaigns.id
    and f.status in (${sql.join(statuses)}) and ${scopeCondition(actor, 'f.unit_id', 'f.created_by')})`;
  const rows = await base.innerJoin('units', 'units.id', 'campaigns.unit_id')
    .select(['campaigns.id', 'campaigns.name', 'campaigns.kind', 'campaigns.unit_id', 'campaigns.period_start', 'campaigns.period_end', 'campaigns.threshold_yuan',
      'campaigns.status', 'campaigns.description', 'campaigns.created_at', 'units.name as unitName', objects.as('objects'),
      findings(['open', 'rectifying', 'rectified', 'signedOff']).as('findings'), findings(['rectified', 'signedOff']).as('rectified'), findings(open).as('rectifying')])
    .orderBy('campaigns.period_start', 'desc').orderBy('campaigns.id').limit(p.pageSize).offset((p.page - 1) * p.pageSize).execute();
  return {
    items: rows.map((r) => ({ ...toCampaign(r), unitName: r.unitName, objects: r.objects, findings: r.findings, rectified: r.rectified, rectifying: r.rectifying })),
    total, page: p.page, pageSize: p.pageSize,
  };
}

/** The campaign with its summary cards and the chart's counts, by category and by township, split by status. */
async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const c = await visibleCampaign(db, actor, id);
  const today = todayInShanghai();
  const objects = await db.selectFrom('campaign_objects').select(sql<number>`count(*)::int`.as('n')).where('campaign_id', '=', id)
    .where(scopeCondition(actor, 'campaign_objects.unit_id', 'campaign_objects.created_by')).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('campaign_findings as f').innerJoin('campaign_objects as o', 'o.id', 'f.object_id')
    .select(['f.category', 'f.status', 'o.township_code', sql<number>`count(*)::int`.as('n'),
      sql<number>`(count(*) filter (where f.status in ('open','rectifying') and f.due_on < ${today}))::int`.as('overdue')])
    .where('f.campaign_id', '=', id).where(scopeCondition(actor, 'f.unit_id', 'f.created_by'))
    .groupBy(['f.category', 'f.status', 'o.township_code']).execute();
  const names = new Map((await db.selectFrom('units').select(['code', 'name']).where('county_code', '=', c.county_code)
    .where('code', 'in', [...new Set(rows.map((r) => r.township_code).filter((x): x is string => !!x)), '-']).execute()).map((u) => [u.code, u.name]));
  const byCategory = new Map<FindingCategory, StatusCounts>();
  const byTownship = new Map<string, StatusCounts>();
  const summary = { projects: objects.n, findings: 0, rectified: 0, rectifying: 0, overdue: 0, signedOff: 0 };
  for (const r of rows) {
    const cat = byCategory.get(r.category) ?? zero();
    cat[r.status] += r.n;
    byCategory.set(r.category, cat);
    const key = r.township_code ?? '';
    const town = byTownship.get(key) ?? zero();
    town[r.status] += r.n;
    byTownship.set(key, town);
    summary.findings += r.n;
    if (r.status === 'rectified' || r.status === 'signedOff') summary.rectified += r.n; else summary.rectifying += r.n;
    if (r.status === 'signedOff') summary.signedOff += r.n;
    summary.overdue += r.overdue;
  }
  return {
    ...toCampaign(c), summary,
    byCategory: findingCategories.filter((k) => byCategory.has(k)).map((category) => ({ category, counts: byCategory.get(category)! })),
    byTownship: [...byTownship].map(([code, counts]) => ({ code: code || null, name: code ? (names.get(code) ?? code) : null, counts }))
      .sort((a, b) => (a.code ?? 'zzz').localeCompare(b.code ?? 'zzz')),
  };
}

async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof campaignCreate>) {
  const unitId = input.unitId ?? actor.unitId;
  await requireUnit(ctx.db, actor, unitId, 'body.unitId');
  if (input.periodEnd < input.periodStart) throw AppError.field('body.periodEnd', 'campaigns.dateOrder', { date: input.periodEnd, after: `开始日期（${input.periodStart}）` });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('campaigns').values({
      county_code: actor.countyCode, unit_id: unitId, name: input.title, kind: input.kind, period_start: input.periodStart, period_end: input.periodEnd,
      threshold_yuan: input.thresholdYuan, description: input.description ?? null, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'campaigns.campaign.create', objectType: 'campaign', objectId: row.id, detail: { title: input.title, kind: input.kind } });
    return row.id;
  });
  return view(ctx.db, actor, id);
}

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

/** A construction-project campaign inspects projects from its threshold up (e.g. 100万元以上): below it is refused. */
async function createObject(ctx: AppContext, actor: Actor, campaignId: string, input: z.infer<typeof objectCreate>) {
  const c = await visibleCampaign(ctx.db, actor, campaignId);
  const unit = await requireUnit(ctx.db, actor, input.ownerUnitId, 'body.ownerUnitId');
  if (c.kind === 'constructionProjects') {
    if (input.contractAmount === undefined) throw AppError.field('body.contractAmount', 'campaigns.amountRequired');
    const threshold = Number(c.threshold_yuan);
    if (input.contractAmount < threshold) {
      throw AppError.field('body.contractAmount', 'campaigns.belowThreshold', { amount: input.contractAmount.toLocaleString('zh-CN'), threshold: threshold.toLocaleString('zh-CN') });
    }
  }
  checkDate('body.inspectedOn', input.inspectedOn, { date: c.period_start, label: '专项治理开始日期' });
  // The township follows the owner unit; a county department's project names the township it lies in, if any.
  let township = await townshipOf(ctx.db, unit);
  if (!township && input.townshipCode) {
    await requireTownship(ctx.db, actor.countyCode, input.townshipCode, 'body.townshipCode');
    township = input.townshipCode;
  }
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

export const campaignService = { list, view, create, listObjects, createObject };
