import { sql, type Kysely } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { CompaniesTable, DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { escapeLike } from '../../platform/db/like';

export interface CompanyFilterInput { q?: string; unitId?: string; page: number; pageSize: number }

const columns = [
  'c.id', 'c.name', 'c.credit_code as creditCode', 'c.credit_code_check_overridden as creditCodeCheckOverridden',
  'c.unit_id as unitId', 'u.name as unitName', 'c.legal_representative as legalRepresentative', 'c.address',
] as const;

function scoped(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('companies as c').innerJoin('units as u', 'u.id', 'c.unit_id')
    .where(scopeCondition(actor, 'c.unit_id', 'c.created_by'));
}

function filtered(db: Kysely<DB>, actor: Actor, f: Omit<CompanyFilterInput, 'page' | 'pageSize'>) {
  let q = scoped(db, actor);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    // A credit code is searched by prefix (people type the start of it); names anywhere.
    q = q.where((eb) => eb.or([eb('c.name', 'like', like), eb('c.credit_code', 'like', `${escapeLike(f.q!.toUpperCase())}%`)]));
  }
  if (f.unitId) {
    // Picking a township in the unit tree shows its villages' companies too, like the officials list.
    const unitId = f.unitId;
    q = q.where('u.path', 'like', db.selectFrom('units as fu').select(sql<string>`fu.path || '%'`.as('p')).where('fu.id', '=', unitId));
  }
  return q;
}

export type CompanyView = Awaited<ReturnType<typeof companyRepository.findById>> & object;

export const companyRepository = {
  async list(db: Kysely<DB>, actor: Actor, f: CompanyFilterInput) {
    const [items, count] = await Promise.all([
      filtered(db, actor, f).select(columns).orderBy('c.name').orderBy('c.id')
        .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
      filtered(db, actor, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.n };
  },

  async findById(db: Kysely<DB>, actor: Actor, id: string) {
    return scoped(db, actor).select(columns).where('c.id', '=', id).executeTakeFirst();
  },

  async insert(db: Kysely<DB>, row: Insertable<CompaniesTable>): Promise<string> {
    const r = await db.insertInto('companies').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  async update(db: Kysely<DB>, id: string, row: Updateable<CompaniesTable>): Promise<void> {
    await db.updateTable('companies').set({ ...row, updated_at: new Date() }).where('id', '=', id).execute();
  },

  /** Companies are reference data without history of their own: the audit entry keeps what was removed. */
  async delete(db: Kysely<DB>, id: string): Promise<void> {
    await db.deleteFrom('companies').where('id', '=', id).execute();
  },

  /** Uniqueness is per county across all units, not per scope: a duplicate outside one's scope is still one. */
  async creditCodeTaken(db: Kysely<DB>, countyCode: string, creditCode: string, exceptId?: string): Promise<boolean> {
    let q = db.selectFrom('companies').select('id').where('county_code', '=', countyCode).where('credit_code', '=', creditCode);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  },
};
