import { RANK_WORDS, type DimensionSpec, type Words } from '../analysis/dimensions';
import { dictionaryNames, englishName, type Dictionary } from './dictionaries';

/**
 * How the breakdowns of the intake figures read (举报方式, 举报类型, 实名/匿名, 被反映人职级, 反映问题, 领域 ...),
 * the dimensions county reports analyse 信访举报 by. Township is the shared dimension of analysis/dimensions.ts.
 */
const channelWords: Record<string, Words> = {
  letter: ['来信', 'Letter'], visit: ['来访', 'Visit'], phone: ['来电', 'Phone'], online: ['网络举报', 'Online'], '12388': ['12388', '12388'],
  referral: ['上级转交办', 'Referred from above'], inspection: ['监督检查发现', 'Found by inspection'], monitoringPoint: ['政风行风监测点', 'Monitoring point'],
};
const kindWords: Record<string, Words> = {
  accusation: ['检举控告', 'Accusation'], suggestion: ['批评建议', 'Criticism or suggestion'], appeal: ['申诉', 'Appeal'],
  outOfRemit: ['业务范围外', 'Outside remit'], noSubstance: ['无实质内容', 'No substance'], efficiency: ['效能投诉', 'Efficiency complaint'],
};

/** 六项纪律 and 职务违法/职务犯罪 (glossary `discipline`, `dutyViolation`, `dutyCrime`) as triage writes them. */
const disciplineWords: Record<string, Words> = Object.fromEntries(([
  ['违反政治纪律', 'Political discipline'], ['违反组织纪律', 'Organisational discipline'], ['违反廉洁纪律', 'Integrity discipline'],
  ['违反群众纪律', 'Discipline towards the masses'], ['违反工作纪律', 'Work discipline'], ['违反生活纪律', 'Personal-life discipline'],
  ['职务违法', 'Duty-related violation'], ['职务犯罪', 'Duty-related crime'],
] as const).map(([zh, en]) => [zh, [zh, en] as const]));

const fromDictionary = (dictionary: Dictionary): DimensionSpec['lookup'] => async (db, areaCode) =>
  Object.fromEntries(Object.entries(await dictionaryNames(db, dictionary, areaCode)).map(([code, name]) => [code, [name, englishName(dictionary, code, name)] as const]));

export const reportDimensions: Record<string, DimensionSpec> = {
  channel: { labelZh: '举报方式', labelEn: 'Channel', values: channelWords },
  kind: { labelZh: '举报类型', labelEn: 'Kind', values: kindWords },
  identified: { labelZh: '实名与匿名', labelEn: 'Real name or anonymous', values: { true: ['实名', 'Real name'], false: ['匿名', 'Anonymous'] } },
  accusedRank: { labelZh: '被反映人职级', labelEn: 'Rank of the accused', values: RANK_WORDS, unknown: ['未确定职级', 'Rank not determined'] },
  // The violated discipline as triage recorded it: the key is already the Chinese words; the common ones get English.
  category: { labelZh: '反映问题类别', labelEn: 'Problem raised', values: disciplineWords, unknown: ['未分类', 'Not classified'] },
  efficiencyCategory: { labelZh: '效能投诉类别', labelEn: 'Efficiency category', lookup: fromDictionary('efficiencyCategory'), unknown: ['未分类', 'Not classified'] },
  sector: { labelZh: '领域', labelEn: 'Sector', lookup: fromDictionary('sector'), unknown: ['未标注领域', 'No sector'] },
};
