import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { checkDate, requireUnit, visibleCampaign } from './access';
import type { FindingAction, FindingStatus } from './db';
import type { findingAssign, findingCreate, findingListQuery, findingReopen, findingRectify, findingSignOff } from './schema';

/**
 * Findings and their rectification: open → rectifying (owner and due date) → rectified (evidence) → signedOff (销号
 * by another reviewer); a spot-check reopens a rectified or signed-off finding (back to rectifying, with a reason).
 * Every step is one transaction with its audit entry and a dated event (the analysis reads status at a date there).
 */
type Filter = z.infer<typeof findingListQuery>;
const statusZh: Record<FindingStatus, string> = { open: '待整改', rectifying: '正在整改', rectified: '已整改待销号', signedOff: '已销号' };
const actionZh = { assign: '明确整改责任', rectify: '登记整改情况', signOff: '销号', reopen: '重新整改' } as const;

function base(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('campaign_findings as f').innerJoin('campaign_objects as o', 'o.id', 'f.object_id').innerJoin('units as u', 'u.id', 'f.unit_id')
    .leftJoin('units as t', (j) => j.onRef('t.code', '=', 'o.township_code').onRef('t.county_code', '=', 'o.county_code'))
    .leftJoin('users as ru', 'ru.id', 'f.rectified_by').leftJoin('users as su', 'su.id', 'f.signed_off_by')
    .where('f.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'f.unit_id', 'f.created_by'));
}

const columns = [
  'f.id', 'f.campaign_id', 'f.object_id', 'o.name as objectName', 'o.township_code', 't.name as townshipName', 'f.unit_id', 'u.name as unitName', 'f.category',
  'f.description', 'f.found_on', 'f.owner_name', 'f.owner_post', 'f.due_on', 'f.status', 'f.evidence', 'f.doc_no', 'f.rectified_on', 'f.rectified_by',
  'ru.display_name as rectifiedByName', 'f.signed_off_on', 'f.signed_off_by', 'su.display_name as signedOffByName', 'f.sign_off_note', 'f.reopen_reason',
  'f.reopened_on', 'f.reopen_count',
] as const;

type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
const select = (db: Kysely<DB>, actor: Actor) => base(db, actor).select(columns);

function toFinding(r: Row, today: string) {
  return {
    id: r.id, campaignId: r.campaign_id, objectId: r.object_id, objectName: r.objectName, townshipCode: r.township_code, townshipName: r.townshipName,
    unitId: r.unit_id, unitName: r.unitName, category: r.category, description: r.description, foundOn: r.found_on, ownerName: r.owner_name, ownerPost: r.owner_post,
    dueOn: r.due_on, status: r.status, overdue: (r.status === 'open' || r.status === 'rectifying') && !!r.due_on && r.due_on < today,
    evidence: r.evidence, docNo: r.doc_no, rectifiedOn: r.rectified_on, rectifiedBy: r.rectified_by, rectifiedByName: r.rectifiedByName,
    signedOffOn: r.signed_off_on, signedOffBy: r.signed_off_by, signedOffByName: r.signedOffByName, signOffNote: r.sign_off_note,
    reopenReason: r.reopen_reason, reopenedOn: r.reopened_on, reopenCount: r.reopen_count,
  };
}

async function list(db: Kysely<DB>, actor: Actor, campaignId: string, f: Filter) {
  await visibleCampaign(db, actor, campaignId);
  const today = todayInShanghai();
  let q = select(db, actor).where('f.campaign_id', '=', campaignId);
  if (f.status) q = q.where('f.status', '=', f.status);
  if (f.category) q = q.where('f.category', '=', f.category);
  if (f.township) q = q.where('o.township_code', '=', f.township);
  if (f.objectId) q = q.where('f.object_id', '=', f.objectId);
  if (f.overdue) q = q.where('f.status', 'in', ['open', 'rectifying']).where('f.due_on', '<', today);
  const total = (await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q.orderBy(sql`case f.status when 'open' then 0 when 'rectifying' then 1 when 'rectified' then 2 else 3 end`).orderBy('f.due_on')
    .orderBy('f.found_on', 'desc').orderBy('f.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map((r) => toFinding(r, today)), total, page: f.page, pageSize: f.pageSize };
}

async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await select(db, actor).where('f.id', '=', id).executeTakeFirst();
  if (!r) throw AppError.notFound('what.campaignFinding');
  const events = await db.selectFrom('campaign_finding_events as e').leftJoin('users', 'users.id', 'e.created_by')
    .select(['e.action', 'e.to_status', 'e.happened_on', 'e.note', 'users.display_name as byName', 'e.created_at']).where('e.finding_id', '=', id)
    .orderBy('e.happened_on').orderBy('e.seq').execute();
  return { ...toFinding(r, todayInShanghai()), events: events.map((e) => ({ action: e.action, toStatus: e.to_status, on: e.happened_on, note: e.note, byName: e.byName, at: e.created_at })) };
}

async function event(trx: Kysely<DB>, actor: Actor, f: { id: string; unit_id: string; county_code: string }, action: FindingAction, toStatus: FindingStatus, on: string, note: string | null) {
  await trx.insertInto('campaign_finding_events').values({
    county_code: f.county_code, unit_id: f.unit_id, finding_id: f.id, action, to_status: toStatus, happened_on: on, note, created_by: actor.userId,
  }).execute();
}

/** The finding, locked, in the caller's scope and in one of the statuses the step starts from. */
async function lockFor(trx: Kysely<DB>, actor: Actor, id: string, from: readonly FindingStatus[], action: keyof typeof actionZh) {
  const row = await trx.selectFrom('campaign_findings').selectAll().where('id', '=', id).where('county_code', '=', actor.countyCode)
    .where(scopeCondition(actor, 'campaign_findings.unit_id', 'campaign_findings.created_by')).forUpdate().executeTakeFirst();
  if (!row) throw AppError.notFound('what.campaignFinding');
  if (!from.includes(row.status)) {
    throw new AppError('CONFLICT', { issues: [{ field: 'status', key: 'campaigns.wrongStatus', params: { status: statusZh[row.status], action: actionZh[action] } }] });
  }
  return row;
}

async function create(ctx: AppContext, actor: Actor, campaignId: string, input: z.infer<typeof findingCreate>) {
  await visibleCampaign(ctx.db, actor, campaignId);
  const object = await ctx.db.selectFrom('campaign_objects').select(['id', 'unit_id', 'inspected_on']).where('id', '=', input.objectId)
    .where('campaign_id', '=', campaignId).where(scopeCondition(actor, 'campaign_objects.unit_id', 'campaign_objects.created_by')).executeTakeFirst();
  if (!object) throw AppError.field('body.objectId', 'field.invalid');
  const unit = await requireUnit(ctx.db, actor, input.responsibleUnitId ?? object.unit_id, 'body.responsibleUnitId');
  checkDate('body.foundOn', input.foundOn, { date: object.inspected_on, label: '排查日期' });
  if (input.dueOn && !input.ownerName) throw AppError.field('body.ownerName', 'field.required');
  if (input.ownerName && !input.dueOn) throw AppError.field('body.dueOn', 'field.required');
  if (input.dueOn && input.dueOn < input.foundOn) throw AppError.field('body.dueOn', 'campaigns.dateOrder', { date: input.dueOn, after: `发现日期（${input.foundOn}）` });
  const assigned = !!input.ownerName;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const f = await trx.insertInto('campaign_findings').values({
      county_code: actor.countyCode, unit_id: unit.id, campaign_id: campaignId, object_id: object.id, category: input.category, description: input.description,
      found_on: input.foundOn, owner_name: input.ownerName ?? null, owner_post: input.ownerPost ?? null, due_on: input.dueOn ?? null,
      status: assigned ? 'rectifying' : 'open', created_by: actor.userId,
    }).returning(['id', 'unit_id', 'county_code']).executeTakeFirstOrThrow();
    await event(trx, actor, f, 'found', 'open', input.foundOn, null);
    if (assigned) await event(trx, actor, f, 'assigned', 'rectifying', input.foundOn, `${input.ownerName}，期限 ${input.dueOn}`);
    await ctx.audit.record(trx, auditActor(actor), { action: 'campaigns.finding.create', objectType: 'campaignFinding', objectId: f.id,
      detail: { campaignId, objectId: object.id, category: input.category } });
    return f.id;
  });
  return view(ctx.db, actor, id);
}

