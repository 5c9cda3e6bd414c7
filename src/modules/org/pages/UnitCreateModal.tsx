import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import type { Unit } from '../../../web/api/types';
import { useT } from '../../../web/i18n';

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind: 'department' | 'stationedTeam';
}

const fields = ['code', 'name', 'shortName', 'kind', 'parentCode'] as const;

/** Departments and stationed teams are added by hand; divisions (townships, villages) come from GB/T 2260 data. */
export function UnitCreateModal({ parent, open, onClose, onCreated }: { parent: Unit | null; open: boolean; onClose: () => void; onCreated: (u: Unit) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const create = useMutation({
    mutationFn: (v: Values) => api.post<Unit>('/org/units', { ...v, shortName: v.shortName || undefined, parentCode: parent?.code }),
    meta: { manualError: true },
    onSuccess: (u) => {
      void message.success(t('common.saved'));
      onCreated(u);
    },
    onError: (err) => handleFormError(form, err, fields),
  });
  return (
    <Modal
      open={open}
      title={t('unit.createTitle', { parent: parent?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'unit-form-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'department' }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="unit-form-kind"
            options={(['department', 'stationedTeam'] as const).map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="code" label={t('unit.code')} extra={t('unit.codeHint')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="unit-form-code" maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="unit-form-name" maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('unit.shortName')}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
