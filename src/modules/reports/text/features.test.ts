import { describe, expect, it } from 'vitest';
import { Tfidf, defaultFeatureOptions, dot, textTerms, topTerms } from './features';
import { TermIndex } from './termIndex';

describe('text features', () => {
  it('combines jieba words, character bigrams and title words under separate prefixes', () => {
    const terms = textTerms('学校乱收费', '学校违规收取补课费。');
    expect(terms).toContain('w学校');
    expect(terms).toContain('c收费');
    expect(terms).toContain('c补课');
    expect(terms).toContain('t学校');
    expect(terms.some((t) => /[。，]/.test(t))).toBe(false);
    expect(textTerms('', '噪音', { words: false, charNgram: 2, titleWords: true })).toEqual(['c噪音']);
  });

  it('computes sublinear TF-IDF with smoothed idf and unit length, as worked out by hand', () => {
    // Three documents; "a" is in all three, "b" in two, "c" in one (dropped by minDf 2).
    const docs = [['a', 'b', 'b'], ['a', 'b'], ['a', 'c']];
    const tfidf = Tfidf.fit(docs, { minDf: 2, maxFeatures: 10 });
    expect(tfidf.terms).toEqual(['a', 'b']);
    const idfA = Math.log(4 / 4) + 1; // = 1
    const idfB = Math.log(4 / 3) + 1;
    expect(tfidf.idf[0]).toBeCloseTo(idfA, 12);
    expect(tfidf.idf[1]).toBeCloseTo(idfB, 12);
    // Document 1: tf(a) = 1 → 1, tf(b) = 2 → 1 + ln 2.
    const wa = 1 * idfA;
    const wb = (1 + Math.log(2)) * idfB;
    const norm = Math.hypot(wa, wb);
    const v = tfidf.vector(docs[0]);
    expect(Array.from(v.idx)).toEqual([0, 1]);
    expect(v.val[0]).toBeCloseTo(wa / norm, 6);
    expect(v.val[1]).toBeCloseTo(wb / norm, 6);
    expect(dot(v, v)).toBeCloseTo(1, 6);
    expect(tfidf.vector(['c', 'unknown']).idx.length).toBe(0);
  });

  it('keeps the most frequent terms when the vocabulary is capped', () => {
    const tfidf = Tfidf.fit([['x', 'y'], ['x', 'z'], ['x']], { minDf: 1, maxFeatures: 2 });
    expect(tfidf.terms).toEqual(['x', 'y']);
  });

  it('vectorises straight from text exactly as from the term list', () => {
    const docs = ['镇政府拖欠工程款', '工程款拖欠三年', '学校食堂卫生差'].map((t) => textTerms('', t));
    const tfidf = Tfidf.fit(docs, { minDf: 1, maxFeatures: 1000 });
    const a = tfidf.vector(textTerms('标题', '镇政府拖欠工程款三年', defaultFeatureOptions));
    const b = tfidf.vectorOfText('标题', '镇政府拖欠工程款三年', defaultFeatureOptions);
    expect(Array.from(b.idx)).toEqual(Array.from(a.idx));
    expect(Array.from(b.val)).toEqual(Array.from(a.val));
  });

  it('truncates a vector to its heaviest terms and renormalises', () => {
    const t = topTerms({ idx: Int32Array.from([1, 4, 9]), val: Float32Array.from([0.2, 0.9, 0.5]) }, 2);
    expect(Array.from(t.idx)).toEqual([4, 9]);
    expect(Math.hypot(...t.val)).toBeCloseTo(1, 6);
  });

  it('finds every vocabulary term and nothing else in the term index', () => {
    const terms = Array.from({ length: 5000 }, (_, i) => `w词${i}`);
    const index = new TermIndex(terms);
    terms.forEach((t, i) => expect(index.get(t)).toBe(i));
    expect(index.get('词17', 'w')).toBe(17);
    expect(index.get('w词5000')).toBe(-1);
    expect(index.get('')).toBe(-1);
    expect(() => new TermIndex(['a', 'a'])).toThrow(/duplicate/);
  });
});