async function assign(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof findingAssign>) {
  await ctx.db.transaction().execute(async (trx) => {
    const f = await lockFor(trx, actor, id, ['open', 'rectifying'], 'assign');
    if (input.dueOn < f.found_on) throw AppError.field('body.dueOn', 'campaigns.dateOrder', { date: input.dueOn, after: `发现日期（${f.found_on}）` });
    await trx.updateTable('campaign_findings').set({ owner_name: input.ownerName, owner_post: input.ownerPost ?? null, due_on: input.dueOn, status: 'rectifying', updated_at: new Date() })
      .where('id', '=', id).execute();
    await event(trx, actor, f, 'assigned', 'rectifying', todayInShanghai(), `${input.ownerName}，期限 ${input.dueOn}`);
    await ctx.audit.record(trx, auditActor(actor), { action: 'campaigns.finding.assign', objectType: 'campaignFinding', objectId: id, detail: { ...input } });
  });
  return view(ctx.db, actor, id);
}

async function rectify(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof findingRectify>) {
  await ctx.db.transaction().execute(async (trx) => {
    const f = await lockFor(trx, actor, id, ['rectifying'], 'rectify');
    const after = f.reopened_on && f.reopened_on > f.found_on ? { date: f.reopened_on, label: '抽查日期' } : { date: f.found_on, label: '发现日期' };
    checkDate('body.rectifiedOn', input.rectifiedOn, after);
    await trx.updateTable('campaign_findings').set({
      status: 'rectified', evidence: input.evidence, doc_no: input.docNo ?? null, rectified_on: input.rectifiedOn, rectified_by: actor.userId, updated_at: new Date(),
    }).where('id', '=', id).execute();
    await event(trx, actor, f, 'rectified', 'rectified', input.rectifiedOn, input.docNo ?? null);
    await ctx.audit.record(trx, auditActor(actor), { action: 'campaigns.finding.rectify', objectType: 'campaignFinding', objectId: id, detail: { docNo: input.docNo ?? null, rectifiedOn: input.rectifiedOn } });
  });
  return view(ctx.db, actor, id);
}

