import { api, request } from '../../../web/api/client';

/** The penalty-discretion API's shapes (src/modules/penaltyDiscretion/routes.ts). */
export type Tier = 'none' | 'mitigated' | 'lenient' | 'ordinary' | 'aggravated';
export type PenaltyKind = 'warning' | 'confiscation' | 'suspension' | 'licenceSuspended' | 'licenceRevoked';
export const allTiers: Tier[] = ['none', 'mitigated', 'lenient', 'ordinary', 'aggravated'];
export const allKinds: PenaltyKind[] = ['warning', 'confiscation', 'suspension', 'licenceSuspended', 'licenceRevoked'];

export interface BenchmarkTier { tier: Tier; fineBasis: 'amount' | 'multiple'; fineMin: number; fineMax: number; penaltyKinds: PenaltyKind[]; circumstances: string | null }
export interface BenchmarkItem {
  id: string; departmentId: string; departmentName: string; itemCode: string; violation: string; legalBasis: string; penaltyBasis: string; demo: boolean; tiers: BenchmarkTier[];
}
export interface Decision {
  id: string; departmentId: string; departmentName: string; outcome: 'penalty' | 'closed'; documentNo: string; decidedOn: string; partyType: 'individual' | 'organisation';
  partyName: string; benchmarkItemId: string | null; itemCode: string | null; violation: string | null; discretionTier: Tier | null; discretionReason: string | null;
  fineAmount: number; penaltyKinds: PenaltyKind[]; illegalGains: number | null; firstOffence: boolean; legalReviewOn: string | null; fineDueOn: string | null;
  finePaidOn: string | null; enforcementOfficers: string[]; closureReason: string | null; flags: string[];
}
export interface Hit { id: string; code: string; status: string; strength: string; evidence: { rule: string; lawRef?: string; threshold: Record<string, unknown>; values: Record<string, unknown> } }
export interface DecisionDetail extends Decision { item: BenchmarkItem | null; hits: Hit[] }
export interface DecisionInput {
  departmentId: string; outcome: 'penalty' | 'closed'; penaltyDocumentNo: string; decidedOn: string; partyType: 'individual' | 'organisation'; partyName: string;
  benchmarkItemId?: string; discretionTier?: Tier; discretionReason?: string; fineAmount: number; penaltyKinds: PenaltyKind[]; illegalGains?: number; firstOffence: boolean;
  legalReviewOn?: string; fineDueOn?: string; finePaidOn?: string; enforcementOfficers: string[]; closureReason?: string;
}
export interface DecisionFilter { departmentId?: string; flagged?: 'true' | 'false'; outcome?: 'penalty' | 'closed'; year?: number; q?: string }
export interface ListPage<T> { items: T[]; total: number; page: number; pageSize: number }
export interface DepartmentRow { departmentId: string; departmentName: string; decisions: number; closed: number; flagged: number; flaggedRate: number; byRule: Record<string, number> }
export interface Consistency {
  departments: DepartmentRow[]; flaggedCodes: string[];
  items: Array<{ id: string; departmentName: string; itemCode: string; violation: string; decisions: number }>;
}
export interface ItemFines {
  item: BenchmarkItem;
  decisions: Array<{ id: string; documentNo: string; partyName: string; decidedOn: string; discretionTier: Tier; fineAmount: number; illegalGains: number | null; flags: string[] }>;
}
export interface SettingsValues { seriousFineIndividual: number; seriousFineOrganisation: number; unpaidDays: number }
export interface Settings extends SettingsValues { minPeers: number; rules: Record<string, { zh: string; en: string; rule: string }> }
export interface TierInput { tier: Tier; fineBasis: 'amount' | 'multiple'; fineMin: number; fineMax: number; penaltyKinds: PenaltyKind[]; circumstances?: string }
export interface BenchmarkInput { departmentId: string; itemCode: string; violation: string; legalBasis: string; penaltyBasis: string; tiers: TierInput[] }
export interface ScreeningRun { decisions: number; hits: number; kept: number }
export interface ImportProblem { sheet: string; row: number; column?: string; message: string }

export const penaltyKeys = {
  all: ['penalty'] as const,
  list: (f: object) => ['penalty', 'decisions', f] as const,
  one: (id: string) => ['penalty', 'decision', id] as const,
  benchmarks: ['penalty', 'benchmarks'] as const,
  consistency: (year?: number) => ['penalty', 'consistency', year ?? null] as const,
  item: (id: string, year?: number) => ['penalty', 'item', id, year ?? null] as const,
  settings: ['penalty', 'settings'] as const,
};

export const penaltyApi = {
  list: (f: DecisionFilter & { page: number; pageSize: number }) => api.get<ListPage<Decision>>('/penalty/decisions', { ...f }),
  one: (id: string) => api.get<DecisionDetail>(`/penalty/decisions/${encodeURIComponent(id)}`),
  create: (body: DecisionInput) => api.post<DecisionDetail>('/penalty/decisions', body),
  upload: (file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    return request<{ imported: number; screening: { hits: number } }>('POST', '/penalty/decisions/import', { body: fd });
  },
  screening: () => api.post<{ decisions: number; hits: number; kept: number }>('/penalty/screening'),
  benchmarks: () => api.get<{ items: BenchmarkItem[] }>('/penalty/benchmarks'),
  consistency: (year?: number) => api.get<Consistency>('/penalty/consistency', { year }),
  item: (id: string, year?: number) => api.get<ItemFines>(`/penalty/consistency/items/${encodeURIComponent(id)}`, { year }),
  settings: () => api.get<Settings>('/penalty/settings'),
  saveSettings: (body: SettingsValues) => api.put<SettingsValues & { screening: ScreeningRun }>('/penalty/settings', body),
  createBenchmark: (body: BenchmarkInput) => api.post<BenchmarkItem>('/penalty/benchmarks', body),
  updateTiers: (id: string, tiers: TierInput[]) => api.patch<BenchmarkItem & { screening: ScreeningRun }>(`/penalty/benchmarks/${encodeURIComponent(id)}`, { tiers }),
};
