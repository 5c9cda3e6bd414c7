import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../../web/api/client';
import type { Page } from '../../../web/api/types';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useT } from '../../../web/i18n';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserDrawer } from './UserDrawer';
import type { SystemUser } from './types';

export default function UsersPage() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [drawer, setDrawer] = useState<{ open: boolean; record: SystemUser | null }>({ open: false, record: null });
  const [resetting, setResetting] = useState<SystemUser | null>(null);
  const query = { q, ...page };
  const list = useQuery({
    queryKey: ['system', 'users', 'list', query],
    queryFn: () => api.get<Page<SystemUser>>('/system/users', query),
    placeholderData: keepPreviousData,
  });
  const unlock = useMutation({
    mutationFn: (id: string) => api.post<void>(`/system/users/${id}/unlock`),
    onSuccess: () => {
      void message.success(t('user.unlocked'));
      void qc.invalidateQueries({ queryKey: ['system', 'users'] });
    },
  });
  const canWrite = can('system.user.write');

  const columns: TableColumnsType<SystemUser> = [
    { title: t('user.username'), dataIndex: 'username', width: 130, fixed: 'left' },
    { title: t('user.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('user.unit'), dataIndex: 'unitName', width: 200, ellipsis: true },
    { title: t('user.roles'), dataIndex: 'roles', width: 220, render: (roles: SystemUser['roles']) => roles.map((r) => <Tag key={r.id}>{r.name}</Tag>) },
    {
      title: t('user.status'),
      key: 'status',
      width: 180,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.active ? <Tag color="green">{t('user.active')}</Tag> : <Tag>{t('user.inactive')}</Tag>}
          {u.locked && <Tag color="red">{t('user.locked')}</Tag>}
          {u.totpEnabled && <Tag color="blue">TOTP</Tag>}
        </Space>
      ),
    },
    { title: t('user.lastLoginAt'), dataIndex: 'lastLoginAt', width: 160, render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—') },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 220,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDrawer({ open: true, record: u })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(u)}>
            {t('user.resetPassword')}
          </Button>
          {u.locked && (
            <Button type="link" size="small" onClick={() => unlock.mutate(u.id)}>
              {t('user.unlock')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('menu.users')}
        crumbs={[t('menu.group.system')]}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, record: null })} data-testid="user-create">
              {t('user.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('user.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={(v) => {
              setQ(v.trim() || undefined);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            data-testid="users-search"
          />
        </Flex>
        <Table<SystemUser>
          data-testid="users-table"
          rowKey="id"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1250 }}
          pagination={serverPagination(t, page, setPage, list.data?.total)}
        />
      </Card>
      <UserDrawer open={drawer.open} record={drawer.record} onClose={() => setDrawer({ open: false, record: null })} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
