import type { Locale, TFunction } from '../../../web/i18n';
import type { ChartText } from './processCharts';

export const chartText = (t: TFunction, locale: Locale): ChartText => ({
  bid: t('risk.ui.chart.bid'), winner: t('risk.ui.chart.winner'), estimate: t('risk.ui.chart.estimate'), mean: t('risk.ui.chart.mean'),
  paid: t('risk.ui.chart.paid'), contractValue: t('risk.ui.chart.contractValue'), progress: t('risk.ui.chart.progress'), yuan: locale === 'en' ? 'CNY' : '元', zh: locale !== 'en',
});
