import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useAuth } from '../../../web/auth/AuthContext';
import { useT, type MessageKey } from '../../../web/i18n';
import { useServerErrors } from '../../cases/pages/formKit';
import { penaltyApi, penaltyKeys, type SettingsValues } from './api';

/** Each threshold with the range the server accepts (schema.ts settingsUpdate). */
const thresholds: Array<{ name: keyof SettingsValues; max: number; unit: string }> = [
  { name: 'seriousFineIndividual', max: 1e9, unit: '¥' },
  { name: 'seriousFineOrganisation', max: 1e10, unit: '¥' },
  { name: 'unpaidDays', max: 3650, unit: '' },
];
const fields = thresholds.map((x) => x.name);

/**
 * 筛查参数: the county's thresholds, each with its meaning and basis, and the fixed peer minimum shown for what it
 * is. Only a user allowed to screen sees the button; saving re-screens the county on the server, so the flags on
 * every page follow.
 */
export function SettingsButton() {
  const t = useT();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<SettingsValues>();
  const errors = useServerErrors(form, fields);
  const settings = useQuery({ queryKey: penaltyKeys.settings, queryFn: penaltyApi.settings, enabled: open });
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: penaltyApi.saveSettings,
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: penaltyKeys.all });
      void message.success(t('penalty.ui.settingsSaved', { hits: r.screening.hits, kept: r.screening.kept }));
      setOpen(false);
    },
    onError: errors.onError,
  });
  if (!can('penaltyDiscretion.screen')) return null;
  const s = settings.data;
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)} data-testid="penalty-settings">{t('penalty.ui.settingsOpen')}</Button>
      <Modal open={open} title={t('penalty.ui.settingsTitle')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('common.save')}
        cancelText={t('common.cancel')} confirmLoading={save.isPending} okButtonProps={{ disabled: !s, 'data-testid': 'penalty-settings-save' } as ButtonProps}
        width={640} destroyOnHidden data-testid="penalty-settings-modal" afterOpenChange={(o) => { if (!o) errors.clear(); }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('penalty.ui.settingsHint')} />
        {errors.alert}
        {s && (
          <Form form={form} layout="vertical" initialValues={s} onFinish={(v) => { errors.clear(); save.mutate(v); }}>
            {thresholds.map((x) => (
              <Form.Item key={x.name} name={x.name} label={t(`penalty.ui.set.${x.name}` as MessageKey)} extra={t(`penalty.ui.set.${x.name}.help` as MessageKey)}
                rules={[{ required: true, message: t('common.required') }, { type: 'integer', min: x.name === 'unpaidDays' ? 0 : 1, max: x.max, message: t('penalty.ui.set.range', { min: x.name === 'unpaidDays' ? 0 : 1, max: x.max.toLocaleString() }) }]}>
                <InputNumber precision={0} style={{ width: 220 }} prefix={x.unit || undefined} data-testid={`penalty-set-${x.name}`} />
              </Form.Item>
            ))}
            <Form.Item label={t('penalty.ui.set.minPeers')} extra={t('penalty.ui.set.minPeers.help', { n: s.minPeers })}>
              <Typography.Text strong>{s.minPeers}</Typography.Text>
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
