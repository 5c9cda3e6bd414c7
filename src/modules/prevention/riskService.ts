import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { escapeLike } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { requireUnit, townshipOf } from '../campaigns/access';
import { auditActor } from '../org/unitService';
import { notFuture } from './access';
import { riskLevels, type RiskLevel } from './db';
import type { riskChartQuery, riskCreate, riskListQuery, riskUpdate } from './schema';

/**
 * 廉政风险点: each unit's posts, their integrity risks, level and control measures. A unit sees and maintains its
 * own (data scope on every query and on the target unit of a write); the county sees all.
 */
type Filter = z.infer<typeof riskChartQuery>;

function base(db: Kysely<DB>, actor: Actor, f: Filter) {
  let q = db.selectFrom('prevention_risk_points as r').innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('units as t', (j) => j.onRef('t.code', '=', 'r.township_code').onRef('t.county_code', '=', 'r.county_code'))
    .where('r.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'r.unit_id', 'r.created_by'));
  if (f.riskLevel) q = q.where('r.level', '=', f.riskLevel);
  if (f.township) q = q.where('r.township_code', '=', f.township);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('r.post', 'like', like), eb('r.description', 'like', like), eb('r.responsible_person', 'like', like), eb('u.name', 'like', like)]));
  }
  return q;
}

const columns = ['r.id', 'r.unit_id', 'u.name as unitName', 'u.kind as unitKind', 'r.township_code', 't.name as townshipName', 'r.post', 'r.description', 'r.level',
  'r.measures', 'r.responsible_person', 'r.reviewed_on', 'r.updated_at'] as const;
type Row = Awaited<ReturnType<ReturnType<typeof selectRows>['execute']>>[number];
const selectRows = (db: Kysely<DB>, actor: Actor, f: Filter) => base(db, actor, f).select(columns);
const toPoint = (r: Row) => ({
  id: r.id, unitId: r.unit_id, unitName: r.unitName, unitKind: r.unitKind, townshipCode: r.township_code, townshipName: r.townshipName, post: r.post,
  riskDescription: r.description, riskLevel: r.level, controlMeasures: r.measures, responsiblePerson: r.responsible_person, reviewedOn: r.reviewed_on, updatedAt: r.updated_at,
});

async function list(db: Kysely<DB>, actor: Actor, f: z.infer<typeof riskListQuery>) {
  const total = (await base(db, actor, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await selectRows(db, actor, f).orderBy(sql`case r.level when 'high' then 0 when 'medium' then 1 else 2 end`).orderBy('u.name').orderBy('r.post')
    .orderBy('r.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(toPoint), total, page: f.page, pageSize: f.pageSize };
}

async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await selectRows(db, actor, {}).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw AppError.notFound('what.riskPoint');
  return toPoint(r);
}

type Counts = Record<RiskLevel, number>;
const zero = (): Counts => ({ high: 0, medium: 0, low: 0 });

/** The chart: counts by level, and by township (a township's villages and stations count under it) or county-level unit. */
async function chart(db: Kysely<DB>, actor: Actor, f: Filter) {
  const rows = await base(db, actor, f).select(['r.level', 'r.township_code', 't.name as townshipName', 'r.unit_id', 'u.name as unitName', sql<number>`count(*)::int`.as('n')])
    .groupBy(['r.level', 'r.township_code', 't.name', 'r.unit_id', 'u.name']).execute();
  const byLevel = zero();
  const places = new Map<string, { key: string; name: string; kind: 'township' | 'unit'; counts: Counts }>();
  for (const r of rows) {
    byLevel[r.level] += r.n;
    const key = r.township_code ?? r.unit_id;
    const place = places.get(key) ?? { key, name: r.township_code ? (r.townshipName ?? r.township_code) : r.unitName, kind: r.township_code ? 'township' : 'unit', counts: zero() };
    place.counts[r.level] += r.n;
    places.set(key, place);
  }
  const total = (c: Counts) => c.high + c.medium + c.low;
  return {
    total: total(byLevel),
    byLevel: riskLevels.map((level) => ({ level, n: byLevel[level] })),
    byPlace: [...places.values()].sort((a, b) => (a.kind === b.kind ? total(b.counts) - total(a.counts) || a.name.localeCompare(b.name, 'zh') : a.kind === 'township' ? -1 : 1)),
  };
}

async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof riskCreate>) {
  const unit = await requireUnit(ctx.db, actor, input.unitId, 'body.unitId');
  notFuture('body.reviewedOn', input.reviewedOn);
  const township = await townshipOf(ctx.db, unit);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('prevention_risk_points').values({
      county_code: actor.countyCode, unit_id: unit.id, township_code: township, post: input.post, description: input.riskDescription, level: input.riskLevel,
      measures: input.controlMeasures, responsible_person: input.responsiblePerson, reviewed_on: input.reviewedOn, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'prevention.riskPoint.create', objectType: 'riskPoint', objectId: row.id,
      detail: { unitId: unit.id, post: input.post, level: input.riskLevel } });
    return row.id;
  });
  return view(ctx.db, actor, id);
}

/** Edit a risk point in scope; moving it to another unit needs that unit in scope too (a township keeps to its own). */
async function update(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof riskUpdate>) {
  const before = await view(ctx.db, actor, id);
  let township: string | null | undefined;
  if (input.unitId !== undefined && input.unitId !== before.unitId) township = await townshipOf(ctx.db, await requireUnit(ctx.db, actor, input.unitId, 'body.unitId'));
  if (input.reviewedOn) notFuture('body.reviewedOn', input.reviewedOn);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('prevention_risk_points').set({
      ...(township !== undefined ? { unit_id: input.unitId!, township_code: township } : {}),
      ...(input.post !== undefined ? { post: input.post } : {}), ...(input.riskDescription !== undefined ? { description: input.riskDescription } : {}),
      ...(input.riskLevel !== undefined ? { level: input.riskLevel } : {}), ...(input.controlMeasures !== undefined ? { measures: input.controlMeasures } : {}),
      ...(input.responsiblePerson !== undefined ? { responsible_person: input.responsiblePerson } : {}),
      ...(input.reviewedOn !== undefined ? { reviewed_on: input.reviewedOn } : {}), updated_at: new Date(),
    }).where('id', '=', id).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'prevention.riskPoint.update', objectType: 'riskPoint', objectId: id,
      detail: { before: { unitId: before.unitId, post: before.post, level: before.riskLevel }, changed: Object.keys(input) } });
  });
  return view(ctx.db, actor, id);
}

export const riskService = { list, view, chart, create, update };
