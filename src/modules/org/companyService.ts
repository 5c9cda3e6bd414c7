import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { validateCreditCode } from '../../platform/identifiers/creditCode';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';
import { companyRepository, type CompanyView } from './companyRepository';
import type { companyInput, companyUpdate } from './schema';
import { auditActor } from './unitService';

type CompanyInput = z.infer<typeof companyInput>;
type CompanyUpdate = z.infer<typeof companyUpdate>;

/**
 * GB 32100 check: a bad format is a hard error; a checksum mismatch is a warning the user may override,
 * because some early pilot codes were legally issued with a wrong check character. The override is stored
 * so such companies can be listed and re-checked later.
 */
function checkCreditCode(raw: string, overrideCheck: boolean | undefined): { code: string; overridden: boolean } {
  const result = validateCreditCode(raw);
  if (result.ok) return { code: result.normalized, overridden: false };
  if (result.reason === 'format') throw AppError.field('body.creditCode', 'field.creditCodeFormat');
  if (!overrideCheck) throw AppError.field('body.creditCode', 'field.creditCode', { expected: result.expected ?? '' });
  return { code: result.normalized ?? raw, overridden: true };
}

async function countyOfUnit(trx: Kysely<DB>, actor: Actor, unitId: string): Promise<string> {
  if (!(await unitInScope(trx, actor, unitId))) throw AppError.field('body.unitId', 'field.unitNotFound');
  return (await trx.selectFrom('units').select('county_code').where('id', '=', unitId).executeTakeFirstOrThrow()).county_code;
}

/** A concurrent insert of the same code slips past the pre-check; the unique index still names the field. */
function duplicateOnUniqueViolation(err: unknown): never {
  if ((err as { code?: string })?.code === '23505') throw AppError.field('body.creditCode', 'field.duplicate');
  throw err;
}

export const companyService = {
  async create(ctx: AppContext, actor: Actor, input: CompanyInput): Promise<CompanyView> {
    return ctx.db.transaction().execute(async (trx) => {
      const { code, overridden } = checkCreditCode(input.creditCode, input.overrideCheck);
      const county = await countyOfUnit(trx, actor, input.unitId);
      if (await companyRepository.creditCodeTaken(trx, county, code)) throw AppError.field('body.creditCode', 'field.duplicate');
      const id = await companyRepository.insert(trx, {
        county_code: county, unit_id: input.unitId, name: input.name, credit_code: code, credit_code_check_overridden: overridden,
        legal_representative: input.legalRepresentative ?? null, address: input.address ?? null, created_by: actor.userId,
      }).catch(duplicateOnUniqueViolation);
      await ctx.audit.record(trx, auditActor(actor), {
        action: 'org.company.create', objectType: 'company', objectId: id,
        detail: { name: input.name, creditCode: code, checkOverridden: overridden },
      });
      return (await companyRepository.findById(trx, actor, id))!;
    });
  },

  async update(ctx: AppContext, actor: Actor, id: string, input: CompanyUpdate): Promise<CompanyView> {
    return ctx.db.transaction().execute(async (trx) => {
      const existing = await companyRepository.findById(trx, actor, id);
      if (!existing) throw AppError.notFound('what.company');
      const checked = input.creditCode !== undefined ? checkCreditCode(input.creditCode, input.overrideCheck) : undefined;
      const current = await trx.selectFrom('companies').select('county_code').where('id', '=', id).executeTakeFirstOrThrow();
      const county = input.unitId !== undefined ? await countyOfUnit(trx, actor, input.unitId) : current.county_code;
      const code = checked?.code ?? existing.creditCode;
      // Moving to another county or changing the code can both create a duplicate.
      if ((code !== existing.creditCode || county !== current.county_code) && (await companyRepository.creditCodeTaken(trx, county, code, id))) {
        throw AppError.field('body.creditCode', 'field.duplicate');
      }
      await companyRepository.update(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(checked ? { credit_code: checked.code, credit_code_check_overridden: checked.overridden } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId, county_code: county } : {}),
        ...(input.legalRepresentative !== undefined ? { legal_representative: input.legalRepresentative } : {}),
        ...(input.address !== undefined ? { address: input.address } : {}),
      }).catch(duplicateOnUniqueViolation);
      const changed = Object.keys(input).filter((k) => k !== 'overrideCheck');
      await ctx.audit.record(trx, auditActor(actor), {
        action: 'org.company.update', objectType: 'company', objectId: id,
        detail: { fields: changed, ...(checked ? { creditCode: checked.code, checkOverridden: checked.overridden } : {}) },
      });
      return (await companyRepository.findById(trx, actor, id))!;
    });
  },

  async remove(ctx: AppContext, actor: Actor, id: string): Promise<void> {
    await ctx.db.transaction().execute(async (trx) => {
      const existing = await companyRepository.findById(trx, actor, id);
      if (!existing) throw AppError.notFound('what.company');
      await companyRepository.delete(trx, id);
      // The entry is the only trace of a hard-deleted row, so it keeps the identifying fields.
      await ctx.audit.record(trx, auditActor(actor), {
        action: 'org.company.delete', objectType: 'company', objectId: id,
        detail: { name: existing.name, creditCode: existing.creditCode, unitId: existing.unitId },
      });
    });
  },

  async read(ctx: AppContext, actor: Actor, id: string): Promise<CompanyView> {
    const row = await companyRepository.findById(ctx.db, actor, id);
    if (!row) throw AppError.notFound('what.company');
    return row;
  },
};
