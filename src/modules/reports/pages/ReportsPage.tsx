import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Segmented, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../web/api/client';
import type { Page } from '../../../web/api/types';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useT, type MessageKey } from '../../../web/i18n';
import { ClassifierButton } from './ClassifierButton';
import { IntakeDrawer } from './IntakeDrawer';
import { channels, kinds, statuses, type ReportListItem } from './types';

interface DeadlineItem { id: string; serial: string; title: string; unitName: string; status: string; deadlines: Array<{ name: string; due: string; overdueWorkingDays: number }> }

const statusColor: Record<string, string> = { received: 'orange', accepted: 'blue', handling: 'processing', closed: 'green', notAccepted: 'default' };

/** The reports list: filters by status, kind, channel and text; identity is never part of it. */
export default function ReportsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<{ q?: string; status?: string; kind?: string; channel?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [view, setView] = useState<'all' | 'overdue' | 'dueSoon'>('all');
  const [intake, setIntake] = useState(false);
  const { can } = useAuth();
  const deadlines = useQuery({
    queryKey: ['reports', 'deadlines', view],
    queryFn: () => api.get<{ items: DeadlineItem[] }>('/reports/deadlines', { state: view, withinWorkingDays: 5 }),
    enabled: view !== 'all',
  });
  const query = { ...filters, ...page };
  const list = useQuery({
    queryKey: ['reports', 'list', query],
    queryFn: () => api.get<Page<ReportListItem>>('/reports', query),
    placeholderData: keepPreviousData,
  });
  const filter = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const today = new Date().toISOString().slice(0, 10);

  const columns: TableColumnsType<ReportListItem> = [
    { title: t('reports.serial'), dataIndex: 'serial', width: 170, render: (s: string) => <span style={{ fontFamily: 'monospace' }}>{s}</span> },
    { title: t('reports.title'), dataIndex: 'title', width: 300, ellipsis: true },
    { title: t('reports.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`reports.kind.${k}` as MessageKey) },
    { title: t('reports.channel'), dataIndex: 'channel', width: 110, render: (c: string) => t(`reports.channel.${c}` as MessageKey) },
    { title: t('reports.status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={statusColor[s]}>{t(`reports.status.${s}` as MessageKey)}</Tag> },
    { title: t('reports.unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
    { title: t('reports.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    {
      title: t('reports.settleDue'), key: 'due', width: 110,
      render: (_, r) => {
        const due = r.status === 'received' ? r.routeDue : r.extendedDue ?? r.handleDue;
        if (!due || r.status === 'closed' || r.status === 'notAccepted') return null;
        return <span style={{ color: due < today ? '#cf1322' : undefined }}>{due}</span>;
      },
    },
    { title: t('reports.identified'), dataIndex: 'identified', width: 70, render: (v: boolean) => (v ? t('reports.identified') : t('reports.anonymous')) },
  ];

  const options = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
  return (
    <>
      <PageHeader title={t('menu.reports')} crumbs={[t('menu.group.reports')]}
        extra={<Flex gap={8}><ClassifierButton />{can('reports.report.create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)} data-testid="intake-create">{t('reports.register')}</Button>}</Flex>} />
      <IntakeDrawer open={intake} onClose={() => setIntake(false)} onCreated={(id) => navigate(`/reports/${id}`)} />
      <Card>
        <Segmented style={{ marginBottom: 16 }} value={view} onChange={(v) => setView(v as typeof view)}
          options={(['all', 'overdue', 'dueSoon'] as const).map((v) => ({ value: v, label: t(`reports.view.${v}`) }))} />
        {view !== 'all' ? (
          <Table<DeadlineItem> rowKey="id" loading={deadlines.isFetching} dataSource={deadlines.data?.items ?? []} pagination={{ pageSize: 20 }}
            onRow={(r) => ({ onClick: () => navigate(`/reports/${r.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('reports.serial'), dataIndex: 'serial', width: 170 },
              { title: t('reports.title'), dataIndex: 'title', ellipsis: true },
              { title: t('reports.unit'), dataIndex: 'unitName', width: 160 },
              { title: t('reports.deadlines'), key: 'd', render: (_, r) => r.deadlines.map((d) => (
                <Tag key={d.name} color={d.overdueWorkingDays > 0 ? 'red' : 'gold'}>{t(`reports.deadline.${d.name}` as MessageKey)} {d.due}</Tag>
              )) },
            ]} />
        ) : (<>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('reports.search')} style={{ width: 260 }} onSearch={(q) => filter({ q: q.trim() || undefined })} data-testid="reports-search" />
          <Select allowClear placeholder={t('reports.status')} style={{ width: 130 }} options={options(statuses, 'reports.status')} onChange={(v) => filter({ status: v })} />
          <Select allowClear placeholder={t('reports.kind')} style={{ width: 140 }} options={options(kinds, 'reports.kind')} onChange={(v) => filter({ kind: v })} />
          <Select allowClear placeholder={t('reports.channel')} style={{ width: 140 }} options={options(channels, 'reports.channel')} onChange={(v) => filter({ channel: v })} />
        </Flex>
        <Table<ReportListItem>
          data-testid="intake-reports-table"
          rowKey="id"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1250 }}
          onRow={(r) => ({ onClick: () => navigate(`/reports/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, size) => setPage({ page: size !== page.pageSize ? 1 : p, pageSize: size }),
          }}
        />
        </>)}
      </Card>
    </>
  );
}
