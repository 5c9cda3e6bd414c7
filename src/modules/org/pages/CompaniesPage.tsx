import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Popconfirm, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../web/api/client';
import type { Page } from '../../../web/api/types';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT } from '../../../web/i18n';
import { CompanyDrawer } from './CompanyDrawer';
import type { Company } from './types';

export default function CompaniesPage() {
  const t = useT();
  const qc = useQueryClient();
  const { can } = useAuth();
  const [filters, setFilters] = useState<{ q?: string; unitId?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [drawer, setDrawer] = useState<{ open: boolean; record: Company | null }>({ open: false, record: null });
  const query = { ...filters, ...page };
  const list = useQuery({
    queryKey: ['org', 'companies', 'list', query],
    queryFn: () => api.get<Page<Company>>('/org/companies', query),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.del(`/org/companies/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['org', 'companies'] }),
  });
  const canWrite = can('org.company.write');
  const filter = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  const columns: TableColumnsType<Company> = [
    { title: t('company.name'), dataIndex: 'name', width: 220, fixed: 'left', ellipsis: true },
    {
      title: t('company.creditCode'),
      dataIndex: 'creditCode',
      width: 240,
      render: (code: string, r) => (
        <Space size={4}>
          <span style={{ fontFamily: 'monospace' }}>{code}</span>
          {r.creditCodeCheckOverridden && (
            <Tooltip title={t('company.overriddenHint')}>
              <Tag color="orange">{t('company.overridden')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('company.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
    { title: t('company.legalRepresentative'), dataIndex: 'legalRepresentative', width: 120 },
    { title: t('company.address'), dataIndex: 'address', width: 260, ellipsis: true },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 130,
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDrawer({ open: true, record: r })}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('company.deleteConfirm', { name: r.name })} onConfirm={() => remove.mutateAsync(r.id).catch(() => undefined)}>
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('menu.companies')}
        crumbs={[t('menu.group.org')]}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, record: null })} data-testid="company-create">
              {t('company.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('company.searchPlaceholder')} style={{ width: 260 }} onSearch={(q) => filter({ q: q.trim() || undefined })} data-testid="companies-search" />
          <UnitTreeSelect value={filters.unitId} onChange={(v) => filter({ unitId: (v as string | undefined) ?? undefined })} style={{ width: 240 }} placeholder={t('official.filterUnit')} />
        </Flex>
        <Table<Company>
          data-testid="companies-table"
          rowKey="id"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1150 }}
          pagination={serverPagination(t, page, setPage, list.data?.total)}
        />
      </Card>
      <CompanyDrawer open={drawer.open} record={drawer.record} onClose={() => setDrawer({ open: false, record: null })} />
    </>
  );
}
