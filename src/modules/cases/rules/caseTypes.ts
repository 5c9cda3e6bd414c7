/**
 * Case types (案件类别) as an editable dictionary (table case_types): the office adds, renames or retires entries
 * without code. This file holds the built-in set the migration seeds the table with (caseTypes.test.ts checks the
 * two agree) and the checks on an edited dictionary. `economic` marks types that count as
 * 经济类案件 in the county statistics. The 八项规定 and 形式主义官僚主义 subtypes follow the categories of the CCDI
 * monthly bulletins (not part of the reference document: the office should compare them with the current
 * bulletin before use).
 */
import { z } from 'zod';
import { type DisciplineCode, disciplineCodes } from './disciplines';

export interface CaseType {
  code: string;
  parentCode: string | null;
  labelZh: string;
  labelEn: string;
  discipline?: DisciplineCode;
  economic: boolean;
  active: boolean;
}

export const caseTypeSchema = z.strictObject({
  code: z.string().regex(/^[a-z][A-Za-z0-9.]{1,63}$/),
  parentCode: z.string().nullable(),
  labelZh: z.string().trim().min(1).max(100),
  labelEn: z.string().trim().min(1).max(200),
  discipline: z.enum(disciplineCodes).optional(),
  economic: z.boolean(),
  active: z.boolean(),
});

const t = (code: string, parentCode: string | null, labelZh: string, labelEn: string,
  extra: Partial<Pick<CaseType, 'discipline' | 'economic'>> = {}): CaseType =>
  ({ code, parentCode, labelZh, labelEn, economic: false, active: true, ...extra });

const E = { economic: true };
const EIGHT = 'eightRules';
const HED = 'eightRules.hedonism';
const FB = 'eightRules.formalism';

export const caseTypeSeed: CaseType[] = [
  t('economic', null, '经济类', 'Economic', E),
  t('economic.embezzlement', 'economic', '贪污', 'Embezzlement', { ...E, discipline: 'dutyCrime' }),
  t('economic.bribeTaking', 'economic', '受贿', 'Taking bribes', { ...E, discipline: 'dutyCrime' }),
  t('economic.bribeGiving', 'economic', '行贿', 'Giving bribes', { ...E, discipline: 'dutyCrime' }),
  t('economic.misappropriation', 'economic', '挪用公款', 'Misappropriating public funds', { ...E, discipline: 'dutyCrime' }),
  t('economic.villageAssets', 'economic', '侵占、挪用村集体“三资”', 'Misusing village collective assets', { ...E, discipline: 'integrity' }),
  t('economic.falseClaims', 'economic', '虚报冒领、截留挪用惠民惠农资金', 'False claims on benefit funds', { ...E, discipline: 'masses' }),
  t('economic.giftsAndMoney', 'economic', '违规收受礼品礼金、消费卡', 'Accepting gifts or money in breach of rules', { ...E, discipline: 'integrity' }),
  t('economic.businessActivity', 'economic', '违规经商办企业、利益输送', 'Illicit business activity, benefit transfer', { ...E, discipline: 'integrity' }),
  t(EIGHT, null, '违反中央八项规定精神', 'Breach of the Eight-point Rules'),
  t(HED, EIGHT, '享乐主义、奢靡之风', 'Hedonism and extravagance'),
  t(`${HED}.gifts`, HED, '违规收送名贵特产和礼品礼金', 'Giving or taking valuable local products, gifts or money', { discipline: 'integrity' }),
  t(`${HED}.dining`, HED, '违规吃喝', 'Improper banqueting', { discipline: 'integrity' }),
  t(`${HED}.allowances`, HED, '违规发放津贴补贴或福利', 'Improper allowances or benefits', { discipline: 'integrity' }),
  t(`${HED}.travel`, HED, '公款旅游以及违规接受管理和服务对象等旅游活动安排', 'Publicly funded or client-paid tourism', { discipline: 'integrity' }),
  t(`${HED}.ceremonies`, HED, '违规操办婚丧喜庆事宜', 'Lavish weddings or funerals', { discipline: 'integrity' }),
  t(`${HED}.officialCars`, HED, '违规配备使用公务用车', 'Misuse of official cars', { discipline: 'integrity' }),
  t(`${HED}.buildings`, HED, '楼堂馆所违规问题', 'Office buildings in breach of rules', { discipline: 'integrity' }),
  t(`${HED}.reception`, HED, '提供或接受超标准接待', 'Receptions above the standard', { discipline: 'integrity' }),
  t(`${HED}.privateClubs`, HED, '违规出入私人会所', 'Frequenting private clubs', { discipline: 'integrity' }),
  t(`${HED}.other`, HED, '其他享乐主义、奢靡之风问题', 'Other hedonism and extravagance'),
  t(FB, EIGHT, '形式主义、官僚主义', 'Formalism and bureaucratism', { discipline: 'work' }),
  t(`${FB}.policyImplementation`, FB, '贯彻党中央重大决策部署有令不行、有禁不止，表态多调门高、行动少落实差',
    'Not implementing major central decisions, empty pledges', { discipline: 'work' }),
  t(`${FB}.dutyPerformance`, FB, '在履职尽责、服务经济社会发展和生态环境保护方面不担当、不作为、乱作为、假作为',
    'Inaction or misconduct in duties and development', { discipline: 'work' }),
  t(`${FB}.servingMasses`, FB, '在联系服务群众中消极应付、冷硬横推、效率低下', 'Cold, obstructive or slow service to the public', { discipline: 'masses' }),
  t(`${FB}.meetingsAndPaperwork`, FB, '文山会海反弹回潮，督查检查考核过多过频、过度留痕，给基层造成负担',
    'Excess meetings, documents and inspections burdening grassroots', { discipline: 'work' }),
  t('discipline.political', null, '违反政治纪律', 'Political discipline', { discipline: 'political' }),
  t('discipline.organisational', null, '违反组织纪律', 'Organisational discipline', { discipline: 'organisational' }),
  t('discipline.masses', null, '侵害群众利益（群众纪律）', 'Harming the public (discipline towards the masses)', { discipline: 'masses' }),
  t('discipline.work', null, '违反工作纪律', 'Work discipline', { discipline: 'work' }),
  t('discipline.life', null, '违反生活纪律', 'Life discipline', { discipline: 'life' }),
  t('duty.abuseOfPower', null, '滥用职权', 'Abuse of power', { discipline: 'dutyViolation' }),
  t('duty.neglect', null, '玩忽职守', 'Neglect of duty', { discipline: 'dutyViolation' }),
  t('duty.favouritism', null, '徇私舞弊', 'Favouritism and fraud', { discipline: 'dutyViolation' }),
];

