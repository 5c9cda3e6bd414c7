import { api } from '../../../web/api/client';

/** The spending API's shapes (src/modules/spending/routes.ts). */
export type SpendingCategory = 'reception' | 'meeting' | 'travel' | 'vehicle' | 'training' | 'allowance';
export const categories: SpendingCategory[] = ['reception', 'meeting', 'travel', 'vehicle', 'training', 'allowance'];
export type TravellerRank = 'provincial' | 'bureau' | 'county' | 'township' | 'general' | 'other';
export const ranks: TravellerRank[] = ['provincial', 'bureau', 'county', 'township', 'general', 'other'];

export interface Expense {
  id: string; unitId: string; unitName: string; townshipCode: string | null; spentOn: string; spendingCategory: SpendingCategory; amount: number;
  persons: number | null; accompanying: number | null; days: number | null; nights: number | null; classLevel: number | null; travellerRank: TravellerRank | null;
  payee: string | null; venue: string | null; hasLetter: boolean | null; approvalNo: string | null; voucherNo: string | null; description: string | null;
  importId: string | null; createdAt: string; flags: number;
}
export interface ExpenseHit {
  id: string; code: string; label: string; strength: 'strong' | 'medium' | 'weak'; status: 'new' | 'dismissed' | 'clued'; title: string | null; rule: string;
  values: Record<string, unknown>; threshold: Record<string, unknown>;
}
export type ExpenseDetail = Expense & { hits: ExpenseHit[] };
export interface ExpenseInput {
  unitId: string; spentOn: string; spendingCategory: SpendingCategory; amount: number; persons?: number; accompanying?: number; days?: number; nights?: number;
  classLevel?: number; travellerRank?: TravellerRank; payee?: string; venue?: string; hasLetter?: boolean; approvalNo?: string; voucherNo?: string; description?: string;
}
export interface ExpenseFilter { unitId?: string; spendingCategory?: SpendingCategory; from?: string; to?: string; flaggedOnly?: 'true'; q?: string }
export interface ListPage<T> { items: T[]; total: number; page: number; pageSize: number }
import type { ImportError } from '../../../web/components/ImportErrors';

export type { ImportError };
export interface ImportBatch {
  id: string; fileName: string; status: 'running' | 'done' | 'failed'; phase: 'parse' | 'write' | 'screen' | 'done'; total: number; processed: number;
  counts: { records: number; hits: number } | null; errors: ImportError[]; createdAt: string; finishedAt: string | null; createdByName: string | null;
}
export interface Standard {
  code: string; category: SpendingCategory | 'general'; labelZh: string; labelEn: string; unit: string; kind: 'amount' | 'count' | 'words'; value: number | null;
  words: string[] | null; basis: string; defaultValue: number | null; defaultBasis: string; updatedAt: string; updatedBy: string | null;
}
export interface Bucket { key: string; name?: string; records: number; amount: number; over: number; overAmount: number }
export interface Summary { year: number; total: Bucket; byCategory: Bucket[]; byUnit: Bucket[]; byMonth: Bucket[] }
export interface ScreeningRun { records: number; hits: number; kept: number; byCode: Record<string, number> }

export const spendingKeys = {
  all: ['spending'] as const,
  list: (f: object) => ['spending', 'list', f] as const,
  one: (id: string) => ['spending', 'one', id] as const,
  batch: (id: string) => ['spending', 'import', id] as const,
  imports: (p: object) => ['spending', 'imports', p] as const,
  standards: ['spending', 'standards'] as const,
  summary: (year: number) => ['spending', 'summary', year] as const,
};

export const spendingApi = {
  list: (f: ExpenseFilter & { page: number; pageSize: number }) => api.get<ListPage<Expense>>('/spending/expenses', { ...f }),
  one: (id: string) => api.get<ExpenseDetail>(`/spending/expenses/${encodeURIComponent(id)}`),
  create: (body: ExpenseInput) => api.post<ExpenseDetail>('/spending/expenses', body),
  update: (id: string, body: ExpenseInput) => api.patch<ExpenseDetail>(`/spending/expenses/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.del(`/spending/expenses/${encodeURIComponent(id)}`),
  imports: (p: { page: number; pageSize: number }) => api.get<ListPage<ImportBatch>>('/spending/imports', { ...p }),
  batch: (id: string) => api.get<ImportBatch>(`/spending/imports/${encodeURIComponent(id)}`),
  upload: (file: File) => api.upload<ImportBatch>('/spending/imports', file),
  screen: () => api.post<ScreeningRun>('/spending/screening'),
  standards: () => api.get<Standard[]>('/spending/standards'),
  saveStandards: (items: Array<{ code: string; value?: number | null; words?: string[]; basis: string }>) => api.put<Standard[]>('/spending/standards', { items }),
  summary: (year: number) => api.get<Summary>('/spending/summary', { year }),
};
