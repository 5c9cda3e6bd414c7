import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { DimensionSpec, Words } from '../analysis/dimensions';
import { penaltyDiscretionHitCodes } from './hitCodes';

/** The words of 行政处罚自由裁量: tiers, kinds, party types; the department and rule breakdowns of the figures. */
export const tierWordsZhEn: Readonly<Record<string, Words>> = {
  none: ['不予处罚', 'No penalty'], mitigated: ['减轻', 'Mitigated'], lenient: ['从轻', 'Lenient'], ordinary: ['一般', 'Ordinary'], aggravated: ['从重', 'Aggravated'],
};
export const kindWordsZhEn: Readonly<Record<string, Words>> = {
  warning: ['警告', 'Warning'], confiscation: ['没收违法所得', 'Confiscation of illegal gains'], suspension: ['责令停产停业', 'Order to suspend business'],
  licenceSuspended: ['暂扣许可证', 'Licence suspended'], licenceRevoked: ['吊销许可证', 'Licence revoked'],
};
export const partyTypeWords: Readonly<Record<string, Words>> = { individual: ['个人', 'Individual'], organisation: ['单位', 'Organisation'] };

/** Department names of the area, keyed by unit code (figures break down by the department that decided). */
async function departmentNames(db: Kysely<DB>, areaCode: string): Promise<Record<string, Words>> {
  const rows = await db.selectFrom('units').select(['code', 'name']).where('county_code', 'like', `${areaCode}%`).execute();
  return Object.fromEntries(rows.map((r) => [r.code, [r.name, r.name] as const]));
}

export const penaltyDimensions: Record<string, DimensionSpec> = {
  penaltyDepartment: { labelZh: '执法部门', labelEn: 'Enforcement department', lookup: departmentNames },
  penaltyRule: { labelZh: '预警规则', labelEn: 'Rule', values: Object.fromEntries(Object.entries(penaltyDiscretionHitCodes).map(([k, v]) => [k, [v.zh, v.en] as const])) },
  penaltyTier: { labelZh: '裁量阶次', labelEn: 'Discretion tier', values: tierWordsZhEn },
};
