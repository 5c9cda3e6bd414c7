import type { DimensionSpec, Words } from '../analysis/dimensions';
import { villageAssetsHitCodes } from './hitCodes';
import { directionWords } from './words';

/** The breakdowns of the village figures: the anomaly rule, and income or expense. Township is shared. */
export const villageRuleWords: Readonly<Record<string, Words>> = Object.fromEntries(Object.entries(villageAssetsHitCodes).map(([k, v]) => [k, [v.zh, v.en] as const]));

export const villageAssetsDimensions: Record<string, DimensionSpec> = {
  villageRule: { labelZh: '三资异常规则', labelEn: 'Village ledger rule', values: villageRuleWords },
  fundDirection: { labelZh: '收支', labelEn: 'Income or expense', values: directionWords },
};
