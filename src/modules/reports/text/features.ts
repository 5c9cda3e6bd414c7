import { charNgramsNormalised, normaliseText, tokenize, tokenizeNormalised } from '../../../platform/text/tokenize';
import { TermIndex } from './termIndex';

/**
 * Text features shared by the report classifier and hot-spot clustering: jieba words and character
 * n-grams of the shared segmenter, weighted by TF-IDF. Words carry meaning; character bigrams catch what
 * the dictionary splits badly (place names, new terms, typos). Terms are namespaced by a one-letter prefix
 * so a one-character word and a bigram never collide.
 */
export interface FeatureOptions {
  /** Include jieba words (prefix `w`). */
  words: boolean;
  /** Character n-gram length, 0 for none (prefix `c`). */
  charNgram: number;
  /** Title words once more with their own prefix `t`: the title states the matter in a few words. */
  titleWords: boolean;
}

export const defaultFeatureOptions: FeatureOptions = { words: true, charNgram: 2, titleWords: true };

/** Call `fn(prefix, term)` for every term of a text, without building prefixed strings. */
export function forEachTerm(title: string, body: string, options: FeatureOptions, fn: (prefix: string, term: string) => void): void {
  const text = title && body ? `${title}\n${body}` : title || body;
  const normalised = normaliseText(text);
  if (options.words) for (const w of tokenizeNormalised(normalised)) fn('w', w);
  if (options.charNgram > 0) for (const g of charNgramsNormalised(normalised, options.charNgram)) fn('c', g);
  if (options.titleWords && title) for (const w of tokenize(title)) fn('t', w);
}

export function textTerms(title: string, body: string, options: FeatureOptions = defaultFeatureOptions): string[] {
  const out: string[] = [];
  forEachTerm(title, body, options, (prefix, term) => out.push(prefix + term));
  return out;
}

/** A sparse vector: ascending feature indexes and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export interface TfidfOptions {
  /** Drop terms found in fewer documents (they cannot generalise and bloat the model). */
  minDf: number;
  /** Keep at most this many terms, the most frequent by document frequency. */
  maxFeatures: number;
}

export const defaultTfidfOptions: TfidfOptions = { minDf: 2, maxFeatures: 25_000 };

/**
 * Vocabulary and inverse document frequencies: idf = ln((1 + n) / (1 + df)) + 1 (smoothed, so a term in
 * every document still counts a little); term frequency is sublinear, 1 + ln(tf), so a word repeated ten
 * times in one complaint does not outweigh ten different words; vectors are scaled to unit length.
 */
export class Tfidf {
  readonly index: TermIndex;

  constructor(readonly terms: string[], readonly idf: Float64Array) {
    this.index = new TermIndex(terms);
  }

  static fit(docs: string[][], options: TfidfOptions = defaultTfidfOptions): Tfidf {
    const df = new Map<string, number>();
    for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
    const kept = [...df].filter(([, d]) => d >= options.minDf);
    // Sort by frequency then by term so the same history always yields the same vocabulary order.
    kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const chosen = kept.slice(0, options.maxFeatures);
    const n = docs.length;
    return new Tfidf(chosen.map(([t]) => t), Float64Array.from(chosen, ([, d]) => Math.log((1 + n) / (1 + d)) + 1));
  }

  get size(): number {
    return this.terms.length;
  }

  /** Scratch counts indexed by feature, reused across calls: far cheaper than a Map per document. */
  private scratch: Uint16Array | null = null;

  vector(doc: string[]): SparseVector {
    const seen: number[] = [];
    for (const t of doc) this.count(this.index.get(t), seen);
    return this.weigh(seen);
  }

  /** The vector of a text, straight from the segmenter: the same result as `vector(textTerms(...))`, faster. */
  vectorOfText(title: string, body: string, options: FeatureOptions): SparseVector {
    const seen: number[] = [];
    forEachTerm(title, body, options, (prefix, term) => this.count(this.index.get(term, prefix), seen));
    return this.weigh(seen);
  }

  private count(i: number, seen: number[]): void {
    if (i < 0) return;
    const counts = (this.scratch ??= new Uint16Array(this.terms.length));
    if (counts[i] === 0) seen.push(i);
    if (counts[i] < 0xffff) counts[i]++;
  }

  private weigh(seen: number[]): SparseVector {
    const counts = (this.scratch ??= new Uint16Array(this.terms.length));
    const idx = Int32Array.from(seen).sort();
    const val = new Float32Array(idx.length);
    let norm = 0;
    for (let k = 0; k < idx.length; k++) {
      const v = (1 + Math.log(counts[idx[k]])) * this.idf[idx[k]];
      counts[idx[k]] = 0;
      val[k] = v;
      norm += v * v;
    }
    if (norm > 0) {
      const s = 1 / Math.sqrt(norm);
      for (let k = 0; k < val.length; k++) val[k] *= s;
    }
    return { idx, val };
  }
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    if (a.idx[i] === b.idx[j]) s += a.val[i++] * b.val[j++];
    else if (a.idx[i] < b.idx[j]) i++;
    else j++;
  }
  return s;
}

/** The k heaviest entries of a vector, scaled back to unit length: what a document is mostly about. */
export function topTerms(v: SparseVector, k: number): SparseVector {
  if (v.idx.length <= k) return v;
  const order = Array.from(v.idx.keys()).sort((a, b) => v.val[b] - v.val[a]).slice(0, k).sort((a, b) => v.idx[a] - v.idx[b]);
  const idx = Int32Array.from(order, (o) => v.idx[o]);
  const val = Float32Array.from(order, (o) => v.val[o]);
  let norm = 0;
  for (const x of val) norm += x * x;
  const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let q = 0; q < val.length; q++) val[q] *= s;
  return { idx, val };
}
