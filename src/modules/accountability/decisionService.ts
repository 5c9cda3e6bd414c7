import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import { escapeLike } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition, unitInScope } from '../../platform/scope/dataScope';
import { townshipOf } from '../campaigns/access';
import { caseAccess } from '../cases/caseAccess';
import { auditActor } from '../org/unitService';
import { formsFor, type AccountabilityForm, type TargetType } from './db';
import { accountabilityFormWords, targetTypeWords } from './dimensions';
import type { decisionCreate, decisionListQuery } from './schema';

/**
 * 问责决定: a leading cadre (an official on record) or a party organisation (a unit) held accountable in a form the
 * regulation allows for that kind of target. The row belongs to the target's unit (data scope), so a unit's
 * decisions are seen where its officials are. Each decision is one transaction with its audit entry.
 */
type Input = z.infer<typeof decisionCreate>;
type Filter = z.infer<typeof decisionListQuery>;

function base(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('accountability_decisions as d').innerJoin('units as u', 'u.id', 'd.unit_id').innerJoin('units as du', 'du.id', 'd.decided_by_unit_id')
    .leftJoin('cases as c', 'c.id', 'd.basis_case_id').leftJoin('campaign_findings as f', 'f.id', 'd.basis_finding_id')
    .where('d.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'd.unit_id', 'd.created_by'));
}
const columns = ['d.id', 'd.target_type', 'd.official_id', 'd.target_unit_id', 'd.target_name', 'd.target_post', 'd.unit_id', 'u.name as unitName', 'd.township_code',
  'd.form', 'd.reason', 'd.basis_kind', 'd.basis_case_id', 'c.doc_no as basisCaseNo', 'd.basis_finding_id', 'f.description as basisFinding', 'f.campaign_id as basisCampaignId',
  'd.basis_text', 'd.decided_by_unit_id', 'du.name as decidedByUnitName', 'd.decided_on', 'd.doc_no', 'd.leader_responsibility', 'd.created_at'] as const;
type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
const select = (db: Kysely<DB>, actor: Actor) => base(db, actor).select(columns);
const toDecision = (r: Row) => ({
  id: r.id, targetType: r.target_type, officialId: r.official_id, targetUnitId: r.target_unit_id, targetName: r.target_name, targetPost: r.target_post,
  unitId: r.unit_id, unitName: r.unitName, townshipCode: r.township_code, accountabilityForm: r.form, accountabilityReason: r.reason, basisKind: r.basis_kind,
  basisCaseId: r.basis_case_id, basisCaseNo: r.basisCaseNo, basisFindingId: r.basis_finding_id, basisFinding: r.basisFinding, basisCampaignId: r.basisCampaignId,
  basisText: r.basis_text, decidedByUnitId: r.decided_by_unit_id, decidedByUnitName: r.decidedByUnitName, decidedOn: r.decided_on, documentNo: r.doc_no,
  leaderResponsibility: r.leader_responsibility, createdAt: r.created_at,
});

async function list(db: Kysely<DB>, actor: Actor, f: Filter) {
  let q = select(db, actor);
  if (f.targetType) q = q.where('d.target_type', '=', f.targetType);
  if (f.accountabilityForm) q = q.where('d.form', '=', f.accountabilityForm);
  if (f.leaderResponsibility !== undefined) q = q.where('d.leader_responsibility', '=', f.leaderResponsibility);
  if (f.year) q = q.where('d.decided_on', '>=', `${f.year}-01-01`).where('d.decided_on', '<', `${f.year + 1}-01-01`);
  if (f.officialId) q = q.where('d.official_id', '=', f.officialId);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('d.target_name', 'like', like), eb('d.reason', 'like', like), eb('d.doc_no', 'like', like), eb('u.name', 'like', like)]));
  }
  const total = (await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q.orderBy('d.decided_on', 'desc').orderBy('d.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(toDecision), total, page: f.page, pageSize: f.pageSize };
}

async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await select(db, actor).where('d.id', '=', id).executeTakeFirst();
  if (!r) throw AppError.notFound('what.accountabilityDecision');
  return toDecision(r);
}

