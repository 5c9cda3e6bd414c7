import { api } from '../../../web/api/client';

/** The accountability API's shapes (src/modules/accountability/routes.ts). */
export type TargetType = 'person' | 'organisation';
export type AccountabilityForm = 'notice' | 'admonition' | 'organisationalAdjustment' | 'disciplinarySanction' | 'inspection' | 'reorganisation';
export type BasisKind = 'case' | 'finding' | 'text';
export const allForms: AccountabilityForm[] = ['notice', 'admonition', 'organisationalAdjustment', 'disciplinarySanction', 'inspection', 'reorganisation'];

export interface Decision {
  id: string; targetType: TargetType; officialId: string | null; targetUnitId: string | null; targetName: string; targetPost: string | null; unitId: string;
  unitName: string; townshipCode: string | null; accountabilityForm: AccountabilityForm; accountabilityReason: string; basisKind: BasisKind | null;
  basisCaseId: string | null; basisCaseNo: string | null; basisFindingId: string | null; basisFinding: string | null; basisCampaignId: string | null;
  basisText: string | null; decidedByUnitId: string; decidedByUnitName: string; decidedOn: string; documentNo: string; leaderResponsibility: boolean; createdAt: string;
}
export interface DecisionInput {
  targetType: TargetType; targetOfficialId?: string; targetUnitId?: string; accountabilityForm: AccountabilityForm; accountabilityReason: string; basisKind?: BasisKind;
  basisCaseId?: string; basisFindingId?: string; basisText?: string; decidedByUnitId: string; decidedOn: string; documentNo: string; leaderResponsibility: boolean;
}
export interface FormOption { code: AccountabilityForm; zh: string; en: string }
export interface Forms { person: FormOption[]; organisation: FormOption[]; sourceZh: string; sourceEn: string }
export interface ListPage<T> { items: T[]; total: number; page: number; pageSize: number }
export interface DecisionFilter { targetType?: TargetType; accountabilityForm?: AccountabilityForm; leaderResponsibility?: 'true' | 'false'; year?: number; officialId?: string; q?: string }

export const accountabilityKeys = {
  all: ['accountability'] as const,
  list: (f: object) => ['accountability', 'list', f] as const,
  one: (id: string) => ['accountability', 'one', id] as const,
  forms: ['accountability', 'forms'] as const,
};

export const accountabilityApi = {
  list: (f: DecisionFilter & { page: number; pageSize: number }) => api.get<ListPage<Decision>>('/accountability/decisions', { ...f }),
  one: (id: string) => api.get<Decision>(`/accountability/decisions/${encodeURIComponent(id)}`),
  create: (body: DecisionInput) => api.post<Decision>('/accountability/decisions', body),
  forms: () => api.get<Forms>('/accountability/forms'),
};
