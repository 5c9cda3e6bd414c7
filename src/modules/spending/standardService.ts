import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { auditActor } from '../org/unitService';
import type { standardsUpdate } from './schema';
import { standardDef, standardDefs, type Standards } from './standards';

/**
 * The county's spending standards. The first read seeds the catalogue's defaults (with their basis) so the CDI
 * sees and edits real rows; a code added to the catalogue later is seeded the same way on the next read.
 */
export async function ensureStandards(db: Kysely<DB>, countyCode: string): Promise<void> {
  const have = new Set((await db.selectFrom('spending_standards').select('code').where('county_code', '=', countyCode).execute()).map((r) => r.code));
  const missing = standardDefs.filter((d) => !have.has(d.code));
  if (!missing.length) return;
  await db.insertInto('spending_standards').values(missing.map((d) => ({
    county_code: countyCode, code: d.code, value: d.defaultValue ?? null, words: d.defaultWords ?? null, basis: d.basis,
  }))).onConflict((oc) => oc.columns(['county_code', 'code']).doNothing()).execute();
}

/** The standards as the rules read them. */
export async function loadStandards(db: Kysely<DB>, countyCode: string): Promise<Standards> {
  await ensureStandards(db, countyCode);
  const rows = await db.selectFrom('spending_standards').select(['code', 'value', 'words', 'basis']).where('county_code', '=', countyCode).execute();
  const out: Standards = { values: {}, words: [], basis: {} };
  for (const r of rows) {
    if (r.value !== null) out.values[r.code] = Number(r.value);
    if (r.words) out.words = r.words;
    out.basis[r.code] = r.basis;
  }
  return out;
}

async function list(db: Kysely<DB>, actor: Actor) {
  await ensureStandards(db, actor.countyCode);
  const rows = await db.selectFrom('spending_standards').leftJoin('users', 'users.id', 'spending_standards.updated_by')
    .select(['spending_standards.code', 'spending_standards.value', 'spending_standards.words', 'spending_standards.basis', 'spending_standards.updated_at',
      'users.display_name as updatedBy']).where('spending_standards.county_code', '=', actor.countyCode).execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return standardDefs.flatMap((d) => {
    const r = byCode.get(d.code);
    if (!r) return [];
    return [{ code: d.code, category: d.category, labelZh: d.labelZh, labelEn: d.labelEn, unit: d.unit, kind: d.kind, value: r.value === null ? null : Number(r.value),
      words: r.words, basis: r.basis, defaultValue: d.defaultValue ?? null, defaultBasis: d.basis, updatedAt: r.updated_at, updatedBy: r.updatedBy }];
  });
}

/** Saves the changed standards in one transaction with one audit entry naming each change (before → after). */
async function update(ctx: AppContext, actor: Actor, input: z.infer<typeof standardsUpdate>) {
  await ensureStandards(ctx.db, actor.countyCode);
  input.items.forEach((it, i) => {
    const d = standardDef(it.code);
    if (!d) throw AppError.field(`body.items.${i}.code`, 'spending.standardUnknown', { code: it.code });
    if (d.kind === 'words' ? !it.words : it.value === null || it.value === undefined) throw AppError.field(`body.items.${i}.${d.kind === 'words' ? 'words' : 'value'}`, 'field.required');
    if (d.kind === 'count' && !Number.isInteger(it.value)) throw AppError.field(`body.items.${i}.value`, 'spending.countInteger');
  });
  await ctx.db.transaction().execute(async (trx) => {
    const before = new Map((await trx.selectFrom('spending_standards').select(['code', 'value', 'words', 'basis']).where('county_code', '=', actor.countyCode).execute()).map((r) => [r.code, r]));
    const changes: Array<Record<string, unknown>> = [];
    for (const it of input.items) {
      const d = standardDef(it.code)!;
      const b = before.get(it.code);
      const value = d.kind === 'words' ? null : it.value!;
      const words = d.kind === 'words' ? [...new Set(it.words)] : null;
      if (b && (b.value === null ? null : Number(b.value)) === value && JSON.stringify(b.words) === JSON.stringify(words) && b.basis === it.basis) continue;
      await trx.updateTable('spending_standards').set({ value, words, basis: it.basis, updated_by: actor.userId, updated_at: new Date() })
        .where('county_code', '=', actor.countyCode).where('code', '=', it.code).execute();
      changes.push({ code: it.code, from: b?.words ?? (b?.value === null || b?.value === undefined ? null : Number(b.value)), to: words ?? value, basisChanged: b?.basis !== it.basis });
    }
    if (changes.length) await ctx.audit.record(trx, auditActor(actor), { action: 'spending.standards.update', objectType: 'spendingStandards', objectId: actor.countyCode, detail: { changes } });
  });
  return list(ctx.db, actor);
}

export const standardService = { list, update };
