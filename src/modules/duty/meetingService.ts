import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { escapeLike } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { parsePeriod } from '../analysis/periods';
import { auditActor } from '../org/unitService';
import { checkDate, countyWideVisible, requireTownshipOfficial, requireUnit, secretaryCondition, TOWNSHIP_KINDS } from './access';
import type { meetingCreate, pageQuery, reportCreate, secretaryQuery } from './schema';

const quarterStart = (quarter: string) => parsePeriod(quarter).from;

/**
 * 履职情况汇报: meetings (e.g. 第一季度党风廉政建设和反腐败工作形势分析会) at which named township party secretaries
 * report on their 一岗双责. A report belongs to the secretary's township (data scope); the meeting to its organiser.
 */
async function visibleMeeting(db: Kysely<DB>, actor: Actor, id: string) {
  const m = await db.selectFrom('duty_meetings').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
    .where(countyWideVisible(actor, 'duty_meetings')).executeTakeFirst();
  if (!m) throw AppError.notFound('what.dutyMeeting');
  return m;
}

async function list(db: Kysely<DB>, actor: Actor, p: z.infer<typeof pageQuery>) {
  const base = db.selectFrom('duty_meetings as m').where('m.county_code', '=', actor.countyCode).where(countyWideVisible(actor, 'm'));
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await base.innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.name', 'm.held_on', 'm.reviewed_quarter', 'u.name as unitName',
      sql<number>`(select count(*)::int from duty_reports r where r.meeting_id = m.id and ${scopeCondition(actor, 'r.unit_id', 'r.created_by')})`.as('reports'),
      sql<number>`(select count(*)::int from duty_appraisal_rounds ar where ar.meeting_id = m.id)`.as('rounds')])
    .orderBy('m.held_on', 'desc').orderBy('m.id').limit(p.pageSize).offset((p.page - 1) * p.pageSize).execute();
  return { items: rows.map((r) => ({ id: r.id, meetingName: r.name, heldOn: r.held_on, reviewedQuarter: r.reviewed_quarter, unitName: r.unitName, reports: r.reports, rounds: r.rounds })), total, page: p.page, pageSize: p.pageSize };
}

/** The meeting, the reports heard (in the caller's scope) and its appraisal rounds. */
async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const m = await visibleMeeting(db, actor, id);
  const reports = await db.selectFrom('duty_reports as r').innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.official_id', 'r.official_name', 'r.official_post', 'r.unit_id', 'u.name as townshipName', 'u.code as townshipCode', 'r.summary'])
    .where('r.meeting_id', '=', id).where(scopeCondition(actor, 'r.unit_id', 'r.created_by')).orderBy('u.code').orderBy('r.created_at').execute();
  const rounds = await db.selectFrom('duty_appraisal_rounds as ar').select(['ar.id', 'ar.name', 'ar.held_on', 'ar.status'])
    .where('ar.meeting_id', '=', id).where(countyWideVisible(actor, 'ar')).orderBy('ar.held_on').orderBy('ar.created_at').execute();
  return {
    id: m.id, meetingName: m.name, heldOn: m.held_on, reviewedQuarter: m.reviewed_quarter, unitId: m.unit_id,
    reports: reports.map((r) => ({ id: r.id, officialId: r.official_id, officialName: r.official_name, officialPost: r.official_post, unitId: r.unit_id,
      townshipName: r.townshipName, townshipCode: r.townshipCode, summary: r.summary })),
    rounds: rounds.map((r) => ({ id: r.id, roundName: r.name, heldOn: r.held_on, status: r.status })),
  };
}

async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof meetingCreate>) {
  const unit = await requireUnit(ctx.db, actor, input.unitId ?? actor.unitId, 'body.unitId');
  checkDate('body.heldOn', input.heldOn);
  // A meeting analyses a quarter that has begun by the day it is held (usually the one just ended).
  if (input.reviewedQuarter && quarterStart(input.reviewedQuarter) > input.heldOn) {
    throw AppError.field('body.reviewedQuarter', 'duty.quarterAfterMeeting', { quarter: input.reviewedQuarter, date: input.heldOn });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('duty_meetings').values({
      county_code: actor.countyCode, unit_id: unit.id, name: input.meetingName, held_on: input.heldOn,
      reviewed_quarter: input.reviewedQuarter ?? null, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'duty.meeting.create', objectType: 'dutyMeeting', objectId: row.id, detail: { name: input.meetingName, heldOn: input.heldOn, reviewedQuarter: input.reviewedQuarter ?? null } });
    return row.id;
  });
  return view(ctx.db, actor, id);
}

/** Record that a township secretary reported at the meeting; once per secretary and meeting. */
async function addReport(ctx: AppContext, actor: Actor, meetingId: string, input: z.infer<typeof reportCreate>) {
  await visibleMeeting(ctx.db, actor, meetingId);
  const o = await requireTownshipOfficial(ctx.db, actor, input.officialId, 'body.officialId');
  await ctx.db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom('duty_reports').select('id').where('meeting_id', '=', meetingId).where('official_id', '=', o.id).executeTakeFirst();
    if (dup) throw new AppError('CONFLICT', { issues: [{ field: 'body.officialId', key: 'duty.alreadyReported', params: { name: o.name } }] });
    const row = await trx.insertInto('duty_reports').values({
      county_code: actor.countyCode, unit_id: o.unit_id, meeting_id: meetingId, official_id: o.id, official_name: o.name, official_post: o.post,
      summary: input.summary, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'duty.report.create', objectType: 'dutyReport', objectId: row.id,
      detail: { meetingId, officialId: o.id, name: o.name } });
  });
  return view(ctx.db, actor, meetingId);
}

/** Township party secretaries in the caller's scope, for the report and round pickers. */
async function secretaries(db: Kysely<DB>, actor: Actor, f: z.infer<typeof secretaryQuery>) {
  let q = db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id')
    .select(['o.id', 'o.name', 'o.post', 'o.unit_id', 'u.name as townshipName', 'u.code as townshipCode'])
    .where('o.county_code', '=', actor.countyCode).where('o.active', '=', true).where('u.kind', 'in', [...TOWNSHIP_KINDS])
    .where(secretaryCondition('o.post')).where(scopeCondition(actor, 'o.unit_id'));
  if (f.q) q = q.where((eb) => eb.or([eb('o.name', 'like', `%${escapeLike(f.q!)}%`), eb('u.name', 'like', `%${escapeLike(f.q!)}%`)]));
  const rows = await q.orderBy('u.code').orderBy('o.name').limit(200).execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, post: r.post, unitId: r.unit_id, townshipName: r.townshipName, townshipCode: r.townshipCode })) };
}

export const meetingService = { list, view, create, addReport, secretaries, visibleMeeting };
