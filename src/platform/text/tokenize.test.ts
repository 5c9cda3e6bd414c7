import { describe, expect, it } from 'vitest';
import { charNgrams, tokenize } from './tokenize';

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
});
