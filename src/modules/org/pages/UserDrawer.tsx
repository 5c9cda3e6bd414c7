import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { isStrongEnough } from '../../../web/auth/passwordPolicy';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT } from '../../../web/i18n';
import type { Role, SystemUser } from './types';

interface Values {
  username: string;
  displayName: string;
  unitId: string;
  roleIds: string[];
  password?: string;
  active?: boolean;
}

const fields = ['username', 'displayName', 'unitId', 'roleIds', 'password', 'active'] as const;

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['system', 'roles'],
    queryFn: () => api.get<{ items: Role[] }>('/system/roles').then((r) => r.items),
    enabled,
    staleTime: 60_000,
  });
}

/** Create a user (with an initial password they must change) or edit unit, roles and active flag. */
export function UserDrawer({ record, open, onClose }: { record: SystemUser | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const roles = useRoles(open && can('system.role.read'));
  // Without system.role.read the user's current roles are the only ones we can name.
  const roleOptions = (roles.data ?? record?.roles ?? []).map((r) => ({ value: r.id, label: r.name }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (record) form.setFieldsValue({ ...record, roleIds: record.roles.map((r) => r.id) });
  }, [open, record, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      record
        ? api.patch<SystemUser>(`/system/users/${record.id}`, { displayName: v.displayName, unitId: v.unitId, roleIds: v.roleIds, active: v.active })
        : api.post<SystemUser>('/system/users', { username: v.username, displayName: v.displayName, unitId: v.unitId, roleIds: v.roleIds, password: v.password }),
    meta: { manualError: true },
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: ['system', 'users'] });
      onClose();
    },
    onError: (err) => handleFormError(form, err, fields),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      title={record ? t('user.editTitle') : t('user.createTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="user-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ roleIds: [], active: true }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="username" label={t('user.username')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('user.usernameRule') }]}>
          <Input disabled={!!record} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item name="unitId" label={t('user.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitTreeSelect style={{ width: '100%' }} data-testid="user-form-unit" />
        </Form.Item>
        <Form.Item name="roleIds" label={t('user.roles')}>
          <Select mode="multiple" options={roleOptions} loading={roles.isLoading} data-testid="user-form-roles" />
        </Form.Item>
        {record ? (
          <Form.Item name="active" label={t('user.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t('user.initialPassword')}
            extra={t('password.policy')}
            rules={[
              { required: true, message: t('common.required') },
              { validator: (_, v?: string) => (!v || isStrongEnough(v) ? Promise.resolve() : Promise.reject(new Error(t('password.weak')))) },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
