import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import { escapeLike } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { requireUnit, townshipOf } from '../campaigns/access';
import { auditActor } from '../org/unitService';
import { codeLabel } from '../risk/labels';
import type { ExpenseInput, expenseListQuery } from './schema';
import { screenIn, screeningInputs } from './screeningService';

/**
 * 支出记录: list, read and enter in the caller's data scope (the spending unit's subtree). A record's flags are the
 * spending hits that name it in their evidence (its own rules, and a split group it belongs to); dismissed hits
 * are not flags. Entering, correcting or removing a record screens the county again in the same transaction, so its
 * flags follow at once.
 */
type Filter = z.infer<typeof expenseListQuery>;

/** Hits of the spending domain that name the expense (evidence records), not dismissed. */
const flagsOf = sql<boolean>`risk_hits.domain = 'spending' and risk_hits.status <> 'dismissed' and risk_hits.county_code = e.county_code
  and risk_hits.evidence->'records' @> jsonb_build_array(jsonb_build_object('id', e.id::text))`;
const flagCount = sql<number>`(select count(*)::int from risk_hits where ${flagsOf})`;

function base(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('spending_expenses as e').innerJoin('units as u', 'u.id', 'e.unit_id')
    .where('e.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'e.unit_id', 'e.created_by'));
}
const columns = ['e.id', 'e.unit_id', 'u.name as unitName', 'e.township_code', 'e.spent_on', 'e.category', 'e.amount', 'e.persons', 'e.accompanying', 'e.days', 'e.nights',
  'e.class_level', 'e.traveller_rank', 'e.payee', 'e.venue', 'e.has_letter', 'e.approval_no', 'e.voucher_no', 'e.description', 'e.import_id', 'e.created_at'] as const;
const select = (db: Kysely<DB>, actor: Actor) => base(db, actor).select([...columns, flagCount.as('flags')]);
type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
const toExpense = (r: Row) => ({
  id: r.id, unitId: r.unit_id, unitName: r.unitName, townshipCode: r.township_code, spentOn: r.spent_on, spendingCategory: r.category, amount: Number(r.amount),
  persons: r.persons, accompanying: r.accompanying, days: r.days, nights: r.nights, classLevel: r.class_level, travellerRank: r.traveller_rank, payee: r.payee,
  venue: r.venue, hasLetter: r.has_letter, approvalNo: r.approval_no, voucherNo: r.voucher_no, description: r.description, importId: r.import_id,
  createdAt: r.created_at, flags: r.flags,
});

async function list(db: Kysely<DB>, actor: Actor, f: Filter) {
  let q = base(db, actor);
  if (f.unitId) q = q.where(sql<boolean>`u.path like (select p.path from units p where p.id = ${f.unitId}) || '%'`);
  if (f.spendingCategory) q = q.where('e.category', '=', f.spendingCategory);
  if (f.from) q = q.where('e.spent_on', '>=', f.from);
  if (f.to) q = q.where('e.spent_on', '<=', f.to);
  if (f.flaggedOnly) q = q.where(sql<boolean>`exists (select 1 from risk_hits where ${flagsOf})`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('e.payee', 'like', like), eb('e.venue', 'like', like), eb('e.description', 'like', like), eb('e.voucher_no', 'like', like), eb('u.name', 'like', like)]));
  }
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q.select([...columns, flagCount.as('flags')]).orderBy('e.spent_on', 'desc').orderBy('e.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(toExpense), total, page: f.page, pageSize: f.pageSize };
}

async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await select(db, actor).where('e.id', '=', id).executeTakeFirst();
  if (!r) throw AppError.notFound('what.spendingExpense');
  const hits = await db.selectFrom('risk_hits')
    .select(['risk_hits.id', 'risk_hits.code', 'risk_hits.strength', 'risk_hits.status', 'risk_hits.evidence', 'risk_hits.subject_title'])
    .where('risk_hits.domain', '=', 'spending').where('risk_hits.county_code', '=', actor.countyCode)
    .where(sql<boolean>`risk_hits.evidence->'records' @> jsonb_build_array(jsonb_build_object('id', ${id}::text))`)
    .where(scopeCondition(actor, 'risk_hits.unit_id')).orderBy('risk_hits.code').execute();
  return {
    ...toExpense(r),
    hits: hits.map((h) => ({ id: h.id, code: h.code, label: codeLabel(h.code), strength: h.strength, status: h.status, title: h.subject_title,
      rule: String(h.evidence.rule ?? ''), values: h.evidence.values ?? {}, threshold: h.evidence.threshold ?? {} })),
  };
}

/** The row to insert for one validated input (the unit already checked); shared by entry and import. */
export function expenseRow(actor: Actor, input: ExpenseInput, unit: { id: string }, township: string | null, importId: string | null) {
  return {
    county_code: actor.countyCode, unit_id: unit.id, township_code: township, spent_on: input.spentOn, category: input.spendingCategory,
    amount: Math.round(input.amount * 100) / 100, persons: input.persons ?? null, accompanying: input.accompanying ?? null, days: input.days ?? null,
    nights: input.nights ?? null, class_level: input.classLevel ?? null, traveller_rank: input.travellerRank ?? null, payee: input.payee || null, venue: input.venue || null,
    has_letter: input.hasLetter ?? null, approval_no: input.approvalNo || null, voucher_no: input.voucherNo || null, description: input.description || null,
    import_id: importId, created_by: actor.userId,
  };
}

