import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';
import { townshipOf } from '../campaigns/access';

/** The village a ledger row is written to: a village of the caller's county in the caller's scope, else the field is named. */
export async function requireVillage(db: Kysely<DB>, actor: Actor, unitId: string, field: string) {
  const u = await db.selectFrom('units').select(['id', 'name', 'kind', 'path', 'county_code']).where('id', '=', unitId).executeTakeFirst();
  if (!u || u.county_code !== actor.countyCode || !(await unitInScope(db, actor, u.id))) throw AppError.field(field, 'field.unitNotFound');
  if (u.kind !== 'village') throw AppError.field(field, 'villageAssets.notVillage', { name: u.name });
  return { id: u.id, name: u.name, townshipCode: await townshipOf(db, u) };
}
