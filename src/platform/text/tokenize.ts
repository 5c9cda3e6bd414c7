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

/** Words without punctuation or whitespace; Latin letters lower-cased; full-width characters folded. */
export function tokenize(text: string): string[] {
  const normalised = text.normalize('NFKC').toLowerCase();
  return segmenter().cut(normalised, true).filter((w) => /[\p{L}\p{N}]/u.test(w)).map((w) => w.trim()).filter(Boolean);
}

/** Overlapping character n-grams: robust to segmentation differences and to place names the dictionary lacks. */
export function charNgrams(text: string, n = 2): string[] {
  const chars = [...text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')];
  const out: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  return out;
}
