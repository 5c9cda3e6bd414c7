import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { checkDate, countyWideVisible, requireTownshipOfficial, requireUnit, secretaryCondition, TOWNSHIP_KINDS } from './access';
import { ratings, type Rating } from './db';
import { meetingService } from './meetingService';
import type { pageQuery, ratingsSubmit, roundCreate } from './schema';

/**
 * 评议: a round appraises township party secretaries (fixed when the round is created); each appraiser gives each
 * secretary one of 好/较好/一般/差, once (a unique key); the CDI closes the round, after which ratings are refused.
 * Results are counted per secretary within the caller's scope (a township sees its own secretary's result).
 */
async function visibleRound(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await db.selectFrom('duty_appraisal_rounds').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
    .where(countyWideVisible(actor, 'duty_appraisal_rounds')).executeTakeFirst();
  if (!r) throw AppError.notFound('what.dutyRound');
  return r;
}

async function list(db: Kysely<DB>, actor: Actor, p: z.infer<typeof pageQuery>) {
  const base = db.selectFrom('duty_appraisal_rounds as ar').where('ar.county_code', '=', actor.countyCode).where(countyWideVisible(actor, 'ar'));
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await base.leftJoin('duty_meetings as m', 'm.id', 'ar.meeting_id')
    .select(['ar.id', 'ar.name', 'ar.held_on', 'ar.status', 'ar.meeting_id', 'm.name as meetingName',
      sql<number>`(select count(*)::int from duty_appraisal_subjects s where s.round_id = ar.id and ${scopeCondition(actor, 's.unit_id')})`.as('subjects'),
      sql<number>`(select count(distinct a.appraiser_id)::int from duty_appraisals a where a.round_id = ar.id)`.as('appraisers')])
    .orderBy('ar.held_on', 'desc').orderBy('ar.id').limit(p.pageSize).offset((p.page - 1) * p.pageSize).execute();
  return {
    items: rows.map((r) => ({ id: r.id, roundName: r.name, heldOn: r.held_on, status: r.status, meetingId: r.meeting_id, meetingName: r.meetingName, subjects: r.subjects, appraisers: r.appraisers })),
    total, page: p.page, pageSize: p.pageSize,
  };
}

/** The round with each secretary's counts per grade, share of 好, rank (by share of 好, then 好+较好), and the caller's own ratings. */
async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await visibleRound(db, actor, id);
  const subjects = await db.selectFrom('duty_appraisal_subjects as s').innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.official_id', 's.official_name', 's.official_post', 'u.name as townshipName', 'u.code as townshipCode',
      ...ratings.map((g) => sql<number>`(select count(*)::int from duty_appraisals a where a.subject_id = s.id and a.rating = ${g})`.as(g)),
      sql<Rating | null>`(select a.rating from duty_appraisals a where a.subject_id = s.id and a.appraiser_id = ${actor.userId})`.as('mine')])
    .where('s.round_id', '=', id).where(scopeCondition(actor, 's.unit_id')).orderBy('u.code').execute();
  const appraisers = await db.selectFrom('duty_appraisals').select(sql<number>`count(distinct appraiser_id)::int`.as('n')).where('round_id', '=', id).executeTakeFirstOrThrow();
  const results = subjects.map((s) => {
    const total = s.good + s.fairlyGood + s.average + s.poor;
    const goodShare = total ? Math.round((s.good / total) * 1000) / 10 : 0;
    const goodOrBetter = total ? (s.good + s.fairlyGood) / total : 0;
    return { subjectId: s.id, officialId: s.official_id, officialName: s.official_name, officialPost: s.official_post, townshipName: s.townshipName,
      townshipCode: s.townshipCode, counts: { good: s.good, fairlyGood: s.fairlyGood, average: s.average, poor: s.poor }, total, goodShare, goodOrBetter, mine: s.mine, rank: 0 };
  });
  const ranked = [...results].sort((a, b) => b.goodShare - a.goodShare || b.goodOrBetter - a.goodOrBetter || a.townshipCode.localeCompare(b.townshipCode));
  // Equal shares share a rank (1, 2, 2, 4).
  ranked.forEach((x, i) => { const prev = ranked[i - 1]; x.rank = prev && prev.goodShare === x.goodShare && prev.goodOrBetter === x.goodOrBetter ? prev.rank : i + 1; });
  return {
    id: r.id, roundName: r.name, heldOn: r.held_on, status: r.status, meetingId: r.meeting_id, closedAt: r.closed_at, appraisers: appraisers.n,
    results: results.map(({ goodOrBetter: _, ...x }) => x),
  };
}

