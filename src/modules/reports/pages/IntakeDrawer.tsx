import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, Drawer, Form, Input, Row, Select, Space, Typography } from 'antd';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { dictionaryOptions, useEfficiencyCategories, useSectors } from './settingsData';
import { channels, kinds } from './types';
import { DateInput } from '../../../web/components/DateInput';

interface Values {
  channel: string; kind: string; title: string; content: string; callerConsent?: boolean; referralDocNo?: string; receivedOn?: string;
  sector?: string; efficiencyCategory?: string; realName?: boolean; name?: string; phone?: string; accusedName?: string; accusedUnit?: string;
}
interface Created { id: string; serial: string; receipt: string; repeatCandidates: Array<{ id: string; serial: string; title: string }> }

/** Staff intake of a letter, visit, call (with the caller's consent), 12388, referral, inspection or monitoring-point report. */
export function IntakeDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  const realName = Form.useWatch('realName', form);
  const kind = Form.useWatch('kind', form);
  const sectors = useSectors(open);
  const efficiency = useEfficiencyCategories(open);
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => api.post<Created>('/reports', {
      channel: v.channel, kind: v.kind, sector: v.sector || undefined, efficiencyCategory: v.kind === 'efficiency' ? v.efficiencyCategory || undefined : undefined, title: v.title, content: v.content, anonymous: !v.realName,
      reporter: v.realName ? { name: v.name, phone: v.phone } : undefined,
      accused: v.accusedName || v.accusedUnit ? { name: v.accusedName || undefined, unit: v.accusedUnit || undefined } : undefined,
      callerConsent: v.channel === 'phone' ? !!v.callerConsent : undefined, referralDocNo: v.referralDocNo || undefined, receivedOn: v.receivedOn || undefined,
    }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['reports'] });
      form.resetFields();
      onClose();
      // The receipt is shown once: read it back to the caller or write it into the acknowledgement.
      modal.success({
        title: `${t('reports.serial')} ${r.serial}`,
        content: (
          <div>
            <Typography.Paragraph>{t('reports.receipt')}：<Typography.Text copyable strong>{r.receipt}</Typography.Text></Typography.Paragraph>
            {r.repeatCandidates.length > 0 && <Typography.Paragraph type="warning">{t('reports.candidates')}：{r.repeatCandidates.map((c) => c.serial).join('、')}</Typography.Paragraph>}
          </div>
        ),
        onOk: () => onCreated(r.id),
      });
    },
    onError: (err) => handleFormError(form, err),
  });
  const opts = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));

  return (
    <Drawer title={t('reports.register')} open={open} onClose={onClose} size="large" destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="intake-save">{t('common.save')}</Button></Space>}>
      <Form form={form} layout="vertical" initialValues={{ channel: 'letter', kind: 'accusation', realName: false }} onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="channel" label={t('reports.channel')}><Select options={opts(channels.filter((c) => c !== 'online'), 'reports.channel')} /></Form.Item></Col>
          <Col span={8}><Form.Item name="kind" label={t('reports.kind')}><Select options={opts(kinds, 'reports.kind')} /></Form.Item></Col>
          <Col span={8}><Form.Item name="receivedOn" label={t('reports.receivedOn')}><DateInput /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="sector" label={t('reports.sector')}><Select allowClear showSearch={{ optionFilterProp: 'label' }} data-testid="intake-sector" options={dictionaryOptions(sectors.data?.items, locale)} /></Form.Item></Col>
          {kind === 'efficiency' && (
            <Col span={12}><Form.Item name="efficiencyCategory" label={t('reports.efficiencyCategory')}><Select allowClear options={dictionaryOptions(efficiency.data?.items, locale)} /></Form.Item></Col>
          )}
        </Row>
        {channel === 'phone' && <Form.Item name="callerConsent" valuePropName="checked"><Checkbox>{t('reports.callerConsent')}</Checkbox></Form.Item>}
        {channel === 'referral' && <Form.Item name="referralDocNo" label={t('reports.referralDocNo')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>}
        <Form.Item name="title" label={t('reports.title')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="content" label={t('reports.content')} rules={[{ required: true }]}><Input.TextArea rows={5} maxLength={20000} /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="accusedName" label={t('public.accusedName')}><Input maxLength={50} /></Form.Item></Col>
          <Col span={12}><Form.Item name="accusedUnit" label={t('public.accusedUnit')}><Input maxLength={100} /></Form.Item></Col>
        </Row>
        <Form.Item name="realName" valuePropName="checked"><Checkbox>{t('public.realName')}</Checkbox></Form.Item>
        {realName && (
          <Row gutter={12}>
            <Col span={12}><Form.Item name="name" label={t('public.name')} rules={[{ required: true }]}><Input maxLength={50} /></Form.Item></Col>
            <Col span={12}><Form.Item name="phone" label={t('public.phone')} rules={[{ required: true }]}><Input maxLength={20} /></Form.Item></Col>
          </Row>
        )}
      </Form>
    </Drawer>
  );
}
