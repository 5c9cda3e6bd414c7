/**
 * Quantiles as Cardinal computes them (statrs `OrderStatistics`): Hyndman–Fan type 8, median-unbiased.
 * Not numpy's or Excel's default (type 7): the fences, and so the flags, differ on small samples.
 *
 *   h = (n + 1/3)·τ + 1/3;  hf = ⌊h⌋;  τ = 0 or hf ≤ 0 → min;  τ = 1 or hf ≥ n → max;
 *   else x(hf) + (h − hf)·(x(hf+1) − x(hf))   (1-indexed order statistics)
 *
 * Empty data gives NaN, and every comparison with NaN is false, so nothing is flagged.
 */
export function quantileType8(values: readonly number[], tau: number, alreadySorted = false): number {
  const n = values.length;
  if (n === 0 || Number.isNaN(tau) || tau < 0 || tau > 1) return NaN;
  const x = alreadySorted ? values : [...values].sort((a, b) => a - b);
  if (tau === 0) return x[0];
  if (tau === 1) return x[n - 1];
  const h = (n + 1 / 3) * tau + 1 / 3;
  const hf = Math.floor(h);
  if (hf <= 0) return x[0];
  if (hf >= n) return x[n - 1];
  const lo = x[hf - 1];
  const hi = x[hf];
  return lo + (h - hf) * (hi - lo);
}

export interface Quartiles {
  q1: number;
  q3: number;
}

export function quartiles(values: readonly number[]): Quartiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { q1: quantileType8(sorted, 0.25, true), q3: quantileType8(sorted, 0.75, true) };
}

/** Tukey fences: Q1 − 1.5·IQR and Q3 + 1.5·IQR. JS has no fused multiply-add, so the last bit may differ from Rust's `mul_add`. */
export function lowerFence({ q1, q3 }: Quartiles): number {
  return q1 - 1.5 * (q3 - q1);
}

export function upperFence({ q1, q3 }: Quartiles): number {
  return q3 + 1.5 * (q3 - q1);
}

/** statrs `percentile(p)` = quantile(p / 100). */
export function percentileType8(values: readonly number[], p: number): number {
  return quantileType8(values, p / 100);
}
