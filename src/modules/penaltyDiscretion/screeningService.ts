import type { Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { auditActor } from '../org/unitService';
import { replaceDomainHits, type DomainHit } from '../risk/hitStore';
import { loadItems } from './benchmarkService';
import { screenDecisions, type Finding, type ScreenDecision, type ScreenItem } from './rules';
import { loadSettings } from './settings';

/**
 * Screening of a county's penalty decisions into the shared hit store (domain 'penaltyDiscretion'). Peer groups
 * span the county's whole record, so it reads without data scope; each hit belongs to the deciding department,
 * and what a user sees of the hits is scoped on read. Undecided hits are replaced; dismissed ones and clues stay.
 */
export interface PenaltyScreeningRun { decisions: number; hits: number; kept: number; byCode: Record<string, number> }
export const subjectOf = (decisionId: string) => `penaltyDecision:${decisionId}`;
export const decisionHref = (id: string) => `/penalty/decisions?decision=${id}`;

export async function loadForScreening(db: Kysely<DB>, countyCode: string): Promise<{ items: ScreenItem[]; decisions: ScreenDecision[] }> {
  const items = (await loadItems(db, countyCode)).map((i) => ({
    id: i.id, code: i.itemCode, violation: i.violation, unitId: i.departmentId, unitName: i.departmentName,
    tiers: i.tiers.map((t) => ({ tier: t.tier, basis: t.fineBasis, min: t.fineMin, max: t.fineMax, kinds: t.penaltyKinds })),
  }));
  const rows = await db.selectFrom('penalty_decisions as d').innerJoin('units as u', 'u.id', 'd.unit_id').selectAll('d').select('u.name as unitName')
    .where('d.county_code', '=', countyCode).orderBy('d.decided_on').orderBy('d.id').execute();
  const decisions = rows.map((r): ScreenDecision => ({
    id: r.id, unitId: r.unit_id, unitName: r.unitName, outcome: r.outcome, docNo: r.doc_no, decidedOn: r.decided_on, partyType: r.party_type, partyName: r.party_name,
    itemId: r.item_id, tier: r.tier, tierReason: r.tier_reason, fine: Number(r.fine_amount), kinds: r.kinds, gains: r.illegal_gains === null ? null : Number(r.illegal_gains),
    firstOffence: r.first_offence, legalReviewOn: r.legal_review_on, dueOn: r.due_on, paidOn: r.paid_on, closureReason: r.closure_reason,
  }));
  return { items, decisions };
}

const yuan = (n: number) => `¥${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
const record = (d: ScreenDecision) => ({ kind: 'penaltyDecision', id: d.id, label: `${d.unitName} ${d.docNo}（${d.partyName}）`, href: decisionHref(d.id) });

export function toDomainHit(f: Finding, items: Map<string, ScreenItem>): DomainHit {
  const d = f.decision;
  const item = d.itemId ? items.get(d.itemId) : undefined;
  return {
    code: f.code, subjectId: subjectOf(d.id), unitId: d.unitId, strength: f.strength, score: f.score,
    title: `${d.unitName} ${d.decidedOn} ${d.docNo} ${d.partyName}${d.outcome === 'penalty' ? ` 罚款${yuan(d.fine)}` : ' 立案不处罚'}`,
    evidence: {
      rule: f.rule, lawRef: f.lawRef, threshold: f.threshold,
      values: { ...(item ? { 裁量事项: `${item.code} ${item.violation}` } : {}), ...f.values },
      records: [record(d), ...(f.related ?? []).map(record)],
    },
  };
}

export async function screenCounty(db: Kysely<DB>, countyCode: string, today = todayInShanghai()): Promise<PenaltyScreeningRun> {
  return db.transaction().execute((trx) => screenInTransaction(trx, countyCode, today));
}

/** The run inside a caller's transaction (an import screens in the transaction that wrote its rows). */
export async function screenInTransaction(trx: Kysely<DB>, countyCode: string, today = todayInShanghai()): Promise<PenaltyScreeningRun> {
  const { items, decisions } = await loadForScreening(trx, countyCode);
  const settings = await loadSettings(trx, countyCode);
  const findings = screenDecisions(items, decisions, { ...settings, today });
  const byItem = new Map(items.map((i) => [i.id, i]));
  const hits = findings.map((f) => toDomainHit(f, byItem));
  const r = await replaceDomainHits(trx, countyCode, 'penaltyDiscretion', hits);
  const byCode: Record<string, number> = {};
  for (const h of hits) byCode[h.code] = (byCode[h.code] ?? 0) + 1;
  return { decisions: decisions.length, ...r, byCode };
}

/** The on-demand run (重新筛查): the caller's county, one transaction with its audit entry. */
export async function runScreening(ctx: AppContext, actor: Actor): Promise<PenaltyScreeningRun> {
  return ctx.db.transaction().execute(async (trx) => {
    const run = await screenInTransaction(trx, actor.countyCode);
    await ctx.audit.record(trx, auditActor(actor), { action: 'penaltyDiscretion.screening.run', objectType: 'penaltyScreening', objectId: actor.countyCode,
      detail: { decisions: run.decisions, hits: run.hits, kept: run.kept } });
    return run;
  });
}
