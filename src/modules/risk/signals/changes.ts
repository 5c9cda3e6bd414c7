import { MUST_TENDER_THRESHOLDS } from './avoidance';
import type { RecordRef, SignalResult } from './hit';
import type { Amendment, Award, Contract, ProcurementCategory } from './types';

/**
 * 标后变更 (post-award changes), per contract:
 *  - CONTRACT_AWARD_MISMATCH: |contract − award| / award ≥ `contractJump` (OCP R059; both directions,
 *    the direction is in the evidence);
 *  - AMENDMENTS_OVER_SHARE: Σ value increases of the amendments / contract value ≥ `amendmentShare`
 *    (default 15%, the GB 50500 band; offices may set 10%) (OCP R064/R069);
 *  - CHANGE_CROSSES_THRESHOLD: the contract was below the must-tender threshold of its category and
 *    contract + Σ changes is at or above it (OCP R054).
 * Amendments in another currency than the contract are not summed (reported not applicable).
 */
export interface ChangeOptions {
  contractJump?: number;
  amendmentShare?: number;
  thresholds?: Partial<Record<ProcurementCategory, number>>;
}

export function postAwardChanges(
  contracts: readonly Contract[], awards: readonly Award[], amendments: readonly Amendment[], opts: ChangeOptions = {},
): SignalResult {
  const out: SignalResult = { hits: [], notApplicable: [] };
  const jump = opts.contractJump ?? 0.1;
  const share = opts.amendmentShare ?? 0.15;
  const thresholds = { ...MUST_TENDER_THRESHOLDS, ...opts.thresholds };
  const awardById = new Map(awards.map((a) => [a.awardId, a]));
  for (const c of contracts) {
    const cRef: RecordRef = { kind: 'contract', id: c.contractId };
    if (!(c.amount > 0)) {
      out.notApplicable.push({ code: 'POST_AWARD_CHANGE', subjectId: c.contractId, reason: 'zeroOrNegative' });
      continue;
    }
    const award = c.awardId ? awardById.get(c.awardId) : undefined;
    if (!award) {
      out.notApplicable.push({ code: 'CONTRACT_AWARD_MISMATCH', subjectId: c.contractId, reason: 'missingField', detail: 'award' });
    } else if ((award.currency ?? 'CNY') !== (c.currency ?? 'CNY')) {
      out.notApplicable.push({ code: 'CONTRACT_AWARD_MISMATCH', subjectId: c.contractId, reason: 'currencyMismatch' });
    } else if (award.amount > 0) {
      const rel = (c.amount - award.amount) / award.amount;
      if (Math.abs(rel) >= jump) {
        out.hits.push({
          code: 'CONTRACT_AWARD_MISMATCH', subjectId: c.contractId, strength: 'medium',
          evidence: {
            rule: '|contract − award| / award ≥ threshold', lawRef: 'OCP R059 (award vs final contract amount)',
            threshold: { contractJump: jump }, values: { award: award.amount, contract: c.amount, relativeChange: rel, direction: rel > 0 ? 'up' : 'down' },
            records: [cRef, { kind: 'award', id: award.awardId }],
          },
        });
      }
    }
    const mine = amendments.filter((a) => a.contractId === c.contractId);
    const same = mine.filter((a) => (a.currency ?? c.currency ?? 'CNY') === (c.currency ?? 'CNY'));
    for (const a of mine) if (!same.includes(a)) out.notApplicable.push({ code: 'AMENDMENTS_OVER_SHARE', subjectId: a.amendmentId, reason: 'currencyMismatch' });
    if (same.length === 0) continue;
    const increases = same.reduce((s, a) => s + Math.max(0, a.amountChange), 0);
    const net = same.reduce((s, a) => s + a.amountChange, 0);
    const records = [cRef, ...same.map((a): RecordRef => ({ kind: 'amendment', id: a.amendmentId }))];
    if (increases / c.amount >= share) {
      out.hits.push({
        code: 'AMENDMENTS_OVER_SHARE', subjectId: c.contractId, strength: 'medium',
        evidence: {
          rule: 'Σ increases of the amendments / contract value ≥ threshold', lawRef: 'GB 50500-2013 §9.6 (工程量偏差 15%)',
          threshold: { amendmentShare: share }, values: { contract: c.amount, increases, net, share: increases / c.amount, amendments: same.length },
          records,
        },
      });
    }
    const category = c.category ?? award?.category;
    if (!category) {
      out.notApplicable.push({ code: 'CHANGE_CROSSES_THRESHOLD', subjectId: c.contractId, reason: 'missingField', detail: 'category' });
      continue;
    }
    const t = thresholds[category];
    if ((c.currency ?? 'CNY') === 'CNY' && c.amount < t && c.amount + net >= t) {
      out.hits.push({
        code: 'CHANGE_CROSSES_THRESHOLD', subjectId: c.contractId, strength: 'medium',
        evidence: {
          rule: 'contract < must-tender threshold ≤ contract + Σ changes', lawRef: '发改委令第16号; 招标投标法第四条',
          threshold: { mustTender: t, category }, values: { contract: c.amount, net, total: c.amount + net },
          records,
        },
      });
    }
  }
  return out;
}
