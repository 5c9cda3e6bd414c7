import { describe, expect, it } from 'vitest';
import { lowerFence, percentileType8, quantileType8, quartiles, upperFence } from './quantile';

// Expected values worked by hand with h = (n + 1/3)·τ + 1/3 (Hyndman–Fan type 8).
describe('quantileType8', () => {
  it('matches hand-computed quartiles of 1..4 (type 7 would give 1.75 and 3.25)', () => {
    // τ = .25: h = 4⅓·¼ + ⅓ = 1.41667 → 1 + 0.41667·(2 − 1)
    expect(quantileType8([4, 3, 2, 1], 0.25)).toBeCloseTo(1.416667, 6);
    // τ = .75: h = 3.58333 → 3 + 0.58333·(4 − 3)
    expect(quantileType8([1, 2, 3, 4], 0.75)).toBeCloseTo(3.583333, 6);
  });

  it('matches hand-computed quartiles of 1..10', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const q = quartiles(xs);
    expect(q.q1).toBeCloseTo(2.916667, 6); // h = 2.91667
    expect(q.q3).toBeCloseTo(8.083333, 6); // h = 8.08333
    expect(lowerFence(q)).toBeCloseTo(2.916667 - 1.5 * 5.166667, 5);
    expect(upperFence(q)).toBeCloseTo(8.083333 + 1.5 * 5.166667, 5);
    expect(quantileType8(xs, 0.5)).toBeCloseTo(5.5, 10);
  });

  it('clamps to min and max at the ends and handles one value', () => {
    expect(quantileType8([5, 9], 0.1)).toBe(5); // h = 0.5667 → hf = 0 → min
    expect(quantileType8([5, 9], 0.95)).toBe(9); // h = 2.233 → hf = 2 = n → max
    expect(quantileType8([7], 0.25)).toBe(7);
    expect(quantileType8([1, 2, 3], 0)).toBe(1);
    expect(quantileType8([1, 2, 3], 1)).toBe(3);
  });

  it('is NaN on empty data, so nothing can be flagged', () => {
    expect(quantileType8([], 0.25)).toBeNaN();
    expect(0.1 <= lowerFence(quartiles([]))).toBe(false);
  });

  it('percentile p is quantile p/100', () => {
    // n = 5, τ = .75: h = 5⅓·¾ + ⅓ = 4.3333 → 4 + 0.3333·(5 − 4)
    expect(percentileType8([1, 2, 3, 4, 5], 75)).toBeCloseTo(4.333333, 6);
  });
});
