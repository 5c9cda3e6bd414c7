import type { DimensionSpec, Words } from '../analysis/dimensions';

/** 问题类别 of the construction-project campaign: the speech's four areas (建设程序、征地拆迁、招标投标、工程监管) and other. */
export const findingCategoryWords: Readonly<Record<string, Words>> = {
  constructionProcedure: ['建设程序', 'Construction procedure'],
  landAcquisition: ['征地拆迁', 'Land acquisition and demolition'],
  tendering: ['招标投标', 'Tendering'],
  supervision: ['工程监管', 'Works supervision'],
  other: ['其他', 'Other'],
  none: ['未发现问题', 'No problem found'],
};

export const campaignDimensions: Record<string, DimensionSpec> = {
  findingCategory: { labelZh: '问题类别', labelEn: 'Problem category', values: findingCategoryWords },
};