/** 销号: only a rectified finding, and only by someone other than who recorded the rectification (an independent review). */
async function signOff(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof findingSignOff>) {
  await ctx.db.transaction().execute(async (trx) => {
    const f = await lockFor(trx, actor, id, ['rectified'], 'signOff');
    if (f.rectified_by === actor.userId) throw new AppError('CONFLICT', { issues: [{ field: 'reviewer', key: 'campaigns.sameReviewer' }] });
    checkDate('body.signedOffOn', input.signedOffOn, { date: f.rectified_on, label: '整改完成日期' });
    await trx.updateTable('campaign_findings').set({ status: 'signedOff', signed_off_on: input.signedOffOn, signed_off_by: actor.userId, sign_off_note: input.note ?? null, updated_at: new Date() })
      .where('id', '=', id).execute();
    await event(trx, actor, f, 'signedOff', 'signedOff', input.signedOffOn, input.note ?? null);
    await ctx.audit.record(trx, auditActor(actor), { action: 'campaigns.finding.signOff', objectType: 'campaignFinding', objectId: id, detail: { signedOffOn: input.signedOffOn } });
  });
  return view(ctx.db, actor, id);
}

/** 抽查复核: a rectified or signed-off finding goes back to rectifying, with the reason kept. */
async function reopen(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof findingReopen>) {
  await ctx.db.transaction().execute(async (trx) => {
    const f = await lockFor(trx, actor, id, ['rectified', 'signedOff'], 'reopen');
    checkDate('body.reopenedOn', input.reopenedOn, { date: f.rectified_on, label: '整改完成日期' });
    if (input.dueOn && input.dueOn < input.reopenedOn) throw AppError.field('body.dueOn', 'campaigns.dateOrder', { date: input.dueOn, after: `抽查日期（${input.reopenedOn}）` });
    await trx.updateTable('campaign_findings').set({
      status: 'rectifying', reopen_reason: input.reopenReason, reopened_on: input.reopenedOn, reopen_count: f.reopen_count + 1, due_on: input.dueOn ?? f.due_on,
      signed_off_on: null, signed_off_by: null, sign_off_note: null, updated_at: new Date(),
    }).where('id', '=', id).execute();
    await event(trx, actor, f, 'reopened', 'rectifying', input.reopenedOn, input.reopenReason);
    await ctx.audit.record(trx, auditActor(actor), { action: 'campaigns.finding.reopen', objectType: 'campaignFinding', objectId: id, detail: { reason: input.reopenReason } });
  });
  return view(ctx.db, actor, id);
}

export const findingService = { list, view, create, assign, rectify, signOff, reopen };
