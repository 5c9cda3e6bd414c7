import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { disclosureApi, disclosureKeys, type DisclosureKind } from './api';

/** The units in the caller's scope that owe this kind of disclosure (villages for 村务公开), searchable by name. */
export function UnitSelect({ kind, value, onChange, disabled, testId }: {
  kind: DisclosureKind; value?: string; onChange?: (v: string) => void; disabled?: boolean; testId?: string;
}) {
  const year = new Date().getFullYear();
  const q = useQuery({ queryKey: disclosureKeys.matrix({ kind, year }), queryFn: () => disclosureApi.matrix({ kind, year }) });
  const options = (q.data?.rows ?? []).map((r) => ({
    value: r.unitId, label: r.townshipName && r.townshipCode !== r.unitCode ? `${r.townshipName} ${r.unitName}` : r.unitName,
  }));
  return <Select showSearch={{ optionFilterProp: 'label' }} loading={q.isLoading} value={value} onChange={onChange} disabled={disabled} options={options} data-testid={testId} />;
}
