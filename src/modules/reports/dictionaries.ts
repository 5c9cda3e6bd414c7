import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { areaCondition } from '../analysis/registry';
import { auditActor } from './intakeService';
import type { dictionaryEntryInput, dictionaryEntryUpdate } from './schema';

/**
 * The county's own word lists for reports, edited by administrators: 效能投诉 categories (countsAsDrift marks
 * 作风漂浮、工作疲沓, the speech's figure) and 领域 sectors. A report stores the code, so renaming an entry renames
 * it on every chart; entries are switched off rather than deleted, so old reports keep a readable name.
 */
export type Dictionary = 'efficiencyCategory' | 'sector';
type Table = 'report_efficiency_categories' | 'report_sectors';
const tables: Record<Dictionary, Table> = { efficiencyCategory: 'report_efficiency_categories', sector: 'report_sectors' };

export interface DictionaryEntry { code: string; name: string; nameEn: string; countsAsDrift?: boolean; sortOrder: number; active: boolean }

/** The speech's categories; the office edits them. */
export const defaultEfficiencyCategories = [
  { code: 'weakResponsibility', name: '责任不强', nameEn: 'Weak sense of responsibility', countsAsDrift: true },
  { code: 'unrealStyle', name: '作风不实', nameEn: 'Superficial work style', countsAsDrift: true },
  { code: 'delay', name: '办事拖拉', nameEn: 'Procrastination', countsAsDrift: true },
  { code: 'buckPassing', name: '推诿扯皮', nameEn: 'Passing the buck', countsAsDrift: true },
  { code: 'poorSkill', name: '业务不精', nameEn: 'Poor professional skill', countsAsDrift: false },
  { code: 'extortion', name: '吃拿卡要', nameEn: 'Demanding favours', countsAsDrift: false },
  { code: 'unfairEnforcement', name: '执法不公', nameEn: 'Unfair enforcement', countsAsDrift: false },
  { code: 'badAttitude', name: '服务态度差', nameEn: 'Poor service attitude', countsAsDrift: false },
];

/** Sectors county reports name most often (群众身边的不正之风和腐败问题 cluster in them); the office edits the list. */
export const defaultSectors = [
  { code: 'ruralRevitalisation', name: '乡村振兴', nameEn: 'Rural revitalisation' },
  { code: 'landAcquisition', name: '征地拆迁', nameEn: 'Land acquisition and demolition' },
  { code: 'construction', name: '工程建设', nameEn: 'Construction projects' },
  { code: 'socialAssistance', name: '民生保障（低保、救助、住房）', nameEn: 'Social assistance (subsistence, relief, housing)' },
  { code: 'farmSubsidies', name: '惠农补贴', nameEn: 'Farm subsidies' },
  { code: 'collectiveAssets', name: '农村集体“三资”', nameEn: 'Village collective funds, assets and resources' },
  { code: 'education', name: '教育', nameEn: 'Education' },
  { code: 'health', name: '医疗卫生', nameEn: 'Health care' },
  { code: 'lawEnforcement', name: '执法司法', nameEn: 'Law enforcement and justice' },
  { code: 'publicService', name: '政务服务', nameEn: 'Government services' },
  { code: 'stateEnterprise', name: '国有企业', nameEn: 'State-owned enterprises' },
  { code: 'other', name: '其他', nameEn: 'Other' },
];

/** Seed a county's dictionary with the defaults (existing entries are kept as the office left them). */
export async function ensureDictionary(db: Kysely<DB>, dictionary: Dictionary, countyCode: string): Promise<void> {
  const rows = dictionary === 'sector'
    ? defaultSectors.map((c, i) => ({ county_code: countyCode, code: c.code, name: c.name, sort_order: i }))
    : defaultEfficiencyCategories.map((c, i) => ({ county_code: countyCode, code: c.code, name: c.name, counts_as_drift: c.countsAsDrift, sort_order: i }));
  // Both tables share (county_code, code) as their key; the cast names one of them for the query builder.
  await db.insertInto(tables[dictionary] as 'report_efficiency_categories').values(rows).onConflict((oc) => oc.columns(['county_code', 'code']).doNothing()).execute();
}

/**
 * English for the entries the county still has as seeded: an entry the office renamed (or added) has only the
 * office's words, shown in both languages.
 */
export function englishName(dictionary: Dictionary, code: string, name: string): string {
  const seeded = (dictionary === 'sector' ? defaultSectors : defaultEfficiencyCategories).find((d) => d.code === code);
  return seeded && seeded.name === name ? seeded.nameEn : name;
}

export const ensureEfficiencyCategories = (db: Kysely<DB>, countyCode: string) => ensureDictionary(db, 'efficiencyCategory', countyCode);

