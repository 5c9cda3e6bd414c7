import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { validateCitizenId } from '../../platform/identifiers/citizenId';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';
import { officialRepository } from './officialRepository';
import type { OfficialCreate, OfficialUpdate } from './schema';
import { auditActor } from './unitService';

/** Birth date and gender follow from a citizen ID; a contradicting entry is an input error, not a guess. */
function reconcileWithCitizenId(input: OfficialUpdate, prefix: string): OfficialUpdate {
  if (!input.citizenId) return input;
  const parsed = validateCitizenId(input.citizenId);
  if (!parsed.ok) return input;
  if (input.birthDate && input.birthDate !== parsed.birthDate) throw AppError.field(`${prefix}.birthDate`, 'field.invalid');
  if (input.gender && input.gender !== parsed.gender) throw AppError.field(`${prefix}.gender`, 'field.invalid');
  return { ...input, citizenId: parsed.normalized, birthDate: parsed.birthDate, gender: input.gender ?? parsed.gender };
}

async function checkUnitAndId(trx: Kysely<DB>, actor: Actor, input: OfficialUpdate, prefix: string, exceptId?: string): Promise<string> {
  const unitId = input.unitId;
  if (unitId && !(await unitInScope(trx, actor, unitId))) throw AppError.field(`${prefix}.unitId`, 'field.unitNotFound');
  const county = unitId ? (await trx.selectFrom('units').select('county_code').where('id', '=', unitId).executeTakeFirstOrThrow()).county_code : actor.countyCode;
  if (input.citizenId && (await officialRepository.citizenIdTaken(trx, county, input.citizenId, exceptId))) {
    throw AppError.field(`${prefix}.citizenId`, 'field.duplicate');
  }
  return county;
}

export const officialService = {
  /** Create inside an existing transaction (the Excel import creates many in one). */
  async createIn(trx: Kysely<DB>, ctx: AppContext, actor: Actor, raw: OfficialCreate, prefix = 'body'): Promise<string> {
    const input = reconcileWithCitizenId(raw, prefix) as OfficialCreate;
    const county = await checkUnitAndId(trx, actor, input, prefix);
    const id = await officialRepository.insert(trx, {
      county_code: county, unit_id: input.unitId, name: input.name, gender: input.gender, birth_date: input.birthDate ?? null,
      citizen_id: input.citizenId ?? null, party_member: input.partyMember, post: input.post ?? null, rank: input.rank,
      managed_by: input.managedBy, phone: input.phone ?? null, created_by: actor.userId,
    });
    await ctx.audit.record(trx, auditActor(actor), { action: 'org.official.create', objectType: 'official', objectId: id, detail: { name: input.name } });
    return id;
  },

  async create(ctx: AppContext, actor: Actor, input: OfficialCreate) {
    return ctx.db.transaction().execute(async (trx) => {
      const id = await this.createIn(trx, ctx, actor, input);
      return (await officialRepository.findById(trx, actor, id))!;
    });
  },

  async update(ctx: AppContext, actor: Actor, id: string, raw: OfficialUpdate) {
    return ctx.db.transaction().execute(async (trx) => {
      const existing = await officialRepository.findById(trx, actor, id);
      if (!existing) throw AppError.notFound('what.official');
      const input = reconcileWithCitizenId({ gender: raw.citizenId ? undefined : existing.gender, ...raw }, 'body');
      await checkUnitAndId(trx, actor, input, 'body', id);
      await officialRepository.update(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.gender !== undefined ? { gender: input.gender } : {}),
        ...(input.birthDate !== undefined ? { birth_date: input.birthDate } : {}),
        ...(input.citizenId !== undefined ? { citizen_id: input.citizenId } : {}),
        ...(input.partyMember !== undefined ? { party_member: input.partyMember } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
        ...(input.post !== undefined ? { post: input.post } : {}),
        ...(input.rank !== undefined ? { rank: input.rank } : {}),
        ...(input.managedBy !== undefined ? { managed_by: input.managedBy } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
      });
      await ctx.audit.record(trx, auditActor(actor), { action: 'org.official.update', objectType: 'official', objectId: id, detail: { fields: Object.keys(raw) } });
      return (await officialRepository.findById(trx, actor, id))!;
    });
  },

  async remove(ctx: AppContext, actor: Actor, id: string): Promise<void> {
    await ctx.db.transaction().execute(async (trx) => {
      const existing = await officialRepository.findById(trx, actor, id);
      if (!existing) throw AppError.notFound('what.official');
      await officialRepository.deactivate(trx, id);
      await ctx.audit.record(trx, auditActor(actor), { action: 'org.official.delete', objectType: 'official', objectId: id, detail: { name: existing.name } });
    });
  },

  /** The detail view shows the full citizen ID, so reading it is audited like a change. */
  async read(ctx: AppContext, actor: Actor, id: string) {
    const row = await officialRepository.findById(ctx.db, actor, id);
    if (!row) throw AppError.notFound('what.official');
    await ctx.audit.record(ctx.db, auditActor(actor), { action: 'org.official.read', objectType: 'official', objectId: id });
    return row;
  },
};
