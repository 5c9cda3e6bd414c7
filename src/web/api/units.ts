import { api } from './client';
import type { Unit } from './types';

/** Query keys for the unit tree; every page that shows units shares this cache. */
export const unitKeys = {
  all: ['org', 'units'] as const,
  children: (parentCode?: string | null) => ['org', 'units', 'children', parentCode ?? ''] as const,
  one: (id: string) => ['org', 'units', 'one', id] as const,
  search: (q: string) => ['org', 'units', 'search', q] as const,
};

/** Without parentCode the server answers the roots inside the user's data scope. */
export async function fetchUnitChildren(parentCode?: string | null): Promise<Unit[]> {
  const res = await api.get<{ items: Unit[] }>('/org/units', { parentCode: parentCode ?? undefined });
  return res.items;
}

export function fetchUnit(id: string): Promise<Unit> {
  return api.get<Unit>(`/org/units/${encodeURIComponent(id)}`);
}

export async function searchUnits(q: string): Promise<Unit[]> {
  const res = await api.get<{ items: Unit[] }>('/org/units', { q });
  return res.items;
}
