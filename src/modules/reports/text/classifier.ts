import { fitSoftmaxScale, fitUniformMix, score, softmax, stratifiedFolds, type Scores } from './evaluation';
import { Tfidf, defaultFeatureOptions, defaultTfidfOptions, textTerms, type FeatureOptions, type SparseVector, type TfidfOptions } from './features';
import { defaultSvmOptions, trainBinarySvm, type SvmOptions } from './linearSvm';

/**
 * The report classifier: TF-IDF features and one linear SVM per label (one-vs-rest), trained on the
 * office's own labelled history. Nothing is shipped pre-trained; `lianjian reports train` writes the model
 * as JSON and `lianjian reports classify` (or the intake suggestion) loads it.
 */
export interface LabelledText { title: string; body: string; label: string }

export interface TrainOptions {
  features: FeatureOptions;
  tfidf: TfidfOptions;
  svm: SvmOptions;
  /** Cross-validation folds for the reported scores and the confidence calibration; 0 or 1 skips both. */
  folds: number;
}

export const defaultTrainOptions: TrainOptions = { features: defaultFeatureOptions, tfidf: defaultTfidfOptions, svm: defaultSvmOptions, folds: 5 };

/** Used when no cross-validation ran: a typical fitted value on complaint texts. */
const FALLBACK_SCALE = 4;

export interface CrossValidation extends Scores { folds: number }

export interface ClassifierModel {
  format: 'lianjian/report-classifier';
  version: 1;
  labels: string[];
  features: FeatureOptions;
  vocabulary: string[];
  idf: number[];
  /** One row per label, aligned with `vocabulary`. */
  weights: number[][];
  bias: number[];
  /** Margins are multiplied by this before the softmax that yields confidences. */
  softmaxScale: number;
  /** Share of the confidence mixed with a uniform prior after scaling (see fitUniformMix); absent in older models (0). */
  uniformMix?: number;
  training: {
    trainedAt: string;
    examples: number;
    perLabel: Record<string, number>;
    seconds: number;
    options: { C: number; minDf: number; maxFeatures: number };
    crossValidation: CrossValidation | null;
  };
}

interface Fitted { tfidf: Tfidf; weights: Float64Array[]; bias: number[] }

function fit(docs: string[][], labels: Int32Array, labelCount: number, options: TrainOptions): Fitted {
  const tfidf = Tfidf.fit(docs, options.tfidf);
  const xs = docs.map((d) => tfidf.vector(d));
  const weights: Float64Array[] = [];
  const bias: number[] = [];
  for (let k = 0; k < labelCount; k++) {
    const ys = Int8Array.from(labels, (l) => (l === k ? 1 : -1));
    const svm = trainBinarySvm(xs, ys, tfidf.size, options.svm);
    weights.push(svm.weights);
    bias.push(svm.bias);
  }
  return { tfidf, weights, bias };
}

function margins(f: { weights: ArrayLike<number>[]; bias: number[] }, x: SparseVector): Float64Array {
  const out = new Float64Array(f.weights.length);
  for (let k = 0; k < f.weights.length; k++) {
    const w = f.weights[k];
    let s = f.bias[k];
    for (let q = 0; q < x.idx.length; q++) s += w[x.idx[q]] * x.val[q];
    out[k] = s;
  }
  return out;
}

function argmax(xs: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}

/**
 * Train on already-featurised texts. Segmentation is the slow part, so cross-validation reuses the terms
 * and refits only the vocabulary, IDF and SVMs per fold — a fold never sees its test texts' statistics.
 */
