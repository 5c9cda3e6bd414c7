import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charNgrams, charNgramsNormalised, normaliseText, tokenize, tokenizeNormalised } from './tokenize';

describe('tokenize', () => {
  it('segments Chinese into words and drops punctuation', () => {
    const words = tokenize('村干部违规发放补贴，群众反映强烈！');
    expect(words).toContain('村干部');
    expect(words).toContain('补贴');
    expect(words).not.toContain('，');
  });

  it('folds full-width Latin and case', () => {
    expect(tokenize('ＡＢＣ abc')).toEqual(['abc', 'abc']);
  });

  it('builds character bigrams over letters and digits only', () => {
    expect(charNgrams('宜良，县')).toEqual(['宜良', '良县']);
  });

  it('gives the same n-grams and words whether the text is normalised by the caller or not, for any text', () => {
    // The reference: code points of the normalised text, letters and digits only, every window of n joined.
    const reference = (text: string, n: number) => {
      const chars = [...normaliseText(text).replace(/[^\p{L}\p{N}]+/gu, '')];
      return chars.slice(0, Math.max(0, chars.length - n + 1)).map((_, i) => chars.slice(i, i + n).join(''));
    };
    const texts = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('宜良县𠀀村，ＡＢ１２', '北古城镇 村务公开！', ''));
    fc.assert(fc.property(texts, fc.integer({ min: 1, max: 4 }), (text, n) => {
      expect(charNgrams(text, n)).toEqual(reference(text, n));
      expect(charNgramsNormalised(normaliseText(text), n)).toEqual(reference(text, n));
      expect(tokenizeNormalised(normaliseText(text))).toEqual(tokenize(text));
    }), { numRuns: 300 });
  });
});
