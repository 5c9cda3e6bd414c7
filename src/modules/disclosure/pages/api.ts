import { api } from '../../../web/api/client';
import type { Locale } from '../../../web/i18n';
import type { Pair } from '../words';

/** The disclosure API's shapes (src/modules/disclosure/routes.ts). */
export type DisclosureKind = 'party' | 'government' | 'village' | 'service';
export type CheckResult = 'passed' | 'incomplete' | 'notUpdated' | 'fake' | 'partial';
export type SiteStatus = 'cultivating' | 'named' | 'revoked';
export type CellStatus = 'onTime' | 'late' | 'missing' | 'pending' | 'untracked';
export const disclosureKinds: DisclosureKind[] = ['village', 'party', 'government', 'service'];
export const checkResults: CheckResult[] = ['passed', 'incomplete', 'notUpdated', 'fake', 'partial'];
export const siteStatuses: SiteStatus[] = ['cultivating', 'named', 'revoked'];
export const channelCodes = ['noticeBoard', 'website', 'wechat'] as const;

export interface Cell { period: string; status: CellStatus; dueOn: string; publishedOn: string | null; records: number }
export interface MatrixRow { unitId: string; unitCode: string; unitName: string; townshipCode: string | null; townshipName: string | null; cells: Cell[] }
export interface TownshipRate { code: string | null; name: string | null; onTime: number; late: number; missing: number; pending: number; decided: number; onTimeRate: number | null }
export interface Matrix {
  kind: DisclosureKind; year: number; asOf: string; periods: string[]; dueDays: number; firstQuarter: string | null; items: string[]; rows: MatrixRow[]; byTownship: TownshipRate[];
}
export interface DisclosureRecord {
  id: string; unitId: string; unitName: string; townshipCode: string | null; townshipName: string | null; kind: DisclosureKind; quarter: string; disclosedItems: string[];
  publishedOn: string; channels: string[]; evidenceNote: string | null; createdByName: string | null; createdAt: string;
  correctedAt: string | null; correctedByName: string | null; correctionReason: string | null;
}
export interface Check {
  id: string; unitId: string; unitName: string; townshipCode: string | null; townshipName: string | null; kind: DisclosureKind; quarter: string | null; checkedOn: string;
  inspector: string; checkResult: CheckResult; problemNote: string | null; dueOn: string | null; status: 'open' | 'rectified' | null; overdue: boolean;
  rectifiedOn: string | null; rectificationNote: string | null; rectifiedByName: string | null;
}
export interface Site {
  id: string; unitId: string; unitName: string; townshipCode: string | null; townshipName: string | null; kind: DisclosureKind; siteName: string; status: SiteStatus;
  designatedOn: string | null; revokedOn: string | null; note: string | null;
}
export interface Settings { dueDays: number; firstQuarter: string | null; stored: boolean }
export interface ListPage<T> { items: T[]; total: number; page: number; pageSize: number }

export const disclosureKeys = {
  all: ['disclosure'] as const,
  matrix: (p: object) => ['disclosure', 'matrix', p] as const,
  records: (p: object) => ['disclosure', 'records', p] as const,
  checks: (p: object) => ['disclosure', 'checks', p] as const,
  sites: (p: object) => ['disclosure', 'sites', p] as const,
};

export const disclosureApi = {
  matrix: (p: { kind: DisclosureKind; year: number }) => api.get<Matrix>('/disclosure/matrix', p),
  records: (p: { unitId?: string; kind?: DisclosureKind; quarter?: string; page: number; pageSize: number }) => api.get<ListPage<DisclosureRecord>>('/disclosure/records', p),
  addRecord: (body: { unitId: string; kind: DisclosureKind; quarter: string; disclosedItems: string[]; publishedOn: string; channels: string[]; evidenceNote?: string }) =>
    api.post<DisclosureRecord>('/disclosure/records', body),
  correctRecord: (id: string, body: { disclosedItems: string[]; publishedOn: string; channels: string[]; evidenceNote?: string; correctionReason: string }) =>
    api.patch<DisclosureRecord>(`/disclosure/records/${encodeURIComponent(id)}`, body),
  checks: (p: { checkResult?: CheckResult; status?: 'open' | 'rectified'; page: number; pageSize: number }) => api.get<ListPage<Check>>('/disclosure/checks', p),
  addCheck: (body: { unitId: string; kind: DisclosureKind; quarter?: string; checkedOn: string; inspector: string; checkResult: CheckResult; problemNote?: string; dueOn?: string }) =>
    api.post<Check>('/disclosure/checks', body),
  rectify: (id: string, body: { rectifiedOn: string; rectificationNote: string }) => api.post<Check>(`/disclosure/checks/${encodeURIComponent(id)}/rectify`, body),
  settings: () => api.get<Settings>('/disclosure/settings'),
  saveSettings: (body: { dueDays: number; firstQuarter: string | null }) => api.put<Settings>('/disclosure/settings', body),
  sites: (p: { page: number; pageSize: number }) => api.get<ListPage<Site>>('/disclosure/demo-sites', p),
  addSite: (body: { unitId: string; kind: DisclosureKind; siteName: string; status: SiteStatus; designatedOn?: string; revokedOn?: string; note?: string }) =>
    api.post<Site>('/disclosure/demo-sites', body),
  updateSite: (id: string, body: { kind?: DisclosureKind; siteName?: string; status?: SiteStatus; designatedOn?: string | null; revokedOn?: string | null; note?: string | null }) =>
    api.patch<Site>(`/disclosure/demo-sites/${encodeURIComponent(id)}`, body),
};

/** The module's code words (words.ts) in the page's language. */
export const word = (pair: Pair | undefined, locale: Locale, fallback = '') => (pair ? (locale === 'en' ? pair[1] : pair[0]) : fallback);
export const dateOf = (d?: { format(f: string): string } | null) => (d ? d.format('YYYY-MM-DD') : undefined);
export const opt = (v?: string | null) => (v && v.trim() ? v.trim() : undefined);
export const statusColor: Record<CellStatus, string> = { onTime: 'green', late: 'orange', missing: 'red', pending: 'default', untracked: 'default' };
export const resultColor: Record<CheckResult, string> = { passed: 'green', incomplete: 'orange', notUpdated: 'gold', fake: 'red', partial: 'volcano' };