/** The target: an official or a unit in the county and in the caller's scope; its name and post as decided. */
async function target(db: Kysely<DB>, actor: Actor, input: Input) {
  if (input.targetType === 'person') {
    if (!input.targetOfficialId) throw AppError.field('body.targetOfficialId', 'field.required');
    if (input.targetUnitId) throw AppError.field('body.targetUnitId', 'accountability.targetMismatch', { target: targetTypeWords.person[0] });
    const o = await db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id').select(['o.id', 'o.name', 'o.post', 'u.id as unitId', 'u.path', 'u.county_code'])
      .where('o.id', '=', input.targetOfficialId).where('o.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'o.unit_id', 'o.created_by')).executeTakeFirst();
    if (!o) throw AppError.field('body.targetOfficialId', 'accountability.officialNotFound');
    return { unitId: o.unitId, name: o.name, post: o.post, township: await townshipOf(db, o), officialId: o.id, targetUnitId: null };
  }
  if (!input.targetUnitId) throw AppError.field('body.targetUnitId', 'field.required');
  if (input.targetOfficialId) throw AppError.field('body.targetOfficialId', 'accountability.targetMismatch', { target: targetTypeWords.organisation[0] });
  const u = await db.selectFrom('units').select(['id', 'name', 'path', 'county_code']).where('id', '=', input.targetUnitId).executeTakeFirst();
  if (!u || u.county_code !== actor.countyCode || !(await unitInScope(db, actor, u.id))) throw AppError.field('body.targetUnitId', 'field.unitNotFound');
  return { unitId: u.id, name: u.name, post: null, township: await townshipOf(db, u), officialId: null, targetUnitId: u.id };
}

/** Forms apply to one kind of target (通报 to both): a form of the other list is refused on the form field. */
export function checkForm(targetType: TargetType, form: AccountabilityForm): void {
  if (!formsFor[targetType].includes(form)) {
    const other: TargetType = targetType === 'person' ? 'organisation' : 'person';
    throw AppError.field('body.accountabilityForm', 'accountability.formNotForTarget', {
      form: accountabilityFormWords[form][0], target: targetTypeWords[targetType][0], other: targetTypeWords[other][0],
    });
  }
}

/** The basis, when given: a case the caller may see (need-to-know), a finding in scope, or free text. */
async function basis(db: Kysely<DB>, actor: Actor, input: Input) {
  const none = { basis_kind: null, basis_case_id: null, basis_finding_id: null, basis_text: null };
  const stray = (field: string) => { throw AppError.field(`body.${field}`, 'accountability.basisMismatch'); };
  if (!input.basisKind) {
    if (input.basisCaseId) stray('basisCaseId');
    if (input.basisFindingId) stray('basisFindingId');
    if (input.basisText) stray('basisText');
    return none;
  }
  if (input.basisKind === 'case') {
    if (!input.basisCaseId) throw AppError.field('body.basisCaseId', 'field.required');
    const c = await db.selectFrom('cases').select('id').where('id', '=', input.basisCaseId).where('county_code', '=', actor.countyCode).where(caseAccess(actor)).executeTakeFirst();
    if (!c) throw AppError.field('body.basisCaseId', 'accountability.basisNotFound');
    return { ...none, basis_kind: 'case' as const, basis_case_id: c.id };
  }
  if (input.basisKind === 'finding') {
    if (!input.basisFindingId) throw AppError.field('body.basisFindingId', 'field.required');
    const f = await db.selectFrom('campaign_findings').select('id').where('id', '=', input.basisFindingId).where('county_code', '=', actor.countyCode)
      .where(scopeCondition(actor, 'campaign_findings.unit_id', 'campaign_findings.created_by')).executeTakeFirst();
    if (!f) throw AppError.field('body.basisFindingId', 'accountability.basisNotFound');
    return { ...none, basis_kind: 'finding' as const, basis_finding_id: f.id };
  }
  if (!input.basisText) throw AppError.field('body.basisText', 'field.required');
  return { ...none, basis_kind: 'text' as const, basis_text: input.basisText };
}

async function create(ctx: AppContext, actor: Actor, input: Input) {
  const t = await target(ctx.db, actor, input);
  checkForm(input.targetType, input.accountabilityForm);
  if (input.targetType === 'organisation' && input.leaderResponsibility) throw AppError.field('body.leaderResponsibility', 'accountability.leaderOnlyPerson');
  const b = await basis(ctx.db, actor, input);
  const by = await ctx.db.selectFrom('units').select('id').where('id', '=', input.decidedByUnitId).where('county_code', '=', actor.countyCode).executeTakeFirst();
  if (!by) throw AppError.field('body.decidedByUnitId', 'field.unitNotFound');
  if (input.decidedOn > todayInShanghai()) throw AppError.field('body.decidedOn', 'accountability.dateFuture', { date: input.decidedOn });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('accountability_decisions').values({
      county_code: actor.countyCode, unit_id: t.unitId, target_type: input.targetType, official_id: t.officialId, target_unit_id: t.targetUnitId, target_name: t.name,
      target_post: t.post, township_code: t.township, form: input.accountabilityForm, reason: input.accountabilityReason, ...b, decided_by_unit_id: by.id,
      decided_on: input.decidedOn, doc_no: input.documentNo, leader_responsibility: input.leaderResponsibility, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'accountability.decision.create', objectType: 'accountabilityDecision', objectId: row.id,
      detail: { targetType: input.targetType, target: t.name, form: input.accountabilityForm, documentNo: input.documentNo, leaderResponsibility: input.leaderResponsibility } });
    return row.id;
  });
  return view(ctx.db, actor, id);
}

export const decisionService = { list, view, create };
