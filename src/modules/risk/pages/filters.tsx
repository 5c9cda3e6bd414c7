import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { fetchUnitChildren, unitKeys } from '../../../web/api/units';
import type { Unit } from '../../../web/api/types';
import { useT } from '../../../web/i18n';

const townshipKinds = new Set(['town', 'township', 'subdistrict']);

/**
 * The county's townships (乡镇、街道) in the caller's view, for filters that take a township's unit code:
 * the visible roots, and below a county root its direct children.
 */
export function useTownships(): Unit[] {
  const roots = useQuery({ queryKey: unitKeys.children(null), queryFn: () => fetchUnitChildren(null), staleTime: 300_000 });
  const county = roots.data?.find((u) => u.kind === 'county');
  const below = useQuery({
    queryKey: unitKeys.children(county?.code ?? ''), queryFn: () => fetchUnitChildren(county!.code), enabled: !!county, staleTime: 300_000,
  });
  return [...(roots.data ?? []), ...(below.data ?? [])].filter((u) => townshipKinds.has(u.kind));
}

export function TownshipSelect({ value, onChange, testId }: { value?: string; onChange: (code: string | undefined) => void; testId?: string }) {
  const t = useT();
  const towns = useTownships();
  return (
    <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 170 }} placeholder={t('risk.ui.township')} value={value} data-testid={testId}
      onChange={(v: string | undefined) => onChange(v)} options={towns.map((u) => ({ value: u.code, label: u.name }))} />
  );
}
