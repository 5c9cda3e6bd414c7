import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { escapeLike } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { auditActor } from '../org/unitService';
import { bookTitle, notFuture, requireCountyScope } from './access';
import type { ruleCreate, ruleListQuery, ruleStatusChange, ruleUpdate } from './schema';

/** 预防腐败制度 register: the county's rules (read by every reader of the module), written from a county scope. */
type Row = { id: string; title: string; doc_no: string; issuing_unit: string; issued_on: string; area: string; status: string; summary: string | null;
  created_at: Date; updated_at: Date };
const toRule = (r: Row) => ({
  id: r.id, title: r.title, documentNo: r.doc_no, issuingUnit: r.issuing_unit, issuedOn: r.issued_on, ruleArea: r.area, ruleStatus: r.status, ruleSummary: r.summary,
  createdAt: r.created_at, updatedAt: r.updated_at,
});
const columns = ['id', 'title', 'doc_no', 'issuing_unit', 'issued_on', 'area', 'status', 'summary', 'created_at', 'updated_at'] as const;

async function list(db: Kysely<DB>, actor: Actor, f: z.infer<typeof ruleListQuery>) {
  let q = db.selectFrom('prevention_rules').where('county_code', '=', actor.countyCode);
  if (f.ruleArea) q = q.where('area', '=', f.ruleArea);
  if (f.ruleStatus) q = q.where('status', '=', f.ruleStatus);
  if (f.year) q = q.where('issued_on', '>=', `${f.year}-01-01`).where('issued_on', '<', `${f.year + 1}-01-01`);
  if (f.q) q = q.where((eb) => eb.or([eb('title', 'like', `%${escapeLike(f.q!)}%`), eb('doc_no', 'like', `%${escapeLike(f.q!)}%`), eb('issuing_unit', 'like', `%${escapeLike(f.q!)}%`)]));
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q.select(columns).orderBy('issued_on', 'desc').orderBy('id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(toRule), total, page: f.page, pageSize: f.pageSize };
}

async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await db.selectFrom('prevention_rules').select(columns).where('id', '=', id).where('county_code', '=', actor.countyCode).executeTakeFirst();
  if (!r) throw AppError.notFound('what.preventionRule');
  return toRule(r);
}

async function docNoTaken(db: Kysely<DB>, countyCode: string, docNo: string, except?: string): Promise<void> {
  let q = db.selectFrom('prevention_rules').select('id').where('county_code', '=', countyCode).where('doc_no', '=', docNo);
  if (except) q = q.where('id', '<>', except);
  if (await q.executeTakeFirst()) throw AppError.field('body.documentNo', 'field.duplicate');
}

async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof ruleCreate>) {
  const cdi = await requireCountyScope(ctx.db, actor);
  notFuture('body.issuedOn', input.issuedOn);
  await docNoTaken(ctx.db, actor.countyCode, input.documentNo);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('prevention_rules').values({
      county_code: actor.countyCode, unit_id: cdi, title: bookTitle(input.title), doc_no: input.documentNo, issuing_unit: input.issuingUnit, issued_on: input.issuedOn,
      area: input.ruleArea, status: input.ruleStatus, summary: input.ruleSummary || null, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'prevention.rule.create', objectType: 'preventionRule', objectId: row.id,
      detail: { title: bookTitle(input.title), documentNo: input.documentNo, area: input.ruleArea } });
    return row.id;
  });
  return view(ctx.db, actor, id);
}

async function update(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ruleUpdate>) {
  await requireCountyScope(ctx.db, actor);
  const before = await view(ctx.db, actor, id);
  if (input.issuedOn) notFuture('body.issuedOn', input.issuedOn);
  if (input.documentNo) await docNoTaken(ctx.db, actor.countyCode, input.documentNo, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('prevention_rules').set({
      ...(input.title !== undefined ? { title: bookTitle(input.title) } : {}), ...(input.documentNo !== undefined ? { doc_no: input.documentNo } : {}),
      ...(input.issuingUnit !== undefined ? { issuing_unit: input.issuingUnit } : {}), ...(input.issuedOn !== undefined ? { issued_on: input.issuedOn } : {}),
      ...(input.ruleArea !== undefined ? { area: input.ruleArea } : {}), ...(input.ruleSummary !== undefined ? { summary: input.ruleSummary || null } : {}), updated_at: new Date(),
    }).where('id', '=', id).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'prevention.rule.update', objectType: 'preventionRule', objectId: id,
      detail: { before: { title: before.title, documentNo: before.documentNo, issuedOn: before.issuedOn, area: before.ruleArea }, changed: Object.keys(input) } });
  });
  return view(ctx.db, actor, id);
}

/** 现行 → 已修订 / 已废止 (and back, when a status was recorded by mistake): each change audited with from and to. */
async function setStatus(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ruleStatusChange>) {
  await requireCountyScope(ctx.db, actor);
  const before = await view(ctx.db, actor, id);
  if (before.ruleStatus === input.ruleStatus) return before;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('prevention_rules').set({ status: input.ruleStatus, updated_at: new Date() }).where('id', '=', id).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'prevention.rule.status', objectType: 'preventionRule', objectId: id, detail: { from: before.ruleStatus, to: input.ruleStatus } });
  });
  return view(ctx.db, actor, id);
}

export const ruleService = { list, view, create, update, setStatus };
