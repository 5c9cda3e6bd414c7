import { sql, type Kysely } from 'kysely';
import type { DB, NewOfficial, OfficialUpdate as OfficialRow } from '../../platform/db/schema';
import { maskCitizenId } from '../../platform/identifiers/citizenId';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import type { OfficialFilter } from './schema';
import { escapeLike } from '../../platform/db/like';

const columns = [
  'o.id', 'o.name', 'o.gender', 'o.birth_date as birthDate', 'o.citizen_id as citizenId', 'o.party_member as partyMember',
  'o.unit_id as unitId', 'u.name as unitName', 'u.code as unitCode', 'o.post', 'o.rank', 'o.managed_by as managedBy', 'o.phone',
  'o.updated_at as updatedAt',
] as const;

function scoped(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('officials as o')
    .where('o.active', '=', true)
    .where(scopeCondition(actor, 'o.unit_id', 'o.created_by'));
}

/** Filters touch `officials` only, so counting never needs the join that listing needs for unit names. */
function filtered(db: Kysely<DB>, actor: Actor, f: Omit<OfficialFilter, 'page' | 'pageSize'>) {
  let q = scoped(db, actor);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('o.name', 'like', like), eb('o.post', 'like', like), eb('o.citizen_id', '=', f.q!.toUpperCase())]));
  }
  if (f.rank) q = q.where('o.rank', '=', f.rank);
  if (f.unitId) {
    const unitId = f.unitId;
    q = f.includeSubunits
      ? q.where('o.unit_id', 'in', db.selectFrom('units as su').select('su.id')
        .where('su.path', 'like', db.selectFrom('units as fu').select(sql<string>`fu.path || '%'`.as('p')).where('fu.id', '=', unitId)))
      : q.where('o.unit_id', '=', unitId);
  }
  return q;
}

function withUnit<T extends ReturnType<typeof scoped>>(q: T) {
  return q.innerJoin('units as u', 'u.id', 'o.unit_id');
}

export type OfficialView = Awaited<ReturnType<typeof officialRepository.findById>> & object;

export const officialRepository = {
  async list(db: Kysely<DB>, actor: Actor, f: OfficialFilter) {
    const [rows, count] = await Promise.all([
      withUnit(filtered(db, actor, f)).select(columns).orderBy('u.code').orderBy('o.name').orderBy('o.id')
        .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
      filtered(db, actor, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    // Lists never carry full citizen IDs; the detail view does, and its read is audited.
    const items = rows.map(({ citizenId, ...r }) => ({ ...r, citizenIdMasked: citizenId ? maskCitizenId(citizenId) : null }));
    return { items, total: count.n };
  },

  /** All matching rows for export (bounded). */
  async listAll(db: Kysely<DB>, actor: Actor, f: Omit<OfficialFilter, 'page' | 'pageSize'>, limit = 100_000) {
    return withUnit(filtered(db, actor, f)).select(columns).orderBy('u.code').orderBy('o.name').limit(limit).execute();
  },

  async findById(db: Kysely<DB>, actor: Actor, id: string) {
    return withUnit(scoped(db, actor)).select(columns).where('o.id', '=', id).executeTakeFirst();
  },

  async insert(db: Kysely<DB>, row: NewOfficial): Promise<string> {
    const r = await db.insertInto('officials').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  async update(db: Kysely<DB>, id: string, row: OfficialRow): Promise<void> {
    await db.updateTable('officials').set({ ...row, updated_at: new Date() }).where('id', '=', id).execute();
  },

  /** Officials are referenced by reports, cases and sanctions: removal deactivates, history stays. */
  async deactivate(db: Kysely<DB>, id: string): Promise<void> {
    await db.updateTable('officials').set({ active: false, updated_at: new Date() }).where('id', '=', id).execute();
  },

  async citizenIdTaken(db: Kysely<DB>, countyCode: string, citizenId: string, exceptId?: string): Promise<boolean> {
    let q = db.selectFrom('officials').select('id').where('county_code', '=', countyCode).where('citizen_id', '=', citizenId).where('active', '=', true);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  },
};
