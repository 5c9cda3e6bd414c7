import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition, unitInScope } from '../../platform/scope/dataScope';

type Who = Pick<Actor, 'scope' | 'userId'>;
export const TOWNSHIP_KINDS = ['town', 'township', 'subdistrict', 'townshipOther'] as const;

/**
 * Meetings and appraisal rounds are organised by the county (县委, the CDI): every unit of the county takes part,
 * so a county-level organiser makes them visible to all; what each sees inside (reports, results) stays limited
 * to its own scope by the rows' own unit (the secretary's township).
 */
export function countyWideVisible(actor: Who, alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${scopeCondition(actor, `${alias}.unit_id`, `${alias}.created_by`)} or ${sql.ref(`${alias}.unit_id`)} in
    (select cu.id from units cu where cu.kind in ('county','cdi') and cu.county_code = ${sql.ref(`${alias}.county_code`)}))`;
}

/** The writer may place a record in this unit (in the county and the caller's scope), else the field is named. */
export async function requireUnit(db: Kysely<DB>, actor: Actor, unitId: string, field: string) {
  const unit = await db.selectFrom('units').select(['id', 'path', 'code', 'kind', 'name', 'county_code']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || unit.county_code !== actor.countyCode || !(await unitInScope(db, actor, unitId))) throw AppError.field(field, 'field.unitNotFound');
  return unit;
}

/** An official of a township (乡镇/街道) unit of the caller's county, in the caller's scope. */
export async function requireTownshipOfficial(db: Kysely<DB>, actor: Actor, officialId: string, field: string) {
  const o = await db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id')
    .select(['o.id', 'o.name', 'o.post', 'o.unit_id', 'u.kind', 'u.name as unitName'])
    .where('o.id', '=', officialId).where('o.county_code', '=', actor.countyCode).where('o.active', '=', true)
    .where(scopeCondition(actor, 'o.unit_id')).executeTakeFirst();
  if (!o || !(TOWNSHIP_KINDS as readonly string[]).includes(o.kind)) throw AppError.field(field, 'duty.notSecretary');
  return o;
}

/**
 * Township party secretaries on record: officials of township units whose post names 党委书记 (党工委书记 for a
 * subdistrict), not a deputy (党委副书记) nor the discipline secretary (纪委书记).
 */
export function secretaryCondition(postColumn: string): RawBuilder<SqlBool> {
  const p = sql.ref(postColumn);
  return sql<SqlBool>`(${p} like '%党委书记%' or ${p} like '%党工委书记%')`;
}

/** Business dates: not after today, not before `after` (named by its own words). */
export function checkDate(field: string, date: string, after?: { date: string | null | undefined; label: string }): void {
  if (date > todayInShanghai()) throw AppError.field(field, 'duty.dateFuture', { date });
  if (after?.date && date < after.date) throw AppError.field(field, 'duty.dateOrder', { date, after: `${after.label}（${after.date}）` });
}
