import type { DimensionSpec } from '../analysis/dimensions';

/** How the breakdowns of the clue and case figures read; rank and township are shared (analysis/dimensions.ts). */
export const caseDimensions: Record<string, DimensionSpec> = {
  disposal: {
    labelZh: '处置方式', labelEn: 'Disposal',
    values: { inquiry: ['谈话函询', 'Talk or letter of inquiry'], verification: ['初步核实', 'Preliminary verification'], shelved: ['暂存待查', 'Shelved'], closed: ['予以了结', 'Closed'] },
  },
  // The office's case-type dictionary (one per database), read when a breakdown is labelled.
  caseType: {
    labelZh: '案件类别', labelEn: 'Case type',
    lookup: async (db) => Object.fromEntries((await db.selectFrom('case_types').select(['code', 'label_zh', 'label_en']).execute()).map((t) => [t.code, [t.label_zh, t.label_en] as const])),
  },
};
