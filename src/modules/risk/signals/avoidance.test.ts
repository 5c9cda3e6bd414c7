import { describe, expect, it } from 'vitest';
import { binomialUpperTail, hypergeometricUpperTail } from './binomial';
import { splitPurchases, thresholdBunching } from './avoidance';
import type { Award } from './types';

let seq = 0;
const award = (amount: number, extra: Partial<Award> = {}): Award => ({
  awardId: `a${++seq}`, buyerId: 'buyer', supplierId: 'sup', amount, date: '2024-03-01', category: 'works', procurementMethod: 'direct', ...extra,
});

describe('binomial and hypergeometric tails', () => {
  it('P(X ≥ 9 | n = 10, p = ½) = (C(10,9) + C(10,10))/1024 = 11/1024', () => {
    expect(binomialUpperTail(9, 10, 0.5)).toBeCloseTo(11 / 1024, 12);
    expect(binomialUpperTail(0, 10, 0.5)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.5)).toBe(0);
  });

  it('hypergeometric: N = 10, K = 2, n = 3, P(X ≥ 2) = C(2,2)·C(8,1)/C(10,3) = 8/120', () => {
    expect(hypergeometricUpperTail(2, 10, 2, 3)).toBeCloseTo(8 / 120, 12);
  });
});

describe('thresholdBunching (works, T = 400万)', () => {
  it('9 awards in [320万, 400万) against 1 in [400万, 480万): p = 11/1024 ≤ 0.05 → flagged', () => {
    const awards = [...Array.from({ length: 9 }, (_, i) => award(3_900_000 - i * 10_000)), award(4_100_000)];
    const r = thresholdBunching(awards);
    const h = r.hits.find((x) => x.subjectId === 'works')!;
    expect(h.code).toBe('THRESHOLD_BUNCHING');
    expect(h.evidence.values).toMatchObject({ below: 9, above: 1 });
    expect(h.evidence.values.pValue).toBeCloseTo(11 / 1024, 12);
    expect(h.evidence.records).toHaveLength(9);
  });

  it('even counts on both sides: no flag; empty categories not applicable', () => {
    const r = thresholdBunching([award(3_500_000), award(3_600_000), award(4_200_000), award(4_300_000)]);
    expect(r.hits).toEqual([]);
    expect(r.notApplicable).toContainEqual(expect.objectContaining({ subjectId: 'goods', reason: 'noData' }));
  });

  it('thresholds are configurable; other currencies are not compared', () => {
    const awards = Array.from({ length: 6 }, () => award(95_000, { category: 'services' }));
    expect(thresholdBunching(awards, { thresholds: { services: 100_000 } }).hits).toHaveLength(1);
    const r = thresholdBunching([award(3_900_000, { currency: 'USD' })]);
    expect(r.notApplicable).toContainEqual(expect.objectContaining({ reason: 'currencyMismatch' }));
  });
});

describe('splitPurchases', () => {
  it('three direct awards of 150万 in four months from one buyer to one supplier: 450万 ≥ 400万', () => {
    const r = splitPurchases([award(1_500_000, { date: '2024-01-10' }), award(1_500_000, { date: '2024-03-01' }), award(1_500_000, { date: '2024-05-01' })]);
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0].evidence.values).toMatchObject({ sum: 4_500_000, count: 3 });
  });

  it('the same awards spread over three years do not add up within 365 days', () => {
    const r = splitPurchases([award(1_500_000, { date: '2021-01-10' }), award(1_500_000, { date: '2022-03-01' }), award(1_500_000, { date: '2023-05-01' })]);
    expect(r.hits).toEqual([]);
  });

  it('different suppliers, or open tenders, are not summed', () => {
    expect(splitPurchases([award(2_500_000, { supplierId: 'x' }), award(2_500_000, { supplierId: 'y' })]).hits).toEqual([]);
    expect(splitPurchases([award(2_500_000, { procurementMethod: 'open' }), award(2_500_000, { procurementMethod: 'open' })]).hits).toEqual([]);
  });

  it('edge: exactly at the threshold counts (inclusive); a missing date is not applicable', () => {
    expect(splitPurchases([award(2_000_000), award(2_000_000)]).hits).toHaveLength(1);
    expect(splitPurchases([award(1, { date: '' })]).notApplicable).toContainEqual(expect.objectContaining({ reason: 'missingField' }));
  });
});

describe('thresholdBunching null share from the flanks', () => {
  it('a falling density (many awards far below, few far above) raises p₀ and absorbs a mild excess', () => {
    // Inner: 7 below vs 3 above (p = 0.172 at p₀ = ½ → not flagged anyway at α = 0.05, so use α = 0.2).
    // Flanks: 15 in [240万, 320万) vs 3 in [480万, 560万): p₀ = 16/20 = 0.8 → P(X ≥ 7 | 10, 0.8) = 0.967.
    const inner = [...Array.from({ length: 7 }, () => award(3_600_000)), ...Array.from({ length: 3 }, () => award(4_400_000))];
    const flanks = [...Array.from({ length: 15 }, () => award(2_800_000)), ...Array.from({ length: 3 }, () => award(5_000_000))];
    const opts = { alpha: 0.2, minBelow: 1 };
    expect(thresholdBunching(inner, opts).hits).toHaveLength(1);
    expect(thresholdBunching([...inner, ...flanks], opts).hits).toEqual([]);
    expect(thresholdBunching([...inner, ...flanks], { ...opts, p0: 0.5 }).hits).toHaveLength(1);
  });
});
