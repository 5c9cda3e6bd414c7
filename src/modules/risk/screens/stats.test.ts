import { describe, expect, it } from 'vitest';
import { auc, averageRanks, quantileType8, sampleSd, seededRandom } from './stats';

describe('stats helpers', () => {
  it('sample sd uses n − 1: [2, 4, 4, 4, 5, 5, 7, 9] → √(32/7)', () => {
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('type-8 quantile: Q1 of 1..4 = 1 + (h − 1)(2 − 1) with h = (4 + 1/3)/4 + 1/3 = 1.41667', () => {
    expect(quantileType8([1, 2, 3, 4], 0.25)).toBeCloseTo(1 + (13 / 12 + 1 / 3 - 1), 12);
    expect(quantileType8([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileType8([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileType8([7], 0.5)).toBe(7);
    expect(quantileType8([], 0.5)).toBeNaN();
  });

  it('average ranks share ties', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });

  it('AUC counts pairs: positives 0.35 and 0.8 against negatives 0.1 and 0.4 → 3 of 4 pairs', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
  });

  it('AUC counts a tie as one half; NaN without both classes', () => {
    expect(auc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(auc([1, 2], [true, true])).toBeNaN();
  });

  it('seeded random is deterministic', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
