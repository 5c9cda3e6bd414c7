import type { ServerModule } from '../module';
import { sharedDimensions } from './dimensions';
import { reportRoutes } from './report/reportRoutes';
import { templateRoutes } from './report/templateRoutes';
import { analysisRoutes } from './routes';

export const analysisModule: ServerModule = {
  name: 'analysis',
  routes: [...analysisRoutes, ...reportRoutes, ...templateRoutes],
  dimensions: sharedDimensions,
  permissions: [
    { code: 'analysis.read', group: 'analysis', labelZh: '查看形势分析与统计', labelEn: 'View the situation analysis' },
    { code: 'analysis.report', group: 'analysis', labelZh: '生成季度形势分析报告', labelEn: 'Generate the quarterly report' },
  ],
  messages: {
    zh: { 'analysis.period.invalid': '{field}无效，应为 2026Q1、2026H1、2026M01-09、2026 或 2026-01-01..2026-03-31', 'analysis.metric': '统计指标', 'analysis.report': '形势分析报告', 'analysis.template.unknownMetric': '{field}引用了不存在的统计指标：{keys}' },
    en: { 'analysis.period.invalid': '{field} is invalid: use 2026Q1, 2026H1, 2026M01-09, 2026 or 2026-01-01..2026-03-31', 'analysis.metric': 'Metric', 'analysis.report': 'Situation analysis report', 'analysis.template.unknownMetric': '{field} refers to unknown metrics: {keys}' },
    fieldLabelsZh: { period: '统计期间', paragraphs: '报告段落模板' },
    fieldLabelsEn: { period: 'period', paragraphs: 'report paragraphs' },
  },
};
