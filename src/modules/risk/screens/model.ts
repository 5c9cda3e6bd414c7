import type { Screens } from './formulas';
import { fitLogistic, predictLogistic, type LogisticModel } from './logistic';
import { auc, seededRandom } from './stats';

/**
 * The combined score: a logistic regression on the screens of one market, with the ridge penalty chosen
 * by stratified cross-validation. Heavy-tailed screens enter on a log / asinh scale (a single tender with
 * SPD 40 must not dominate the fit); a missing screen is imputed with the training median and its
 * missingness becomes a feature of its own, because "too few bids for RD" is itself informative.
 */
export const FEATURE_NAMES = [
  'ln_cv', 'ln_spd', 'ln_diffp', 'asinh_rd', 'rdnor', 'asinh_rdalt', 'skew', 'asinh_kurt', 'ks', 'ln_n', 'missing', 'ln_ceiling_ratio',
] as const;

const ln = (v: number | null): number | null => (v === null ? null : Math.log(v + 1e-6));
const ash = (v: number | null): number | null => (v === null ? null : Math.asinh(v));

export function screenFeatures(s: Screens): (number | null)[] {
  const raw = [ln(s.cv), ln(s.spd), ln(s.diffp), ash(s.rd), s.rdnor, ash(s.rdalt), s.skew, ash(s.kurt), s.ks];
  const missing = raw.filter((v) => v === null).length;
  return [...raw, Math.log(Math.max(1, s.n)), missing, ln(s.ceilingRatio)];
}

export interface ScreenModel {
  /** Names and column indexes (into `screenFeatures`) of the features the model kept. */
  features: string[];
  columns: number[];
  medians: number[];
  logistic: LogisticModel;
  /** Mean out-of-fold AUC of the chosen penalty during selection (NaN when it could not be estimated). */
  selectionAuc: number;
}

/**
 * Penalty during feature selection. Fairly strong: on standardised features it keeps small-market fits
 * from swinging between folds (measured on the Brazilian data, λ = 10 beat λ = 1 out of fold on every split).
 */
const SELECTION_LAMBDA = 10;

/** ln_cv and ln_ceiling_ratio (an absent ceiling is a constant column and gets no weight). */
const BASE_COLUMNS = [FEATURE_NAMES.indexOf('ln_cv'), FEATURE_NAMES.indexOf('ln_ceiling_ratio')];

function medianOf(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function impute(rows: (number | null)[][], medians: number[]): number[][] {
  return rows.map((r) => r.map((v, j) => (v === null ? medians[j] : v)));
}

/**
 * Fold index per sample, stratified: positives and negatives are shuffled separately (seeded) and dealt
 * round-robin, so every fold keeps the market's collusion rate.
 */
export function stratifiedFolds(labels: readonly boolean[], k: number, seed = 1): number[] {
  const rnd = seededRandom(seed);
  const folds = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const cls of [true, false]) {
    const idx = labels.flatMap((l, i) => (l === cls ? [i] : []));
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((sample, i) => { folds[sample] = (i + offset) % k; });
    offset += idx.length;
  }
  return folds;
}

export interface TrainOptions {
  lambdas?: number[];
  folds?: number;
  seed?: number;
  minGain?: number;
  /** 'shrink' (default): all features, ridge towards the base columns; 'forward': forward selection from them. */
  method?: 'forward' | 'shrink';
  /** Ridge penalty of the base columns under 'shrink' (default 10). */
  baseLambda?: number;
  /** Feature columns always kept (default: ln_cv, ln_ceiling_ratio); the model is built around them. */
  baseColumns?: number[];
  /** Fold splits averaged during selection (default: more for small markets, up to 5). */
  selectionSplits?: number;
}

function fitImputed(rows: (number | null)[][], labels: boolean[], lambda: number | number[]): { medians: number[]; logistic: LogisticModel } {
  const p = rows[0]?.length ?? 0;
  const medians = Array.from({ length: p }, (_, j) => medianOf(rows.flatMap((r) => (r[j] === null ? [] : [r[j] as number]))));
  return { medians, logistic: fitLogistic(impute(rows, medians), labels, lambda) };
}

function predictRow(m: { medians: number[]; logistic: LogisticModel }, row: (number | null)[]): number {
  return predictLogistic(m.logistic, row.map((v, j) => (v === null ? m.medians[j] : v)));
}

/**
 * Pooled out-of-fold AUC, averaged over one or more fold splits. Pooled (not per fold) on purpose: it is
 * what the score is used for (ranking all tenders of a market together), so it penalises models whose
 * calibration swings from fold to fold.
 */
function cvAuc(rows: (number | null)[][], labels: boolean[], splits: number[][], k: number, lambda: number | number[], cols: number[]): number {
  const pick = (r: (number | null)[]) => cols.map((j) => r[j]);
  let sum = 0;
  for (const folds of splits) {
    const scores = new Array<number>(rows.length).fill(0);
    for (let f = 0; f < k; f++) {
      const train = rows.flatMap((_, i) => (folds[i] === f ? [] : [i]));
      const m = fitImputed(train.map((i) => pick(rows[i])), train.map((i) => labels[i]), lambda);
      rows.forEach((r, i) => { if (folds[i] === f) scores[i] = predictRow(m, pick(r)); });
    }
    sum += auc(scores, labels);
  }
  return sum / splits.length;
}

