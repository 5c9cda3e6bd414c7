import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { type CaseType, checkCaseTypeDictionary, isEconomicType } from './rules';
import type { caseTypeCreate, caseTypeUpdate } from './schema';
import { auditActor } from './support';

/**
 * 案件类别 as the office's dictionary (table case_types, seeded with the built-in set by the migration). Built-in
 * rows can be disabled or relabelled but not deleted or re-coded; the office adds types and subtypes. Every
 * edit is checked as a whole dictionary (unique codes, parents that exist, no cycles) before it is written.
 */
export interface CaseTypeRow extends CaseType { builtin: boolean; sort: number }

export async function loadCaseTypes(db: Kysely<DB>): Promise<CaseTypeRow[]> {
  const rows = await db.selectFrom('case_types').selectAll().orderBy('sort').orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code, parentCode: r.parent_code, labelZh: r.label_zh, labelEn: r.label_en, economic: r.economic, active: r.active, builtin: r.builtin, sort: r.sort,
    ...(r.discipline ? { discipline: r.discipline as CaseType['discipline'] } : {}),
  }));
}

/** The codes that count as 经济类: flagged in the table, or below a flagged type. */
export async function economicCaseTypeCodes(db: Kysely<DB>): Promise<string[]> {
  const rows = await loadCaseTypes(db);
  return rows.filter((r) => isEconomicType(rows, r.code)).map((r) => r.code);
}

/**
 * A case's or violation's type must be an active entry of the dictionary (a disabled type stays valid on the
 * records that already carry it). Returns whether it counts as economic.
 */
export async function resolveCaseType(db: Kysely<DB>, code: string, field: string): Promise<{ economic: boolean }> {
  const rows = await loadCaseTypes(db);
  if (!rows.some((r) => r.code === code && r.active)) throw AppError.field(field, 'cases.caseType.unknown', { code });
  return { economic: isEconomicType(rows, code) };
}

function refuseDictionary(rows: CaseTypeRow[], code: string): void {
  const issue = checkCaseTypeDictionary(rows.map(({ builtin: _b, sort: _s, ...t }) => t)).find((i) => i.code === code) ;
  if (!issue) return;
  const field = issue.key === 'cases.caseType.duplicate' ? 'body.code' : issue.key === 'cases.caseType.invalid' ? 'body' : 'body.parentCode';
  throw AppError.field(field, issue.key, { code });
}

export const caseTypeService = {
  async list(db: Kysely<DB>, includeInactive: boolean) {
    const rows = await loadCaseTypes(db);
    return { items: (includeInactive ? rows : rows.filter((r) => r.active)).map((r) => ({ ...r, economicEffective: isEconomicType(rows, r.code) })) };
  },

  async create(ctx: AppContext, actor: Actor, input: z.infer<typeof caseTypeCreate>) {
    return ctx.db.transaction().execute(async (trx) => {
      const rows = await loadCaseTypes(trx);
      const row: CaseTypeRow = { code: input.code, parentCode: input.parentCode ?? null, labelZh: input.labelZh, labelEn: input.labelEn, economic: input.economic,
        active: true, builtin: false, sort: input.sort ?? (Math.max(0, ...rows.map((r) => r.sort)) + 10), ...(input.discipline ? { discipline: input.discipline } : {}) };
      refuseDictionary([...rows, row], row.code);
      await trx.insertInto('case_types').values({ code: row.code, parent_code: row.parentCode, label_zh: row.labelZh, label_en: row.labelEn, discipline: input.discipline ?? null,
        economic: row.economic, builtin: false, active: true, sort: row.sort, created_by: actor.userId }).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.caseType.create', objectType: 'caseType', objectId: row.code, detail: { ...input } });
      return { ...row, economicEffective: isEconomicType([...rows, row], row.code) };
    });
  },

  async update(ctx: AppContext, actor: Actor, code: string, input: z.infer<typeof caseTypeUpdate>) {
    return ctx.db.transaction().execute(async (trx) => {
      const rows = await loadCaseTypes(trx);
      const before = rows.find((r) => r.code === code);
      if (!before) throw AppError.notFound('what.caseType');
      const after: CaseTypeRow = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as CaseTypeRow;
      if (input.discipline === null) delete after.discipline;
      const next = rows.map((r) => (r.code === code ? after : r));
      refuseDictionary(next, code);
      // Disabling a parent leaves its active children selectable on purpose: the office retires one level at a time.
      await trx.updateTable('case_types').set({
        parent_code: after.parentCode, label_zh: after.labelZh, label_en: after.labelEn, discipline: after.discipline ?? null, economic: after.economic,
        active: after.active, sort: after.sort, updated_at: new Date(),
      }).where('code', '=', code).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.caseType.update', objectType: 'caseType', objectId: code, detail: { before, after } });
      return { ...after, economicEffective: isEconomicType(next, code) };
    });
  },
};
