import { sql, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { checkDate, loadSettings, requireUnit, townshipOf } from './access';
import type { DisclosureKind } from './db';
import { disclosureSchedule, dueOn, obligationStatus, quarterOf, quarterStart, TOWNSHIP_KINDS, yearQuarters, type ObligationStatus } from './schedule';
import type { matrixQuery, recordCorrect, recordCreate, recordListQuery } from './schema';

/** Disclosure records: the county matrix (units × quarters with status), the list, and recording a disclosure. */
type Status = ObligationStatus | 'untracked';
const countable: ObligationStatus[] = ['onTime', 'late', 'missing'];

/** Units of the county (in the caller's scope) joined to the township holding them (itself for a township). */
function unitsWithTownship(db: Kysely<DB>, actor: Pick<Actor, 'scope' | 'userId'>, countyCode: string) {
  return db.selectFrom('units as u')
    .leftJoin('units as t', (j) => j.on(sql<SqlBool>`t.county_code = u.county_code and t.kind in (${sql.join([...TOWNSHIP_KINDS])}) and u.path like t.path || '%'`))
    .where('u.county_code', '=', countyCode).where('u.active', '=', true).where(scopeCondition(actor, 'u.id'));
}

async function matrix(db: Kysely<DB>, actor: Actor, q: z.infer<typeof matrixQuery>) {
  const settings = await loadSettings(db, actor.countyCode);
  const asOf = q.asOf ?? todayInShanghai();
  const periods = yearQuarters(q.year);
  let units = unitsWithTownship(db, actor, actor.countyCode).where('u.kind', 'in', [...disclosureSchedule[q.kind].unitKinds]);
  if (q.township) units = units.where('t.code', '=', q.township);
  const rows = await units.select(['u.id', 'u.code', 'u.name', 'u.kind', 't.code as townshipCode', 't.name as townshipName'])
    .orderBy(sql`t.code nulls last`).orderBy('u.sort_order').orderBy('u.code').execute();
  const published = rows.length === 0 ? [] : await db.selectFrom('disclosure_records as r')
    .select(['r.unit_id', 'r.period', sql<string>`min(r.published_on)`.as('first'), sql<number>`count(*)::int`.as('n')])
    .where('r.county_code', '=', actor.countyCode).where('r.kind', '=', q.kind).where('r.period', 'in', periods).where('r.published_on', '<=', asOf)
    .where(scopeCondition(actor, 'r.unit_id', 'r.created_by')).groupBy(['r.unit_id', 'r.period']).execute();
  const byCell = new Map(published.map((p) => [`${p.unit_id}|${p.period}`, p]));
  const towns = new Map<string, { code: string | null; name: string | null; onTime: number; late: number; missing: number; pending: number }>();
  const out = rows.map((u) => {
    const town = towns.get(u.townshipCode ?? '') ?? { code: u.townshipCode, name: u.townshipName, onTime: 0, late: 0, missing: 0, pending: 0 };
    towns.set(u.townshipCode ?? '', town);
    const cells = periods.map((period) => {
      const rec = byCell.get(`${u.id}|${period}`);
      const due = dueOn(period, settings.dueDays);
      const tracked = !!settings.firstPeriod && period >= settings.firstPeriod;
      const status: Status = tracked || rec ? obligationStatus(due, rec?.first ?? null, asOf) : 'untracked';
      if (status !== 'untracked') town[status]++;
      return { period, status, dueOn: due, publishedOn: rec?.first ?? null, records: rec?.n ?? 0 };
    });
    return { unitId: u.id, unitCode: u.code, unitName: u.name, townshipCode: u.townshipCode, townshipName: u.townshipName, cells };
  });
  const byTownship = [...towns.values()].map((t) => {
    const decided = countable.reduce((n, s) => n + t[s], 0);
    return { ...t, decided, onTimeRate: decided ? Math.round((t.onTime / decided) * 1000) / 10 : null };
  });
  return { kind: q.kind, year: q.year, asOf, periods, dueDays: settings.dueDays, firstQuarter: settings.firstPeriod, items: disclosureSchedule[q.kind].items, rows: out, byTownship };
}

async function list(db: Kysely<DB>, actor: Actor, f: z.infer<typeof recordListQuery> & { id?: string }) {
  let q = db.selectFrom('disclosure_records as r').innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('units as t', (j) => j.onRef('t.code', '=', 'r.township_code').onRef('t.county_code', '=', 'r.county_code'))
    .leftJoin('users as cu', 'cu.id', 'r.created_by')
    .where('r.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'r.unit_id', 'r.created_by'));
  if (f.id) q = q.where('r.id', '=', f.id);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.quarter) q = q.where('r.period', '=', f.quarter);
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q.leftJoin('users as xu', 'xu.id', 'r.corrected_by')
    .select(['r.id', 'r.unit_id', 'u.name as unitName', 'r.township_code', 't.name as townshipName', 'r.kind', 'r.period', 'r.items', 'r.published_on',
      'r.channels', 'r.evidence', 'cu.display_name as createdByName', 'r.created_at', 'r.corrected_at', 'xu.display_name as correctedByName', 'r.correction_reason'])
    .orderBy('r.published_on', 'desc').orderBy('r.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return {
    items: rows.map((r) => ({
      id: r.id, unitId: r.unit_id, unitName: r.unitName, townshipCode: r.township_code, townshipName: r.townshipName, kind: r.kind, quarter: r.period,
      disclosedItems: r.items, publishedOn: r.published_on, channels: r.channels, evidenceNote: r.evidence, createdByName: r.createdByName, createdAt: r.created_at,
      correctedAt: r.corrected_at, correctedByName: r.correctedByName, correctionReason: r.correction_reason,
    })),
    total, page: f.page, pageSize: f.pageSize,
  };
}

/** The items come from the kind's checklist; the date is not before the quarter began nor after today. */
function checkContent(input: { kind: DisclosureKind; quarter: string; disclosedItems: string[]; publishedOn: string }) {
  const allowed = disclosureSchedule[input.kind].items;
  const unknown = input.disclosedItems.filter((i) => !allowed.includes(i));
  if (unknown.length) throw AppError.field('body.disclosedItems', 'disclosure.itemUnknown', { items: unknown.join('、') });
  checkDate('body.publishedOn', input.publishedOn, { date: quarterStart(input.quarter), label: `${input.quarter}开始日期` });
}

/** Record a disclosure of a unit the caller may write for; the quarter cannot lie ahead, the items come from the kind's checklist. */
async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof recordCreate>) {
  const unit = await requireUnit(ctx.db, actor, input.unitId, 'body.unitId', input.kind);
  const today = todayInShanghai();
  if (input.quarter > quarterOf(today)) throw AppError.field('body.quarter', 'disclosure.periodFuture', { period: input.quarter });
  checkContent(input);
  const township = await townshipOf(ctx.db, unit);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('disclosure_records').values({
      county_code: actor.countyCode, unit_id: unit.id, township_code: township, kind: input.kind, period: input.quarter, items: [...new Set(input.disclosedItems)],
      published_on: input.publishedOn, channels: [...new Set(input.channels)], evidence: input.evidenceNote || null, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'disclosure.record.create', objectType: 'disclosureRecord', objectId: row.id,
      detail: { unitId: unit.id, kind: input.kind, quarter: input.quarter, publishedOn: input.publishedOn } });
    return row.id;
  });
  return (await list(ctx.db, actor, { page: 1, pageSize: 1, id })).items[0];
}

