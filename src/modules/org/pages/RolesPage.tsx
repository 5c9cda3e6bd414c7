import { useState } from 'react';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useT } from '../../../web/i18n';
import { RoleDrawer } from './RoleDrawer';
import { useRoles } from './UserDrawer';
import type { Role } from './types';

export default function RolesPage() {
  const t = useT();
  const { can } = useAuth();
  const roles = useRoles();
  const [drawer, setDrawer] = useState<{ open: boolean; record: Role | null }>({ open: false, record: null });
  const canWrite = can('system.role.write');

  const columns: TableColumnsType<Role> = [
    { title: t('role.code'), dataIndex: 'code', width: 160, fixed: 'left' },
    { title: t('role.name'), dataIndex: 'name', width: 180, render: (n: string, r) => <>{n} {r.builtin && <Tag>{t('role.builtin')}</Tag>}</> },
    { title: t('role.dataScope'), dataIndex: 'dataScope', width: 140, render: (s: Role['dataScope'], r) => `${t(`dataScope.${s}`)}${s === 'custom' ? ` (${r.customUnitIds.length})` : ''}` },
    { title: t('role.permissionCount'), dataIndex: 'permissions', width: 110, render: (p: string[]) => p.length },
    { title: t('role.requireTotp'), dataIndex: 'requireTotp', width: 120, render: (v: boolean) => (v ? <Tag color="blue">{t('common.yes')}</Tag> : t('common.no')) },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 100,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setDrawer({ open: true, record: r })} data-testid={`role-edit-${r.code}`}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('menu.roles')}
        crumbs={[t('menu.group.system')]}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, record: null })} data-testid="role-create">
              {t('role.create')}
            </Button>
          )
        }
      />
      <Card>
        <Table<Role> data-testid="roles-table" rowKey="id" loading={roles.isFetching} columns={columns} dataSource={roles.data ?? []} scroll={{ x: 820 }} pagination={false} />
      </Card>
      <RoleDrawer open={drawer.open} record={drawer.record} onClose={() => setDrawer({ open: false, record: null })} />
    </>
  );
}
