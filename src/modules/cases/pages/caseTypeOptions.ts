import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client';
import type { Locale } from '../../../web/i18n';
import { caseTypeSeed } from '../rules/caseTypes';

export interface CaseTypeItem { code: string; parentCode: string | null; labelZh: string; labelEn: string; active: boolean }

/**
 * The office's case-type dictionary (案件类别, editable by the office). A user without the dictionary permission
 * still gets the built-in seed, so the forms never show an empty list.
 */
export function useCaseTypes() {
  return useQuery({
    queryKey: ['cases', 'caseTypes', 'active'],
    queryFn: () => api.get<{ items: CaseTypeItem[] }>('/cases/case-types').then((r) => r.items, () => caseTypeSeed.filter((c) => c.active)),
    staleTime: 300_000,
  });
}

export const caseTypeTree = (items: readonly CaseTypeItem[], locale: Locale) =>
  items.filter((x) => x.active).map((x) => ({ id: x.code, pId: x.parentCode ?? undefined, value: x.code, title: locale === 'en' ? x.labelEn : x.labelZh }));

/** Label of a case type: the office dictionary first, then the built-in seed, else the code itself. */
export function useCaseTypeLabel(locale: Locale) {
  const types = useCaseTypes();
  return (code: string) => {
    const row = types.data?.find((x) => x.code === code) ?? caseTypeSeed.find((x) => x.code === code);
    return row ? (locale === 'en' ? row.labelEn : row.labelZh) : code;
  };
}
