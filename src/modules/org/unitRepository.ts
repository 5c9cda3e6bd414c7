import { sql, type Kysely } from 'kysely';
import type { DB, NewUnit, UnitKind } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { escapeLike } from '../../platform/db/like';
import { scopeCondition } from '../../platform/scope/dataScope';

export interface UnitView {
  id: string; code: string; name: string; shortName: string | null; kind: UnitKind; parentId: string | null;
  parentCode: string | null; depth: number; active: boolean; childCount: number; sortOrder: number;
}

function baseQuery(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select([
      'u.id', 'u.code', 'u.name', 'u.short_name as shortName', 'u.kind', 'u.parent_id as parentId', 'p.code as parentCode',
      'u.depth', 'u.active', 'u.sort_order as sortOrder',
      sql<number>`(select count(*)::int from units c where c.parent_id = u.id)`.as('childCount'),
    ])
    .where(scopeCondition(actor, 'u.id'));
}

export const unitRepository = {
  /** Children of a unit, or the user's top-most visible units when no parent is given. */
  async list(db: Kysely<DB>, actor: Actor, f: { parentCode?: string; kind?: UnitKind; q?: string }): Promise<UnitView[]> {
    let q = baseQuery(db, actor);
    if (f.parentCode) q = q.where('p.code', '=', f.parentCode);
    else if (!f.q && !f.kind) {
      // Roots of the visible forest: units whose parent is outside the scope (or absent).
      q = q.where((eb) => eb.or([eb('u.parent_id', 'is', null), eb.not(eb('u.parent_id', 'in', db.selectFrom('units as s').select('s.id').where(scopeCondition(actor, 's.id'))))]));
    }
    if (f.kind) q = q.where('u.kind', '=', f.kind);
    if (f.q) q = q.where((eb) => eb.or([eb('u.name', 'like', `%${escapeLike(f.q!)}%`), eb('u.code', 'like', `${escapeLike(f.q!)}%`)]));
    return q.orderBy('u.sort_order').orderBy('u.code').limit(1000).execute();
  },

  async findById(db: Kysely<DB>, actor: Actor, id: string): Promise<UnitView | undefined> {
    return baseQuery(db, actor).where('u.id', '=', id).executeTakeFirst();
  },

  async findByCode(db: Kysely<DB>, actor: Actor, code: string): Promise<UnitView | undefined> {
    return baseQuery(db, actor).where('u.code', '=', code).executeTakeFirst();
  },

  async pathOf(db: Kysely<DB>, id: string): Promise<{ path: string; county_code: string; depth: number } | undefined> {
    return db.selectFrom('units').select(['path', 'county_code', 'depth']).where('id', '=', id).executeTakeFirst();
  },

  /** Insert a unit under a parent, computing its materialised path. */
  async insert(db: Kysely<DB>, unit: Omit<NewUnit, 'path' | 'depth' | 'id'> & { id?: string }, parent: { path: string; depth: number } | null): Promise<string> {
    const id = unit.id ?? crypto.randomUUID();
    await db.insertInto('units').values({
      ...unit, id, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0,
    }).execute();
    return id;
  },

  async codeExists(db: Kysely<DB>, code: string): Promise<boolean> {
    return (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
  },
};
