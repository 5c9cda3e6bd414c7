import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { api, downloadFile, showError } from '../../../web/api/client';
import type { Page } from '../../../web/api/types';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT } from '../../../web/i18n';
import { ImportButton } from './ImportButton';
import { OfficialDrawer } from './OfficialDrawer';
import { rankOptions } from './options';
import type { OfficialListItem, Rank } from './types';

interface Filters {
  q?: string;
  unitId?: string;
  rank?: Rank;
  includeSubunits: boolean;
}

export default function OfficialsPage() {
  const t = useT();
  const qc = useQueryClient();
  const { can } = useAuth();
  const [filters, setFilters] = useState<Filters>({ includeSubunits: true });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [drawer, setDrawer] = useState<{ open: boolean; id: string | null }>({ open: false, id: null });
  const query = { ...filters, ...page };
  const list = useQuery({
    queryKey: ['org', 'officials', 'list', query],
    queryFn: () => api.get<Page<OfficialListItem>>('/org/officials', query),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.del(`/org/officials/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['org', 'officials'] }),
  });
  const filter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const canWrite = can('org.official.write');

  const columns: TableColumnsType<OfficialListItem> = [
    { title: t('official.name'), dataIndex: 'name', fixed: 'left', width: 110 },
    { title: t('official.gender'), dataIndex: 'gender', width: 70, render: (g: OfficialListItem['gender']) => t(`gender.${g}`) },
    { title: t('official.birthDate'), dataIndex: 'birthDate', width: 110 },
    { title: t('official.citizenId'), dataIndex: 'citizenIdMasked', width: 180 },
    { title: t('official.partyMember'), dataIndex: 'partyMember', width: 90, render: (p: boolean) => (p ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')) },
    { title: t('official.unit'), dataIndex: 'unitName', width: 200, ellipsis: true },
    { title: t('official.post'), dataIndex: 'post', width: 160, ellipsis: true },
    { title: t('official.rank'), dataIndex: 'rank', width: 130, render: (r: Rank) => t(`rank.${r}`) },
    { title: t('official.managedBy'), dataIndex: 'managedBy', width: 110, render: (m: OfficialListItem['managedBy']) => t(`managedBy.${m}`) },
    { title: t('official.phone'), dataIndex: 'phone', width: 130 },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 130,
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDrawer({ open: true, id: r.id })} data-testid={`official-edit-${r.id}`}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('official.deleteConfirm', { name: r.name })} onConfirm={() => remove.mutateAsync(r.id).catch(() => undefined)}>
            <Button type="link" size="small" danger data-testid={`official-delete-${r.id}`}>
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
        title={t('menu.officials')}
        crumbs={[t('menu.group.org')]}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, id: null })} data-testid="official-create">
                {t('official.create')}
              </Button>
            )}
            {can('org.official.import') && (
              <>
                <ImportButton path="/org/officials/import" testId="officials-import" onImported={() => void qc.invalidateQueries({ queryKey: ['org', 'officials'] })} />
                <Button icon={<FileExcelOutlined />} onClick={() => downloadFile('/org/officials/import-template', undefined, 'officials-template.xlsx').catch(showError)} data-testid="officials-template">
                  {t('import.template')}
                </Button>
              </>
            )}
            {can('org.official.export') && (
              <Button icon={<DownloadOutlined />} onClick={() => downloadFile('/org/officials/export', { ...filters }, 'officials.xlsx').catch(showError)} data-testid="officials-export">
                {t('common.export')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('official.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(q) => filter({ q: q.trim() || undefined })}
            data-testid="officials-search"
          />
          <UnitTreeSelect value={filters.unitId} onChange={(v) => filter({ unitId: (v as string | undefined) ?? undefined })} style={{ width: 240 }} placeholder={t('official.filterUnit')} data-testid="officials-filter-unit" />
          <Checkbox checked={filters.includeSubunits} onChange={(e) => filter({ includeSubunits: e.target.checked })} style={{ alignSelf: 'center' }}>
            {t('official.includeSubunits')}
          </Checkbox>
          <Select allowClear placeholder={t('official.filterRank')} style={{ width: 180 }} options={rankOptions(t)} value={filters.rank} onChange={(rank?: Rank) => filter({ rank })} data-testid="officials-filter-rank" />
        </Flex>
        <Table<OfficialListItem>
          data-testid="officials-table"
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1300 }}
          pagination={serverPagination(t, page, setPage, list.data?.total)}
        />
      </Card>
      <OfficialDrawer open={drawer.open} id={drawer.id} onClose={() => setDrawer({ open: false, id: null })} />
    </>
  );
}
