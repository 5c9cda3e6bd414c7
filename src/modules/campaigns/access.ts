import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition, unitInScope } from '../../platform/scope/dataScope';

type Who = Pick<Actor, 'scope' | 'userId'>;
export const TOWNSHIP_KINDS = ['town', 'township', 'subdistrict', 'townshipOther'] as const;

/**
 * A campaign is seen by those whose scope holds its organising unit, and, when a county-level unit (the county,
 * its CDI) organises it, by every unit of the county: they all take part. What they see of it (objects,
 * findings) stays limited by their own scope.
 */
export function campaignVisible(actor: Who, alias = 'campaigns'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${scopeCondition(actor, `${alias}.unit_id`, `${alias}.created_by`)} or ${sql.ref(`${alias}.unit_id`)} in
    (select cu.id from units cu where cu.kind in ('county','cdi') and cu.county_code = ${sql.ref(`${alias}.county_code`)}))`;
}

export async function visibleCampaign(db: Kysely<DB>, actor: Actor, id: string) {
  const c = await db.selectFrom('campaigns').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
    .where(campaignVisible(actor)).executeTakeFirst();
  if (!c) throw AppError.notFound('what.campaign');
  return c;
}

/** The writer may place a record in this unit (in the county and the caller's scope), else the field is named. */
export async function requireUnit(db: Kysely<DB>, actor: Actor, unitId: string, field: string) {
  const unit = await db.selectFrom('units').select(['id', 'path', 'code', 'kind', 'county_code']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || unit.county_code !== actor.countyCode || !(await unitInScope(db, actor, unitId))) throw AppError.field(field, 'field.unitNotFound');
  return unit;
}

/** The township (乡镇/街道) whose subtree holds the unit, by materialised path; null for county-level units. */
export async function townshipOf(db: Kysely<DB>, unit: { path: string; county_code: string }): Promise<string | null> {
  const t = await db.selectFrom('units').select('code').where('county_code', '=', unit.county_code).where('kind', 'in', [...TOWNSHIP_KINDS])
    .where(sql<SqlBool>`${unit.path} like units.path || '%'`).orderBy('depth').executeTakeFirst();
  return t?.code ?? null;
}

export async function requireTownship(db: Kysely<DB>, countyCode: string, code: string, field: string): Promise<void> {
  const t = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('code', '=', code).where('kind', 'in', [...TOWNSHIP_KINDS]).executeTakeFirst();
  if (!t) throw AppError.field(field, 'campaigns.notTownship');
}

/** Business dates: not after today, not before `after` (named by its own field label). */
export function checkDate(field: string, date: string, after?: { date: string | null | undefined; label: string }): void {
  if (date > todayInShanghai()) throw AppError.field(field, 'campaigns.dateFuture', { date });
  if (after?.date && date < after.date) throw AppError.field(field, 'campaigns.dateOrder', { date, after: `${after.label}（${after.date}）` });
}

export const yuanNumber = (v: string | null): number | null => (v === null ? null : Number(v));
