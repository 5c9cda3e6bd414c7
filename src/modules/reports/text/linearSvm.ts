import type { SparseVector } from './features';

/**
 * A binary linear SVM with squared hinge loss and L2 regularisation, trained by dual coordinate descent
 * (Hsieh et al., ICML 2008 — the method behind LIBLINEAR's default solver). Chosen over SGD/Pegasos because it
 * needs no learning rate, converges in a few dozen passes over sparse TF-IDF vectors, and its stopping rule
 * (projected-gradient spread) is a real optimality check rather than a fixed epoch count.
 */
export interface SvmOptions {
  /** Inverse regularisation strength: larger fits the training data harder. */
  C: number;
  /** Weight of the positive class's C relative to the negatives (to counter one-vs-rest imbalance). */
  positiveWeight: number;
  maxPasses: number;
  /** Stop when the projected gradients span less than this. */
  tolerance: number;
  /** The constant feature added to every example so the bias is learned like any weight. */
  biasFeature: number;
  seed: number;
}

export const defaultSvmOptions: SvmOptions = { C: 0.5, positiveWeight: 1, maxPasses: 60, tolerance: 0.05, biasFeature: 1, seed: 1 };

export interface BinarySvm {
  weights: Float64Array;
  bias: number;
  passes: number;
}

/** A small deterministic PRNG (mulberry32): the same history always trains the same model. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainBinarySvm(xs: SparseVector[], ys: Int8Array, dim: number, options: SvmOptions = defaultSvmOptions): BinarySvm {
  const n = xs.length;
  const w = new Float64Array(dim);
  let b = 0;
  const B = options.biasFeature;
  const alpha = new Float64Array(n);
  // Squared hinge: the dual has no upper bound, and each example's diagonal gains 1 / (2 C_i).
  const diag = new Float64Array(n);
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const Ci = ys[i] > 0 ? options.C * options.positiveWeight : options.C;
    diag[i] = 1 / (2 * Ci);
    let sq = B * B;
    for (const v of xs[i].val) sq += v * v;
    qii[i] = sq + diag[i];
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rand = random(options.seed);
  let pass = 0;
  for (; pass < options.maxPasses; pass++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i]; order[i] = order[j]; order[j] = t;
    }
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const x = xs[i];
      const y = ys[i];
      let wx = b * B;
      for (let q = 0; q < x.idx.length; q++) wx += w[x.idx[q]] * x.val[q];
      const g = y * wx - 1 + diag[i] * alpha[i];
      const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
      if (pg > maxPg) maxPg = pg;
      if (pg < minPg) minPg = pg;
      if (Math.abs(pg) < 1e-12) continue;
      const old = alpha[i];
      alpha[i] = Math.max(old - g / qii[i], 0);
      const step = (alpha[i] - old) * y;
      if (step === 0) continue;
      for (let q = 0; q < x.idx.length; q++) w[x.idx[q]] += step * x.val[q];
      b += step * B;
    }
    if (maxPg - minPg < options.tolerance) { pass++; break; }
  }
  return { weights: w, bias: b * B, passes: pass };
}