async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof roundCreate>) {
  const unit = await requireUnit(ctx.db, actor, input.unitId ?? actor.unitId, 'body.unitId');
  checkDate('body.heldOn', input.heldOn);
  if (input.meetingId) await meetingService.visibleMeeting(ctx.db, actor, input.meetingId).catch(() => { throw AppError.field('body.meetingId', 'field.invalid'); });
  let subjects: Array<{ id: string; name: string; post: string | null; unit_id: string }>;
  if (input.officialIds) {
    if (new Set(input.officialIds).size !== input.officialIds.length) throw AppError.field('body.officialIds', 'duty.duplicateSubject');
    subjects = [];
    for (const [i, oid] of input.officialIds.entries()) subjects.push(await requireTownshipOfficial(ctx.db, actor, oid, `body.officialIds[${i}]`));
  } else {
    subjects = await ctx.db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id').select(['o.id', 'o.name', 'o.post', 'o.unit_id'])
      .where('o.county_code', '=', actor.countyCode).where('o.active', '=', true).where('u.kind', 'in', [...TOWNSHIP_KINDS]).where('u.active', '=', true)
      .where(secretaryCondition('o.post')).where(scopeCondition(actor, 'o.unit_id')).orderBy('u.code').execute();
    if (!subjects.length) throw AppError.field('body.officialIds', 'duty.noSecretaries');
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('duty_appraisal_rounds').values({
      county_code: actor.countyCode, unit_id: unit.id, meeting_id: input.meetingId ?? null, name: input.roundName, held_on: input.heldOn, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('duty_appraisal_subjects').values(subjects.map((s) => ({
      county_code: actor.countyCode, unit_id: s.unit_id, round_id: row.id, official_id: s.id, official_name: s.name, official_post: s.post,
    }))).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'duty.round.create', objectType: 'dutyRound', objectId: row.id,
      detail: { name: input.roundName, heldOn: input.heldOn, subjects: subjects.length } });
    return row.id;
  });
  return view(ctx.db, actor, id);
}

/** The caller's ratings, all or nothing: refused when the round is closed or any secretary was already rated by them. */
async function rate(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ratingsSubmit>) {
  await ctx.db.transaction().execute(async (trx) => {
    // Locking the round orders ratings against its closing.
    const r = await trx.selectFrom('duty_appraisal_rounds').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
      .where(countyWideVisible(actor, 'duty_appraisal_rounds')).forUpdate().executeTakeFirst();
    if (!r) throw AppError.notFound('what.dutyRound');
    if (r.status === 'closed') throw new AppError('CONFLICT', { issues: [{ field: 'body.ratings', key: 'duty.roundClosed', params: { name: r.name } }] });
    const wanted = input.ratings.map((x) => x.subjectId);
    if (new Set(wanted).size !== wanted.length) throw AppError.field('body.ratings', 'duty.duplicateSubject');
    const subjects = new Map((await trx.selectFrom('duty_appraisal_subjects').select(['id', 'unit_id', 'official_name']).where('round_id', '=', id)
      .where('id', 'in', wanted).where(scopeCondition(actor, 'duty_appraisal_subjects.unit_id')).execute()).map((s) => [s.id, s]));
    input.ratings.forEach((x, i) => { if (!subjects.has(x.subjectId)) throw AppError.field(`body.ratings[${i}].subjectId`, 'duty.notSubject'); });
    const done = await trx.selectFrom('duty_appraisals').select('subject_id').where('round_id', '=', id).where('appraiser_id', '=', actor.userId)
      .where('subject_id', 'in', wanted).execute();
    if (done.length) {
      const i = wanted.indexOf(done[0].subject_id);
      throw new AppError('CONFLICT', { issues: [{ field: `body.ratings[${i}].subjectId`, key: 'duty.alreadyRated', params: { name: subjects.get(done[0].subject_id)!.official_name } }] });
    }
    await trx.insertInto('duty_appraisals').values(input.ratings.map((x) => ({
      county_code: r.county_code, unit_id: subjects.get(x.subjectId)!.unit_id, round_id: id, subject_id: x.subjectId, appraiser_id: actor.userId, rating: x.rating,
    }))).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'duty.round.rate', objectType: 'dutyRound', objectId: id, detail: { count: input.ratings.length } });
  });
  return view(ctx.db, actor, id);
}

async function close(ctx: AppContext, actor: Actor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('duty_appraisal_rounds').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
      .where(scopeCondition(actor, 'duty_appraisal_rounds.unit_id', 'duty_appraisal_rounds.created_by')).forUpdate().executeTakeFirst();
    if (!r) throw AppError.notFound('what.dutyRound');
    if (r.status === 'closed') throw new AppError('CONFLICT', { issues: [{ field: 'status', key: 'duty.roundAlreadyClosed', params: { name: r.name } }] });
    await trx.updateTable('duty_appraisal_rounds').set({ status: 'closed', closed_at: new Date(), closed_by: actor.userId }).where('id', '=', id).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'duty.round.close', objectType: 'dutyRound', objectId: id, detail: { name: r.name } });
  });
  return view(ctx.db, actor, id);
}

export const appraisalService = { list, view, create, rate, close };