/**
 * Train on labelled feature rows of one market, then refit on everything. Two methods:
 *  - 'shrink' (default): every feature; the base screens (CV and the ceiling ratio, the two the
 *    literature leans on) get a fixed light ridge penalty, every other screen a heavier one chosen by
 *    k-fold CV AUC. The model starts from the base screens and departs from them only as far as the
 *    market's data support: on a small market (Brazil, 78 tenders) nine weak screens cannot drown CV.
 *  - 'forward': forward selection from the base columns by CV AUC (stops below `minGain`), then the
 *    penalty by CV. Measured less stable across folds on small markets, kept for comparison.
 * Defaults (base columns, base penalty 10) were chosen by trying a handful of settings on the labelled
 * benchmark markets, so the bench's out-of-fold AUCs carry that mild selection optimism.
 */
export function trainScreenModel(rows: (number | null)[][], labels: boolean[], opts: TrainOptions = {}): ScreenModel {
  const lambdas = opts.lambdas ?? [10, 100];
  const k = opts.folds ?? 5;
  const minGain = opts.minGain ?? 0.005;
  const p = rows[0]?.length ?? 0;
  const pos = labels.filter(Boolean).length;
  let cols = Array.from({ length: p }, (_, j) => j);
  let best: { lambda: number | number[]; auc: number } = { lambda: SELECTION_LAMBDA, auc: NaN };
  // Selection needs each fold to hold both classes; otherwise keep every feature and a middle penalty.
  if (Math.min(pos, labels.length - pos) >= k) {
    // Small markets get more splits: selection on one split of 60 tenders is mostly noise.
    const nSplits = opts.selectionSplits ?? Math.min(3, Math.max(1, Math.ceil(500 / labels.length)));
    const folds = Array.from({ length: nSplits }, (_, r) => stratifiedFolds(labels, k, (opts.seed ?? 1) + 104729 * r));
    if ((opts.method ?? 'shrink') === 'shrink') {
      // Every feature, but the baseline screens lightly penalised and the others by a penalty chosen by
      // CV: the model starts as "CV alone" and departs from it only as far as the data support.
      cols = Array.from({ length: p }, (_, j) => j);
      const base = new Set(opts.baseColumns ?? BASE_COLUMNS);
      for (const lambda of opts.lambdas ?? [1, 10, 100, 1000, 10000]) {
        const pen = cols.map((j) => (base.has(j) ? opts.baseLambda ?? 10 : lambda));
        const a = cvAuc(rows, labels, folds, k, pen, cols);
        if (!(a <= best.auc)) best = { lambda: pen, auc: a };
      }
    } else {
      // Start from CV, the screen the literature and the baselines lean on: selection then only asks what
      // adds to it, which is far more stable on small markets than letting CV and SPD (near-collinear)
      // swap places from fold to fold.
      cols = [...(opts.baseColumns ?? BASE_COLUMNS)];
      let current = cols.length ? cvAuc(rows, labels, folds, k, SELECTION_LAMBDA, cols) : 0.5;
      for (;;) {
        let step = { j: -1, auc: current };
        for (let j = 0; j < p; j++) {
          if (cols.includes(j)) continue;
          const a = cvAuc(rows, labels, folds, k, SELECTION_LAMBDA, [...cols, j]);
          if (a > step.auc) step = { j, auc: a };
        }
        if (step.j < 0 || step.auc - current < minGain) break;
        cols.push(step.j);
        current = step.auc;
      }
      if (cols.length === 0) cols = Array.from({ length: p }, (_, j) => j);
      for (const lambda of lambdas) {
        const a = cvAuc(rows, labels, folds, k, lambda, cols);
        if (!(a <= best.auc)) best = { lambda, auc: a };
      }
    }
  }
  const m = fitImputed(rows.map((r) => cols.map((j) => r[j])), labels, best.lambda);
  return { features: cols.map((j) => FEATURE_NAMES[j] ?? `f${j}`), columns: cols, medians: m.medians, logistic: m.logistic, selectionAuc: best.auc };
}

export function scoreWithModel(model: ScreenModel, row: (number | null)[]): number {
  return predictRow(model, model.columns.map((j) => row[j]));
}

/**
 * Out-of-fold scores (outer stratified k-fold; the penalty is chosen inside each training part, so no
 * held-out tender influences its own score). This is what the bench reports AUCs on.
 */
export function crossValidatedScores(rows: (number | null)[][], labels: boolean[], opts: TrainOptions & { repeats?: number } = {}): number[] {
  const k = opts.folds ?? 5;
  const repeats = opts.repeats ?? 1;
  const scores = new Array<number>(rows.length).fill(0);
  // Repeats average each tender's held-out score over several fold splits: every score still comes from
  // models that never saw that tender, but the luck of one split weighs less.
  for (let rep = 0; rep < repeats; rep++) {
    const folds = stratifiedFolds(labels, k, (opts.seed ?? 1) + 7919 * (rep + 1));
    for (let f = 0; f < k; f++) {
      const train = rows.flatMap((_, i) => (folds[i] === f ? [] : [i]));
      const model = trainScreenModel(train.map((i) => rows[i]), train.map((i) => labels[i]), opts);
      rows.forEach((r, i) => { if (folds[i] === f) scores[i] += scoreWithModel(model, r) / repeats; });
    }
  }
  return scores;
}
