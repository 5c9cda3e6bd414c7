import type { Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import type { Tier } from './db';
import type { DecisionInput } from './schema';

/**
 * What a decision must satisfy to be recorded, shared by the form and the Excel import: a department in the caller's
 * scope, a benchmark item of that department with the declared tier, a document number new to the department,
 * dates not in the future, and at least two enforcement officers (行政处罚法 第四十二条). An amount outside the band
 * is recorded: that is a finding of screening, not an input error.
 */
export interface Issue { field: string; key: string; params?: Record<string, string | number> }
export interface Refs {
  departments: Map<string, { id: string; code: string; name: string }>;
  items: Map<string, { id: string; unitId: string; code: string; tiers: Set<Tier> }>;
  taken: Set<string>;
  today: string;
}
export const docKey = (unitId: string, docNo: string) => `${unitId}|${docNo}`;

export async function loadRefs(db: Kysely<DB>, actor: Actor): Promise<Refs> {
  const units = await db.selectFrom('units').select(['id', 'code', 'name']).where('county_code', '=', actor.countyCode).where('active', '=', true)
    .where(scopeCondition({ ...actor, scope: { ...actor.scope, self: false } }, 'units.id')).execute();
  const items = await db.selectFrom('penalty_benchmark_items as i').leftJoin('penalty_benchmark_tiers as t', 't.item_id', 'i.id')
    .select(['i.id', 'i.unit_id', 'i.code', 't.tier']).where('i.county_code', '=', actor.countyCode).execute();
  const itemMap = new Map<string, { id: string; unitId: string; code: string; tiers: Set<Tier> }>();
  for (const r of items) {
    const it = itemMap.get(r.id) ?? { id: r.id, unitId: r.unit_id, code: r.code, tiers: new Set<Tier>() };
    if (r.tier) it.tiers.add(r.tier);
    itemMap.set(r.id, it);
  }
  const taken = await db.selectFrom('penalty_decisions').select(['unit_id', 'doc_no']).where('county_code', '=', actor.countyCode).execute();
  return { departments: new Map(units.map((u) => [u.id, u])), items: itemMap, taken: new Set(taken.map((t) => docKey(t.unit_id, t.doc_no))), today: todayInShanghai() };
}

export function checkDecision(d: DecisionInput, refs: Refs): Issue[] {
  const issues: Issue[] = [];
  if (!refs.departments.has(d.departmentId)) issues.push({ field: 'departmentId', key: 'field.unitNotFound' });
  else if (refs.taken.has(docKey(d.departmentId, d.penaltyDocumentNo))) issues.push({ field: 'penaltyDocumentNo', key: 'penaltyDiscretion.docNoTaken', params: { no: d.penaltyDocumentNo } });
  const item = d.benchmarkItemId ? refs.items.get(d.benchmarkItemId) : undefined;
  if (d.benchmarkItemId && (!item || item.unitId !== d.departmentId)) issues.push({ field: 'benchmarkItemId', key: 'penaltyDiscretion.itemNotFound' });
  if (d.outcome === 'penalty') {
    if (!d.benchmarkItemId) issues.push({ field: 'benchmarkItemId', key: 'field.required' });
    if (!d.discretionTier) issues.push({ field: 'discretionTier', key: 'field.required' });
    else if (item && !item.tiers.has(d.discretionTier)) issues.push({ field: 'discretionTier', key: 'penaltyDiscretion.tierNotInItem', params: { code: item.code } });
    const officers = new Set(d.enforcementOfficers.map((o) => o.trim()).filter(Boolean));
    if (officers.size < 2) issues.push({ field: 'enforcementOfficers', key: 'penaltyDiscretion.officersTooFew', params: { n: officers.size } });
    if (d.closureReason) issues.push({ field: 'closureReason', key: 'penaltyDiscretion.onlyForClosed' });
  } else {
    for (const [field, present] of [['discretionTier', !!d.discretionTier], ['fineAmount', d.fineAmount > 0], ['penaltyKinds', d.penaltyKinds.length > 0],
      ['fineDueOn', !!d.fineDueOn], ['finePaidOn', !!d.finePaidOn]] as const) {
      if (present) issues.push({ field, key: 'penaltyDiscretion.notForClosed' });
    }
  }
  for (const field of ['decidedOn', 'legalReviewOn', 'finePaidOn'] as const) {
    const v = d[field];
    if (v && v > refs.today) issues.push({ field, key: 'penaltyDiscretion.dateFuture', params: { date: v } });
  }
  if (d.fineDueOn && d.fineDueOn < d.decidedOn) issues.push({ field: 'fineDueOn', key: 'penaltyDiscretion.dueBeforeDecision', params: { date: d.decidedOn } });
  if (d.finePaidOn && d.fineAmount <= 0) issues.push({ field: 'finePaidOn', key: 'penaltyDiscretion.paidWithoutFine' });
  return issues;
}

/** The row written for a checked input. */
export function decisionRow(d: DecisionInput, actor: Actor) {
  const closed = d.outcome === 'closed';
  return {
    county_code: actor.countyCode, unit_id: d.departmentId, outcome: d.outcome, doc_no: d.penaltyDocumentNo, decided_on: d.decidedOn, party_type: d.partyType,
    party_name: d.partyName, item_id: d.benchmarkItemId ?? null, tier: closed ? null : d.discretionTier ?? null, tier_reason: d.discretionReason || null,
    fine_amount: closed ? 0 : d.fineAmount, kinds: closed ? [] : d.penaltyKinds, illegal_gains: d.illegalGains ?? null, first_offence: d.firstOffence,
    legal_review_on: d.legalReviewOn ?? null, due_on: d.fineDueOn ?? null, paid_on: d.finePaidOn ?? null,
    officers: [...new Set(d.enforcementOfficers.map((o) => o.trim()).filter(Boolean))], closure_reason: d.closureReason || null, created_by: actor.userId,
  };
}
