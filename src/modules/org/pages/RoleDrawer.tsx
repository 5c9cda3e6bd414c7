import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space, Spin, Switch } from 'antd';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { dataScopes, type DataScope } from '../../../web/api/types';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT } from '../../../web/i18n';
import { PermissionPicker } from './PermissionPicker';
import type { Permission, Role } from './types';

interface Values {
  code: string;
  name: string;
  permissions: string[];
  dataScope: DataScope;
  customUnitIds: string[];
  requireTotp: boolean;
}

const fields = ['code', 'name', 'permissions', 'dataScope', 'customUnitIds', 'requireTotp'] as const;

export function RoleDrawer({ record, open, onClose }: { record: Role | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('dataScope', form);
  const perms = useQuery({
    queryKey: ['system', 'permissions'],
    queryFn: () => api.get<{ items: Permission[] }>('/system/permissions').then((r) => r.items),
    enabled: open,
    staleTime: 300_000,
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (record) form.setFieldsValue(record);
  }, [open, record, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      // Custom units only mean something for the "custom" scope; do not store stale ones.
      const body = { ...v, customUnitIds: v.dataScope === 'custom' ? v.customUnitIds : [] };
      return record ? api.patch<Role>(`/system/roles/${record.id}`, { ...body, code: undefined }) : api.post<Role>('/system/roles', body);
    },
    meta: { manualError: true },
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: ['system', 'roles'] });
      onClose();
    },
    onError: (err) => handleFormError(form, err, fields),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={record ? t('role.editTitle', { name: record.name }) : t('role.createTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="role-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ permissions: [], dataScope: 'unit', customUnitIds: [], requireTotp: false }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="code" label={t('role.code')} rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{1,49}$/, message: t('role.codeRule') }]}>
          <Input disabled={!!record} data-testid="role-form-code" />
        </Form.Item>
        <Form.Item name="name" label={t('role.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} data-testid="role-form-name" />
        </Form.Item>
        <Form.Item name="dataScope" label={t('role.dataScope')} rules={[{ required: true }]}>
          <Select options={dataScopes.map((s) => ({ value: s, label: t(`dataScope.${s}`) }))} data-testid="role-form-dataScope" />
        </Form.Item>
        {scope === 'custom' && (
          <Form.Item name="customUnitIds" label={t('role.customUnits')} extra={t('role.customUnitsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
            <UnitTreeSelect multiple style={{ width: '100%' }} data-testid="role-form-customUnits" />
          </Form.Item>
        )}
        <Form.Item name="requireTotp" label={t('role.requireTotp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="permissions" label={t('role.permissions')}>
          {perms.isLoading ? <Spin /> : <PermissionPicker permissions={perms.data ?? []} />}
        </Form.Item>
      </Form>
    </Drawer>
  );
}
