import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { api } from '../../../web/api/client';
import { useT } from '../../../web/i18n';
import { campaignApi, campaignKeys } from '../../campaigns/pages/api';

/**
 * The basis of an accountability decision is picked, not typed: a case by its number or title (searched on the
 * server, only cases the user may see), or a campaign finding by campaign and then project and problem.
 */
interface CaseOption { id: string; doc_no: string; title: string }

export function CasePicker({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['cases', 'cases', 'picker', q],
    queryFn: () => api.get<{ items: CaseOption[] }>('/cases/cases', { q: q || undefined, page: 1, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select showSearch={{ filterOption: false, onSearch: (s) => setQ(s.trim()) }} allowClear value={value} onChange={onChange} data-testid="basis-case"
      placeholder={t('accountability.ui.basisCasePlaceholder')} loading={found.isFetching} notFoundContent={t('accountability.ui.basisNone')}
      options={(found.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.doc_no} ${c.title}` }))} />
  );
}

export function FindingPicker({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const t = useT();
  const [campaignId, setCampaignId] = useState<string>();
  const campaigns = useQuery({ queryKey: campaignKeys.list({ picker: true }), queryFn: () => campaignApi.list({ page: 1, pageSize: 100 }) });
  const findings = useQuery({
    queryKey: campaignKeys.findings(campaignId ?? '', { picker: true }),
    queryFn: () => campaignApi.findings(campaignId!, { page: 1, pageSize: 100 }),
    enabled: !!campaignId,
  });
  return (
    <Space.Compact block>
      <Select style={{ width: '40%' }} value={campaignId} placeholder={t('accountability.ui.basisCampaign')} data-testid="basis-campaign"
        onChange={(v: string) => { setCampaignId(v); onChange?.(undefined); }}
        options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} />
      <Select style={{ width: '60%' }} showSearch={{ optionFilterProp: 'label' }} allowClear value={value} onChange={onChange} disabled={!campaignId}
        placeholder={t('accountability.ui.basisFindingPlaceholder')} loading={findings.isFetching} data-testid="basis-finding"
        options={(findings.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.objectName}：${f.description}` }))} />
    </Space.Compact>
  );
}
