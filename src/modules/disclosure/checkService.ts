import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { checkDate, requireUnit, townshipOf } from './access';
import type { checkCreate, checkListQuery, checkRectify } from './schema';

/**
 * 事务公开专项检查: spot checks of a unit's disclosures. A failed result (内容不全/更新不及时/假公开/半公开) is a
 * problem to rectify, open → rectified with a note; a passed check carries no rectification.
 */
type Filter = z.infer<typeof checkListQuery> & { id?: string };

async function list(db: Kysely<DB>, actor: Actor, f: Filter) {
  let q = db.selectFrom('disclosure_checks as c').innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('units as t', (j) => j.onRef('t.code', '=', 'c.township_code').onRef('t.county_code', '=', 'c.county_code'))
    .leftJoin('users as ru', 'ru.id', 'c.rectified_by')
    .where('c.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'c.unit_id', 'c.created_by'));
  if (f.id) q = q.where('c.id', '=', f.id);
  if (f.checkResult) q = q.where('c.result', '=', f.checkResult);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.township) q = q.where('c.township_code', '=', f.township);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const today = todayInShanghai();
  const rows = await q.select(['c.id', 'c.unit_id', 'u.name as unitName', 'c.township_code', 't.name as townshipName', 'c.kind', 'c.period', 'c.checked_on', 'c.inspector',
    'c.result', 'c.problem', 'c.due_on', 'c.status', 'c.rectified_on', 'c.rectification_note', 'ru.display_name as rectifiedByName'])
    .orderBy(sql`case c.status when 'open' then 0 else 1 end`).orderBy('c.checked_on', 'desc').orderBy('c.id')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return {
    items: rows.map((r) => ({
      id: r.id, unitId: r.unit_id, unitName: r.unitName, townshipCode: r.township_code, townshipName: r.townshipName, kind: r.kind, quarter: r.period,
      checkedOn: r.checked_on, inspector: r.inspector, checkResult: r.result, problemNote: r.problem, dueOn: r.due_on, status: r.status,
      overdue: r.status === 'open' && !!r.due_on && r.due_on < today, rectifiedOn: r.rectified_on, rectificationNote: r.rectification_note, rectifiedByName: r.rectifiedByName,
    })),
    total, page: f.page, pageSize: f.pageSize,
  };
}

async function one(db: Kysely<DB>, actor: Actor, id: string) {
  const c = (await list(db, actor, { page: 1, pageSize: 1, id })).items[0];
  if (!c) throw AppError.notFound('what.disclosureCheck');
  return c;
}

async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof checkCreate>) {
  const unit = await requireUnit(ctx.db, actor, input.unitId, 'body.unitId', input.kind);
  checkDate('body.checkedOn', input.checkedOn);
  const failed = input.checkResult !== 'passed';
  // A failed check names the problem and when it must be put right.
  if (failed && !input.problemNote) throw AppError.field('body.problemNote', 'disclosure.problemRequired');
  if (failed && !input.dueOn) throw AppError.field('body.dueOn', 'field.required');
  if (input.dueOn && input.dueOn < input.checkedOn) throw AppError.field('body.dueOn', 'disclosure.dateOrder', { date: input.dueOn, after: `检查日期（${input.checkedOn}）` });
  const township = await townshipOf(ctx.db, unit);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('disclosure_checks').values({
      county_code: actor.countyCode, unit_id: unit.id, township_code: township, kind: input.kind, period: input.quarter ?? null, checked_on: input.checkedOn,
      inspector: input.inspector, result: input.checkResult, problem: input.problemNote || null, due_on: failed ? input.dueOn! : null, status: failed ? 'open' : null,
      created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'disclosure.check.create', objectType: 'disclosureCheck', objectId: row.id,
      detail: { unitId: unit.id, kind: input.kind, result: input.checkResult, checkedOn: input.checkedOn } });
    return row.id;
  });
  return one(ctx.db, actor, id);
}

async function rectify(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof checkRectify>) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('disclosure_checks').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
      .where(scopeCondition(actor, 'disclosure_checks.unit_id', 'disclosure_checks.created_by')).forUpdate().executeTakeFirst();
    if (!c) throw AppError.notFound('what.disclosureCheck');
    if (c.status !== 'open') throw new AppError('CONFLICT', { issues: [{ field: 'status', key: 'disclosure.notOpen' }] });
    checkDate('body.rectifiedOn', input.rectifiedOn, { date: c.checked_on, label: '检查日期' });
    await trx.updateTable('disclosure_checks').set({
      status: 'rectified', rectified_on: input.rectifiedOn, rectification_note: input.rectificationNote, rectified_by: actor.userId, updated_at: new Date(),
    }).where('id', '=', id).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'disclosure.check.rectify', objectType: 'disclosureCheck', objectId: id, detail: { rectifiedOn: input.rectifiedOn } });
  });
  return one(ctx.db, actor, id);
}

export const checkService = { list, create, rectify };
