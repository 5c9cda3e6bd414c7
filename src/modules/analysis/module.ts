import type { ServerModule } from '../module';
import { reportRoutes } from './report/reportRoutes';
import { analysisRoutes } from './routes';

export const analysisModule: ServerModule = {
  name: 'analysis',
  routes: [...analysisRoutes, ...reportRoutes],
  permissions: [
    { code: 'analysis.read', group: 'analysis', labelZh: '查看形势分析与统计', labelEn: 'View the situation analysis' },
    { code: 'analysis.report', group: 'analysis', labelZh: '生成季度形势分析报告', labelEn: 'Generate the quarterly report' },
  ],
  messages: {
    zh: { 'analysis.period.invalid': '{field}无效，应为 2026Q1、2026H1、2026M01-09、2026 或 2026-01-01..2026-03-31', 'analysis.metric': '统计指标', 'analysis.report': '形势分析报告' },
    en: { 'analysis.period.invalid': '{field} is invalid: use 2026Q1, 2026H1, 2026M01-09, 2026 or 2026-01-01..2026-03-31', 'analysis.metric': 'Metric', 'analysis.report': 'Situation analysis report' },
    fieldLabelsZh: { period: '统计期间' },
    fieldLabelsEn: { period: 'period' },
  },
};
