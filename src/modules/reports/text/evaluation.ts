import { random } from './linearSvm';

/**
 * Evaluation helpers for the classifier: stratified folds, per-label precision/recall/F1 and macro-F1 (the
 * mean over labels, so a rare category counts as much as a common one), and the softmax temperature that
 * turns SVM margins into confidences a reader can trust roughly at face value.
 */

/** Fold number per example; each label's examples are shuffled and dealt round-robin over the folds. */
export function stratifiedFolds(labels: ArrayLike<number>, folds: number, seed = 1): Int32Array {
  const out = new Int32Array(labels.length);
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const list = byLabel.get(labels[i]) ?? [];
    list.push(i);
    byLabel.set(labels[i], list);
  }
  const rand = random(seed);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    const list = byLabel.get(label)!;
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    // Continue dealing where the previous label stopped, so fold sizes stay within one of each other.
    list.forEach((ex, k) => { out[ex] = (offset + k) % folds; });
    offset = (offset + list.length) % folds;
  }
  return out;
}

export interface LabelScore { precision: number; recall: number; f1: number; support: number }

export interface Scores { accuracy: number; macroF1: number; perLabel: Record<string, LabelScore> }

export function score(truth: ArrayLike<number>, predicted: ArrayLike<number>, labels: string[]): Scores {
  const tp = new Array<number>(labels.length).fill(0);
  const fp = new Array<number>(labels.length).fill(0);
  const fn = new Array<number>(labels.length).fill(0);
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] === predicted[i]) { tp[truth[i]]++; correct++; } else { fp[predicted[i]]++; fn[truth[i]]++; }
  }
  const perLabel: Record<string, LabelScore> = {};
  let f1Sum = 0;
  labels.forEach((label, k) => {
    const precision = tp[k] + fp[k] > 0 ? tp[k] / (tp[k] + fp[k]) : 0;
    const recall = tp[k] + fn[k] > 0 ? tp[k] / (tp[k] + fn[k]) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[label] = { precision, recall, f1, support: tp[k] + fn[k] };
    f1Sum += f1;
  });
  return { accuracy: truth.length ? correct / truth.length : 0, macroF1: labels.length ? f1Sum / labels.length : 0, perLabel };
}

/** Softmax of margins scaled by a temperature factor, as probabilities in label order. */
export function softmax(margins: ArrayLike<number>, scale: number): number[] {
  let max = -Infinity;
  for (let i = 0; i < margins.length; i++) max = Math.max(max, margins[i] * scale);
  const exps = Array.from(margins, (m) => Math.exp(m * scale - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * The scale that minimises the negative log-likelihood of held-out labels under softmax(scale · margins)
 * (temperature scaling, Guo et al. 2017): a one-parameter fit that keeps the ranking and fixes over- or
 * under-confidence. Golden-section search on log(scale); the likelihood is convex in the scale.
 */
export function fitSoftmaxScale(margins: ArrayLike<number>[], truth: ArrayLike<number>): number {
  if (margins.length === 0) return 1;
  const nll = (logScale: number) => {
    const s = Math.exp(logScale);
    let total = 0;
    for (let i = 0; i < margins.length; i++) total -= Math.log(Math.max(softmax(margins[i], s)[truth[i]], 1e-12));
    return total;
  };
  let lo = Math.log(0.1);
  let hi = Math.log(100);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let it = 0; it < 40; it++) {
    if (fa < fb) { hi = b; b = a; fb = fa; a = hi - phi * (hi - lo); fa = nll(a); }
    else { lo = a; a = b; fa = fb; b = lo + phi * (hi - lo); fb = nll(b); }
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * After temperature scaling, the share of probability moved to a uniform prior, p' = (1 − ε)·p + ε/K, fitted
 * on the same held-out margins (the likelihood is convex in ε). Temperature alone lets a model whose
 * training texts separate cleanly claim certainty; held-out errors made with high confidence pull ε up,
 * and the floor of 1/(2n) (add-half, as for an unseen outcome in n trials) keeps even a model without a
 * held-out error from claiming 100 %.
 */
export function fitUniformMix(margins: ArrayLike<number>[], truth: ArrayLike<number>, scale: number): number {
  if (margins.length === 0) return 0;
  const k = margins[0].length;
  const pTrue = margins.map((m, i) => softmax(m, scale)[truth[i]]);
  const nll = (e: number) => pTrue.reduce((t, p) => t - Math.log(Math.max((1 - e) * p + e / k, 1e-12)), 0);
  let lo = 0;
  let hi = 0.5;
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let it = 0; it < 40; it++) {
    if (fa < fb) { hi = b; b = a; fb = fa; a = hi - phi * (hi - lo); fa = nll(a); }
    else { lo = a; a = b; fa = fb; b = lo + phi * (hi - lo); fb = nll(b); }
  }
  return Math.max((lo + hi) / 2, 1 / (2 * margins.length));
}
