import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Space } from 'antd';
import { api, ApiError } from '../../../web/api/client';
import { applyFormErrors, fieldOf, handleFormError } from '../../../web/api/formErrors';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT } from '../../../web/i18n';
import type { Company } from './types';

interface Values {
  name: string;
  creditCode: string;
  unitId: string;
  legalRepresentative?: string;
  address?: string;
  overrideCheck?: boolean;
}

const fields = ['name', 'creditCode', 'unitId', 'legalRepresentative', 'address'] as const;

/**
 * Some genuine old registrations fail the GB 32100 checksum. The server rejects them by default;
 * only after it has said so does the form offer "忽略校验", so overriding is always a conscious choice.
 */
export function CompanyDrawer({ record, open, onClose }: { record: Company | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [offerOverride, setOfferOverride] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (record) form.setFieldsValue({ ...record, legalRepresentative: record.legalRepresentative ?? undefined, address: record.address ?? undefined, overrideCheck: record.creditCodeCheckOverridden });
    setOfferOverride(!!record?.creditCodeCheckOverridden);
  }, [open, record, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...v, legalRepresentative: v.legalRepresentative || undefined, address: v.address || undefined, overrideCheck: offerOverride ? !!v.overrideCheck : undefined };
      return record ? api.patch<Company>(`/org/companies/${record.id}`, body) : api.post<Company>('/org/companies', body);
    },
    meta: { manualError: true },
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: ['org', 'companies'] });
      onClose();
    },
    onError: (err) => {
      // Only a checksum mismatch can be overridden; a duplicate or malformed code cannot.
      const checksumIssue =
        err instanceof ApiError &&
        err.status === 400 &&
        err.issues.some((i) => fieldOf(i.field) === 'creditCode' && (i.key === undefined || i.key === 'field.creditCode'));
      if (checksumIssue) {
        setOfferOverride(true);
        applyFormErrors(form, err, fields);
      } else handleFormError(form, err, fields);
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={record ? t('company.editTitle') : t('company.createTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="company-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('company.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} data-testid="company-form-name" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('company.creditCode')} extra={t('company.creditCodeHint')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} data-testid="company-form-creditCode" />
        </Form.Item>
        {offerOverride && (
          <>
            <Alert type="warning" showIcon title={t('company.overrideHint')} style={{ marginBottom: 12 }} />
            <Form.Item name="overrideCheck" valuePropName="checked">
              <Checkbox data-testid="company-form-override">{t('company.override')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="unitId" label={t('company.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitTreeSelect style={{ width: '100%' }} data-testid="company-form-unit" />
        </Form.Item>
        <Form.Item name="legalRepresentative" label={t('company.legalRepresentative')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="address" label={t('company.address')}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
