import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { checkDate, requireUnit, townshipOf } from './access';
import type { DisclosureKind, SiteStatus } from './db';
import type { siteCreate, siteListQuery, siteUpdate } from './schema';

/** 示范点 register: a site is cultivated (培育中), named (已命名, with the date) and may be revoked (撤销, with the date). */
type Filter = z.infer<typeof siteListQuery> & { id?: string };

async function list(db: Kysely<DB>, actor: Actor, f: Filter) {
  let q = db.selectFrom('disclosure_demo_sites as s').innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('units as t', (j) => j.onRef('t.code', '=', 's.township_code').onRef('t.county_code', '=', 's.county_code'))
    .where('s.county_code', '=', actor.countyCode).where(scopeCondition(actor, 's.unit_id', 's.created_by'));
  if (f.id) q = q.where('s.id', '=', f.id);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q.select(['s.id', 's.unit_id', 'u.name as unitName', 's.township_code', 't.name as townshipName', 's.kind', 's.name', 's.status', 's.designated_on',
    's.revoked_on', 's.note'])
    .orderBy(sql`case s.status when 'named' then 0 when 'cultivating' then 1 else 2 end`).orderBy('s.township_code').orderBy('s.name').orderBy('s.id')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return {
    items: rows.map((r) => ({
      id: r.id, unitId: r.unit_id, unitName: r.unitName, townshipCode: r.township_code, townshipName: r.townshipName, kind: r.kind, siteName: r.name,
      status: r.status, designatedOn: r.designated_on, revokedOn: r.revoked_on, note: r.note,
    })),
    total, page: f.page, pageSize: f.pageSize,
  };
}

/** The status's dates agree: named and revoked sites carry the naming date, a revoked one its revocation date after it. */
function checkDates(s: { status: SiteStatus; designatedOn: string | null; revokedOn: string | null }) {
  if (s.status !== 'cultivating' && !s.designatedOn) throw AppError.field('body.designatedOn', 'disclosure.designatedRequired');
  if (s.designatedOn) checkDate('body.designatedOn', s.designatedOn);
  if (s.status === 'revoked' && !s.revokedOn) throw AppError.field('body.revokedOn', 'field.required');
  if (s.status !== 'revoked' && s.revokedOn) throw AppError.field('body.revokedOn', 'disclosure.revokedOnlyWhenRevoked');
  if (s.revokedOn) checkDate('body.revokedOn', s.revokedOn, { date: s.designatedOn, label: '命名日期' });
}

async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof siteCreate>) {
  const unit = await requireUnit(ctx.db, actor, input.unitId, 'body.unitId', input.kind);
  const dates = { status: input.status, designatedOn: input.designatedOn ?? null, revokedOn: input.revokedOn ?? null };
  checkDates(dates);
  const township = await townshipOf(ctx.db, unit);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('disclosure_demo_sites').values({
      county_code: actor.countyCode, unit_id: unit.id, township_code: township, kind: input.kind, name: input.siteName, status: input.status,
      designated_on: dates.designatedOn, revoked_on: dates.revokedOn, note: input.note || null, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'disclosure.site.create', objectType: 'demoSite', objectId: row.id, detail: { name: input.siteName, status: input.status } });
    return row.id;
  });
  return (await list(ctx.db, actor, { page: 1, pageSize: 1, id })).items[0];
}

async function update(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof siteUpdate>) {
  await ctx.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('disclosure_demo_sites').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
      .where(scopeCondition(actor, 'disclosure_demo_sites.unit_id', 'disclosure_demo_sites.created_by')).forUpdate().executeTakeFirst();
    if (!s) throw AppError.notFound('what.demoSite');
    const next = {
      kind: (input.kind ?? s.kind) as DisclosureKind, name: input.siteName ?? s.name, status: input.status ?? s.status,
      designatedOn: input.designatedOn === undefined ? s.designated_on : input.designatedOn,
      revokedOn: input.revokedOn === undefined ? s.revoked_on : input.revokedOn,
      note: input.note === undefined ? s.note : input.note || null,
    };
    checkDates(next);
    if (input.kind && input.kind !== s.kind) await requireUnit(trx, actor, s.unit_id, 'body.kind', input.kind);
    await trx.updateTable('disclosure_demo_sites').set({
      kind: next.kind, name: next.name, status: next.status, designated_on: next.designatedOn, revoked_on: next.revokedOn, note: next.note, updated_at: new Date(),
    }).where('id', '=', id).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'disclosure.site.update', objectType: 'demoSite', objectId: id,
      detail: { before: { status: s.status, designatedOn: s.designated_on, revokedOn: s.revoked_on }, after: { status: next.status, designatedOn: next.designatedOn, revokedOn: next.revokedOn } } });
  });
  const site = (await list(ctx.db, actor, { page: 1, pageSize: 1, id })).items[0];
  if (!site) throw AppError.notFound('what.demoSite');
  return site;
}

export const siteService = { list, create, update };