/** code → name of the entries of a county (or of a province's counties: the first county's name wins), for labels. */
export async function dictionaryNames(db: Kysely<DB>, dictionary: Dictionary, areaCode: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom(tables[dictionary] as 'report_sectors').select(['code', 'name']).where(areaCondition(areaCode, 'county_code')).orderBy('county_code').execute();
  const out: Record<string, string> = {};
  for (const r of rows) out[r.code] ??= r.name;
  return out;
}

/** Refuse a code that is not an active entry of the county's dictionary, naming the field. */
export async function checkDictionaryCode(db: Kysely<DB>, dictionary: Dictionary, countyCode: string, code: string | null | undefined, field: string): Promise<void> {
  if (!code) return;
  const hit = await db.selectFrom(tables[dictionary] as 'report_sectors').select('code').where('county_code', '=', countyCode).where('code', '=', code).where('active', '=', true).executeTakeFirst();
  if (hit) return;
  const any = await db.selectFrom(tables[dictionary] as 'report_sectors').select('code').where('county_code', '=', countyCode).limit(1).executeTakeFirst();
  // A county nobody has configured yet uses the defaults.
  const defaults: Array<{ code: string }> = dictionary === 'sector' ? defaultSectors : defaultEfficiencyCategories;
  if (!any && defaults.some((d) => d.code === code)) return;
  throw AppError.field(field, 'field.notInDictionary');
}

export const dictionaryService = {
  async list(ctx: AppContext, actor: Actor, dictionary: Dictionary): Promise<{ items: DictionaryEntry[] }> {
    const query = async () => {
      const rows = await ctx.db.selectFrom(tables[dictionary] as 'report_efficiency_categories')
        .select(dictionary === 'sector' ? ['code', 'name', 'sort_order as sortOrder', 'active'] : ['code', 'name', 'counts_as_drift as countsAsDrift', 'sort_order as sortOrder', 'active'])
        .where('county_code', '=', actor.countyCode).orderBy('sort_order').orderBy('code').execute();
      return (rows as Array<Omit<DictionaryEntry, 'nameEn'>>).map((r) => ({ ...r, nameEn: englishName(dictionary, r.code, r.name) }));
    };
    let items = await query();
    // A county starts with the default entries the first time anyone looks.
    if (items.length === 0) { await ensureDictionary(ctx.db, dictionary, actor.countyCode); items = await query(); }
    return { items };
  },

  async create(ctx: AppContext, actor: Actor, dictionary: Dictionary, input: z.infer<typeof dictionaryEntryInput>) {
    if (dictionary === 'sector' && input.countsAsDrift !== undefined) throw AppError.field('body.countsAsDrift', 'field.invalid');
    await ctx.db.transaction().execute(async (trx) => {
      const table = tables[dictionary] as 'report_efficiency_categories';
      const exists = await trx.selectFrom(table).select('code').where('county_code', '=', actor.countyCode).where('code', '=', input.code).executeTakeFirst();
      if (exists) throw AppError.field('body.code', 'field.duplicate');
      await trx.insertInto(table).values({
        county_code: actor.countyCode, code: input.code, name: input.name, sort_order: input.sortOrder ?? 100, active: input.active ?? true,
        ...(dictionary === 'efficiencyCategory' ? { counts_as_drift: input.countsAsDrift ?? false } : {}),
      }).execute();
      await ctx.audit.record(trx, auditActor(actor), { action: `reports.${dictionary}.create`, objectType: dictionary, objectId: input.code, detail: input });
    });
    return { code: input.code };
  },

  async update(ctx: AppContext, actor: Actor, dictionary: Dictionary, code: string, input: z.infer<typeof dictionaryEntryUpdate>) {
    if (dictionary === 'sector' && input.countsAsDrift !== undefined) throw AppError.field('body.countsAsDrift', 'field.invalid');
    await ctx.db.transaction().execute(async (trx) => {
      const res = await trx.updateTable(tables[dictionary] as 'report_efficiency_categories').set({
        ...(input.name !== undefined ? { name: input.name } : {}), ...(input.countsAsDrift !== undefined ? { counts_as_drift: input.countsAsDrift } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}), ...(input.active !== undefined ? { active: input.active } : {}), updated_at: new Date(),
      }).where('county_code', '=', actor.countyCode).where('code', '=', code).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw AppError.notFound(dictionary === 'sector' ? 'what.sector' : 'what.efficiencyCategory');
      await ctx.audit.record(trx, auditActor(actor), { action: `reports.${dictionary}.update`, objectType: dictionary, objectId: code, detail: input });
    });
    return { code };
  },
};