export function trainOnTerms(docs: string[][], labelOf: string[], options: TrainOptions = defaultTrainOptions, onProgress?: (msg: string) => void): ClassifierModel {
  const started = performance.now();
  const labels = [...new Set(labelOf)].sort();
  if (labels.length < 2) throw new Error(`need at least two labels to train, found ${labels.length}`);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const y = Int32Array.from(labelOf, (l) => labelIndex.get(l)!);

  let crossValidation: CrossValidation | null = null;
  let softmaxScale = FALLBACK_SCALE;
  let uniformMix = 0;
  if (options.folds >= 2) {
    const fold = stratifiedFolds(y, options.folds, options.svm.seed);
    const predicted = new Int32Array(y.length);
    const heldOut: Float64Array[] = new Array(y.length);
    for (let f = 0; f < options.folds; f++) {
      const trainIdx = [...y.keys()].filter((i) => fold[i] !== f);
      const fitted = fit(trainIdx.map((i) => docs[i]), Int32Array.from(trainIdx, (i) => y[i]), labels.length, options);
      for (let i = 0; i < y.length; i++) {
        if (fold[i] !== f) continue;
        heldOut[i] = margins(fitted, fitted.tfidf.vector(docs[i]));
        predicted[i] = argmax(heldOut[i]);
      }
      onProgress?.(`fold ${f + 1}/${options.folds} done`);
    }
    crossValidation = { folds: options.folds, ...score(y, predicted, labels) };
    softmaxScale = fitSoftmaxScale(heldOut, y);
    uniformMix = fitUniformMix(heldOut, y, softmaxScale);
  }

  const fitted = fit(docs, y, labels.length, options);
  const perLabel: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
  for (const l of labelOf) perLabel[l]++;
  return {
    format: 'lianjian/report-classifier',
    version: 1,
    labels,
    features: options.features,
    vocabulary: fitted.tfidf.terms,
    idf: Array.from(fitted.tfidf.idf, (v) => round(v, 6)),
    weights: fitted.weights.map((w) => Array.from(w, (v) => round(v, 5))),
    bias: fitted.bias.map((v) => round(v, 6)),
    softmaxScale: round(softmaxScale, 4),
    uniformMix: round(uniformMix, 6),
    training: {
      trainedAt: new Date().toISOString(),
      examples: docs.length,
      perLabel,
      seconds: round((performance.now() - started) / 1000, 2),
      options: { C: options.svm.C, minDf: options.tfidf.minDf, maxFeatures: options.tfidf.maxFeatures },
      crossValidation,
    },
  };
}

export function trainClassifier(examples: LabelledText[], options: TrainOptions = defaultTrainOptions, onProgress?: (msg: string) => void): ClassifierModel {
  const docs = examples.map((e) => textTerms(e.title, e.body, options.features));
  return trainOnTerms(docs, examples.map((e) => e.label), options, onProgress);
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export interface Prediction {
  label: string;
  confidence: number;
  alternatives: { label: string; confidence: number }[];
}

/** A loaded model, ready to suggest categories. */
export class TextClassifier {
  private readonly tfidf: Tfidf;
  /**
   * Weights feature-major (all labels' weights of one feature side by side): a text touches a few hundred
   * features, and reading each feature's labels from one cache line is several times faster than a row per label.
   */
  private readonly packed: Float32Array;

  constructor(readonly model: ClassifierModel) {
    validateModel(model);
    this.tfidf = new Tfidf(model.vocabulary, Float64Array.from(model.idf));
    const k = model.labels.length;
    this.packed = new Float32Array(model.vocabulary.length * k);
    model.weights.forEach((row, label) => row.forEach((w, f) => { this.packed[f * k + label] = w; }));
  }

  static fromJson(json: string): TextClassifier {
    return new TextClassifier(JSON.parse(json) as ClassifierModel);
  }

  margins(title: string, body: string): Float64Array {
    const x = this.tfidf.vectorOfText(title, body, this.model.features);
    const k = this.model.labels.length;
    const out = Float64Array.from(this.model.bias);
    for (let q = 0; q < x.idx.length; q++) {
      const base = x.idx[q] * k;
      const v = x.val[q];
      for (let l = 0; l < k; l++) out[l] += this.packed[base + l] * v;
    }
    return out;
  }

  /** The best label, its confidence, and the next `alternatives` labels by confidence. */
  predict(title: string, body: string, alternatives = 2): Prediction {
    const mix = this.model.uniformMix ?? 0;
    const p = softmax(this.margins(title, body), this.model.softmaxScale).map((v, _, all) => (1 - mix) * v + mix / all.length);
    // Rounded down, so a confidence short of 1 never prints as 1.
    const ranked = p.map((confidence, k) => ({ label: this.model.labels[k], confidence: Math.floor(confidence * 1e4) / 1e4 }))
      .sort((a, b) => b.confidence - a.confidence);
    return { label: ranked[0].label, confidence: ranked[0].confidence, alternatives: ranked.slice(1, 1 + alternatives) };
  }
}

function validateModel(m: ClassifierModel): void {
  const bad = (why: string) => { throw new Error(`not a report classifier model: ${why}`); };
  if (m?.format !== 'lianjian/report-classifier') bad('wrong format tag');
  if (m.version !== 1) bad(`unsupported version ${String(m.version)}`);
  if (!Array.isArray(m.labels) || m.labels.length < 2) bad('fewer than two labels');
  if (m.vocabulary.length !== m.idf.length) bad('vocabulary and idf differ in length');
  if (m.weights.length !== m.labels.length || m.bias.length !== m.labels.length) bad('one weight row per label expected');
  if (m.weights.some((w) => w.length !== m.vocabulary.length)) bad('weight rows differ from the vocabulary in length');
}
