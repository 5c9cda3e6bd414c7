import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/**
 * Chinese word segmentation shared by classification, repeat detection and hot-spot clustering, so the
 * same text always yields the same tokens. The dictionary loads once, on first use (about 0.3 s).
 */
let jieba: Jieba | null = null;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** The form every tokenizer here works on: NFKC (full-width folded) and lower-case. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const WORDISH = /[\p{L}\p{N}]/u;

/** Words without punctuation or whitespace; Latin letters lower-cased; full-width characters folded. */
export function tokenize(text: string): string[] {
  return tokenizeNormalised(normaliseText(text));
}

/** `tokenize` of a text already through `normaliseText` (callers that also take n-grams normalise once). */
export function tokenizeNormalised(normalised: string): string[] {
  const out: string[] = [];
  for (const w of segmenter().cut(normalised, true)) {
    if (!WORDISH.test(w)) continue;
    const t = w.trim();
    if (t) out.push(t);
  }
  return out;
}

/** Overlapping character n-grams: robust to segmentation differences and to place names the dictionary lacks. */
export function charNgrams(text: string, n = 2): string[] {
  return charNgramsNormalised(normaliseText(text), n);
}

/** `charNgrams` of a text already through `normaliseText`. Characters are code points (a rare CJK extension character is one). */
export function charNgramsNormalised(normalised: string, n = 2): string[] {
  const chars: string[] = [];
  for (const ch of normalised.replace(/[^\p{L}\p{N}]+/gu, '')) chars.push(ch);
  const out: string[] = [];
  if (n === 2) {
    // The classifier's and the repeat finder's setting: a pair is two concatenations cheaper than slice + join.
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  }
  for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  return out;
}
