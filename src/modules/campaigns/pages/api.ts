import { api } from '../../../web/api/client';

/** The campaigns API's shapes (src/modules/campaigns/routes.ts). */
export type FindingStatus = 'open' | 'rectifying' | 'rectified' | 'signedOff';
export type FindingCategory = 'constructionProcedure' | 'landAcquisition' | 'tendering' | 'supervision' | 'other';
export type CampaignKind = 'constructionProjects' | 'efficiency' | 'other';
export const findingStatuses: FindingStatus[] = ['open', 'rectifying', 'rectified', 'signedOff'];
export const findingCategories: FindingCategory[] = ['constructionProcedure', 'landAcquisition', 'tendering', 'supervision', 'other'];
export const campaignKinds: CampaignKind[] = ['constructionProjects', 'efficiency', 'other'];
export type StatusCounts = Record<FindingStatus, number>;

export interface Campaign {
  id: string; title: string; kind: CampaignKind; unitId: string; periodStart: string; periodEnd: string; thresholdYuan: number; status: 'active' | 'closed';
  description: string | null; createdAt: string;
}
export interface CampaignRow extends Campaign { unitName: string; objects: number; findings: number; rectified: number; rectifying: number }
export interface CampaignDetail extends Campaign {
  summary: { projects: number; findings: number; rectified: number; rectifying: number; overdue: number; signedOff: number };
  byCategory: Array<{ category: FindingCategory; counts: StatusCounts }>;
  byTownship: Array<{ code: string | null; name: string | null; counts: StatusCounts }>;
}
export interface CampaignObject {
  id: string; projectName: string; unitId: string; unitName: string; townshipCode: string | null; townshipName: string | null; contractAmount: number | null;
  contractor: string | null; inspectedOn: string; inspectedBy: string | null; note: string | null; findings: number; rectifying: number;
}
export interface Finding {
  id: string; campaignId: string; objectId: string; objectName: string; townshipCode: string | null; townshipName: string | null; unitId: string; unitName: string;
  category: FindingCategory; description: string; foundOn: string; ownerName: string | null; ownerPost: string | null; dueOn: string | null; status: FindingStatus;
  overdue: boolean; evidence: string | null; docNo: string | null; rectifiedOn: string | null; rectifiedBy: string | null; rectifiedByName: string | null;
  signedOffOn: string | null; signedOffBy: string | null; signedOffByName: string | null; signOffNote: string | null; reopenReason: string | null;
  reopenedOn: string | null; reopenCount: number;
}
export interface ListPage<T> { items: T[]; total: number; page: number; pageSize: number }
export interface FindingFilter { status?: FindingStatus; category?: FindingCategory; township?: string; overdue?: 'true' }

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (p: object) => ['campaigns', 'list', p] as const,
  one: (id: string) => ['campaigns', 'one', id] as const,
  objects: (id: string, p: object) => ['campaigns', 'objects', id, p] as const,
  findings: (id: string, f: object) => ['campaigns', 'findings', id, f] as const,
};

const enc = encodeURIComponent;
export const campaignApi = {
  list: (p: { page: number; pageSize: number }) => api.get<ListPage<CampaignRow>>('/campaigns', p),
  create: (body: { title: string; kind: CampaignKind; unitId?: string; periodStart: string; periodEnd: string; thresholdYuan?: number; description?: string }) =>
    api.post<CampaignDetail>('/campaigns', body),
  one: (id: string) => api.get<CampaignDetail>(`/campaigns/${enc(id)}`),
  objects: (id: string, p: { page: number; pageSize: number; township?: string; q?: string }) => api.get<ListPage<CampaignObject>>(`/campaigns/${enc(id)}/objects`, { ...p }),
  addObject: (id: string, body: { projectName: string; ownerUnitId: string; townshipCode?: string; contractAmount?: number; contractor?: string; inspectedOn: string; inspectedBy?: string }) =>
    api.post<CampaignObject>(`/campaigns/${enc(id)}/objects`, body),
  updateObject: (id: string, body: { projectName: string; ownerUnitId: string; townshipCode?: string; contractAmount?: number; contractor?: string; inspectedOn: string; inspectedBy?: string }) =>
    api.patch<CampaignObject>(`/campaigns/objects/${enc(id)}`, body),
  deleteObject: (id: string) => api.del<void>(`/campaigns/objects/${enc(id)}`),
  findings: (id: string, f: FindingFilter & { page: number; pageSize: number; objectId?: string }) => api.get<ListPage<Finding>>(`/campaigns/${enc(id)}/findings`, { ...f }),
  addFinding: (id: string, body: { objectId: string; category: FindingCategory; description: string; foundOn: string; ownerName?: string; ownerPost?: string; dueOn?: string }) =>
    api.post<Finding>(`/campaigns/${enc(id)}/findings`, body),
  assign: (id: string, body: { ownerName: string; ownerPost?: string; dueOn: string }) => api.post<Finding>(`/campaigns/findings/${enc(id)}/assign`, body),
  rectify: (id: string, body: { evidence: string; docNo?: string; rectifiedOn: string }) => api.post<Finding>(`/campaigns/findings/${enc(id)}/rectify`, body),
  signOff: (id: string, body: { signedOffOn: string; note?: string }) => api.post<Finding>(`/campaigns/findings/${enc(id)}/sign-off`, body),
  reopen: (id: string, body: { reopenReason: string; reopenedOn: string; dueOn?: string }) => api.post<Finding>(`/campaigns/findings/${enc(id)}/reopen`, body),
};
