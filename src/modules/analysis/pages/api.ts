import { api } from '../../../web/api/client';
import type { ReportTemplates } from '../report/templates';

export interface Breakdown { key: string; label: string; labelEn?: string; value: number; recordIds: string[] }
export type Metric =
  | { key: string; label: string; labelEn: string; unit: string; value: number; recordIds: string[]; breakdown?: Record<string, Breakdown[]> }
  | { key: string; label: string; labelEn: string; unit: string; unavailable: true };
export interface PeriodInfo { key: string; from: string; to: string; labelZh: string; labelEn: string; cumulative: boolean }
export interface MetricsAnswer { period: PeriodInfo; metrics: Record<string, Metric>; yoy?: { period: PeriodInfo; metrics: Record<string, Metric> } }
export interface CatalogueItem { key: string; module?: string; labelZh?: string; labelEn?: string; unit?: string; definitionZh?: string; definitionEn?: string;
  dimensions?: string[]; dimensionLabels?: Record<string, { labelZh: string; labelEn: string }>; available: boolean }
export interface RecordSummary { id: string; title: string; subtitle?: string; at?: string; link?: string }
export interface ReportListItem { id: string; periodKey: string; periodLabel: string; generatedAt: string; generatedBy: string | null }
export interface MetricChange { key: string; label: string; frozen: number | null; current: number | null; added: string[]; removed: string[] }

export const isAvailable = (m: Metric | undefined): m is Extract<Metric, { value: number }> => !!m && 'value' in m;

export const analysisApi = {
  catalogue: () => api.get<{ items: CatalogueItem[] }>('/analysis/catalogue'),
  metrics: (period: string, cumulative: boolean, compare: 'none' | 'yoy' = 'none', keys?: string[]) =>
    api.get<MetricsAnswer>('/analysis/metrics', { period, cumulative, compare, keys: keys?.join(',') }),
  records: (key: string, period: string, cumulative: boolean, dimension?: string, value?: string) =>
    api.get<{ key: string; recordType: string; total: number; items: RecordSummary[] }>(`/analysis/metrics/${key}/records`, { period, cumulative, dimension, value }),
  reports: () => api.get<{ items: ReportListItem[] }>('/analysis/reports'),
  generate: (period: string, cumulative: boolean, nextSteps?: string[]) => api.post<{ id: string }>('/analysis/reports', { period, cumulative, nextSteps }),
  templates: () => api.get<{ templates: ReportTemplates; defaults: ReportTemplates; metricKeys: string[] }>('/analysis/report-templates'),
  saveTemplates: (body: ReportTemplates) => api.put<{ templates: ReportTemplates }>('/analysis/report-templates', body),
  changes: (id: string) => api.get<{ items: MetricChange[] }>(`/analysis/reports/${id}/changes`),
};
