/** Small statistics helpers shared by the screens, the calibration and the combined model. */

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (n − 1 denominator), as in the screening literature and the labelled data. */
export function sampleSd(xs: readonly number[]): number {
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / (xs.length - 1));
}

/**
 * Hyndman–Fan type 8 quantile (median-unbiased), the definition Cardinal uses through statrs, so fences
 * computed here agree with Cardinal's. `sorted` must be ascending; NaN on empty input.
 */
export function quantileType8(sorted: readonly number[], tau: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (tau <= 0) return sorted[0];
  if (tau >= 1) return sorted[n - 1];
  const h = (n + 1 / 3) * tau + 1 / 3;
  const hf = Math.floor(h);
  if (hf <= 0) return sorted[0];
  if (hf >= n) return sorted[n - 1];
  return sorted[hf - 1] + (h - hf) * (sorted[hf] - sorted[hf - 1]);
}

/** Average ranks (1-based), ties sharing the mean of the ranks they span. */
export function averageRanks(xs: readonly number[]): number[] {
  const idx = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && xs[idx[j + 1]] === xs[idx[i]]) j++;
    const r = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[idx[k]] = r;
    i = j + 1;
  }
  return ranks;
}

/**
 * Area under the ROC curve = P(score of a random positive > score of a random negative), ties counting
 * one half (Mann–Whitney U / (n₁·n₀)). NaN when either class is empty.
 */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const ranks = averageRanks(scores);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) { pos++; rankSum += ranks[i]; }
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Deterministic PRNG (mulberry32) so folds and results are reproducible run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
