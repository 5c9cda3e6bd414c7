import { useState, type ChangeEvent } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Input, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, downloadFile, showError } from '../../../web/api/client';
import type { Page } from '../../../web/api/types';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useT } from '../../../web/i18n';

interface AuditEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  clientIp: string | null;
  detail: unknown;
  chainSeq: number;
  hash: string;
}

interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { chainSeq: number; id: number; reason: string };
}

interface Filters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  objectType?: string;
}

const detailText = (d: unknown) => (d == null ? '' : typeof d === 'string' ? d : JSON.stringify(d));

/** The hash-chained audit log: who did what when, exportable, and checkable for tampering. */
export default function AuditLogPage() {
  const t = useT();
  const { can } = useAuth();
  const [filters, setFilters] = useState<Filters>({});
  const [draft, setDraft] = useState<Filters>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const query = { ...filters, ...page };
  const list = useQuery({
    queryKey: ['audit', 'entries', query],
    queryFn: () => api.get<Page<AuditEntry>>('/audit/entries', query),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => api.get<VerifyResult>('/audit/verify') });

  const apply = () => {
    setFilters({
      ...draft,
      // Whole days in local time: the "to" day is included up to its last millisecond.
      from: range?.[0] ? range[0].startOf('day').toISOString() : undefined,
      to: range?.[1] ? range[1].endOf('day').toISOString() : undefined,
    });
    setPage((p) => ({ ...p, page: 1 }));
  };
  const text = (key: keyof Filters) => ({
    value: draft[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, [key]: e.target.value.trim() || undefined })),
    onPressEnter: apply,
    allowClear: true,
  });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.chainSeq'), dataIndex: 'chainSeq', width: 90, fixed: 'left' },
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('audit.action'), dataIndex: 'action', width: 180 },
    { title: t('audit.objectType'), dataIndex: 'objectType', width: 130 },
    { title: t('audit.objectId'), dataIndex: 'objectId', width: 140, ellipsis: true },
    { title: t('audit.clientIp'), dataIndex: 'clientIp', width: 130 },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      width: 280,
      ellipsis: { showTitle: false },
      render: (d: unknown) => (
        <Tooltip title={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{detailText(d)}</pre>}>
          <span>{detailText(d)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      width: 130,
      render: (h: string) => (
        <Typography.Text code copyable={{ text: h }}>
          {h.slice(0, 10)}
        </Typography.Text>
      ),
    },
  ];

  const result = verify.data;
  return (
    <>
      <PageHeader
        title={t('menu.audit')}
        crumbs={[t('menu.group.system')]}
        extra={
          <>
            <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
              {t('audit.verify')}
            </Button>
            {can('audit.export') && (
              <Button icon={<DownloadOutlined />} onClick={() => downloadFile('/audit/export', { ...filters }, 'audit.csv').catch(showError)} data-testid="audit-export">
                {t('audit.exportCsv')}
              </Button>
            )}
          </>
        }
      />
      {result && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={result.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          title={result.ok ? t('audit.verifyOk', { n: result.checked }) : t('audit.verifyBroken', { n: result.checked })}
          description={
            result.firstBroken &&
            t('audit.brokenAt', { seq: result.firstBroken.chainSeq, id: result.firstBroken.id, reason: result.firstBroken.reason })
          }
        />
      )}
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} data-testid="audit-range" />
          <Input placeholder={t('audit.actor')} style={{ width: 140 }} {...text('actor')} data-testid="audit-filter-actor" />
          <Input placeholder={t('audit.action')} style={{ width: 180 }} {...text('action')} data-testid="audit-filter-action" />
          <Input placeholder={t('audit.objectType')} style={{ width: 150 }} {...text('objectType')} />
          <Button type="primary" onClick={apply} data-testid="audit-search">
            {t('common.search')}
          </Button>
        </Flex>
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1400 }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, size) => setPage({ page: size !== page.pageSize ? 1 : p, pageSize: size }),
          }}
        />
      </Card>
    </>
  );
}
