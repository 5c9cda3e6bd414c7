import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { checkDate, requireUnit } from './access';
import type { taskComplete, taskCreate, taskListQuery } from './schema';

/**
 * 责任分解: the county's task list. One row per responsible unit (data scope follows the unit), pending until the
 * unit records its completion; overdue while pending past the deadline (computed, never stored).
 */
type Filter = z.infer<typeof taskListQuery>;

function select(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('duty_tasks as t').innerJoin('units as u', 'u.id', 't.unit_id').leftJoin('users as cu', 'cu.id', 't.completed_by')
    .where('t.county_code', '=', actor.countyCode).where(scopeCondition(actor, 't.unit_id', 't.created_by'))
    .select(['t.id', 't.batch_id', 't.year', 't.title', 't.content', 't.lead_leader', 't.unit_id', 'u.name as unitName', 'u.kind as unitKind', 't.assigned_on',
      't.deadline', 't.status', 't.completion_note', 't.completed_on', 'cu.display_name as completedByName']);
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

const toTask = (r: Row, today: string) => ({
  id: r.id, batchId: r.batch_id, year: r.year, title: r.title, content: r.content, leadLeader: r.lead_leader, unitId: r.unit_id, unitName: r.unitName,
  unitKind: r.unitKind, assignedOn: r.assigned_on, deadline: r.deadline, status: r.status, overdue: r.status === 'pending' && r.deadline < today,
  completionNote: r.completion_note, completedOn: r.completed_on, completedByName: r.completedByName,
});

async function list(db: Kysely<DB>, actor: Actor, f: Filter) {
  const today = todayInShanghai();
  let q = select(db, actor);
  if (f.year) q = q.where('t.year', '=', f.year);
  if (f.unitId) q = q.where('t.unit_id', '=', f.unitId);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.overdue) q = q.where('t.status', '=', 'pending').where('t.deadline', '<', today);
  const counts = await q.clearSelect().select([sql<number>`count(*)::int`.as('n'),
    sql<number>`(count(*) filter (where t.status = 'done'))::int`.as('done'),
    sql<number>`(count(*) filter (where t.status = 'pending' and t.deadline < ${today}))::int`.as('overdue')]).executeTakeFirstOrThrow();
  const rows = await q.orderBy(sql`case when t.status = 'pending' and t.deadline < ${today} then 0 when t.status = 'pending' then 1 else 2 end`)
    .orderBy('t.deadline').orderBy('t.title').orderBy('u.code').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map((r) => toTask(r, today)), total: counts.n, done: counts.done, overdue: counts.overdue, page: f.page, pageSize: f.pageSize };
}

async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await select(db, actor).where('t.id', '=', id).executeTakeFirst();
  if (!r) throw AppError.notFound('what.dutyTask');
  return toTask(r, todayInShanghai());
}

/** One task to several units: a row each, in one transaction, audited once per row. */
async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof taskCreate>) {
  const assignedOn = input.assignedOn ?? todayInShanghai();
  if (Number(assignedOn.slice(0, 4)) !== input.year) throw AppError.field('body.assignedOn', 'duty.yearMismatch', { date: assignedOn, year: input.year });
  if (input.deadline < assignedOn) throw AppError.field('body.deadline', 'duty.dateOrder', { date: input.deadline, after: `下达日期（${assignedOn}）` });
  const unitIds = [...new Set(input.unitIds)];
  for (const [i, id] of unitIds.entries()) await requireUnit(ctx.db, actor, id, `body.unitIds[${i}]`);
  const batch = crypto.randomUUID();
  const ids = await ctx.db.transaction().execute(async (trx) => {
    const rows = await trx.insertInto('duty_tasks').values(unitIds.map((unitId) => ({
      county_code: actor.countyCode, unit_id: unitId, batch_id: batch, year: input.year, title: input.title, content: input.content || null,
      lead_leader: input.leadLeader || null, assigned_on: assignedOn, deadline: input.deadline, created_by: actor.userId,
    }))).returning(['id', 'unit_id']).execute();
    for (const r of rows) {
      await ctx.audit.record(trx, auditActor(actor), { action: 'duty.task.create', objectType: 'dutyTask', objectId: r.id,
        detail: { title: input.title, unitId: r.unit_id, deadline: input.deadline, batchId: batch } });
    }
    return rows.map((r) => r.id);
  });
  return { items: await Promise.all(ids.map((id) => view(ctx.db, actor, id))) };
}

/** The responsible unit records completion (a note and the date); a done task is not completed again. */
async function complete(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof taskComplete>) {
  await ctx.db.transaction().execute(async (trx) => {
    const t = await trx.selectFrom('duty_tasks').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
      .where(scopeCondition(actor, 'duty_tasks.unit_id', 'duty_tasks.created_by')).forUpdate().executeTakeFirst();
    if (!t) throw AppError.notFound('what.dutyTask');
    if (t.status === 'done') throw new AppError('CONFLICT', { issues: [{ field: 'status', key: 'duty.alreadyDone', params: { date: t.completed_on ?? '' } }] });
    checkDate('body.completedOn', input.completedOn, { date: t.assigned_on, label: '下达日期' });
    await trx.updateTable('duty_tasks').set({
      status: 'done', completion_note: input.completionNote, completed_on: input.completedOn, completed_by: actor.userId, updated_at: new Date(),
    }).where('id', '=', id).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'duty.task.complete', objectType: 'dutyTask', objectId: id,
      detail: { completedOn: input.completedOn, late: input.completedOn > t.deadline } });
  });
  return view(ctx.db, actor, id);
}

export const taskService = { list, view, create, complete };
