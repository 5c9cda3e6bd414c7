import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client';
import type { Unit } from '../../../web/api/types';
import { fetchUnitChildren, unitKeys } from '../../../web/api/units';

/** The duty API's shapes (src/modules/duty/routes.ts). */
export type TaskStatus = 'pending' | 'done';
export type Rating = 'good' | 'fairlyGood' | 'average' | 'poor';
export const ratings: Rating[] = ['good', 'fairlyGood', 'average', 'poor'];

export interface DutyTask {
  id: string; batchId: string; year: number; title: string; content: string | null; leadLeader: string | null; unitId: string; unitName: string; unitKind: string;
  assignedOn: string; deadline: string; status: TaskStatus; overdue: boolean; completionNote: string | null; completedOn: string | null; completedByName: string | null;
}
export interface TaskPage { items: DutyTask[]; total: number; done: number; overdue: number; page: number; pageSize: number }
export interface TaskFilter { year?: number; unitId?: string; status?: TaskStatus; overdue?: 'true' }
export interface MeetingRow { id: string; meetingName: string; heldOn: string; reviewedQuarter: string | null; unitName: string; reports: number; rounds: number }
export interface Meeting {
  id: string; meetingName: string; heldOn: string; reviewedQuarter: string | null; unitId: string;
  reports: Array<{ id: string; officialId: string; officialName: string; officialPost: string | null; unitId: string; townshipName: string; townshipCode: string; summary: string }>;
  rounds: Array<{ id: string; roundName: string; heldOn: string; status: 'open' | 'closed' }>;
}
export interface RoundRow { id: string; roundName: string; heldOn: string; status: 'open' | 'closed'; meetingId: string | null; meetingName: string | null; subjects: number; appraisers: number }
export interface RoundResult {
  subjectId: string; officialId: string; officialName: string; officialPost: string | null; townshipName: string; townshipCode: string;
  counts: Record<Rating, number>; total: number; goodShare: number; mine: Rating | null; rank: number;
}
export interface Round { id: string; roundName: string; heldOn: string; status: 'open' | 'closed'; meetingId: string | null; closedAt: string | null; appraisers: number; results: RoundResult[] }
export interface Secretary { id: string; name: string; post: string | null; unitId: string; townshipName: string; townshipCode: string }
interface ListPage<T> { items: T[]; total: number; page: number; pageSize: number }

export const dutyKeys = {
  all: ['duty'] as const,
  tasks: (f: object) => ['duty', 'tasks', f] as const,
  meetings: (p: object) => ['duty', 'meetings', p] as const,
  meeting: (id: string) => ['duty', 'meeting', id] as const,
  rounds: (p: object) => ['duty', 'rounds', p] as const,
  round: (id: string) => ['duty', 'round', id] as const,
  secretaries: ['duty', 'secretaries'] as const,
};

const enc = encodeURIComponent;
export const dutyApi = {
  tasks: (f: TaskFilter & { page: number; pageSize: number }) => api.get<TaskPage>('/duty/tasks', { ...f }),
  createTask: (body: { year: number; title: string; content?: string; leadLeader?: string; unitIds: string[]; deadline: string }) => api.post<{ items: DutyTask[] }>('/duty/tasks', body),
  complete: (id: string, body: { completionNote: string; completedOn: string }) => api.post<DutyTask>(`/duty/tasks/${enc(id)}/complete`, body),
  meetings: (p: { page: number; pageSize: number }) => api.get<ListPage<MeetingRow>>('/duty/meetings', p),
  createMeeting: (body: { meetingName: string; heldOn: string; reviewedQuarter?: string }) => api.post<Meeting>('/duty/meetings', body),
  meeting: (id: string) => api.get<Meeting>(`/duty/meetings/${enc(id)}`),
  addReport: (id: string, body: { officialId: string; summary: string }) => api.post<Meeting>(`/duty/meetings/${enc(id)}/reports`, body),
  secretaries: () => api.get<{ items: Secretary[] }>('/duty/secretaries'),
  rounds: (p: { page: number; pageSize: number }) => api.get<ListPage<RoundRow>>('/duty/rounds', p),
  createRound: (body: { roundName: string; heldOn: string; meetingId?: string }) => api.post<Round>('/duty/rounds', body),
  round: (id: string) => api.get<Round>(`/duty/rounds/${enc(id)}`),
  rate: (id: string, body: { ratings: Array<{ subjectId: string; rating: Rating }> }) => api.post<Round>(`/duty/rounds/${enc(id)}/ratings`, body),
  close: (id: string) => api.post<Round>(`/duty/rounds/${enc(id)}/close`),
};

const kinds = new Set(['town', 'township', 'subdistrict', 'townshipOther', 'department']);
/** Units a task can be assigned to: the townships and county departments in the caller's view. */
export function useResponsibleUnits(): Unit[] {
  const roots = useQuery({ queryKey: unitKeys.children(null), queryFn: () => fetchUnitChildren(null), staleTime: 300_000 });
  const county = roots.data?.find((u) => u.kind === 'county');
  const below = useQuery({ queryKey: unitKeys.children(county?.code ?? ''), queryFn: () => fetchUnitChildren(county!.code), enabled: !!county, staleTime: 300_000 });
  const all = [...(roots.data ?? []), ...(below.data ?? [])].filter((u) => kinds.has(u.kind));
  // Townships first, then departments, each by code.
  return all.sort((a, b) => Number(a.kind === 'department') - Number(b.kind === 'department') || a.code.localeCompare(b.code));
}

export const dateOf = (d?: { format(f: string): string } | null) => (d ? d.format('YYYY-MM-DD') : undefined);
export const opt = (v?: string | null) => (v && v.trim() ? v.trim() : undefined);