export type CaseTypeIssue = { index: number; code: string; key: 'cases.caseType.invalid' | 'cases.caseType.duplicate' | 'cases.caseType.unknownParent' | 'cases.caseType.cycle' };

/** Checks an edited dictionary: valid rows, unique codes, parents that exist, no cycles. Empty = fine. */
export function checkCaseTypeDictionary(rows: readonly CaseType[]): CaseTypeIssue[] {
  const issues: CaseTypeIssue[] = [];
  const byCode = new Map<string, CaseType>();
  rows.forEach((row, index) => {
    if (!caseTypeSchema.safeParse(row).success) issues.push({ index, code: String(row?.code), key: 'cases.caseType.invalid' });
    else if (byCode.has(row.code)) issues.push({ index, code: row.code, key: 'cases.caseType.duplicate' });
    else byCode.set(row.code, row);
  });
  rows.forEach((row, index) => {
    if (!row?.parentCode) return;
    if (!byCode.has(row.parentCode)) {
      issues.push({ index, code: row.code, key: 'cases.caseType.unknownParent' });
      return;
    }
    const seen = new Set([row.code]);
    for (let p: string | null = row.parentCode; p; p = byCode.get(p)?.parentCode ?? null) {
      if (seen.has(p)) {
        issues.push({ index, code: row.code, key: 'cases.caseType.cycle' });
        break;
      }
      seen.add(p);
    }
  });
  return issues;
}

/** Whether a case type (or one of its ancestors) is economic. */
export function isEconomicType(rows: readonly CaseType[], code: string): boolean {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const seen = new Set<string>();
  for (let c: string | null = code; c && !seen.has(c); c = byCode.get(c)?.parentCode ?? null) {
    seen.add(c);
    if (byCode.get(c)?.economic) return true;
  }
  return false;
}
