import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../web/api/client';
import type { Unit, UnitKind } from '../../../web/api/types';
import { useAuth } from '../../../web/auth/AuthContext';
import { fetchUnitChildren, unitKeys } from '../../../web/api/units';
import type { Locale } from '../../../web/i18n';

/** Shapes and queries of the reports settings page (routing rules, 效能投诉 categories), as the admin API answers. */
export const ranks = ['provincial', 'bureau', 'county', 'township', 'general', 'other'] as const;
export type Rank = (typeof ranks)[number];

export interface RoutingRule {
  id: string; category: string | null; townshipCode: string | null; accusedRank: Rank | null;
  handlingUnitId: string; handlingUnitName: string; priority: number; active: boolean; note: string | null;
}

/** An entry of a county dictionary: 效能投诉 categories (with the drift flag) or 领域 sectors. */
export interface DictionaryEntry { code: string; name: string; nameEn: string; countsAsDrift?: boolean; sortOrder: number; active: boolean }
export type DictionaryPath = 'efficiency-categories' | 'sectors';

export const settingsKeys = {
  rules: ['reports', 'settings', 'routing-rules'] as const,
  dictionary: (path: DictionaryPath) => ['reports', 'settings', path] as const,
};

export function useRoutingRules(enabled = true) {
  return useQuery({ queryKey: settingsKeys.rules, queryFn: () => api.get<{ items: RoutingRule[] }>('/reports/routing-rules'), enabled });
}

/** Also the intake and triage forms' source of category options (enabled while their drawer is open). */
export function useDictionary(path: DictionaryPath, enabled = true) {
  return useQuery({ queryKey: settingsKeys.dictionary(path), queryFn: () => api.get<{ items: DictionaryEntry[] }>(`/reports/${path}`), enabled, staleTime: 60_000 });
}
export const useEfficiencyCategories = (enabled = true) => useDictionary('efficiency-categories', enabled);
export const useSectors = (enabled = true) => useDictionary('sectors', enabled);

/** Township-level kinds (乡、镇、街道、其他乡级单位): the units a report's townshipCode names. */
const townshipKinds: readonly UnitKind[] = ['township', 'town', 'subdistrict', 'townshipOther'];

/**
 * The county's townships from the organisation API the unit pickers use (children of the county units at the
 * top of the visible tree), sharing their cache entries; under the units key so a unit change refreshes it.
 */
export function useTownships() {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...unitKeys.all, 'townships'],
    staleTime: 300_000,
    queryFn: async (): Promise<Unit[]> => {
      const children = (code: string | null) => qc.fetchQuery({ queryKey: unitKeys.children(code), queryFn: () => fetchUnitChildren(code), staleTime: 300_000 });
      const roots = await children(null);
      const counties = roots.filter((u) => u.kind === 'county');
      const below = (await Promise.all(counties.map((c) => children(c.code)))).flat();
      // A user scoped below the county sees townships as roots themselves.
      return [...roots, ...below].filter((u) => townshipKinds.includes(u.kind));
    },
  });
}

/** Categories seen so far: those the rules name and those the category model was trained on (when there is one). */
export function useKnownCategories(rules: RoutingRule[]) {
  // The model's status is for readers of reports; an administrator without that permission gets the rules' categories only.
  const { can } = useAuth();
  const model = useQuery({
    enabled: can('reports.report.read'),
    queryKey: ['reports', 'classifier'],
    queryFn: () => api.get<{ model: { labels: string[] } | null }>('/reports/classifier'),
    staleTime: 60_000,
  });
  const all = new Set<string>([...rules.map((r) => r.category).filter((c): c is string => !!c), ...(model.data?.model?.labels ?? [])]);
  return [...all].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** An entry's name in the UI language (the seeded entries have English; the office's own words show as written). */
export const entryName = (i: { name: string; nameEn?: string }, locale: Locale) => (locale === 'en' ? i.nameEn ?? i.name : i.name);

/** Select options from a dictionary: active entries only, plus the current value if it has been switched off since. */
export const dictionaryOptions = (items: Array<{ code: string; name: string; nameEn?: string; active: boolean }> | undefined, locale: Locale, current?: string | null) =>
  (items ?? []).filter((i) => i.active || i.code === current).map((i) => ({ value: i.code, label: entryName(i, locale) }));
