import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import type { relationCreate, relationFilter } from './schema';
import { auditActor } from './support';

/** Recorded relations (official ↔ staff user) that make a handler recuse; owned by the official's unit. */
export const relationService = {
  async list(db: Kysely<DB>, actor: Actor, f: z.infer<typeof relationFilter>) {
    let q = db.selectFrom('official_relations as r').innerJoin('officials as o', 'o.id', 'r.official_id').innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.official_id', 'o.name as officialName', 'r.user_id', 'u.display_name as userName', 'r.kind', 'r.note', 'r.created_at'])
      .where(scopeCondition(actor, 'r.unit_id', 'r.created_by'));
    if (f.officialId) q = q.where('r.official_id', '=', f.officialId);
    if (f.userId) q = q.where('r.user_id', '=', f.userId);
    return { items: await q.orderBy('r.created_at', 'desc').limit(500).execute() };
  },

  async create(ctx: AppContext, actor: Actor, input: z.infer<typeof relationCreate>) {
    return ctx.db.transaction().execute(async (trx) => {
      const o = await trx.selectFrom('officials').select(['id', 'unit_id', 'county_code']).where('id', '=', input.officialId)
        .where(scopeCondition(actor, 'officials.unit_id', 'officials.created_by')).executeTakeFirst();
      if (!o) throw AppError.field('body.officialId', 'cases.official.notFound');
      const u = await trx.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst();
      if (!u) throw AppError.field('body.userId', 'cases.user.notFound');
      const row = await trx.insertInto('official_relations').values({
        county_code: o.county_code, unit_id: o.unit_id, official_id: o.id, user_id: input.userId, kind: input.kind, note: input.note ?? null, created_by: actor.userId,
      }).onConflict((oc) => oc.columns(['official_id', 'user_id', 'kind']).doUpdateSet({ note: input.note ?? null })).returning('id').executeTakeFirstOrThrow();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.relation.create', objectType: 'officialRelation', objectId: row.id, detail: { officialId: o.id, userId: input.userId, kind: input.kind } });
      return { id: row.id };
    });
  },
};
