import { binomialUpperTail } from './binomial';
import type { RecordRef, SignalResult } from './hit';
import type { Award, ProcurementCategory } from './types';

/**
 * 规避招标 (招标投标法第四条; 必须招标的工程项目规定 (发改委令第16号); 政府采购法实施条例第二十八条).
 *  - THRESHOLD_BUNCHING: award values pile up just under a must-tender threshold T. Density test: with a
 *    smooth density the band [T(1−w), T) and the band [T, T(1+w)) hold about as many awards; under
 *    avoidance the lower one holds more. One-sided exact binomial test of k = #below among
 *    n = #below + #above against p₀; flagged when p ≤ α and k ≥ `minBelow`. Award values usually thin
 *    out as they grow, so p₀ = ½ would flag large markets for their slope alone: by default p₀ is the
 *    share of the outer flank below, [T(1−2w), T(1−w)), among both outer flanks (+1 smoothing, at least
 *    ½). The outer flanks are further apart than the inner bands, so this overstates the slope: conservative.
 *  - SPLIT_PURCHASE: awards from one buyer to one supplier (same category, and same budget item /
 *    classification when `groupBy` asks) within a window, each under T, together ≥ T.
 * Amounts in yuan; awards in another currency than `currency` are not comparable with the thresholds.
 */
export const MUST_TENDER_THRESHOLDS: Record<ProcurementCategory, number> = { works: 4_000_000, goods: 2_000_000, services: 1_000_000 };

export interface AvoidanceOptions {
  thresholds?: Partial<Record<ProcurementCategory, number>>;
  currency?: string;
  /** Relative band width w on each side of T (default 0.2: [0.8T, T) vs [T, 1.2T)). */
  band?: number;
  alpha?: number;
  /** Null share below T: a number, or 'flanks' (default) to estimate it from the outer bands. */
  p0?: number | 'flanks';
  minBelow?: number;
}

function comparable(awards: readonly Award[], currency: string, out: SignalResult, code: string): Award[] {
  return awards.filter((a) => {
    if ((a.currency ?? currency) !== currency) {
      out.notApplicable.push({ code, subjectId: a.awardId, reason: 'currencyMismatch', detail: a.currency });
      return false;
    }
    if (!Number.isFinite(a.amount) || a.amount <= 0) {
      out.notApplicable.push({ code, subjectId: a.awardId, reason: 'zeroOrNegative' });
      return false;
    }
    return true;
  });
}

export function thresholdBunching(awards: readonly Award[], opts: AvoidanceOptions = {}): SignalResult {
  const out: SignalResult = { hits: [], notApplicable: [] };
  const thresholds = { ...MUST_TENDER_THRESHOLDS, ...opts.thresholds };
  const w = opts.band ?? 0.2;
  const alpha = opts.alpha ?? 0.05;
  const minBelow = opts.minBelow ?? 5;
  const usable = comparable(awards, opts.currency ?? 'CNY', out, 'THRESHOLD_BUNCHING');
  for (const category of Object.keys(thresholds) as ProcurementCategory[]) {
    const t = thresholds[category];
    const inCat = usable.filter((a) => a.category === category);
    const below = inCat.filter((a) => a.amount >= t * (1 - w) && a.amount < t);
    const above = inCat.filter((a) => a.amount >= t && a.amount < t * (1 + w));
    const n = below.length + above.length;
    const flankBelow = inCat.filter((a) => a.amount >= t * (1 - 2 * w) && a.amount < t * (1 - w)).length;
    const flankAbove = inCat.filter((a) => a.amount >= t * (1 + w) && a.amount < t * (1 + 2 * w)).length;
    const p0 = typeof opts.p0 === 'number' ? opts.p0 : Math.max(0.5, (flankBelow + 1) / (flankBelow + flankAbove + 2));
    if (n === 0) {
      out.notApplicable.push({ code: 'THRESHOLD_BUNCHING', subjectId: category, reason: 'noData' });
      continue;
    }
    const p = binomialUpperTail(below.length, n, p0);
    if (p <= alpha && below.length >= minBelow) {
      out.hits.push({
        code: 'THRESHOLD_BUNCHING', subjectId: category, strength: 'medium',
        evidence: {
          rule: `more awards in [${1 - w}T, T) than in [T, ${1 + w}T): one-sided binomial test`, lawRef: '招标投标法第四条; 发改委令第16号',
          threshold: { mustTender: t, band: w, alpha, minBelow }, values: { below: below.length, above: above.length, pValue: p, flankBelow, flankAbove, p0 },
          records: below.map((a): RecordRef => ({ kind: 'award', id: a.awardId })),
        },
      });
    }
  }
  return out;
}

export interface SplitOptions extends AvoidanceOptions {
  windowDays?: number;
  /** Only awards with these methods count (default: every non-open method; `null` = all awards). */
  methods?: readonly string[] | null;
  /** Extra grouping keys beyond buyer × supplier × category. */
  groupBy?: readonly ('budgetItem' | 'classification')[];
}

const DAY = 86_400_000;

export function splitPurchases(awards: readonly Award[], opts: SplitOptions = {}): SignalResult {
  const out: SignalResult = { hits: [], notApplicable: [] };
  const thresholds = { ...MUST_TENDER_THRESHOLDS, ...opts.thresholds };
  const windowMs = (opts.windowDays ?? 365) * DAY;
  const methods = opts.methods === undefined ? null : opts.methods;
  const usable = comparable(awards, opts.currency ?? 'CNY', out, 'SPLIT_PURCHASE').filter((a) => {
    if (Number.isNaN(Date.parse(a.date))) {
      out.notApplicable.push({ code: 'SPLIT_PURCHASE', subjectId: a.awardId, reason: 'missingField', detail: 'date' });
      return false;
    }
    const m = a.procurementMethod ?? '';
    return methods ? methods.includes(m) : m !== 'open';
  });
  const groups = new Map<string, Award[]>();
  for (const a of usable) {
    const key = [a.buyerId, a.supplierId, a.category, ...(opts.groupBy ?? []).map((g) => a[g] ?? '')].join('|');
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  for (const [key, list] of groups) {
    const t = thresholds[list[0].category];
    const sorted = list.filter((a) => a.amount < t).sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
    let best: { sum: number; from: number; to: number } | null = null;
    let sum = 0;
    for (let i = 0, j = 0; j < sorted.length; j++) {
      sum += sorted[j].amount;
      while (Date.parse(sorted[j].date) - Date.parse(sorted[i].date) >= windowMs) sum -= sorted[i++].amount;
      if (j > i && sum >= t && (!best || sum > best.sum)) best = { sum, from: i, to: j };
    }
    if (!best) continue;
    const parts = sorted.slice(best.from, best.to + 1);
    out.hits.push({
      code: 'SPLIT_PURCHASE', subjectId: key, strength: 'medium',
      evidence: {
        rule: `awards each < T from one buyer to one supplier within ${opts.windowDays ?? 365} days summing ≥ T`,
        lawRef: '招标投标法第四条 (化整为零); 政府采购法实施条例第二十八条',
        threshold: { mustTender: t, windowDays: opts.windowDays ?? 365 },
        values: { sum: best.sum, count: parts.length, amounts: parts.map((a) => a.amount), dates: parts.map((a) => a.date) },
        records: [{ kind: 'buyer', id: list[0].buyerId }, { kind: 'bidder', id: list[0].supplierId }, ...parts.map((a): RecordRef => ({ kind: 'award', id: a.awardId }))],
      },
    });
  }
  return out;
}
