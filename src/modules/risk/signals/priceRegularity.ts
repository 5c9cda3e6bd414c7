import { screenableAmounts } from '../screens/calibrate';
import type { RecordRef, SignalResult } from './hit';
import type { TenderBids } from './types';

/**
 * 投标报价呈规律性差异 (条例第四十条(四)): quotes a single hand wrote. Three patterns, bids sorted:
 *  - IDENTICAL_BID_PRICES: two different bidders with the same amount (Cardinal R028; optional tolerance);
 *  - CONSTANT_PRICE_STEP: successive differences equal (arithmetic series), i.e. the spread of the gaps
 *    (max − min) is within `relTolerance` of their mean;
 *  - CONSTANT_PRICE_RATIO: successive ratios equal (geometric series), judged on the logs of the ratios.
 * A series needs `minBids` bids (default 3: two equal gaps); ties make the step/ratio checks inapplicable
 * (a zero gap is reported as identical prices instead).
 */
export interface PriceRegularityOptions {
  minBids?: number;
  /** Relative tolerance on the gaps / log-ratios (default 0.001 = 0.1%). */
  relTolerance?: number;
  /**
   * Relative tolerance for identical prices (default 0: equal to the fen, as Cardinal R028). A tolerance
   * such as 1e-4 is an opt-in: on the Italian data (≈ 70 bids per tender) it matched near-neighbours in
   * 85% of tenders, with no link to collusion.
   */
  identicalTolerance?: number;
}

export function priceRegularity(tender: TenderBids, opts: PriceRegularityOptions = {}): SignalResult {
  const out: SignalResult = { hits: [], notApplicable: [] };
  const minBids = opts.minBids ?? 3;
  const tol = opts.relTolerance ?? 0.001;
  const idTol = opts.identicalTolerance ?? 0;
  const usable = screenableAmounts(tender);
  if ('reason' in usable) {
    out.notApplicable.push({ ...usable, code: 'PRICE_REGULARITY' });
    return out;
  }
  const bids = tender.bids.filter((b) => b.status !== 'withdrawn').sort((a, b) => a.amount - b.amount);
  const ref = (i: number): RecordRef => ({ kind: 'bid', id: bids[i].bidId ?? `${tender.tenderId}/${bids[i].bidderId}` });
  const tenderRef: RecordRef = { kind: 'tender', id: tender.tenderId };
  if (bids.length < 2) {
    out.notApplicable.push({ code: 'PRICE_REGULARITY', subjectId: tender.tenderId, reason: 'tooFewBids', detail: `n=${bids.length}` });
    return out;
  }
  let hasTie = false;
  for (let i = 0; i + 1 < bids.length; i++) {
    const a = bids[i];
    const b = bids[i + 1];
    // 1e-9 relative absorbs floating-point noise only (amounts may be unit prices, so no absolute floor).
    if (Math.abs(b.amount - a.amount) <= Math.max(1e-9, idTol) * Math.max(a.amount, b.amount)) {
      hasTie = true;
      if (a.bidderId === b.bidderId) continue;
      out.hits.push({
        code: 'IDENTICAL_BID_PRICES', subjectId: tender.tenderId, strength: 'medium',
        evidence: {
          rule: '|bᵢ − bⱼ| ≤ max(1e-9, tolerance) × max(bᵢ, bⱼ) for different bidders', lawRef: '条例第四十条(四)',
          threshold: { relTolerance: idTol }, values: { amounts: [a.amount, b.amount], bidders: [a.bidderId, b.bidderId] },
          records: [tenderRef, ref(i), ref(i + 1)],
        },
      });
    }
  }
  if (bids.length < minBids || hasTie) {
    out.notApplicable.push({ code: 'CONSTANT_PRICE_STEP', subjectId: tender.tenderId, reason: hasTie ? 'degenerate' : 'tooFewBids', detail: `n=${bids.length}` });
    return out;
  }
  const amounts = bids.map((b) => b.amount);
  const gaps = amounts.slice(1).map((v, i) => v - amounts[i]);
  const logRatios = amounts.slice(1).map((v, i) => Math.log(v / amounts[i]));
  const records = [tenderRef, ...bids.map((_, i) => ref(i))];
  const strength = bids.length >= 4 ? 'medium' : 'weak';
  const spreadOf = (xs: number[]) => (Math.max(...xs) - Math.min(...xs)) / (xs.reduce((s, x) => s + x, 0) / xs.length);
  const stepSpread = spreadOf(gaps);
  if (stepSpread <= tol) {
    out.hits.push({
      code: 'CONSTANT_PRICE_STEP', subjectId: tender.tenderId, strength,
      evidence: {
        rule: '(max gap − min gap)/mean gap ≤ tolerance (arithmetic series of quotes)', lawRef: '条例第四十条(四)',
        threshold: { relTolerance: tol, minBids }, values: { amounts, gaps, spread: stepSpread }, records,
      },
    });
    // An arithmetic series with a small step is also nearly geometric: report the sharper pattern only.
    return out;
  }
  const ratioSpread = spreadOf(logRatios);
  if (ratioSpread <= tol) {
    out.hits.push({
      code: 'CONSTANT_PRICE_RATIO', subjectId: tender.tenderId, strength,
      evidence: {
        rule: '(max − min)/mean of ln(bᵢ₊₁/bᵢ) ≤ tolerance (geometric series of quotes)', lawRef: '条例第四十条(四)',
        threshold: { relTolerance: tol, minBids }, values: { amounts, ratios: logRatios.map(Math.exp), spread: ratioSpread }, records,
      },
    });
  }
  return out;
}
