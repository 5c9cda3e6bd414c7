import { api, request } from '../../../web/api/client';

/** The risk API's shapes, exactly as src/modules/risk/README.md defines them. */
import type { ImportError } from '../../../web/components/ImportErrors';

export type { ImportError };
export interface ImportBatch {
  id: string; source: 'ocds' | 'excel'; fileName: string; sha256: string; status: 'running' | 'done' | 'failed';
  phase: 'parse' | 'write' | 'screen' | 'done'; total: number; processed: number;
  counts: { processes: number; bids: number; awards: number; contracts: number; payments: number; hits?: number } | null;
  errors: ImportError[]; unitId: string; createdAt: string; finishedAt: string | null;
}
export interface ScreeningRun { processes: number; hits: number; kept: number; byCode: Record<string, number>; notApplicable: Record<string, number> }
export type Strength = 'strong' | 'medium' | 'weak';
export type HitStatus = 'new' | 'dismissed' | 'clued';
export type HitSource = 'signal' | 'screen' | 'cardinal' | 'rule';
export type HitDomain = 'procurement' | 'spending' | 'penaltyDiscretion' | 'villageAssets';
export const hitDomains: HitDomain[] = ['procurement', 'spending', 'penaltyDiscretion', 'villageAssets'];
export interface HitRow {
  id: string; code: string; source: HitSource; strength: Strength; score: number | null; subjectId: string; processId: string | null;
  ocids: string[]; buyerName: string | null; supplierNames: string[]; unitId: string; townshipName: string | null; status: HitStatus; rule: string; createdAt: string;
  domain: HitDomain; subjectTitle: string | null; unitName: string;
}
export interface EvidenceRecord { kind: string; id: string; label?: string; href?: string }
export interface HitDetail extends HitRow {
  evidence: { rule: string; lawRef?: string; threshold: Record<string, unknown>; values: Record<string, unknown>; records: EvidenceRecord[] };
  dismissReason: string | null; decidedBy: string | null; decidedAt: string | null; clueId: string | null;
  processes: Array<{ id: string; ocid: string; title: string | null }>;
}
export interface ProcessRow {
  id: string; ocid: string; title: string | null; buyerName: string | null; unitId: string; unitName: string; category: string | null; method: string | null;
  value: number | null; tenderDate: string | null; bids: number; awardedTo: string[]; awardValue: number | null; hits: number;
}
export interface BidIdentity {
  contactPerson: string | null; phone: string | null; email: string | null; address: string | null; legalRepresentative: string | null;
  projectManager: string | null; bondAccount: string | null; ip: string | null; mac: string | null; caSerial: string | null; documentHash: string | null;
}
export interface Bid {
  id: string; bidId: string | null; status: string | null; date: string | null; amount: number | null; currency: string | null; bidderIds: string[]; bidderNames: string[];
  creditCode: string | null; companyId: string | null; winner: boolean; identity: BidIdentity;
}
export interface Contract {
  id: string; contractId: string; awardId: string | null; status: string | null; dateSigned: string | null; amount: number | null;
  amendments: Array<{ id: string; date: string | null; amount: number | null; description: string | null }>;
  payments: Array<{ id: string; date: string | null; amount: number | null; kind: string | null }>;
  milestones: Array<{ id: string; title: string | null; date: string | null; progress: number | null }>;
}
/** The contract writes `ProcessRow & {…}`, but `bids` and `hits` are lists here (the row's counts are replaced). */
export interface ProcessDetail extends Omit<ProcessRow, 'bids' | 'hits'> {
  tender: { status: string | null; procurementMethodDetails: string | null; awardCriteria: string | null; periodStart: string | null; periodEnd: string | null;
    numberOfTenderers: number | null; lots: Array<{ lotId: string | null; title: string | null; value: number | null }> };
  bids: Bid[];
  awards: Array<{ id: string; awardId: string | null; status: string | null; date: string | null; amount: number | null; supplierNames: string[]; relatedBid: string | null }>;
  contracts: Contract[];
  experts: Array<{ expertId: string; employerId: string | null }>;
  hits: HitRow[];
}
export interface NetworkNode { id: string; name: string; tenders: number; wins: number }
export interface NetworkEdge { source: string; target: string; kind: 'cobid' | 'sharedIdentity'; weight: number; field?: string; tenderIds: string[] }
export interface Network { nodes: NetworkNode[]; edges: NetworkEdge[] }
export interface ListPage<T> { items: T[]; total: number; page: number; pageSize: number }
export type HitList = ListPage<HitRow> & { codes: Array<{ code: string; n: number }> };

export interface HitFilter {
  domain?: HitDomain; unit?: string; code?: string; source?: HitSource; buyer?: string; supplier?: string; township?: string; status?: HitStatus; strength?: Strength; processId?: string;
}

export const riskKeys = {
  all: ['risk'] as const,
  imports: (page: object) => ['risk', 'imports', page] as const,
  batch: (id: string) => ['risk', 'imports', 'one', id] as const,
  hits: (f: object) => ['risk', 'hits', f] as const,
  hit: (id: string) => ['risk', 'hits', 'one', id] as const,
  processes: (f: object) => ['risk', 'processes', f] as const,
  process: (id: string) => ['risk', 'processes', 'one', id] as const,
  network: (f: object) => ['risk', 'network', f] as const,
};

export const riskApi = {
  imports: (page: { page: number; pageSize: number }) => api.get<ListPage<ImportBatch>>('/risk/imports', page),
  batch: (id: string) => api.get<ImportBatch>(`/risk/imports/${encodeURIComponent(id)}`),
  /** multipart: the file plus the default unit (and an opt-out of the screening run). */
  upload: (file: File, unitId: string | undefined, screen: boolean) => {
    const fd = new FormData();
    if (unitId) fd.append('unitId', unitId);
    if (!screen) fd.append('screen', 'false');
    fd.append('file', file);
    return request<ImportBatch>('POST', '/risk/imports', { body: fd });
  },
  screening: () => api.post<ScreeningRun>('/risk/screening'),
  hits: (f: HitFilter & { page: number; pageSize: number }) => api.get<HitList>('/risk/hits', { ...f }),
  hit: (id: string) => api.get<HitDetail>(`/risk/hits/${encodeURIComponent(id)}`),
  dismiss: (id: string, reason: string) => api.post<HitDetail>(`/risk/hits/${encodeURIComponent(id)}/dismiss`, { reason }),
  toClue: (id: string, body: { unitId?: string; title?: string; receivedOn?: string }) =>
    api.post<{ hit: HitDetail; clue: { id: string; serial: string } }>(`/risk/hits/${encodeURIComponent(id)}/clue`, body),
  processes: (f: { q?: string; buyer?: string; supplier?: string; township?: string; flagged?: 'true'; page: number; pageSize: number }) =>
    api.get<ListPage<ProcessRow>>('/risk/processes', { ...f }),
  process: (id: string) => api.get<ProcessDetail>(`/risk/processes/${encodeURIComponent(id)}`),
  network: (f: { buyer?: string; from?: string; to?: string }) => api.get<Network>('/risk/network', { ...f }),
};