/**
 * Correct a record (items, date, where, evidence) with a reason: the unit, kind and quarter stay (a wrong one is
 * another record). The audit entry keeps the values before, so the matrix a meeting saw can be explained.
 */
async function correct(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof recordCorrect>) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('disclosure_records').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
      .where(scopeCondition(actor, 'unit_id', 'created_by')).forUpdate().executeTakeFirst();
    if (!before) throw AppError.notFound('what.disclosureRecord');
    await requireUnit(trx, actor, before.unit_id, 'params.id', before.kind);
    checkContent({ kind: before.kind, quarter: before.period, disclosedItems: input.disclosedItems, publishedOn: input.publishedOn });
    await trx.updateTable('disclosure_records').set({
      items: [...new Set(input.disclosedItems)], published_on: input.publishedOn, channels: [...new Set(input.channels)], evidence: input.evidenceNote || null,
      corrected_at: new Date(), corrected_by: actor.userId, correction_reason: input.correctionReason,
    }).where('id', '=', id).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'disclosure.record.correct', objectType: 'disclosureRecord', objectId: id, detail: {
      reason: input.correctionReason,
      before: { items: before.items, publishedOn: before.published_on, channels: before.channels, evidence: before.evidence },
      after: { items: input.disclosedItems, publishedOn: input.publishedOn, channels: input.channels, evidence: input.evidenceNote ?? null },
    } });
  });
  return (await list(ctx.db, actor, { page: 1, pageSize: 1, id })).items[0];
}

export const recordService = { matrix, list, create, correct, unitsWithTownship };
