import { api, request } from '../../../web/api/client';
import type { ImportError } from '../../../web/components/ImportErrors';

/** The village assets API's shapes (src/modules/villageAssets/routes.ts). */
export type Direction = 'income' | 'expense';
export type PaymentMethod = 'cash' | 'transfer';
export type FundCategory = 'works' | 'office' | 'subsidy' | 'reception' | 'labour' | 'other';
export type ObjectType = 'land' | 'pond' | 'forest' | 'building' | 'shop';
export type AwardMethod = 'bidding' | 'negotiation';
export type AreaUnit = 'mu' | 'sqm';
export const fundCategories: FundCategory[] = ['works', 'office', 'subsidy', 'reception', 'labour', 'other'];
export const objectTypes: ObjectType[] = ['land', 'pond', 'forest', 'building', 'shop'];
export const decisionMeetings = ['村民会议', '村民代表会议', '党员大会', '村两委会议'] as const;
export type LedgerTab = 'funds' | 'contracts' | 'disposals';

export interface Township { id: string; code: string; name: string; villages: Array<{ id: string; code: string; name: string }> }
export interface ListPage<T> { items: T[]; total: number; page: number; pageSize: number }
export interface Entry {
  id: string; villageId: string; date: string; voucherNo: string; direction: Direction; amount: number; counterparty: string; paymentMethod: PaymentMethod;
  category: FundCategory; summary: string | null; handledBy: string | null; approvedBy: string | null; decisionDate: string | null; decisionMeeting: string | null; published: boolean;
}
export interface Contract {
  id: string; contractNo: string; objectType: ObjectType; objectName: string; area: number; areaUnit: AreaUnit; counterparty: string; startOn: string; endOn: string;
  annualRent: number; awardMethod: AwardMethod; decisionDate: string | null; decisionMeeting: string | null;
}
export interface Disposal {
  id: string; assetName: string; disposedOn: string; appraisedValue: number; salePrice: number; buyer: string; method: AwardMethod; decisionDate: string | null; decisionMeeting: string | null;
}
export interface EntryInput {
  villageId: string; entryDate: string; voucherNo: string; direction: Direction; amount: number; counterparty: string; paymentMethod: PaymentMethod; fundCategory: FundCategory;
  entrySummary?: string; handledBy?: string; approvedBy?: string; decisionDate?: string; decisionMeeting?: string; published: boolean;
}
interface DecisionInput { decisionDate?: string; decisionMeeting?: string }
export interface ContractInput extends DecisionInput {
  villageId: string; contractNo: string; objectType: ObjectType; objectName: string; area: number; areaUnit: AreaUnit; counterparty: string; startOn: string; endOn: string;
  annualRent: number; awardMethod: AwardMethod;
}
export interface DisposalInput extends DecisionInput {
  villageId: string; assetName: string; disposedOn: string; appraisedValue: number; salePrice: number; disposalBuyer: string; disposalMethod: AwardMethod;
}
export interface ImportBatch {
  id: string; fileName: string; status: 'running' | 'done' | 'failed'; phase: 'parse' | 'write' | 'screen' | 'done'; total: number; processed: number;
  counts: { entries?: number; contracts?: number; disposals?: number; hits?: number } | null; errors: ImportError[]; villageId: string;
}
export interface Summary {
  year: number; hits: number; undecided: number; byTownship: Array<{ code: string; name: string; hits: number }>; byRule: Array<{ code: string; hits: number }>;
  cashShare: Array<{ villageId: string; villageName: string; townshipName: string; expenses: number; total: number; cash: number; share: number }>;
}
export type Thresholds = Record<'cashLimit' | 'approvalThreshold' | 'splitWindowDays' | 'majorAmount' | 'rentMinPeers' | 'contractTermYears' | 'negotiationLimit' | 'disposalRatio'
  | 'concentrationShare' | 'concentrationMinAmount', number>;
export interface ThresholdsView { thresholds: Thresholds; basis: Record<keyof Thresholds, string>; codes: Record<string, { zh: string; en: string; rule: string }> }
export interface ScreeningRun { entries: number; contracts: number; disposals: number; hits: number; kept: number }

type LedgerQuery = { villageId: string; ids?: string; page: number; pageSize: number };
export const villageKeys = {
  all: ['villageAssets'] as const,
  villages: ['villageAssets', 'villages'] as const,
  ledger: (tab: LedgerTab, q: LedgerQuery) => ['villageAssets', 'ledger', tab, q] as const,
  batch: (id: string) => ['villageAssets', 'batch', id] as const,
  summary: (year: number) => ['villageAssets', 'summary', year] as const,
  thresholds: ['villageAssets', 'thresholds'] as const,
};

const paths: Record<LedgerTab, string> = { funds: '/village-assets/entries', contracts: '/village-assets/contracts', disposals: '/village-assets/disposals' };
export const villageApi = {
  villages: () => api.get<{ townships: Township[] }>('/village-assets/villages'),
  ledger: <T>(tab: LedgerTab, q: LedgerQuery) => api.get<ListPage<T>>(paths[tab], { ...q }),
  createEntry: (body: EntryInput) => api.post<Entry & { hits: number }>('/village-assets/entries', body),
  createContract: (body: ContractInput) => api.post<Contract & { hits: number }>('/village-assets/contracts', body),
  createDisposal: (body: DisposalInput) => api.post<Disposal & { hits: number }>('/village-assets/disposals', body),
  upload: (file: File, villageId: string) => {
    const fd = new FormData();
    fd.append('villageId', villageId);
    fd.append('file', file);
    return request<ImportBatch>('POST', '/village-assets/imports', { body: fd });
  },
  batch: (id: string) => api.get<ImportBatch>(`/village-assets/imports/${encodeURIComponent(id)}`),
  summary: (year: number) => api.get<Summary>('/village-assets/summary', { year }),
  thresholds: () => api.get<ThresholdsView>('/village-assets/thresholds'),
  saveThresholds: (t: Thresholds) => api.put<ThresholdsView>('/village-assets/thresholds', t),
  screening: () => api.post<ScreeningRun>('/village-assets/screening'),
};

