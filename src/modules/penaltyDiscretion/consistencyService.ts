import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { loadItems } from './benchmarkService';
import { flagsOf } from './decisionService';

/**
 * The consistency view: per department, decisions and the share flagged as 畸轻畸重, 类案不同罚 or 处罚执行不到位
 * (the speech's 随意裁量、执罚尺度不一、处罚执行不到位), with every rule's count; and for one benchmark item, each
 * decision's fine by tier beside the tier's band, so the outliers show. Both in the caller's data scope.
 */
export const FLAGGED_CODES = ['PENALTY_FINE_OUT_OF_BAND', 'PENALTY_PEER_AMOUNT_OUTLIER', 'PENALTY_PEER_KIND_DIFFERS', 'PENALTY_FINE_UNPAID'];

const inYear = (db: Kysely<DB>, actor: Actor, year?: number) => {
  let q = db.selectFrom('penalty_decisions as d').where('d.county_code', '=', actor.countyCode).where(scopeCondition(actor, 'd.unit_id', 'd.created_by'));
  if (year) q = q.where('d.decided_on', '>=', `${year}-01-01`).where('d.decided_on', '<', `${year + 1}-01-01`);
  return q;
};

export async function departmentConsistency(db: Kysely<DB>, actor: Actor, year?: number) {
  const rows = await inYear(db, actor, year).innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.unit_id', 'u.name as unitName', 'u.code as unitCode', 'd.outcome', 'd.item_id', flagsOf('d.id').as('flags')]).execute();
  const byDept = new Map<string, { departmentId: string; departmentName: string; code: string; decisions: number; closed: number; flagged: number; byRule: Record<string, number> }>();
  const itemCounts = new Map<string, number>();
  for (const r of rows) {
    const d = byDept.get(r.unit_id) ?? { departmentId: r.unit_id, departmentName: r.unitName, code: r.unitCode, decisions: 0, closed: 0, flagged: 0, byRule: {} };
    byDept.set(r.unit_id, d);
    if (r.outcome === 'penalty') d.decisions++; else d.closed++;
    if (r.flags.some((c) => FLAGGED_CODES.includes(c))) d.flagged++;
    for (const c of r.flags) d.byRule[c] = (d.byRule[c] ?? 0) + 1;
    if (r.item_id) itemCounts.set(r.item_id, (itemCounts.get(r.item_id) ?? 0) + 1);
  }
  const departments = [...byDept.values()].sort((a, b) => a.code.localeCompare(b.code))
    .map(({ code: _code, ...d }) => ({ ...d, flaggedRate: d.decisions > 0 ? Math.round((d.flagged / d.decisions) * 1000) / 10 : 0 }));
  const items = (await loadItems(db, actor.countyCode)).filter((i) => itemCounts.has(i.id))
    .map((i) => ({ id: i.id, departmentId: i.departmentId, departmentName: i.departmentName, itemCode: i.itemCode, violation: i.violation, decisions: itemCounts.get(i.id)! }))
    .sort((a, b) => b.decisions - a.decisions);
  return { year: year ?? null, flaggedCodes: FLAGGED_CODES, departments, items };
}

export async function itemFines(db: Kysely<DB>, actor: Actor, itemId: string, year?: number) {
  const item = (await loadItems(db, actor.countyCode, { itemId }))[0];
  if (!item) throw AppError.notFound('what.penaltyBenchmarkItem');
  const rows = await inYear(db, actor, year).where('d.item_id', '=', itemId).where('d.outcome', '=', 'penalty')
    .select(['d.id', 'd.doc_no', 'd.party_name', 'd.decided_on', 'd.tier', 'd.fine_amount', 'd.illegal_gains', flagsOf('d.id').as('flags')])
    .orderBy('d.decided_on').orderBy('d.id').execute();
  // A department outside the caller's scope shows its benchmark (published) but none of its decisions.
  return {
    item,
    decisions: rows.map((r) => ({ id: r.id, documentNo: r.doc_no, partyName: r.party_name, decidedOn: r.decided_on, discretionTier: r.tier!, fineAmount: Number(r.fine_amount),
      illegalGains: r.illegal_gains === null ? null : Number(r.illegal_gains), flags: r.flags })),
    total: rows.length,
  };
}
