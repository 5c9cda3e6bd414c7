import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, InputNumber, Modal, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useAuth } from '../../../web/auth/AuthContext';
import { useT, type MessageKey } from '../../../web/i18n';
import { useServerErrors } from '../../cases/pages/formKit';
import { villageApi, villageKeys, type Thresholds } from './api';

const keys: Array<keyof Thresholds> = ['cashLimit', 'approvalThreshold', 'splitWindowDays', 'majorAmount', 'rentMinPeers', 'contractTermYears', 'negotiationLimit',
  'disposalRatio', 'concentrationShare', 'concentrationMinAmount'];

/** The county's thresholds with their stated basis (待核 where local practice is assumed); editable by whoever may re-screen. */
export function ThresholdsCard() {
  const t = useT();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Thresholds>();
  const errors = useServerErrors(form, keys);
  const q = useQuery({ queryKey: villageKeys.thresholds, queryFn: villageApi.thresholds });
  const save = useMutation({
    meta: { manualError: true }, mutationFn: villageApi.saveThresholds, onError: errors.onError,
    onSuccess: (v) => { qc.setQueryData(villageKeys.thresholds, v); void message.success(t('villageAssets.ui.thresholdsSaved')); setOpen(false); },
  });
  const v = q.data;
  const label = (k: keyof Thresholds) => t(`villageAssets.ui.th.${k}` as MessageKey);
  return (
    <Card title={t('villageAssets.ui.thresholds')} loading={q.isLoading} data-testid="village-thresholds"
      extra={can('villageAssets.screen') && <Button size="small" icon={<SettingOutlined />} onClick={() => { form.setFieldsValue(v!.thresholds); setOpen(true); }}
        data-testid="village-thresholds-edit">{t('villageAssets.ui.editThresholds')}</Button>}>
      {v && (
        <Descriptions column={1} size="small" bordered items={keys.map((k) => ({
          key: k, label: label(k),
          children: <><Typography.Text strong>{v.thresholds[k].toLocaleString()}</Typography.Text><br /><Typography.Text type="secondary">{v.basis[k]}</Typography.Text></>,
        }))} />
      )}
      <Modal open={open} title={t('villageAssets.ui.editThresholds')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
        {errors.alert}
        <Form form={form} layout="vertical" onFinish={(x) => save.mutate(x)}>
          {keys.map((k) => (
            <Form.Item key={k} name={k} label={label(k)} rules={[{ required: true }]}><InputNumber style={{ width: 200 }} min={0} /></Form.Item>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}
