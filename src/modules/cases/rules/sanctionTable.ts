/**
 * The sanction kinds and their statutory data: party sanctions (纪律处分条例 2023 第八条, ordered by severity)
 * and administrative sanctions (公职人员政务处分法 第七条), with influence periods, consequences and the article
 * each rests on (discipline-rules.md §1.1–1.2, §2). Data only; the arithmetic is in ./sanctions.
 */
import type { Confidence } from './violations';

export const partySanctionKinds = ['warning', 'seriousWarning', 'removalFromPartyPost', 'probation', 'expulsion'] as const;
export type PartySanctionKind = (typeof partySanctionKinds)[number];
export const adminSanctionKinds = ['warning', 'demerit', 'majorDemerit', 'demotion', 'dismissalFromPost', 'expulsion'] as const;
export type AdminSanctionKind = (typeof adminSanctionKinds)[number];

export interface PartySanction {
  track: 'party';
  kind: PartySanctionKind;
  /** 留党察看 term: 12 or 24 months (第十二条). */
  probationMonths?: 12 | 24;
  /** 严重警告 given instead of 撤销党内职务 to a member without party posts: the 2-year restriction applies (第十一条). */
  insteadOfRemoval?: boolean;
}

export interface AdminSanction {
  track: 'admin';
  kind: AdminSanctionKind;
  /** A combined period chosen under 政务处分法 第十五条 (between one period and the sum, ≤ 48); else the standard one. */
  months?: number;
}

export type Sanction = PartySanction | AdminSanction;

export interface SanctionInfo {
  labelZh: string;
  labelEn: string;
  /** light = 轻处分 (四种形态 second form), heavy = 重处分 (third form). */
  weight: 'light' | 'heavy';
  /** Influence period in months; null where there is none (开除) or it depends on the term (留党察看). */
  months: number | null;
  consequenceZh: string;
  consequenceEn: string;
  source: string;
  confidence: Confidence;
}

const CPC = '纪律处分条例（2023）';
const ZW = '公职人员政务处分法';

const info = (labelZh: string, labelEn: string, weight: 'light' | 'heavy', months: number | null, source: string,
  confidence: Confidence, consequenceZh: string, consequenceEn: string): SanctionInfo =>
  ({ labelZh, labelEn, weight, months, source, confidence, consequenceZh, consequenceEn });

const ADMIN_LIGHT_ZH = '处分期内不得晋升职务、职级、衔级和级别';
const ADMIN_LIGHT_EN = 'No promotion in post, grade, rank or level during the period';

export const partySanctionInfo: Record<PartySanctionKind, SanctionInfo> = {
  warning: info('警告', 'Warning', 'light', 12, `${CPC} 第十条`, 'V',
    '一年内不得在党内提拔职务或者进一步使用，不得向党外组织推荐担任高于其原任职务的党外职务或者进一步使用',
    'For one year no promotion or further use in the party, and no recommendation to a higher non-party post'),
  seriousWarning: info('严重警告', 'Serious warning', 'light', 18, `${CPC} 第十条`, 'V',
    '一年半内不得在党内提拔职务或者进一步使用，不得向党外组织推荐担任高于其原任职务的党外职务或者进一步使用',
    'For 18 months no promotion or further use in the party, and no recommendation to a higher non-party post'),
  removalFromPartyPost: info('撤销党内职务', 'Removal from party posts', 'heavy', 24, `${CPC} 第十一条`, 'S',
    '撤销党内职务；二年内不得在党内担任和向党外组织推荐担任与其原任职务相当或者高于其原任职务的职务',
    'Party posts removed; for two years no equal or higher post in or outside the party'),
  probation: info('留党察看', 'Probation within the party', 'heavy', null, `${CPC} 第十二条（条号待核）`, 'S',
    '察看期一年或二年，无表决权、选举权和被选举权，党内职务自然撤销；恢复党员权利后二年内不得担任相当或更高职务',
    'A one- or two-year term without the rights to vote, elect or be elected; party posts lapse; two years after restoration without an equal or higher post'),
  expulsion: info('开除党籍', 'Expulsion from the party', 'heavy', null, `${CPC} 第十三条（条号待核）`, 'S',
    '五年内不得重新入党', 'No re-admission for five years'),
};

export const adminSanctionInfo: Record<AdminSanctionKind, SanctionInfo> = {
  warning: info('警告', 'Warning', 'light', 6, `${ZW} 第八条、第十九条`, 'V', ADMIN_LIGHT_ZH, ADMIN_LIGHT_EN),
  demerit: info('记过', 'Demerit', 'light', 12, `${ZW} 第八条、第十九条`, 'V',
    `${ADMIN_LIGHT_ZH}，不得晋升工资档次`, `${ADMIN_LIGHT_EN}, and no pay step-up`),
  majorDemerit: info('记大过', 'Major demerit', 'light', 18, `${ZW} 第八条、第十九条`, 'V',
    `${ADMIN_LIGHT_ZH}，不得晋升工资档次`, `${ADMIN_LIGHT_EN}, and no pay step-up`),
  demotion: info('降级', 'Demotion', 'heavy', 24, `${ZW} 第八条、第十九条、第二十六条`, 'V',
    '降低级别和工资；处分期内不得晋升；解除后不恢复原级别',
    'Level and pay lowered; no promotion during the period; the old level is not restored afterwards'),
  dismissalFromPost: info('撤职', 'Dismissal from post', 'heavy', 24, `${ZW} 第八条、第十九条、第二十六条`, 'V',
    '降低职务、职级、衔级和级别，同时降低工资待遇；解除后不恢复原职务',
    'Post, grade, rank, level and pay lowered; the old post is not restored afterwards'),
  expulsion: info('开除', 'Expulsion from public employment', 'heavy', null, `${ZW} 第八条、第二十四条`, 'V',
    '无处分期；不得录用为公务员以及参照公务员法管理的人员', 'No period; may not be employed as a civil servant afterwards'),
};
