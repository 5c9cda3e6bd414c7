import { sql, type Kysely, type SqlBool } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { unitInScope } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import type { DisclosureKind } from './db';
import { DEFAULT_DUE_DAYS, disclosureSchedule, TOWNSHIP_KINDS } from './schedule';

/**
 * The unit a disclosure, check or site is placed in: in the county and the caller's scope (a township committee
 * covers its villages), and, when `kind` is given, a unit that discloses that kind (村务公开 by a village).
 */
export async function requireUnit(db: Kysely<DB>, actor: Actor, unitId: string, field: string, kind?: DisclosureKind) {
  const unit = await db.selectFrom('units').select(['id', 'path', 'code', 'kind', 'name', 'county_code']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || unit.county_code !== actor.countyCode || !(await unitInScope(db, actor, unitId))) throw AppError.field(field, 'field.unitNotFound');
  if (kind && !disclosureSchedule[kind].unitKinds.includes(unit.kind)) throw AppError.field(field, `disclosure.unitKind.${kind}`, { unit: unit.name });
  return unit;
}

/** The township (乡镇/街道) whose subtree holds the unit, by materialised path; null for county departments. */
export async function townshipOf(db: Kysely<DB>, unit: { path: string; county_code: string }): Promise<string | null> {
  const t = await db.selectFrom('units').select('code').where('county_code', '=', unit.county_code).where('kind', 'in', [...TOWNSHIP_KINDS])
    .where(sql<SqlBool>`${unit.path} like units.path || '%'`).orderBy('depth').executeTakeFirst();
  return t?.code ?? null;
}

/** Business dates: not after today, not before `after` (named by its own label). */
export function checkDate(field: string, date: string, after?: { date: string | null | undefined; label: string }): void {
  if (date > todayInShanghai()) throw AppError.field(field, 'disclosure.dateFuture', { date });
  if (after?.date && date < after.date) throw AppError.field(field, 'disclosure.dateOrder', { date, after: `${after.label}（${after.date}）` });
}

/**
 * The county's settings: days after a quarter's end a disclosure is due, and the first quarter obligations are
 * tracked from (before it nothing is overdue). Without a stored first quarter, the county's earliest recorded one.
 */
export interface DisclosureSettings { dueDays: number; firstPeriod: string | null }
const key = (countyCode: string) => `disclosure.settings.${countyCode}`;

export async function loadSettings(db: Kysely<DB>, countyCode: string): Promise<DisclosureSettings & { stored: boolean }> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key(countyCode)).executeTakeFirst();
  const v = (row?.value ?? {}) as Partial<DisclosureSettings>;
  let firstPeriod = typeof v.firstPeriod === 'string' ? v.firstPeriod : null;
  if (!firstPeriod) {
    const r = await db.selectFrom('disclosure_records').select(sql<string | null>`min(period)`.as('p')).where('county_code', '=', countyCode).executeTakeFirst();
    firstPeriod = r?.p ?? null;
  }
  return { dueDays: typeof v.dueDays === 'number' ? v.dueDays : DEFAULT_DUE_DAYS, firstPeriod, stored: !!row };
}

export async function saveSettings(ctx: AppContext, actor: Actor, s: DisclosureSettings) {
  await ctx.db.transaction().execute(async (trx) => {
    const value = JSON.stringify(s);
    await trx.insertInto('settings').values({ key: key(actor.countyCode), value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() })).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'disclosure.settings.update', objectType: 'disclosureSettings', objectId: actor.countyCode, detail: { ...s } });
  });
  return loadSettings(ctx.db, actor.countyCode);
}
