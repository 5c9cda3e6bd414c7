import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { campaignVisible, requireUnit, visibleCampaign } from './access';
import { findingCategories, type FindingCategory, type FindingStatus } from './db';
import type { campaignCreate, pageQuery } from './schema';

/** Campaigns: list, view with the summary, create (their inspected objects: objectService). */
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

export const campaignService = { list, view, create };
