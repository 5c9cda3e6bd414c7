import { describe, expect, it } from 'vitest';
import { type CaseType, caseTypeSeed, checkCaseTypeDictionary, isEconomicType } from './caseTypes';
import { disciplineForArticle, disciplines, formatArticleRef } from './disciplines';
import { chineseNumeral } from './violations';

describe('six disciplines on 纪律处分条例 2023', () => {
  it.each([
    [50, 'political'], // 第六章 starts at 第五十条 [V]
    [77, 'organisational'], // 违反民主集中制 [S]
    [113, 'integrity'],
    [122, 'masses'], // 第九章 starts at 第一百二十二条 [S]
    [133, 'work'], // 餐饮浪费 [S]
    [150, 'life'],
    [154, 'life'], // 第十一章共5条
  ])('第%i条 → %s', (article, code) => {
    expect(disciplineForArticle('cpcDisciplinary2023', article)?.code).toBe(code);
  });

  it('总则 and 附则 articles belong to no discipline; a bare number of another regulation does not match', () => {
    expect(disciplineForArticle('cpcDisciplinary2023', 24)).toBeUndefined();
    expect(disciplineForArticle('cpcDisciplinary2023', 158)).toBeUndefined();
    expect(disciplineForArticle('adminSanctions2020', 50)).toBeUndefined();
  });

  it('the chapters of 第二编 are contiguous from 第五十条 to 第一百五十四条', () => {
    const six = disciplines.filter((d) => d.regulation === 'cpcDisciplinary2023').flatMap((d) => d.ranges);
    expect(six[0].from).toBe(50);
    for (let i = 1; i < six.length; i++) expect(six[i].from).toBe(six[i - 1].to + 1);
    expect(six[six.length - 1].to).toBe(154);
  });

  it('duty violations and crimes are tied to their laws', () => {
    expect(disciplineForArticle('adminSanctions2020', 33)?.code).toBe('dutyViolation');
    expect(disciplineForArticle('criminalLaw', 385)?.code).toBe('dutyCrime');
    expect(disciplineForArticle('criminalLaw', 397)?.code).toBe('dutyCrime');
  });

  it('cites articles the way documents do', () => {
    expect(formatArticleRef({ regulation: 'cpcDisciplinary2023', article: 133 })).toBe('《中国共产党纪律处分条例》（2023）第一百三十三条');
    expect(formatArticleRef({ regulation: 'adminSanctions2020', article: 22, paragraph: 1, item: 3 })).toBe('《中华人民共和国公职人员政务处分法》（2020）第二十二条第一款第（三）项');
  });

  it.each([
    [1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [101, '一百零一'], [110, '一百一十'], [158, '一百五十八'], [203, '二百零三'], [285, '二百八十五'],
  ])('chineseNumeral(%i) = %s', (n, s) => {
    expect(chineseNumeral(n)).toBe(s);
  });
});

describe('case-type dictionary', () => {
  it('the seed is a valid tree', () => {
    expect(checkCaseTypeDictionary(caseTypeSeed)).toEqual([]);
    expect(caseTypeSeed.filter((t) => t.parentCode === 'eightRules.formalism')).toHaveLength(4);
  });

  it('economic types are marked, including through the parent', () => {
    expect(isEconomicType(caseTypeSeed, 'economic.bribeTaking')).toBe(true);
    expect(isEconomicType(caseTypeSeed, 'eightRules.hedonism.gifts')).toBe(false);
    const edited: CaseType[] = [...caseTypeSeed, { code: 'economic.custom', parentCode: 'economic', labelZh: '自定义', labelEn: 'Custom', economic: false, active: true }];
    expect(isEconomicType(edited, 'economic.custom')).toBe(true);
  });

  it('an office edit with a duplicate, a missing parent or a cycle is refused', () => {
    const base = (code: string, parentCode: string | null): CaseType => ({ code, parentCode, labelZh: code, labelEn: code, economic: false, active: true });
    const issues = checkCaseTypeDictionary([base('aa', 'bb'), base('bb', 'aa'), base('cc', 'zz'), base('cc', null), base('X', null)]);
    expect(issues.map((i) => `${i.code}:${i.key}`)).toEqual([
      'cc:cases.caseType.duplicate', 'X:cases.caseType.invalid', 'aa:cases.caseType.cycle', 'bb:cases.caseType.cycle', 'cc:cases.caseType.unknownParent',
    ]);
  });
});
