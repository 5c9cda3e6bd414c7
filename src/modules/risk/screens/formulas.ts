import { mean, sampleSd } from './stats';

/**
 * Statistical bid-rigging screens of one tender (Imhof; Huber & Imhof; Wallimann et al.), exactly as
 * defined in docs/reference/procurement-red-flags.md §5.1. Bids sorted ascending b₁ ≤ … ≤ bₙ; μ the mean,
 * σ the sample standard deviation. A screen that is undefined for the input (too few bids, zero spread)
 * is null, never 0 or NaN, so "not applicable" cannot be mistaken for "extreme".
 */
export interface Screens {
  n: number;
  /** σ/μ. Low under collusion (cover bids compressed). n ≥ 2. */
  cv: number | null;
  /** (bₙ − b₁)/b₁. Low under collusion. n ≥ 2. */
  spd: number | null;
  /** (b₂ − b₁)/b₁. High under collusion (gap to the first cover bid). n ≥ 2. */
  diffp: number | null;
  /** (b₂ − b₁)/σ(b₂..bₙ). High under collusion (Imhof: > 1). n ≥ 3 and the losing bids not all equal. */
  rd: number | null;
  /** (b₂ − b₁)/[(bₙ − b₁)/(n − 1)]. n ≥ 3 and bₙ > b₁. */
  rdnor: number | null;
  /** (b₂ − b₁)/mean(bᵢ₊₁ − bᵢ, i = 2..n−1). n ≥ 3 and the losing bids not all equal. */
  rdalt: number | null;
  /** n/((n−1)(n−2))·Σ((bᵢ−μ)/σ)³. Negative under collusion. n ≥ 3, σ > 0. */
  skew: number | null;
  /** n(n+1)/((n−1)(n−2)(n−3))·Σ((bᵢ−μ)/σ)⁴ − 3(n−1)²/((n−2)(n−3)). High under collusion. n ≥ 4, σ > 0. */
  kurt: number | null;
  /** Kolmogorov–Smirnov D of the bids against U[b₁, bₙ]. n ≥ 2, bₙ > b₁. */
  ks: number | null;
  /**
   * b₁ / 控制价 (lowest bid over the published ceiling or pre-tender estimate; OCP R031 "winning bid very
   * close to or above the estimate"). High under collusion: cartels leave little discount. Needs a ceiling > 0.
   */
  ceilingRatio: number | null;
}

export const SCREEN_NAMES = ['cv', 'spd', 'diffp', 'rd', 'rdnor', 'rdalt', 'skew', 'kurt', 'ks', 'ceilingRatio'] as const;
export type ScreenName = (typeof SCREEN_NAMES)[number];

/** Direction in which each screen points to collusion, per the literature (used when no labels exist). */
export const SCREEN_DIRECTION: Record<ScreenName, 'low' | 'high'> = {
  cv: 'low', spd: 'low', diffp: 'high', rd: 'high', rdnor: 'high', rdalt: 'high', skew: 'low', kurt: 'high', ks: 'high', ceilingRatio: 'high',
};

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Compute every screen for the given bid amounts (any order; non-positive amounts must be filtered by the
 * caller) and, when the tender published one, its ceiling (控制价).
 */
export function computeScreens(amounts: readonly number[], ceiling?: number | null): Screens {
  const b = [...amounts].sort((x, y) => x - y);
  const n = b.length;
  const none: Screens = { n, cv: null, spd: null, diffp: null, rd: null, rdnor: null, rdalt: null, skew: null, kurt: null, ks: null, ceilingRatio: null };
  if (n >= 1 && ceiling != null && ceiling > 0) none.ceilingRatio = finite(b[0] / ceiling);
  if (n < 2) return none;
  const mu = mean(b);
  const sd = sampleSd(b);
  const b1 = b[0];
  const gap = b[1] - b1;
  const out: Screens = { ...none };
  out.cv = mu > 0 ? finite(sd / mu) : null;
  out.spd = b1 > 0 ? finite((b[n - 1] - b1) / b1) : null;
  out.diffp = b1 > 0 ? finite(gap / b1) : null;
  if (n >= 3) {
    const losing = b.slice(1);
    const sdLosing = sampleSd(losing);
    out.rd = sdLosing > 0 ? finite(gap / sdLosing) : null;
    out.rdnor = b[n - 1] > b1 ? finite(gap / ((b[n - 1] - b1) / (n - 1))) : null;
    // Mean of the successive gaps among the losing bids telescopes to (bₙ − b₂)/(n − 2).
    const meanLosingGap = (b[n - 1] - b[1]) / (n - 2);
    out.rdalt = meanLosingGap > 0 ? finite(gap / meanLosingGap) : null;
  }
  if (sd > 0) {
    let s3 = 0;
    let s4 = 0;
    for (const x of b) {
      const z = (x - mu) / sd;
      s3 += z ** 3;
      s4 += z ** 4;
    }
    if (n >= 3) out.skew = finite((n / ((n - 1) * (n - 2))) * s3);
    if (n >= 4) {
      out.kurt = finite(((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * s4 - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3)));
    }
  }
  if (b[n - 1] > b1) {
    const range = b[n - 1] - b1;
    let d = 0;
    for (let i = 1; i <= n; i++) {
      const f = (b[i - 1] - b1) / range;
      d = Math.max(d, i / n - f, f - (i - 1) / n);
    }
    out.ks = d;
  }
  return out;
}
