import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { escapeLike } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { auditActor } from '../org/unitService';
import { loadItems } from './benchmarkService';
import { checkDecision, decisionRow, loadRefs } from './decisionCheck';
import type { decisionListQuery, DecisionInput } from './schema';
import { screenInTransaction } from './screeningService';

/**
 * 处罚决定 and 立案不处罚 closures of the enforcement departments. A row belongs to its department (data scope).
 * Its open flags are the penalty-discretion hits on it that nobody dismissed. Recording one screens the county again
 * in the same transaction, so the department and the CDI see the flag at once.
 */
type Filter = z.infer<typeof decisionListQuery>;

/** Codes of the hits on a decision that are not dismissed (new, or handed over as a clue). */
export const flagsOf = (idColumn: string) => sql<string[]>`array(select h.code from risk_hits h where h.domain = 'penaltyDiscretion'
  and h.subject_id = 'penaltyDecision:' || ${sql.ref(idColumn)}::text and h.status <> 'dismissed' order by h.code)`;
export const isFlagged = (idColumn: string) => sql<boolean>`exists(select 1 from risk_hits h where h.domain = 'penaltyDiscretion'
  and h.subject_id = 'penaltyDecision:' || ${sql.ref(idColumn)}::text and h.status <> 'dismissed')`;

function base(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('penalty_decisions as d').innerJoin('units as u', 'u.id', 'd.unit_id').leftJoin('penalty_benchmark_items as i', 'i.id', 'd.item_id')
    .where('d.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'd.unit_id', 'd.created_by'));
}
const select = (db: Kysely<DB>, actor: Actor) => base(db, actor).selectAll('d')
  .select(['u.name as unitName', 'i.code as itemCode', 'i.violation as violation', flagsOf('d.id').as('flags')]);
type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
const num = (v: string | null) => (v === null ? null : Number(v));
const toDecision = (r: Row) => ({
  id: r.id, departmentId: r.unit_id, departmentName: r.unitName, outcome: r.outcome, documentNo: r.doc_no, decidedOn: r.decided_on, partyType: r.party_type,
  partyName: r.party_name, benchmarkItemId: r.item_id, itemCode: r.itemCode, violation: r.violation, discretionTier: r.tier, discretionReason: r.tier_reason,
  fineAmount: Number(r.fine_amount), penaltyKinds: r.kinds, illegalGains: num(r.illegal_gains), firstOffence: r.first_offence, legalReviewOn: r.legal_review_on,
  fineDueOn: r.due_on, finePaidOn: r.paid_on, enforcementOfficers: r.officers, closureReason: r.closure_reason, flags: r.flags, createdAt: r.created_at,
});

async function list(db: Kysely<DB>, actor: Actor, f: Filter) {
  let q = select(db, actor);
  if (f.departmentId) q = q.where('d.unit_id', '=', f.departmentId);
  if (f.benchmarkItemId) q = q.where('d.item_id', '=', f.benchmarkItemId);
  if (f.discretionTier) q = q.where('d.tier', '=', f.discretionTier);
  if (f.outcome) q = q.where('d.outcome', '=', f.outcome);
  if (f.flagged !== undefined) q = q.where(f.flagged ? isFlagged('d.id') : sql<boolean>`not ${isFlagged('d.id')}`);
  if (f.year) q = q.where('d.decided_on', '>=', `${f.year}-01-01`).where('d.decided_on', '<', `${f.year + 1}-01-01`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('d.doc_no', 'like', like), eb('d.party_name', 'like', like), eb('i.violation', 'like', like), eb('u.name', 'like', like)]));
  }
  const total = (await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q.orderBy('d.decided_on', 'desc').orderBy('d.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(toDecision), total, page: f.page, pageSize: f.pageSize };
}

/** One decision with its item's benchmark and its hits (evidence included), for the drawer. */
async function view(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await select(db, actor).where('d.id', '=', id).executeTakeFirst();
  if (!r) throw AppError.notFound('what.penaltyDecision');
  const item = r.item_id ? (await loadItems(db, actor.countyCode, { itemId: r.item_id }))[0] ?? null : null;
  const hits = await db.selectFrom('risk_hits').select(['id', 'code', 'status', 'strength', 'evidence']).where('domain', '=', 'penaltyDiscretion')
    .where('county_code', '=', actor.countyCode).where('subject_id', '=', `penaltyDecision:${id}`).orderBy('code').execute();
  return { ...toDecision(r), item, hits };
}

async function create(ctx: AppContext, actor: Actor, input: DecisionInput) {
  const refs = await loadRefs(ctx.db, actor);
  const issues = checkDecision(input, refs);
  if (issues.length > 0) {
    const conflict = issues.every((i) => i.key === 'penaltyDiscretion.docNoTaken');
    throw new AppError(conflict ? 'CONFLICT' : 'VALIDATION_FAILED', { issues: issues.map((i) => ({ ...i, field: `body.${i.field}` })) });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('penalty_decisions').values(decisionRow(input, actor)).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.record(trx, auditActor(actor), { action: 'penaltyDiscretion.decision.create', objectType: 'penaltyDecision', objectId: row.id,
      detail: { documentNo: input.penaltyDocumentNo, outcome: input.outcome, tier: input.discretionTier ?? null, fineAmount: input.fineAmount } });
    await screenInTransaction(trx, actor.countyCode);
    return row.id;
  });
  return view(ctx.db, actor, id);
}

export const decisionService = { list, view, create };
