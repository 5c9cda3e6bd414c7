/**
 * The violations a case can be about: the six disciplines (chapters 6–11 of 纪律处分条例 2023 第二编), duty
 * violations (职务违法) and duty crimes (职务犯罪), each tied to a named regulation version and an article range.
 * Article numbers change between versions (2015, 2018, 2023), so a reference is always (regulation, version,
 * article), never a bare number. Ranges and their confidence per discipline-rules.md §1.4; the reference gives
 * no ranges for duty violations and crimes, so those are recalled [R] and must be checked against the texts.
 * The editable case-type dictionary seed is in ./caseTypes.
 */
import { type Confidence, articleZh } from './violations';

export const disciplineCodes = [
  'political', 'organisational', 'integrity', 'masses', 'work', 'life', 'dutyViolation', 'dutyCrime',
] as const;
export type DisciplineCode = (typeof disciplineCodes)[number];

export interface Regulation {
  id: 'cpcDisciplinary2023' | 'adminSanctions2020' | 'criminalLaw';
  labelZh: string;
  labelEn: string;
  /** Version as cited, e.g. '2023'. */
  version: string;
  inForce: string;
}

export const regulations: Record<Regulation['id'], Regulation> = {
  cpcDisciplinary2023: { id: 'cpcDisciplinary2023', labelZh: '中国共产党纪律处分条例', labelEn: 'CPC Disciplinary Regulations',
    version: '2023', inForce: '2024-01-01' },
  adminSanctions2020: { id: 'adminSanctions2020', labelZh: '中华人民共和国公职人员政务处分法',
    labelEn: 'Public Officials Administrative Sanctions Law', version: '2020', inForce: '2020-07-01' },
  criminalLaw: { id: 'criminalLaw', labelZh: '中华人民共和国刑法', labelEn: 'Criminal Law of the PRC',
    version: '现行', inForce: '' },
};

export interface ArticleRange {
  from: number;
  to: number;
  /** Confidence of each boundary separately: the reference often verifies the start but infers the end. */
  fromConfidence: Confidence;
  toConfidence: Confidence;
}

export interface Discipline {
  code: DisciplineCode;
  labelZh: string;
  labelEn: string;
  regulation: Regulation['id'];
  /** Chapter heading as printed. */
  chapter: string;
  ranges: ArticleRange[];
  note: string;
}

const r = (from: number, to: number, fromConfidence: Confidence, toConfidence: Confidence): ArticleRange =>
  ({ from, to, fromConfidence, toConfidence });

export const disciplines: Discipline[] = [
  { code: 'political', labelZh: '违反政治纪律', labelEn: 'Political discipline', regulation: 'cpcDisciplinary2023',
    chapter: '第二编第六章', ranges: [r(50, 76, 'V', 'R')], note: '起始条 [V]；终止条由相邻章推定 [R]' },
  { code: 'organisational', labelZh: '违反组织纪律', labelEn: 'Organisational discipline', regulation: 'cpcDisciplinary2023',
    chapter: '第二编第七章', ranges: [r(77, 93, 'S', 'R')], note: '第七十七条、第八十九至九十三条属本章 [S]；边界 [R]' },
  { code: 'integrity', labelZh: '违反廉洁纪律', labelEn: 'Integrity discipline', regulation: 'cpcDisciplinary2023',
    chapter: '第二编第八章', ranges: [r(94, 121, 'R', 'R')], note: '第一百一十一至一百一十五条属本章 [S]；边界 [R]' },
  { code: 'masses', labelZh: '违反群众纪律', labelEn: 'Discipline towards the masses', regulation: 'cpcDisciplinary2023',
    chapter: '第二编第九章', ranges: [r(122, 129, 'S', 'R')], note: '起始条第一百二十二条 [S]；终止条约为第一百二十九条 [R]' },
  { code: 'work', labelZh: '违反工作纪律', labelEn: 'Work discipline', regulation: 'cpcDisciplinary2023',
    chapter: '第二编第十章', ranges: [r(130, 149, 'R', 'R')], note: '含第一百三十三条（餐饮浪费）[S]；边界 [R]' },
  { code: 'life', labelZh: '违反生活纪律', labelEn: 'Life discipline', regulation: 'cpcDisciplinary2023',
    chapter: '第二编第十一章', ranges: [r(150, 154, 'S', 'S')], note: '本章共5条 [S]' },
  { code: 'dutyViolation', labelZh: '职务违法', labelEn: 'Duty-related violation', regulation: 'adminSanctions2020',
    chapter: '第三章 违法行为及其适用的政务处分', ranges: [r(28, 41, 'R', 'R')],
    note: '参考资料未给出条文范围，按记忆录入 [R]，须核对原文；类型见检举控告工作规则第四条：贪污贿赂、滥用职权、玩忽职守、权力寻租、利益输送、徇私舞弊、浪费国家资财' },
  { code: 'dutyCrime', labelZh: '职务犯罪', labelEn: 'Duty-related crime', regulation: 'criminalLaw',
    chapter: '分则第八章 贪污贿赂罪；第九章 渎职罪', ranges: [r(382, 396, 'R', 'R'), r(397, 419, 'R', 'R')],
    note: '参考资料未给出条文范围，按记忆录入 [R]，须核对原文' },
];

export function disciplineByCode(code: DisciplineCode): Discipline {
  const d = disciplines.find((x) => x.code === code);
  if (!d) throw new RangeError(`Unknown discipline: ${code}`);
  return d;
}

/** The discipline whose chapter contains the article of that regulation, or undefined (e.g. 总则 articles). */
export function disciplineForArticle(regulation: Regulation['id'], article: number): Discipline | undefined {
  return disciplines.find((d) => d.regulation === regulation && d.ranges.some((x) => article >= x.from && article <= x.to));
}

export interface ArticleRef {
  regulation: Regulation['id'];
  article: number;
  /** 款 (paragraph) and 项 (item), when cited. */
  paragraph?: number;
  item?: number;
}

/** 'XX条例（2023）第一百三十三条第一款' — how documents cite a violated article. */
export function formatArticleRef(ref: ArticleRef): string {
  const reg = regulations[ref.regulation];
  const version = reg.version === '现行' ? '' : `（${reg.version}）`;
  let out = `《${reg.labelZh}》${version}${articleZh(ref.article)}`;
  if (ref.paragraph) out += `第${articleZh(ref.paragraph).slice(1, -1)}款`;
  if (ref.item) out += `第（${articleZh(ref.item).slice(1, -1)}）项`;
  return out;
}
