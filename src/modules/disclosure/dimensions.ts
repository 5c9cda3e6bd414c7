import type { DimensionSpec } from '../analysis/dimensions';
import { checkResultWords, disclosureKindWords } from './words';

export const disclosureDimensions: Record<string, DimensionSpec> = {
  disclosureKind: { labelZh: '公开类别', labelEn: 'Disclosure kind', values: disclosureKindWords },
  checkResult: { labelZh: '检查结果', labelEn: 'Check result', values: checkResultWords },
};
