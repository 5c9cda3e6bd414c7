import { api } from '../../../web/api/client';

/** The prevention API's shapes (src/modules/prevention/routes.ts). */
export type RuleArea = 'partyAffairs' | 'construction' | 'funds' | 'personnel' | 'approval' | 'other';
export type RuleStatus = 'current' | 'revised' | 'repealed';
export type RiskLevel = 'high' | 'medium' | 'low';
export const ruleAreas: RuleArea[] = ['partyAffairs', 'construction', 'funds', 'personnel', 'approval', 'other'];
export const ruleStatuses: RuleStatus[] = ['current', 'revised', 'repealed'];
export const riskLevels: RiskLevel[] = ['high', 'medium', 'low'];

export interface Rule {
  id: string; title: string; documentNo: string; issuingUnit: string; issuedOn: string; ruleArea: RuleArea; ruleStatus: RuleStatus; ruleSummary: string | null;
  createdAt: string; updatedAt: string;
}
export interface RuleInput { title: string; documentNo: string; issuingUnit: string; issuedOn: string; ruleArea: RuleArea; ruleSummary?: string }
export interface RiskPoint {
  id: string; unitId: string; unitName: string; unitKind: string; townshipCode: string | null; townshipName: string | null; post: string; riskDescription: string;
  riskLevel: RiskLevel; controlMeasures: string; responsiblePerson: string; reviewedOn: string; updatedAt: string;
}
export interface RiskInput { unitId: string; post: string; riskDescription: string; riskLevel: RiskLevel; controlMeasures: string; responsiblePerson: string; reviewedOn: string }
export type Counts = Record<RiskLevel, number>;
export interface RiskChart { total: number; byLevel: Array<{ level: RiskLevel; n: number }>; byPlace: Array<{ key: string; name: string; kind: 'township' | 'unit'; counts: Counts }> }
export interface ListPage<T> { items: T[]; total: number; page: number; pageSize: number }
export interface RuleFilter { ruleArea?: RuleArea; ruleStatus?: RuleStatus; year?: number; q?: string }
export interface RiskFilter { riskLevel?: RiskLevel; township?: string; q?: string }

export const preventionKeys = {
  all: ['prevention'] as const,
  rules: (f: object) => ['prevention', 'rules', f] as const,
  risks: (f: object) => ['prevention', 'risks', f] as const,
  chart: (f: object) => ['prevention', 'chart', f] as const,
};

const enc = encodeURIComponent;
export const preventionApi = {
  rules: (f: RuleFilter & { page: number; pageSize: number }) => api.get<ListPage<Rule>>('/prevention/rules', { ...f }),
  addRule: (body: RuleInput) => api.post<Rule>('/prevention/rules', body),
  editRule: (id: string, body: Partial<RuleInput>) => api.patch<Rule>(`/prevention/rules/${enc(id)}`, body),
  setStatus: (id: string, ruleStatus: RuleStatus) => api.post<Rule>(`/prevention/rules/${enc(id)}/status`, { ruleStatus }),
  risks: (f: RiskFilter & { page: number; pageSize: number }) => api.get<ListPage<RiskPoint>>('/prevention/risk-points', { ...f }),
  chart: (f: RiskFilter) => api.get<RiskChart>('/prevention/risk-points/chart', { ...f }),
  addRisk: (body: RiskInput) => api.post<RiskPoint>('/prevention/risk-points', body),
  editRisk: (id: string, body: Partial<RiskInput>) => api.patch<RiskPoint>(`/prevention/risk-points/${enc(id)}`, body),
};
