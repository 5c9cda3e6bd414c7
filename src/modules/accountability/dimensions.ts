import type { DimensionSpec, Words } from '../analysis/dimensions';

/**
 * 问责方式 of 《中国共产党问责条例》 as the reference gives them (docs/reference/discipline-rules.md §3.4: the 2016
 * text's 第七条, verified from a secondary source; renumbered 第八条 in the 2019 revision — a number that reference
 * marks as recalled, to be checked against the official text).
 */
export const accountabilityFormWords: Readonly<Record<string, Words>> = {
  notice: ['通报', 'Circulated notice'],
  admonition: ['诫勉', 'Admonition'],
  organisationalAdjustment: ['组织调整或者组织处理', 'Organisational adjustment or handling'],
  disciplinarySanction: ['纪律处分', 'Disciplinary sanction'],
  inspection: ['检查', 'Self-examination'],
  reorganisation: ['改组', 'Reorganisation'],
};
export const targetTypeWords: Readonly<Record<string, Words>> = {
  person: ['领导干部（个人）', 'Leading cadre (person)'],
  organisation: ['党组织（单位）', 'Party organisation (unit)'],
};
export const basisKindWords: Readonly<Record<string, Words>> = {
  case: ['案件', 'Case'], finding: ['专项治理发现问题', 'Campaign finding'], text: ['其他依据', 'Other basis'],
};
/** Where the forms come from, as the reference cites it (never a number it does not give). */
export const FORMS_SOURCE_ZH = '《中国共产党问责条例》第七条（2016年版）；2019年修订后为第八条（条号待核对官方文本）';
export const FORMS_SOURCE_EN = 'CPC Accountability Regulations, art. 7 (2016 text); art. 8 after the 2019 revision (number to be checked against the official text)';

export const accountabilityDimensions: Record<string, DimensionSpec> = {
  accountabilityForm: { labelZh: '问责方式', labelEn: 'Accountability form', values: accountabilityFormWords },
  accountabilityTarget: { labelZh: '问责对象', labelEn: 'Accountability target', values: targetTypeWords },
};
