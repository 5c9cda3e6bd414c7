import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space, Spin, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT } from '../../../web/i18n';
import { citizenIdChecksumOk, citizenIdFacts } from './citizenId';
import { genderOptions, managedByOptions, rankOptions } from './options';
import type { Official, OfficialInput } from './types';

const fields = ['name', 'gender', 'birthDate', 'citizenId', 'partyMember', 'unitId', 'post', 'rank', 'managedBy', 'phone'] as const;
const optional = ['birthDate', 'citizenId', 'post', 'phone'] as const;

/** Create (id null) or edit an official. Editing loads the full record, the list only has the masked ID. */
export function OfficialDrawer({ id, open, onClose }: { id: string | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<OfficialInput>();
  const editing = id !== null;
  const record = useQuery({
    queryKey: ['org', 'officials', 'one', id],
    queryFn: () => api.get<Official>(`/org/officials/${id}`),
    enabled: open && editing,
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing && record.data) form.setFieldsValue(record.data);
  }, [open, editing, record.data, form]);

  const save = useMutation({
    mutationFn: (v: OfficialInput) => {
      const body: Record<string, unknown> = { ...v };
      // Create omits empty optional fields; edit sends null so a cleared field is really cleared.
      for (const k of optional) if (body[k] === '' || body[k] == null) body[k] = editing ? null : undefined;
      return editing ? api.patch<Official>(`/org/officials/${id}`, body) : api.post<Official>('/org/officials', body);
    },
    meta: { manualError: true },
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: ['org', 'officials'] });
      onClose();
    },
    onError: (err) => handleFormError(form, err, fields),
  });

  const onCitizenId = (value: string) => {
    const facts = citizenIdFacts(value.trim());
    if (!facts) return;
    if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', facts.birthDate);
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', facts.gender);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={editing ? t('official.editTitle') : t('official.createTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="official-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Spin spinning={editing && record.isLoading}>
        <Form form={form} layout="vertical" initialValues={{ partyMember: false }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('official.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={50} data-testid="official-form-name" />
          </Form.Item>
          <Form.Item name="gender" label={t('official.gender')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group options={genderOptions(t)} data-testid="official-form-gender" />
          </Form.Item>
          <Form.Item
            name="citizenId"
            label={t('official.citizenId')}
            rules={[
              {
                warningOnly: true,
                validator: (_, v?: string) => (!v || citizenIdChecksumOk(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('official.citizenIdHint')))),
              },
            ]}
          >
            <Input maxLength={18} autoComplete="off" data-testid="official-form-citizenId" onChange={(e) => onCitizenId(e.target.value)} />
          </Form.Item>
          <Form.Item
            name="birthDate"
            label={t('official.birthDate')}
            getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : undefined })}
            normalize={(d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
          >
            <DatePicker style={{ width: '100%' }} data-testid="official-form-birthDate" disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
          <Form.Item name="partyMember" label={t('official.partyMember')} valuePropName="checked">
            <Switch data-testid="official-form-partyMember" />
          </Form.Item>
          <Form.Item name="unitId" label={t('official.unit')} rules={[{ required: true, message: t('common.required') }]}>
            <UnitTreeSelect style={{ width: '100%' }} data-testid="official-form-unit" />
          </Form.Item>
          <Form.Item name="post" label={t('official.post')}>
            <Input maxLength={100} data-testid="official-form-post" />
          </Form.Item>
          <Form.Item name="rank" label={t('official.rank')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={rankOptions(t)} data-testid="official-form-rank" />
          </Form.Item>
          <Form.Item name="managedBy" label={t('official.managedBy')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={managedByOptions(t)} data-testid="official-form-managedBy" />
          </Form.Item>
          <Form.Item name="phone" label={t('official.phone')}>
            <Input maxLength={20} data-testid="official-form-phone" />
          </Form.Item>
        </Form>
      </Spin>
    </Drawer>
  );
}
