import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import type { unitCreate, unitUpdate } from './schema';
import { unitRepository, type UnitView } from './unitRepository';

export const unitService = {
  async create(ctx: AppContext, actor: Actor, input: z.infer<typeof unitCreate>): Promise<UnitView> {
    return ctx.db.transaction().execute(async (trx) => {
      const parent = await unitRepository.findByCode(trx, actor, input.parentCode);
      if (!parent) throw AppError.field('body.parentCode', 'field.unitNotFound');
      if (await unitRepository.codeExists(trx, input.code)) throw AppError.field('body.code', 'field.duplicate');
      const parentPath = (await unitRepository.pathOf(trx, parent.id))!;
      const id = await unitRepository.insert(trx, {
        county_code: parentPath.county_code, code: input.code, name: input.name, short_name: input.shortName ?? null,
        kind: input.kind, parent_id: parent.id, division_vintage: null,
      }, parentPath);
      await ctx.audit.record(trx, auditActor(actor), { action: 'org.unit.create', objectType: 'unit', objectId: id, detail: { code: input.code, name: input.name } });
      return (await unitRepository.findById(trx, actor, id))!;
    });
  },

  async update(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof unitUpdate>): Promise<UnitView> {
    return ctx.db.transaction().execute(async (trx) => {
      const existing = await unitRepository.findById(trx, actor, id);
      if (!existing) throw AppError.notFound('what.unit');
      await trx.updateTable('units').set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        updated_at: new Date(),
      }).where('id', '=', id).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'org.unit.update', objectType: 'unit', objectId: id, detail: { changes: input } });
      return (await unitRepository.findById(trx, actor, id))!;
    });
  },
};

export function auditActor(actor: Actor) {
  return { userId: actor.userId, username: actor.username, clientIp: actor.clientIp };
}
