import { describe, expect, it } from 'vitest';
import { minhash, rankCandidates, similarity } from './repeats';

describe('repeat candidates', () => {
  const pool = [
    { id: 'a', title: '反映某村支书在低保评定中优亲厚友', content: '村支书把低保名额给了自己的亲戚，群众意见很大', accusedName: null, accusedUnit: null },
    { id: 'b', title: '道路工程质量差', content: '新修的村道不到半年就开裂了', accusedName: '孙某某', accusedUnit: '县交通运输局' },
    { id: 'c', title: '建议增加公交班次', content: '希望增加县城到乡镇的公交车', accusedName: null, accusedUnit: null },
  ];

  it('finds the same matter from text and the same accused from name and unit', () => {
    const got = rankCandidates({ title: '村支书低保评定优亲厚友', content: '低保名额给了村支书自己的亲戚，群众很有意见', accusedName: null, accusedUnit: null }, pool);
    expect(got[0]).toMatchObject({ id: 'a', reasons: ['similarText'] });
    expect(got.map((c) => c.id)).not.toContain('c');
    const byName = rankCandidates({ title: '其他问题', content: '公车私用', accusedName: '孙某某', accusedUnit: '交通运输局' }, pool);
    expect(byName).toEqual([expect.objectContaining({ id: 'b', reasons: ['sameAccused'] })]);
    expect(rankCandidates({ title: '其他问题', content: '公车私用', accusedName: '孙某某', accusedUnit: '县教育体育局' }, pool)).toEqual([]);
  });

  it('estimates similarity: identical texts 1, unrelated texts near 0', () => {
    const x = minhash('反映某村支书在低保评定中优亲厚友');
    expect(similarity(x, minhash('反映某村支书在低保评定中优亲厚友'))).toBe(1);
    expect(similarity(x, minhash('建议增加县城到乡镇的公交车班次'))).toBeLessThan(0.2);
  });
});
