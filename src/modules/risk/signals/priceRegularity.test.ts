import { describe, expect, it } from 'vitest';
import { priceRegularity } from './priceRegularity';
import type { TenderBids } from './types';

const tender = (amounts: number[], extra: Partial<TenderBids> = {}): TenderBids => ({
  tenderId: 'T', currency: 'CNY', bids: amounts.map((amount, i) => ({ bidderId: `B${i}`, amount })), ...extra,
});

describe('priceRegularity', () => {
  it('arithmetic series 1,000,000 / 1,020,000 / 1,040,000 / 1,060,000: gaps all 20,000', () => {
    // Gaps 20000, 20000, 20000: (max − min)/mean = 0 ≤ 0.001.
    const r = priceRegularity(tender([1_040_000, 1_000_000, 1_060_000, 1_020_000]));
    expect(r.hits.map((h) => h.code)).toEqual(['CONSTANT_PRICE_STEP']);
    expect(r.hits[0].evidence.values.gaps).toEqual([20_000, 20_000, 20_000]);
    expect(r.hits[0].strength).toBe('medium');
  });

  it('geometric series 1,000,000 × 1.03ⁱ: ratios all 1.03, gaps differ (30,000; 30,900; 31,827)', () => {
    const r = priceRegularity(tender([1_000_000, 1_030_000, 1_060_900, 1_092_727]));
    expect(r.hits.map((h) => h.code)).toEqual(['CONSTANT_PRICE_RATIO']);
    expect((r.hits[0].evidence.values.ratios as number[])[0]).toBeCloseTo(1.03, 9);
  });

  it('irregular quotes: no flag', () => {
    expect(priceRegularity(tender([1_000_000, 1_037_000, 1_052_000, 1_120_000])).hits).toEqual([]);
  });

  it('identical prices from different bidders are flagged; the step test then does not apply', () => {
    const r = priceRegularity(tender([500_000, 500_000, 520_000]));
    expect(r.hits.map((h) => h.code)).toEqual(['IDENTICAL_BID_PRICES']);
    expect(r.notApplicable).toContainEqual(expect.objectContaining({ code: 'CONSTANT_PRICE_STEP', reason: 'degenerate' }));
  });

  it('edge: two bids are too few for a series; one bid too few for anything', () => {
    expect(priceRegularity(tender([100, 200])).notApplicable).toContainEqual(expect.objectContaining({ reason: 'tooFewBids' }));
    expect(priceRegularity(tender([100])).notApplicable).toContainEqual(expect.objectContaining({ code: 'PRICE_REGULARITY', reason: 'tooFewBids' }));
  });

  it('three bids in series are weak evidence only', () => {
    expect(priceRegularity(tender([100, 110, 120])).hits[0].strength).toBe('weak');
  });

  it('different currencies are not comparable', () => {
    const t = tender([100, 110, 120]);
    t.bids[2].currency = 'USD';
    expect(priceRegularity(t).notApplicable).toEqual([expect.objectContaining({ reason: 'currencyMismatch' })]);
  });
});

describe('identical-price tolerance', () => {
  it('by default only equal-to-the-fen amounts match; a relative tolerance is opt-in', () => {
    const t = tender([66_965_105.32, 66_969_768.64, 70_000_000]);
    expect(priceRegularity(t).hits).toEqual([]);
    expect(priceRegularity(t, { identicalTolerance: 1e-4 }).hits.map((h) => h.code)).toEqual(['IDENTICAL_BID_PRICES']);
    expect(priceRegularity(tender([0.1 + 0.2, 0.3, 0.5])).hits.map((h) => h.code)).toEqual(['IDENTICAL_BID_PRICES']);
  });
});
