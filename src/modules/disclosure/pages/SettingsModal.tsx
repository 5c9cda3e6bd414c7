import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { handleFormError } from '../../../web/api/formErrors';
import { useT } from '../../../web/i18n';
import { disclosureApi, disclosureKeys, opt } from './api';

type Values = { dueDays: number; firstQuarter?: string };

/** 公开设置: the days a disclosure is due after its quarter (default 10) and the first quarter tracked. */
export function SettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const q = useQuery({ queryKey: [...disclosureKeys.all, 'settings'], queryFn: disclosureApi.settings, enabled: open });
  useEffect(() => { if (open && q.data) form.setFieldsValue({ dueDays: q.data.dueDays, firstQuarter: q.data.firstQuarter ?? undefined }); }, [open, q.data]);
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => disclosureApi.saveSettings({ dueDays: v.dueDays, firstQuarter: opt(v.firstQuarter) ?? null }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: disclosureKeys.all }); void message.success(t('disclosure.ui.saved')); onClose(); },
    onError: (err) => handleFormError(form, err, ['dueDays', 'firstQuarter']),
  });
  return (
    <Modal open={open} title={t('disclosure.ui.settings')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Alert type="info" style={{ marginBottom: 16 }} title={t('disclosure.ui.settingsHelp')} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="dueDays" label={t('disclosure.ui.dueDays')} rules={[{ required: true, message: t('common.required') }]}><InputNumber min={1} max={90} /></Form.Item>
        <Form.Item name="firstQuarter" label={t('disclosure.ui.firstQuarter')}><Input placeholder="2025Q1" style={{ width: 140 }} /></Form.Item>
      </Form>
    </Modal>
  );
}
