import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../web/api/client';
import type { Page } from '../../../web/api/types';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useAuth } from '../../../web/auth/AuthContext';
import { useT, type MessageKey } from '../../../web/i18n';
import { ClueDrawer } from './ClueDrawer';
import { ClueFormDrawer } from './ClueFormDrawer';

interface ClueItem { id: string; serial: string; title: string; received_on: string; disposal_due: string; disposal: string | null; disposal_on: string | null; outcome: string | null; case_id: string | null }

/** The clue register: number, receipt, the one-month disposal limit and how each clue was disposed of. */
export default function CluesPage() {
  const t = useT();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const { can } = useAuth();
  // The open clue is in the address (?clue=…), so a report's "转为问题线索" and links can land on it.
  const [params, setParams] = useSearchParams();
  const open = params.get('clue') ?? undefined;
  const setOpen = (id?: string) => setParams(id ? { clue: id } : {});
  const [registering, setRegistering] = useState(false);
  const list = useQuery({
    queryKey: ['cases', 'clues', q, page],
    queryFn: () => api.get<Page<ClueItem>>('/cases/clues', { q, ...page }),
    placeholderData: keepPreviousData,
  });
  const today = new Date().toISOString().slice(0, 10);
  const columns: TableColumnsType<ClueItem> = [
    { title: t('cases.ui.serial'), dataIndex: 'serial', width: 180 },
    { title: t('cases.ui.title'), dataIndex: 'title', ellipsis: true },
    { title: t('cases.ui.receivedOn'), dataIndex: 'received_on', width: 110 },
    {
      title: t('cases.ui.disposalDue'), dataIndex: 'disposal_due', width: 120,
      render: (d: string, r) => <span style={{ color: !r.disposal && d < today ? '#cf1322' : undefined }}>{d}</span>,
    },
    {
      title: t('cases.ui.disposal'), dataIndex: 'disposal', width: 130,
      render: (d: string | null) => (d ? <Tag color="blue">{t(`cases.ui.disposal.${d}` as MessageKey)}</Tag> : <Tag>{t('cases.ui.pending')}</Tag>),
    },
    { title: t('cases.ui.disposalOn'), dataIndex: 'disposal_on', width: 110 },
    {
      title: t('cases.ui.outcome'), dataIndex: 'outcome', width: 140,
      render: (o: string | null, r) => (o ? (r.case_id ? <a href={`/cases/cases/${r.case_id}`}>{t(`cases.ui.outcome.${o}` as MessageKey)}</a> : t(`cases.ui.outcome.${o}` as MessageKey)) : null),
    },
  ];
  return (
    <>
      <PageHeader title={t('menu.clues')} crumbs={[t('menu.group.cases')]} />
      <Card>
        <Flex justify="space-between" style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('cases.ui.search')} style={{ maxWidth: 320 }} data-testid="clue-search"
            onSearch={(v) => { setQ(v || undefined); setPage((p) => ({ ...p, page: 1 })); }} />
          {can('cases.clue.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="clue-create">{t('cases.ui.registerClue')}</Button>}
        </Flex>
        <Table<ClueItem> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <ClueDrawer id={open} onClose={() => setOpen(undefined)} />
      <ClueFormDrawer open={registering} onClose={() => setRegistering(false)} onCreated={(c) => setOpen(c.id)} />
    </>
  );
}
