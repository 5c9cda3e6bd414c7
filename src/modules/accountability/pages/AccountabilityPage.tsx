import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Flex, Input, InputNumber, Select, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useT, type MessageKey } from '../../../web/i18n';
import { accountabilityApi, accountabilityKeys, allForms, type AccountabilityForm, type Decision, type DecisionFilter, type TargetType } from './api';
import { CreateDrawer } from './CreateDrawer';

/** 问责: the decisions in the caller's scope with filters, the create drawer and a detail drawer (?decision=id, ?official=id). */
export default function AccountabilityPage() {
  const t = useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [filter, setFilter] = useState<DecisionFilter>({});
  const [creating, setCreating] = useState(false);
  const official = params.get('official') ?? undefined;
  const q = { ...page, ...filter, officialId: official };
  const list = useQuery({ queryKey: accountabilityKeys.list(q), queryFn: () => accountabilityApi.list(q), placeholderData: keepPreviousData });
  const formText = (f: AccountabilityForm) => t(`accountability.ui.form.${f}` as MessageKey);
  const typeText = (k: TargetType) => t(`accountability.ui.targetType.${k}` as MessageKey);
  const show = (id: string | null) => { const n = new URLSearchParams(params); if (id) n.set('decision', id); else n.delete('decision'); setParams(n, { replace: true }); };
  const columns: TableColumnsType<Decision> = [
    { title: t('accountability.ui.target'), dataIndex: 'targetName', width: 200, render: (v: string, d) => <>{v}{d.targetPost ? <span style={{ color: '#8c8c8c' }}> · {d.targetPost}</span> : null}</> },
    { title: t('accountability.ui.targetType'), dataIndex: 'targetType', width: 140, render: typeText },
    { title: t('accountability.ui.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
    { title: t('accountability.ui.form'), dataIndex: 'accountabilityForm', width: 150, render: (f: AccountabilityForm) => <Tag data-testid="decision-form-tag">{formText(f)}</Tag> },
    { title: t('accountability.ui.reason'), dataIndex: 'accountabilityReason', ellipsis: true },
    { title: t('accountability.ui.leader'), dataIndex: 'leaderResponsibility', width: 90, render: (v: boolean) => (v ? <Tag color="volcano">{t('accountability.ui.leader')}</Tag> : null) },
    { title: t('accountability.ui.decidedOn'), dataIndex: 'decidedOn', width: 110 },
    { title: t('accountability.ui.documentNo'), dataIndex: 'documentNo', width: 160 },
    { title: '', key: 'view', width: 70, render: (_: unknown, d) => <Button size="small" type="link" onClick={() => show(d.id)} data-testid="decision-view">{t('accountability.ui.view')}</Button> },
  ];
  const set = (f: Partial<DecisionFilter>) => { setFilter({ ...filter, ...f }); setPage({ ...page, page: 1 }); };
  return (
    <>
      <PageHeader title={t('accountability.ui.title')} crumbs={[t('menu.group.accountability')]}
        extra={can('accountability.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="decision-add">{t('accountability.ui.new')}</Button>} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select allowClear style={{ width: 170 }} placeholder={t('accountability.ui.targetType')} value={filter.targetType} onChange={(v?: TargetType) => set({ targetType: v })}
            options={(['person', 'organisation'] as const).map((k) => ({ value: k, label: typeText(k) }))} />
          <Select allowClear style={{ width: 190 }} placeholder={t('accountability.ui.form')} value={filter.accountabilityForm}
            onChange={(v?: AccountabilityForm) => set({ accountabilityForm: v })} options={allForms.map((f) => ({ value: f, label: formText(f) }))} data-testid="decision-filter-form" />
          <Select allowClear style={{ width: 150 }} placeholder={t('accountability.ui.leader')} value={filter.leaderResponsibility}
            onChange={(v?: 'true' | 'false') => set({ leaderResponsibility: v })}
            options={[{ value: 'true', label: t('accountability.ui.yes') }, { value: 'false', label: t('accountability.ui.no') }]} data-testid="decision-filter-leader" />
          <InputNumber style={{ width: 110 }} placeholder={t('accountability.ui.year')} min={1990} max={2100} value={filter.year} onChange={(v) => set({ year: v ?? undefined })} />
          <Input.Search allowClear style={{ width: 260 }} placeholder={t('accountability.ui.search')} onSearch={(v) => set({ q: v.trim() || undefined })} data-testid="decision-search" />
        </Flex>
        <Table<Decision> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="decisions-table"
          pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <CreateDrawer open={creating} onClose={() => setCreating(false)} />
      <DetailDrawer id={params.get('decision')} onClose={() => show(null)} />
    </>
  );
}

function DetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const one = useQuery({ queryKey: accountabilityKeys.one(id ?? ''), queryFn: () => accountabilityApi.one(id!), enabled: !!id });
  const d = one.data;
  const basis = (x: Decision) => {
    if (x.basisKind === 'case' && x.basisCaseId) return <Link to={`/cases/cases/${x.basisCaseId}`}>{x.basisCaseNo ?? x.basisCaseId}</Link>;
    if (x.basisKind === 'finding' && x.basisCampaignId) return <Link to={`/campaigns/${x.basisCampaignId}?finding=${x.basisFindingId}`}>{x.basisFinding}</Link>;
    return x.basisText ?? '—';
  };
  return (
    <Drawer open={!!id} onClose={onClose} title={t('accountability.ui.detail')} size="large" data-testid="decision-detail">
      {!d ? <Spin /> : (
        <Descriptions column={1} bordered size="small" items={[
          { label: t('accountability.ui.target'), children: [d.targetName, d.targetPost].filter(Boolean).join(' · ') },
          { label: t('accountability.ui.targetType'), children: t(`accountability.ui.targetType.${d.targetType}` as MessageKey) },
          { label: t('accountability.ui.unit'), children: d.unitName },
          { label: t('accountability.ui.form'), children: t(`accountability.ui.form.${d.accountabilityForm}` as MessageKey) },
          { label: t('accountability.ui.leader'), children: d.leaderResponsibility ? t('accountability.ui.yes') : t('accountability.ui.no') },
          { label: t('accountability.ui.reason'), children: d.accountabilityReason },
          { label: t('accountability.ui.basis'), children: d.basisKind ? <>{t(`accountability.ui.basis.${d.basisKind}` as MessageKey)}：{basis(d)}</> : '—' },
          { label: t('accountability.ui.decidedBy'), children: d.decidedByUnitName },
          { label: t('accountability.ui.decidedOn'), children: d.decidedOn },
          { label: t('accountability.ui.documentNo'), children: d.documentNo },
        ]} />
      )}
    </Drawer>
  );
}