async function create(ctx: AppContext, actor: Actor, input: ExpenseInput) {
  const { unit, township } = await checkInput(ctx, actor, input);
  const inputs = await screeningInputs(ctx.db, actor.countyCode);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('spending_expenses').values(expenseRow(actor, input, unit, township, null)).returning('id').executeTakeFirstOrThrow();
    const run = await screenIn(trx, actor.countyCode, inputs);
    await ctx.audit.record(trx, auditActor(actor), { action: 'spending.expense.create', objectType: 'spendingExpense', objectId: row.id,
      detail: { unitId: unit.id, spentOn: input.spentOn, category: input.spendingCategory, amount: input.amount, voucherNo: input.voucherNo ?? null, hits: run.hits } });
    return row.id;
  });
  return view(ctx.db, actor, id);
}

/** Checks an input as entry does (a unit in the writer's scope, not a future date); returns the unit and its township. */
async function checkInput(ctx: AppContext, actor: Actor, input: ExpenseInput) {
  const unit = await requireUnit(ctx.db, actor, input.unitId, 'body.unitId');
  if (input.spentOn > todayInShanghai()) throw AppError.field('body.spentOn', 'spending.dateFuture', { date: input.spentOn });
  return { unit, township: await townshipOf(ctx.db, unit) };
}

/** The record as the writer's scope reaches it, locked for the change (another township's is not found). */
async function expenseForUpdate(trx: Kysely<DB>, actor: Actor, id: string) {
  const e = await trx.selectFrom('spending_expenses').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
    .where(scopeCondition(actor, 'unit_id', 'created_by')).forUpdate().executeTakeFirst();
  if (!e) throw AppError.notFound('what.spendingExpense');
  return e;
}
type Stored = Awaited<ReturnType<typeof expenseForUpdate>>;
const auditValues = (e: Stored) => ({
  unitId: e.unit_id, spentOn: e.spent_on, category: e.category, amount: Number(e.amount), persons: e.persons, accompanying: e.accompanying, days: e.days, nights: e.nights,
  classLevel: e.class_level, travellerRank: e.traveller_rank, payee: e.payee, venue: e.venue, hasLetter: e.has_letter, approvalNo: e.approval_no, voucherNo: e.voucher_no,
  description: e.description, importId: e.import_id,
});

/**
 * Correct a record: the same checks as entering it; the county is screened again in the same transaction (a hit
 * appears or goes with the corrected figures) and the audit entry keeps the values before.
 */
async function update(ctx: AppContext, actor: Actor, id: string, input: ExpenseInput) {
  const { unit, township } = await checkInput(ctx, actor, input);
  const inputs = await screeningInputs(ctx.db, actor.countyCode);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await expenseForUpdate(trx, actor, id);
    const { county_code: _c, created_by: _b, import_id: _i, ...set } = expenseRow(actor, input, unit, township, before.import_id);
    await trx.updateTable('spending_expenses').set(set).where('id', '=', id).execute();
    const run = await screenIn(trx, actor.countyCode, inputs);
    const after = await expenseForUpdate(trx, actor, id);
    await ctx.audit.record(trx, auditActor(actor), { action: 'spending.expense.update', objectType: 'spendingExpense', objectId: id,
      detail: { before: auditValues(before), after: auditValues(after), hits: run.hits } });
  });
  return view(ctx.db, actor, id);
}

/**
 * Remove a record entered by mistake. A record one of whose hits was decided (dismissed with a reason, or handed
 * over as a problem clue) stays: the decision and the clue rest on it as evidence. Its undecided hits go with it
 * (the county is screened again in the same transaction; a split group it was part of is judged without it).
 */
async function remove(ctx: AppContext, actor: Actor, id: string) {
  const inputs = await screeningInputs(ctx.db, actor.countyCode);
  await ctx.db.transaction().execute(async (trx) => {
    const e = await expenseForUpdate(trx, actor, id);
    const decided = await trx.selectFrom('risk_hits').select(['code', 'status']).where('domain', '=', 'spending').where('county_code', '=', actor.countyCode)
      .where('status', '<>', 'new').where(sql<boolean>`evidence->'records' @> jsonb_build_array(jsonb_build_object('id', ${id}::text))`)
      .orderBy(sql`status = 'clued'`, 'desc').orderBy('code').execute();
    if (decided.length > 0) {
      const key = decided[0].status === 'clued' ? 'spending.expenseClued' : 'spending.expenseDismissed';
      throw new AppError('CONFLICT', { issues: [{ field: 'params.id', key, params: { hit: codeLabel(decided[0].code) } }] });
    }
    await trx.deleteFrom('spending_expenses').where('id', '=', id).execute();
    const run = await screenIn(trx, actor.countyCode, inputs);
    await ctx.audit.record(trx, auditActor(actor), { action: 'spending.expense.delete', objectType: 'spendingExpense', objectId: id,
      detail: { ...auditValues(e), hits: run.hits } });
  });
}

export const expenseService = { list, view, create, update, remove };
