import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../web/auth/AuthContext';
import { serverPagination } from '../../../web/components/serverPagination';
import { useT } from '../../../web/i18n';
import { TownshipSelect } from '../../risk/pages/filters';
import { campaignApi, campaignKeys, findingCategories, findingStatuses, type CampaignDetail, type Finding, type FindingFilter } from './api';
import { FindingDrawer } from './FindingDrawer';
import { FindingStepModal, type FindingStep } from './FindingActions';
import { categoryText, statusColor, statusText } from './labels';

/** 发现问题: filtered by status, category, township and overdue; each row offers the steps its status and the caller's permissions allow. */
export function FindingsTable({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const { can, me } = useAuth();
  const [filter, setFilter] = useState<FindingFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState<{ finding: Finding; step: FindingStep } | null>(null);
  const q = { ...filter, ...page };
  const list = useQuery({ queryKey: campaignKeys.findings(campaign.id, q), queryFn: () => campaignApi.findings(campaign.id, q), placeholderData: keepPreviousData });
  const change = (patch: Partial<FindingFilter>) => { setFilter((f) => ({ ...f, ...patch })); setPage((p) => ({ ...p, page: 1 })); };
  const step = (f: Finding, s: FindingStep, label: string, testId: string) => (
    <Button size="small" type="link" onClick={() => setAction({ finding: f, step: s })} data-testid={testId}>{label}</Button>
  );
  const columns: TableColumnsType<Finding> = [
    { title: t('campaigns.ui.category'), dataIndex: 'category', width: 100, render: (c: Finding['category']) => categoryText(t, c) },
    {
      title: t('campaigns.ui.description2'), dataIndex: 'description',
      render: (d: string, f) => <><div>{d}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.objectName}</Typography.Text></>,
    },
    { title: t('campaigns.ui.township'), dataIndex: 'townshipName', width: 110, render: (v: string | null) => v ?? t('campaigns.ui.countyLevel') },
    { title: t('campaigns.ui.foundOn'), dataIndex: 'foundOn', width: 105 },
    { title: t('campaigns.ui.owner'), dataIndex: 'ownerName', width: 120, render: (v: string | null, f) => (v ? <Tooltip title={f.ownerPost}>{v}</Tooltip> : '—') },
    {
      title: t('campaigns.ui.dueOn'), dataIndex: 'dueOn', width: 130,
      render: (d: string | null, f) => <Space size={4}>{d ?? '—'}{f.overdue && <Tag color="red" data-testid="finding-overdue">{t('campaigns.ui.overdueTag')}</Tag>}</Space>,
    },
    {
      title: t('campaigns.ui.status'), dataIndex: 'status', width: 130,
      render: (s: Finding['status'], f) => (
        <Tooltip title={[f.rectifiedByName && `${t('campaigns.ui.rectifiedBy')}：${f.rectifiedByName}`, f.signedOffByName && `${t('campaigns.ui.signedOffBy')}：${f.signedOffByName}`,
          f.reopenReason && `${t('campaigns.ui.reopenReason')}：${f.reopenReason}`].filter(Boolean).join('；') || undefined}>
          <Tag color={statusColor[s]} data-testid="finding-status" data-status={s}>{statusText(t, s)}</Tag>
          {f.reopenCount > 0 && <Tag>{t('campaigns.ui.reopenedTimes', { n: f.reopenCount })}</Tag>}
        </Tooltip>
      ),
    },
    {
      title: t('common.actions'), width: 170,
      render: (_, f) => (
        <Space size={0} wrap>
          {can('campaigns.write') && (f.status === 'open' || f.status === 'rectifying') && step(f, 'assign', t('campaigns.ui.assign'), 'finding-assign')}
          {can('campaigns.write') && f.status === 'rectifying' && step(f, 'rectify', t('campaigns.ui.rectify'), 'finding-rectify')}
          {can('campaigns.signOff') && f.status === 'rectified' && f.rectifiedBy !== me?.id && step(f, 'signOff', t('campaigns.ui.signOff'), 'finding-signoff')}
          {can('campaigns.signOff') && (f.status === 'rectified' || f.status === 'signedOff') && step(f, 'reopen', t('campaigns.ui.reopen'), 'finding-reopen')}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <Select allowClear style={{ width: 150 }} placeholder={t('campaigns.ui.status')} value={filter.status} data-testid="finding-filter-status"
            onChange={(v) => change({ status: v })} options={findingStatuses.map((s) => ({ value: s, label: statusText(t, s) }))} />
          <Select allowClear style={{ width: 130 }} placeholder={t('campaigns.ui.category')} value={filter.category} data-testid="finding-filter-category"
            onChange={(v) => change({ category: v })} options={findingCategories.map((c) => ({ value: c, label: categoryText(t, c) }))} />
          <TownshipSelect value={filter.township} onChange={(v) => change({ township: v })} testId="finding-filter-township" />
          <Checkbox checked={filter.overdue === 'true'} onChange={(e) => change({ overdue: e.target.checked ? 'true' : undefined })} data-testid="finding-filter-overdue">
            {t('campaigns.ui.overdueOnly')}
          </Checkbox>
        </Flex>
        {can('campaigns.write') && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="finding-add">{t('campaigns.ui.addFinding')}</Button>}
      </Flex>
      <Table<Finding> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="campaign-findings"
        pagination={serverPagination(t, page, setPage, list.data?.total)} />
      <FindingDrawer campaignId={campaign.id} open={adding} onClose={() => setAdding(false)} />
      <FindingStepModal finding={action?.finding ?? null} step={action?.step ?? null} onClose={() => setAction(null)} />
    </>
  );
}
